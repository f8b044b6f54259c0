// `node --import tsx bench/huge-answer.ts`: the memory a 1 GB answer costs Hostlens (issue 13).
// A loopback server streams 1 GB (chunked, no length; then once more declaring its length) to
// the real readers, fetchText (every HTTP source) and queryDoh, through Node's own fetch. Prints
// the process's resident memory and heap before and at their peak while each answer is refused,
// and how much the server wrote before the client hung up (socket buffers included). `--unbounded` adds the old way (`arrayBuffer()`) to compare.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// The readers word their errors through browser.i18n: give the fake browser the English messages.
(globalThis as Record<string, unknown>).chrome = fakeBrowser;
(globalThis as Record<string, unknown>).browser = fakeBrowser;
const { useLanguage } = await import('../tests/unit/support/i18n-messages');
await useLanguage('en');
const { fetchText } = await import('../utils/history/fetch-text');
const { queryDoh } = await import('../utils/dns/query-doh');

const GB = 1_000_000_000;
const CHUNK = Buffer.alloc(64 * 1024, 0x61);
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

let sent = 0;
/** Streams `GB` bytes, honouring backpressure, until done or the client hangs up. */
function stream(res: ServerResponse) {
  const write = () => {
    while (sent < GB && !res.destroyed) {
      sent += CHUNK.length;
      if (!res.write(CHUNK)) return void res.once('drain', write);
    }
    res.end();
  };
  res.on('close', () => res.destroy());
  write();
}
const server = createServer((req, res) => {
  const type = req.url?.startsWith('/dns-query') ? 'application/dns-message' : 'application/json';
  const declared = req.url?.includes('declared') ? { 'Content-Length': String(GB) } : {};
  res.writeHead(200, { 'Content-Type': type, ...declared });
  stream(res);
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Peak RSS and heap while `run` runs, sampled every millisecond the event loop allows. */
async function measure(label: string, run: () => Promise<string>) {
  globalThis.gc?.();
  sent = 0;
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heap: before.heapUsed + before.arrayBuffers };
  const sample = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heap = Math.max(peak.heap, now.heapUsed + now.arrayBuffers);
  };
  const timer = setInterval(sample, 1);
  const started = performance.now();
  const outcome = await run();
  sample();
  clearInterval(timer);
  console.log(
    `${label.padEnd(44)} rss ${MB(before.rss)} → peak ${MB(peak.rss)} (+${MB(peak.rss - before.rss)}), ` +
      `heap+buffers peak +${MB(peak.heap - before.heapUsed - before.arrayBuffers)}, ` +
      `server wrote ${MB(sent)}, ${(performance.now() - started).toFixed(0)} ms: ${outcome}`,
  );
}

const said = (r: { ok: boolean; error?: { message: string } }) => (r.ok ? 'read it all' : r.error!.message);
const source = { source: 'bench', accept: 'application/json' };
await measure('fetchText, 1 GB streamed, no length', async () => said(await fetchText(`${base}/x`, source)));
await measure('fetchText, 1 GB declared in Content-Length', async () =>
  said(await fetchText(`${base}/declared`, source)),
);
await measure('queryDoh, 1 GB streamed, no length', async () =>
  said(
    await queryDoh({ resolver: `${base}/dns-query`, name: 'example.com', type: 'A' }, { timeoutMs: 60_000 }),
  ),
);
if (process.argv.includes('--unbounded'))
  await measure('old way: response.arrayBuffer(), 1 GB', async () => {
    const body = await (await fetch(`${base}/x`)).arrayBuffer();
    return `read ${MB(body.byteLength)}`;
  });
server.close();
