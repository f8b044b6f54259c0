// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { PageMarks } from '@/utils/page/page-marks';
import { PageScanner, type DetectedHost } from '@/utils/page/page-scanner';

/** A stand-in detector (the real one has its own tests): dotted names ending in .com/.org. */
function fakeFindHosts(text: string): DetectedHost[] {
  return [...text.matchAll(/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org)\b/g)].map((m) => ({
    host: m[0],
    start: m.index,
    end: m.index + m[0].length,
    kind: 'domain' as const,
  }));
}

function setup(html: string) {
  document.body.innerHTML = html;
  const marks = new PageMarks(null);
  const tasks: Array<() => void> = [];
  let changes = 0;
  const scanner = new PageScanner({
    findHosts: fakeFindHosts,
    marks,
    onChange: () => changes++,
    schedule: (task) => tasks.push(() => task(5)),
  });
  const drain = async () => {
    // Mutation records arrive as microtasks; then run every queued slice.
    for (let i = 0; i < 100; i++) {
      await Promise.resolve();
      const task = tasks.shift();
      if (!task) {
        await new Promise((r) => setTimeout(r, 0));
        if (tasks.length === 0) break;
        continue;
      }
      task();
    }
  };
  const hosts = () => marks.hosts().map((h) => [h.host, h.count]);
  return { marks, scanner, drain, hosts, changes: () => changes };
}

describe('PageScanner', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('finds hosts across inline elements of one block and counts them', async () => {
    const { scanner, drain, hosts } = setup(
      '<p>Servers <b>mail1</b>.trump-email.com and trump1.contact-client.com; again mail1.trump-email.com.</p>',
    );
    scanner.enqueue(document.body);
    await drain();
    expect(hosts()).toEqual([
      ['mail1.trump-email.com', 2],
      ['trump1.contact-client.com', 1],
    ]);
  });

  it('keeps ranges on the visible characters, across node boundaries', async () => {
    const { scanner, drain, marks } = setup('<p>See <b>mail1</b>.trump-email.com now</p>');
    scanner.enqueue(document.body);
    await drain();
    const bold = document.querySelector('b')!.firstChild as Text;
    const [mark] = marks.marksIn(bold);
    expect(mark?.range.toString()).toBe('mail1.trump-email.com');
  });

  it('does not join text of separate blocks', async () => {
    const { scanner, drain, hosts } = setup('<p>example</p><p>.com is not a host here</p>');
    scanner.enqueue(document.body);
    await drain();
    expect(hosts()).toEqual([]);
  });

  it('skips scripts, styles, form fields, editable regions and our own UI', async () => {
    const { scanner, drain, hosts } = setup(`
      <script>var a = "script.example.com";</script>
      <style>/* style.example.com */</style>
      <textarea>textarea.example.com</textarea>
      <div contenteditable="true">editable.example.com</div>
      <div data-hostlens-ui>ours.example.com</div>
      <p>visible.example.com</p>`);
    scanner.enqueue(document.body);
    await drain();
    expect(hosts()).toEqual([['visible.example.com', 1]]);
  });

  it('scans open shadow roots', async () => {
    const { scanner, drain, hosts } = setup('<div id="host"></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>shadow.example.org</p>';
    scanner.enqueue(document.body);
    await drain();
    expect(hosts()).toEqual([['shadow.example.org', 1]]);
  });

  it('marks content added later, and forgets removed content', async () => {
    const { scanner, drain, hosts } = setup('<main><p>first.example.com</p></main>');
    scanner.enqueue(document.body);
    scanner.observe(document.body);
    await drain();
    const added = document.createElement('p');
    added.textContent = 'Live update: second.example.com';
    document.querySelector('main')!.append(added);
    await drain();
    expect(hosts()).toEqual([
      ['first.example.com', 1],
      ['second.example.com', 1],
    ]);
    document.querySelector('p')!.remove();
    await drain();
    expect(hosts()).toEqual([['second.example.com', 1]]);
  });

  it('leaves text added inside an editable region alone', async () => {
    // The walk only recognises an editing host by its own attribute (text-blocks.ts): a node
    // queued from inside one must be turned away before the walk starts.
    const { scanner, drain, hosts } = setup('<div contenteditable="true"><p>draft</p></div>');
    scanner.enqueue(document.body);
    scanner.observe(document.body);
    await drain();
    const added = document.createElement('span');
    added.innerHTML = 'typed <b>typed.example.com</b>';
    document.querySelector('p')!.append(added);
    await drain();
    expect(hosts()).toEqual([]);
  });

  it('rescans edited text without counting twice', async () => {
    const { scanner, drain, hosts } = setup('<p>one.example.com</p>');
    scanner.enqueue(document.body);
    scanner.observe(document.body);
    await drain();
    (document.querySelector('p')!.firstChild as Text).data = 'one.example.com and two.example.com';
    await drain();
    expect(hosts()).toEqual([
      ['one.example.com', 1],
      ['two.example.com', 1],
    ]);
  });

  it('never changes the page', async () => {
    const html =
      '<article><p>A <i>mail1</i>.trump-email.com story.</p><ul><li>x.example.org</li></ul></article>';
    const { scanner, drain } = setup(html);
    const before = document.body.innerHTML;
    scanner.enqueue(document.body);
    scanner.observe(document.body);
    await drain();
    expect(document.body.innerHTML).toBe(before);
  });

  it('works in time slices and reports changes', async () => {
    const paragraphs = Array.from({ length: 300 }, (_, i) => `<p>host${i}.example.com</p>`).join('');
    document.body.innerHTML = paragraphs;
    const marks = new PageMarks(null);
    const tasks: Array<() => void> = [];
    let clock = 0;
    let changes = 0;
    const scanner = new PageScanner({
      findHosts: fakeFindHosts,
      marks,
      onChange: () => changes++,
      schedule: (task) => tasks.push(() => task(5)),
      // Each clock reading advances 1 ms: a 5 ms slice scans a handful of blocks.
      now: () => clock++,
    });
    scanner.enqueue(document.body);
    let slices = 0;
    while (tasks.length) {
      tasks.shift()!();
      slices++;
    }
    expect(slices).toBeGreaterThan(10);
    expect(marks.hosts()).toHaveLength(300);
    // Every slice that scanned something reports; the last one may only find the walk finished.
    expect(changes).toBeGreaterThanOrEqual(slices - 1);
    expect(scanner.busy).toBe(false);
  });
});
