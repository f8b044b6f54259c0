// utils/page/text-blocks.ts in real Chromium on deeply nested inline elements (issue 13: 6,000
// of them added 2.3 s to a page's scan): the walk over N nested `<span>`/`<b>` elements, each
// with its own word, against the same N elements side by side in one paragraph (the baseline),
// measured in the same run. Each figure is the fastest of three walks. The tree is built with DOM
// calls: Chromium's HTML parser stops nesting at 512 levels.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const DEPTHS = [6_000, 24_000];

/** text-blocks.ts as a script for a page: `window.hostlensTextBlocks.textBlocks`. */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: ['utils/page/text-blocks.ts'],
    bundle: true,
    format: 'iife',
    globalName: 'hostlensTextBlocks',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function benchTextBlocksDepth(): Promise<string[]> {
  const script = await bundle();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // A blank page and our script: nothing needs the network, so nothing may reach it.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--proxy-server=http://127.0.0.1:9'],
  });
  const lines: string[] = [];
  try {
    for (const count of DEPTHS) {
      const ms: Record<'nested' | 'flat', number> = { nested: 0, flat: 0 };
      for (const shape of ['nested', 'flat'] as const) {
        // A page per tree: a 24,000-deep tree is slow to tear down and shouldn't weigh on the next.
        const page = await browser.newPage();
        await page.setContent('<!doctype html><body></body>');
        await page.addScriptTag({ content: script });
        ms[shape] = await page.evaluate(
          ({ count, nested }) => {
            const p = document.createElement('p');
            let parent: Element = p;
            for (let i = 0; i < count; i++) {
              const inline = document.createElement(i % 2 ? 'b' : 'span');
              inline.append(`w${i} `);
              parent.append(inline);
              if (nested) parent = inline;
            }
            document.body.replaceChildren(p);
            const { textBlocks } = (window as any).hostlensTextBlocks;
            let fastest = Infinity;
            for (let run = 0; run < 3; run++) {
              const started = performance.now();
              const blocks = [...textBlocks(document.body)];
              fastest = Math.min(fastest, performance.now() - started);
              if (blocks.length !== 1 || blocks[0].nodes.length !== count) throw new Error('wrong blocks');
            }
            return fastest;
          },
          { count, nested: shape === 'nested' },
        );
        await page.close();
      }
      lines.push(
        `text blocks: ${count.toLocaleString('en')} nested inline elements ${ms.nested.toFixed(0)} ms, ` +
          `side by side ${ms.flat.toFixed(0)} ms (baseline), ratio ${(ms.nested / ms.flat).toFixed(2)}x`,
      );
    }
  } finally {
    await browser.close();
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await benchTextBlocksDepth()) console.log(line);
}
