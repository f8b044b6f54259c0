// The guard every spec relies on must be able to fail: a request the extension makes outside the
// servers the test started fails the spec, whether it names a host or an IP literal, from the
// worker or from an extension page. The browser's own background calls don't count.
import { describe, expect, it } from 'vitest';
import { launchExtension } from './support/browser';

describe('the leak guard', () => {
  it('fails the spec when the extension reaches outside the test’s servers', async () => {
    const ext = await launchExtension();
    let closed = false;
    try {
      await ext.worker.evaluate(async () => {
        for (const url of ['https://example.org/from-worker', 'http://93.184.216.34/from-worker'])
          await fetch(url).catch(() => undefined);
      });
      const page = await ext.openExtensionPage('options.html');
      await page.evaluate(() => fetch('https://bücher.de/from-page').catch(() => undefined));
      await page.close();
      const failure = await ext.close().then(
        () => null,
        (error: Error) => error.message,
      );
      closed = true;
      expect(failure).toContain('https://example.org/from-worker');
      expect(failure).toContain('http://93.184.216.34/from-worker');
      expect(failure).toContain('https://xn--bcher-kva.de/from-page');
    } finally {
      if (!closed) await ext.close().catch(() => undefined);
    }
  });

  it('lets a spec through when the extension only reached the world’s servers', async () => {
    const ext = await launchExtension();
    // The default resolver's stand-in, under its real name (dnsdist, over TLS).
    const answered = await ext.worker.evaluate(async () => {
      const query = 'AAABAAABAAAAAAAABW1haWwxC3RydW1wLWVtYWlsA2NvbQAAAQAB'; // mail1.trump-email.com A
      const response = await fetch(`https://cloudflare-dns.com/dns-query?dns=${query}`);
      return response.status;
    });
    expect(answered).toBe(200);
    await expect(ext.close()).resolves.toBeUndefined();
  });
});
