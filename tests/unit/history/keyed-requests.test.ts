// A request carrying the user's key goes only to the origin the key was entered for, and never
// follows a redirect (fetchText, the one place every source's request passes); a source whose
// key was entered for another server is named, not asked (enabledPdnsSources).
import { describe, expect, it, vi } from 'vitest';
import { fetchText } from '@/utils/history/fetch-text';
import { enabledPdnsSources } from '@/utils/history/enabled-sources';
import { createHistoryClient } from '@/utils/history/history-client';
import { virustotal } from '@/utils/history/virustotal';
import { normalizeHost } from '@/utils/hosts/host';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

const VT = 'https://www.virustotal.com';

function recordingFetch(reply: () => Response) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init });
    return reply();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

/** What a browser hands back for `redirect: 'manual'`: status 0, no headers, no body. */
function opaqueRedirect(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperty(response, 'type', { value: 'opaqueredirect' });
  Object.defineProperty(response, 'status', { value: 0 });
  return response;
}

const okJson = () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });

/** A VirusTotal request carrying its key, which was entered for `VT`. */
const askVirusTotal = (url: string, fetch: typeof globalThis.fetch) =>
  fetchText(url, {
    source: 'VirusTotal',
    accept: 'application/json',
    headers: { 'x-apikey': 'vt-key' },
    keyOrigin: VT,
    fetch,
  });

describe('keyed requests (fetchText)', () => {
  it.each([
    ['the origin the key was entered for', `${VT}/api/v3/domains/a.example/resolutions`],
    ['another path on that origin', `${VT}/proxy/elsewhere?x=1`],
  ])('sends to %s, without following redirects', async (_what, url) => {
    const { fetch, calls } = recordingFetch(okJson);
    const result = await askVirusTotal(url, fetch);
    expect(result.ok).toBe(true);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.init?.redirect).toBe('manual');
  });

  it.each([
    ['another host', 'https://vt.attacker.example/api/v3/domains/a.example/resolutions'],
    ['another port', 'https://www.virustotal.com:8443/api/'],
    ['plain http', 'http://www.virustotal.com/api/'],
  ])('sends nothing to %s', async (_what, url) => {
    const { fetch, calls } = recordingFetch(okJson);
    const result = await askVirusTotal(url, fetch);
    expect(calls).toEqual([]);
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth' } });
    expect(!result.ok && result.error.message).toMatch(
      /^VirusTotal: your API key was entered for https:\/\/www\.virustotal\.com/,
    );
  });

  it('turns a redirect into an error instead of following it with the key', async () => {
    const { fetch, calls } = recordingFetch(opaqueRedirect);
    const result = await askVirusTotal(`${VT}/api/v3/domains/a.example/resolutions`, fetch);
    expect(calls).toHaveLength(1);
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'bad-response',
        message:
          'VirusTotal: the server answered with a redirect; Hostlens does not follow it with your key.',
      },
    });
  });

  it('a plain 302 (as Node shows it) is a redirect too', async () => {
    const { fetch } = recordingFetch(
      () => new Response(null, { status: 302, headers: { Location: 'https://x.example/' } }),
    );
    const result = await fetchText(`${VT}/api/`, {
      source: 'VirusTotal',
      accept: '*/*',
      keyOrigin: VT,
      fetch,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
  });

  it('keyless requests follow redirects as before', async () => {
    const { fetch, calls } = recordingFetch(okJson);
    const result = await fetchText('https://crt.sh/?q=a.example', { source: 'crt.sh', accept: '*/*', fetch });
    expect(result.ok).toBe(true);
    expect(calls[0]!.init?.redirect).toBe('follow');
  });
});

describe('the history client with a bound key', () => {
  const host = normalizeHost('mail1.trump-email.com')!;

  it('sends the key header to the bound origin, with redirects not followed', async () => {
    const { fetch, calls } = recordingFetch(() => Response.json({ data: [] }));
    await createHistoryClient({ fetch })(virustotal, `${VT}/`, { key: 'vt-key', origin: VT }, host);
    expect((calls[0]!.init?.headers as Record<string, string>)['x-apikey']).toBe('vt-key');
    expect(calls[0]!.init?.redirect).toBe('manual');
  });

  it('never sends a key to a base URL on another origin, even if asked to', async () => {
    const { fetch, calls } = recordingFetch(() => Response.json({ data: [] }));
    const result = await createHistoryClient({ fetch })(
      virustotal,
      'http://127.0.0.1:9/',
      { key: 'vt-key', origin: VT },
      host,
    );
    expect(calls).toEqual([]);
    expect(result.ok).toBe(false);
  });
});

describe('enabledPdnsSources', () => {
  const settings = { ...DEFAULT_SETTINGS, virustotal: { enabled: true, baseUrl: 'http://127.0.0.1:9/vt/' } };

  it('asks a source whose key was entered for its base URL’s origin', () => {
    const keys = { virustotal: { key: 'vt-key', origin: 'http://127.0.0.1:9' } };
    const { enabled, missingKey } = enabledPdnsSources(settings, keys);
    expect(enabled.find((s) => s.adapter.id === 'virustotal')?.key).toEqual(keys.virustotal);
    expect(missingKey).toEqual([]);
  });

  it('names, and does not ask, a source whose base URL now points elsewhere', () => {
    const { enabled, missingKey } = enabledPdnsSources(settings, {
      virustotal: { key: 'vt-key', origin: VT },
    });
    expect(enabled.map((s) => s.adapter.id)).not.toContain('virustotal');
    expect(missingKey).toEqual([
      {
        source: 'VirusTotal',
        state: 'error',
        rows: 0,
        total: 0,
        message:
          'VirusTotal: your API key was entered for https://www.virustotal.com, but the base URL now points to http://127.0.0.1:9. Hostlens does not send the key there; enter it again for http://127.0.0.1:9 in Hostlens settings.',
      },
    ]);
  });
});
