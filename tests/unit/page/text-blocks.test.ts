// @vitest-environment happy-dom
// textBlocks: which text is read as one block, what is skipped, and that the walk costs the
// number of nodes however deep they are nested (issue 13: 6,000 nested inline elements added
// 2.3 s, because every text node looked up through all its inline ancestors).
import { describe, expect, it } from 'vitest';
import { textBlocks } from '@/utils/page/text-blocks';

/** The blocks under `root`, each as its text. */
const blockTexts = (root: Node) => [...textBlocks(root)].map((block) => block.text);

function element(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('text blocks', () => {
  it.each<[string, string[]]>([
    ['<p>See <b>mail1</b>.trump-email.com now</p>', ['See mail1.trump-email.com now']],
    ['<p>one</p><p>two</p>', ['one', 'two']],
    ['<p>a <span>b <div>c</div> d</span> e</p>', ['a b ', 'c', ' d e']],
    ['text <em>in</em> the root', ['text in the root']],
  ])('%s', (html, expected) => expect(blockTexts(element(html))).toEqual(expected));

  // Only the editing host's own attribute is read: the walk never goes inside one, and the
  // scanner turns away a queued root inside one (page-scanner.test.ts).
  it.each([
    ['contenteditable', false],
    ['contenteditable="true"', false],
    ['contenteditable="TRUE"', false],
    ['contenteditable="plaintext-only"', false],
    ['contenteditable="false"', true],
    ['contenteditable="bogus"', true],
  ])('a <div %s> is read: %s', (attribute, read) => {
    const root = element(`<div ${attribute}>inside <b>bold</b></div><p>outside</p>`);
    expect(blockTexts(root)).toEqual(read ? ['inside bold', 'outside'] : ['outside']);
  });
});

describe('deeply nested inline elements', () => {
  /**
   * `<p>` holding `depth` nested inline elements, each with its own word; inside the innermost a
   * block (`<div>`) and a tail; after the `<p>`, more text. Returns the outermost element and
   * the `n`th nested one. Built by the parser: happy-dom can't attach a tree this deep to the
   * document (its connect step recurses), so the walk runs on a detached tree.
   */
  function nest(depth: number) {
    const tag = (i: number) => (i % 2 ? 'b' : 'span');
    let html = '<p>';
    for (let i = 0; i < depth; i++) html += `<${tag(i)}>w${i} `;
    html += '<div>deep.example.com</div>tail';
    for (let i = depth - 1; i >= 0; i--) html += `</${tag(i)}>`;
    const root = element(`${html}</p>after`);
    // Down by hand: happy-dom's querySelector recurses too.
    const level = (n: number) => {
      let nested = root.firstElementChild!.firstElementChild!;
      for (let i = 0; i < n; i++) nested = nested.firstElementChild!;
      return nested;
    };
    return { root, level };
  }

  /** Blocks under `root`, and the fastest of a few walks in CPU ms (see tests/fuzz/detector-timing.ts). */
  function walk(root: Node) {
    let fastest = Infinity;
    let blocks = [...textBlocks(root)];
    for (let i = 0; i < 3; i++) {
      const before = process.cpuUsage();
      blocks = [...textBlocks(root)];
      const used = process.cpuUsage(before);
      fastest = Math.min(fastest, (used.user + used.system) / 1000);
    }
    return { blocks, ms: fastest };
  }

  it('finds the same blocks, and four times the depth takes less than eight times as long', () => {
    // One tree serves both sizes: the innermost 6,000 levels are a nest of 6,000 of their own.
    const { root, level } = nest(24_000);
    const small = walk(level(18_000));
    // A regression is quadratic: stop here rather than spend minutes on the deep walk.
    expect(small.ms).toBeLessThan(1000);
    const large = walk(root);

    const words = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => `w${from + i} `).join('');
    expect(small.blocks.map((b) => b.text)).toEqual([words(18_000, 24_000), 'deep.example.com', 'tail']);
    expect(large.blocks.map((b) => b.text)).toEqual([words(0, 24_000), 'deep.example.com', 'tail', 'after']);
    const [nested] = large.blocks;
    expect(nested!.nodes).toHaveLength(24_000);
    expect(nested!.starts[12_000]).toBe(words(0, 12_000).length);
    expect(nested!.nodes[12_000]!.data).toBe('w12000 ');

    expect(large.ms / small.ms).toBeLessThan(8);
  }, 60_000);
});
