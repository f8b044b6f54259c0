// A 404 from a passive-DNS server is read as "nothing seen" only where the source documents it so
// (data-sources.md: VirusTotal's NotFoundError, §2.6). Everywhere else it means the server did not
// know the path, almost always a wrong base URL, and the message shows the URL asked.
//
// No recorded 404 body from these services was found; the closest record is an issue thread
// (viper-framework/viper#329, 2015) where a wrong CIRCL URL "always comes back 'unable to find'".
// The bodies below are what a web server's default 404 page looks like; written from issue 13.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { SourceResponse } from '@/utils/history/adapter';
import { createHistoryClient } from '@/utils/history/history-client';
import { PDNS_SOURCES } from '@/utils/history/pdns-sources';
import { normalizeHost } from '@/utils/hosts/host';

const host = normalizeHost('circl.lu')!;
const notFound = (url?: string): SourceResponse => ({
  status: 404,
  body: '<html><title>404: Not Found</title><body>404: Not Found</body></html>',
  contentType: 'text/html; charset=UTF-8',
  retryAfter: null,
  headers: {},
  ...(url !== undefined && { url }),
});

describe('a 404 from a passive-DNS source', () => {
  beforeEach(() => fakeBrowser.reset());

  const undocumented = PDNS_SOURCES.filter((a) => a.id !== 'virustotal');

  it.each(undocumented.map((a) => [a.name, a] as const))(
    '%s: says the server did not know the URL asked, never "nothing seen"',
    (_name, adapter) => {
      const url = adapter.request(adapter.defaultBase, 'k', host).url;
      const result = adapter.read(notFound(url), host, 0);
      expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 404 } });
      expect(!result.ok && result.error.message).toContain(url);
      expect(!result.ok && result.error.message).toMatch(/base URL/);
    },
  );

  it('VirusTotal: a name it has never seen is still no history (its documented NotFoundError)', () => {
    const vt = PDNS_SOURCES.find((a) => a.id === 'virustotal')!;
    const body = JSON.stringify({ error: { code: 'NotFoundError', message: 'Domain "circl.lu" not found' } });
    expect(vt.read({ ...notFound('https://www.virustotal.com/x'), body }, host, 0)).toMatchObject({
      ok: true,
      value: { page: { observations: [], total: 0 } },
    });
  });

  it('shows the URL the client asked, without credentials typed into the base URL', async () => {
    const cof = PDNS_SOURCES.find((a) => a.id === 'cof')!;
    const fetch = vi.fn(async () => new Response('Not Found', { status: 404 }));
    const ask = createHistoryClient({ fetch: fetch as unknown as typeof globalThis.fetch });
    const result = await ask(
      cof,
      'https://user:secret@pdns.example.org/pdns/',
      { key: 'u:p', origin: 'https://pdns.example.org' },
      host,
    );
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 404 } });
    const message = !result.ok ? result.error.message : '';
    expect(message).toContain('https://pdns.example.org/pdns/circl.lu');
    expect(message).not.toContain('secret');
  });
});
