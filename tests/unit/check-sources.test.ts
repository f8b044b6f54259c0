import { describe, expect, it } from 'vitest';
import { checkSources } from '@/components/check-sources';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

describe('checkSources (options page, before saving)', () => {
  it('asks permission only for the origins of sources that are on', () => {
    const result = checkSources(DEFAULT_SETTINGS, {});
    expect(result.ok && result.origins).toEqual([
      'https://api.mnemonic.no/*',
      'https://api.certspotter.com/*',
      'https://crt.sh/*',
      'https://data.iana.org/*',
      'https://rdap.org/*',
    ]);
  });

  it('refuses a source that needs a key and has none, naming it', () => {
    const settings = { ...DEFAULT_SETTINGS, virustotal: { ...DEFAULT_SETTINGS.virustotal, enabled: true } };
    expect(checkSources(settings, {})).toEqual({
      ok: false,
      message: 'VirusTotal needs an API key: enter it, or switch VirusTotal off.',
    });
    const withKey = checkSources(settings, { virustotal: 'k' });
    expect(withKey.ok && withKey.origins).toContain('https://www.virustotal.com/*');
  });

  it('names the field whose URL is unusable', () => {
    const settings = { ...DEFAULT_SETTINGS, cof: { enabled: true, baseUrl: 'http://pdns.example/query/' } };
    expect(checkSources(settings, {})).toMatchObject({
      ok: false,
      message: /^Passive DNS server \(COF\) base URL: /,
    });
  });

  it('keeps an empty RDAP base URL (ask IANA) and then needs the bootstrap and fallback origins', () => {
    const settings = { ...DEFAULT_SETTINGS, rdap: { ...DEFAULT_SETTINGS.rdap, baseUrl: '  ' } };
    const result = checkSources(settings, {});
    expect(result.ok && result.settings.rdap.baseUrl).toBe('');
  });
});
