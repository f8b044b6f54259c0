// Size caps hold while reading, not after (issue 13): a server streaming a gigabyte is cut off
// at the cap, with the stream cancelled, for DoH and for every HTTP source; a Content-Length
// over the cap is refused before a byte is read, and a lying or absent one changes nothing.
import { describe, expect, it } from 'vitest';
import { queryDoh } from '@/utils/dns/query-doh';
import { fetchText } from '@/utils/history/fetch-text';
import { readCappedBody, readCappedText } from '@/utils/lookup/read-capped-body';

const GB = 1_000_000_000;
const CHUNK = 64 * 1024;

/**
 * A body generated chunk by chunk, as a hostile server would stream it: `total` bytes unless the
 * reader stops first. Every chunk is a fresh allocation, so reading it all would cost `total`
 * of memory. Records how much was pulled and whether the reader cancelled.
 */
function endlessBody(total = GB) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled >= total) return controller.close();
        const size = Math.min(CHUNK, total - seen.pulled);
        seen.pulled += size;
        controller.enqueue(new Uint8Array(size).fill(0x61));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

const respond = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Response(body, { status: 200, headers });

describe('readCappedBody', () => {
  it('stops a 1 GB stream at the cap, cancels it, and keeps memory small', async () => {
    const { stream, seen } = endlessBody();
    const before = process.memoryUsage();
    const read = await readCappedBody(respond(stream), 5_000_000);
    const after = process.memoryUsage();
    expect(read).toEqual({ ok: false, limit: 5_000_000 });
    expect(seen.cancelled).toBe(true);
    // The cap plus the chunk that crossed it: nothing more is asked of the server.
    expect(seen.pulled).toBeLessThanOrEqual(5_000_000 + CHUNK);
    expect(seen.pulled).toBeGreaterThan(5_000_000);
    // Far below the gigabyte the server would have sent (GC may or may not have run yet).
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64_000_000);
    expect(after.rss - before.rss).toBeLessThan(200_000_000);
  });

  it('refuses a Content-Length over the cap without reading a byte', async () => {
    const { stream, seen } = endlessBody();
    const read = await readCappedBody(respond(stream, { 'Content-Length': String(GB) }), 5_000_000);
    expect(read).toEqual({ ok: false, limit: 5_000_000 });
    expect(seen.pulled).toBe(0);
    expect(seen.cancelled).toBe(true);
  });

  it.each([
    ['a lying Content-Length', { 'Content-Length': '100' }],
    ['no Content-Length', {}],
    ['a garbled Content-Length', { 'Content-Length': '1e3, 12' }],
  ])('streams to the cap whatever %s says', async (_label, headers: Record<string, string>) => {
    const { stream, seen } = endlessBody();
    const read = await readCappedBody(respond(stream, headers), 1_000_000);
    expect(read).toEqual({ ok: false, limit: 1_000_000 });
    expect(seen.pulled).toBeLessThanOrEqual(1_000_000 + CHUNK);
    expect(seen.cancelled).toBe(true);
  });

  it('reads a body up to exactly the cap, in order, and an empty one', async () => {
    const { stream } = endlessBody(3 * CHUNK + 5);
    const read = await readCappedBody(respond(stream), 3 * CHUNK + 5);
    expect(read.ok && read.bytes.byteLength).toBe(3 * CHUNK + 5);
    expect(await readCappedBody(respond(null), 10)).toEqual({ ok: true, bytes: new Uint8Array(0) });
    const bytes = new Uint8Array([1, 2, 3, 4]);
    expect(await readCappedBody(respond(bytes), 4)).toEqual({ ok: true, bytes });
  });

  it('reads text as response.text() does: UTF-8, a leading BOM dropped', async () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Привет, {"a":1}')]);
    expect(await readCappedText(respond(body), 100)).toEqual({ ok: true, text: 'Привет, {"a":1}' });
  });

  it('rejects when the connection breaks mid-body, as arrayBuffer() would', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(10));
        controller.error(new TypeError('terminated'));
      },
    });
    await expect(readCappedBody(respond(stream), 100)).rejects.toThrow('terminated');
  });
});

describe('every reader uses the cap', () => {
  it('a history source (fetchText) streaming 1 GB: a clear error, the stream cancelled at 5 MB', async () => {
    const { stream, seen } = endlessBody();
    const result = await fetchText('https://api.mnemonic.test/x', {
      source: 'Mnemonic',
      accept: 'application/json',
      fetch: (async () => respond(stream, { 'Content-Type': 'application/json' })) as typeof fetch,
    });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'bad-response', message: 'Mnemonic answered more than 5 MB; Hostlens stopped reading.' },
    });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(5_000_000 + CHUNK);
  });

  it('a history source declaring 400 MB is refused before reading', async () => {
    const { stream, seen } = endlessBody();
    const result = await fetchText('https://api.mnemonic.test/x', {
      source: 'Mnemonic',
      accept: 'application/json',
      fetch: (async () => respond(stream, { 'Content-Length': '400000000' })) as typeof fetch,
    });
    expect(result.ok).toBe(false);
    expect(seen.pulled).toBe(0);
  });

  it('a DoH resolver streaming 1 GB: cut at 64 KB with a message saying so', async () => {
    const { stream, seen } = endlessBody();
    const result = await queryDoh(
      { resolver: 'https://doh.test/dns-query', name: 'example.com', type: 'A' },
      {
        fetch: (async () =>
          respond(stream, {
            'Content-Type': 'application/dns-message',
            'Content-Length': '12',
          })) as typeof fetch,
      },
    );
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'bad-response',
        message:
          'doh.test answered more than 65.5 kB, more than a DNS message can hold; Hostlens stopped reading.',
      },
    });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThanOrEqual(65_535 + CHUNK);
  });
});
