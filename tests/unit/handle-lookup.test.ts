import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleLookup } from '@/utils/lookup/handle-lookup';
import { ok } from '@/utils/lookup/errors';
import { DEFAULT_SETTINGS, saveSettings } from '@/utils/settings/settings';
import { answer } from './support/dns-responses';

describe('the lookupHost message', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    [undefined],
    [null],
    [{}],
    [{ input: 42 }],
    [{ input: 'x'.repeat(5000) }],
    ['mail1.trump-email.com'],
  ])('refuses a malformed request %j without asking anything', async (data) => {
    const ask = vi.fn();
    expect(await handleLookup(data, ask)).toEqual({
      ok: false,
      message: 'Hostlens received a malformed lookup request.',
    });
    expect(ask).not.toHaveBeenCalled();
  });

  it('says why an input is not a host', async () => {
    expect(await handleLookup({ input: 'not a host' }, vi.fn())).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a host name/),
    });
  });

  it('normalizes the input and asks the resolver from settings, sending only the name', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, resolverUrl: 'http://127.0.0.1:8053/dns-query' });
    const ask = vi.fn(async ({ name, type }) => ok(answer(name, type, [])));
    const response = await handleLookup({ input: 'hxxps://Mail1[.]trump-email[.]com/path?x=1' }, ask);
    expect(response.ok && response.report.host.name).toBe('mail1.trump-email.com');
    const asked = ask.mock.calls.map(([q]) => q);
    expect(new Set(asked.map((q) => q.resolver))).toEqual(new Set(['http://127.0.0.1:8053/dns-query']));
    expect(new Set(asked.map((q) => q.name))).toEqual(
      new Set(['mail1.trump-email.com', '_dmarc.mail1.trump-email.com']),
    );
  });
});
