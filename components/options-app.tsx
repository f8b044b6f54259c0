// The options page: one form, one "Save" button (DESIGN.md contract).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { checkResolverUrl, originPattern } from '@/utils/dns/resolver-url';
import { formatNumber } from '@/utils/i18n/format';
import { plural, t, uiLocale } from '@/utils/i18n/messages';
import { loadSettings, saveSettings, type Settings } from '@/utils/settings/settings';
import type { SourceKeys } from '@/utils/settings/keyed-sources';
import { loadSourceKeys, readSourceKeys, saveSourceKeys } from '@/utils/settings/source-keys';
import { syncQuotaKind } from '@/utils/watchlist/watchlist-store';
import { CardSettings } from './card-settings';
import { ClearData } from './clear-data';
import { WatchSettings } from './watch-settings';
import { checkSources } from './check-sources';
import { keyFields, keysPresent, keysToSave, type TypedKeys } from './key-fields';
import { HistorySources } from './history-sources';
import { ExcludedSitesField, parseExcludedSites } from './excluded-sites-field';
import { ResolverSettings } from './resolver-settings';

type Notice = { kind: 'info' | 'error'; text: string } | null;

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [excludedText, setExcludedText] = useState('');
  // Keys as stored (each bound to an origin), and the ones typed since the page was loaded.
  const [stored, setStored] = useState<SourceKeys>({});
  const [typed, setTyped] = useState<TypedKeys>({});

  const reload = async () => {
    const keys = await readSourceKeys();
    setStored(keys.keys);
    setTyped({});
    const { settings: loaded, problem } = await loadSettings();
    setSettings(loaded);
    setExcludedText(loaded.excludedSites.join('\n'));
    const problems = [problem, keys.problem].filter(Boolean).join(' ');
    if (problems) setNotice({ kind: 'error', text: problems });
  };
  useEffect(() => {
    void reload();
  }, []);

  if (!settings) return <p>{t('options.loading')}</p>;

  const save = async (event: Event) => {
    event.preventDefault();
    const checked = checkResolverUrl(settings.resolverUrl);
    if (!checked.ok) return setNotice({ kind: 'error', text: checked.message });
    if (
      !Number.isInteger(settings.hoverDelayMs) ||
      settings.hoverDelayMs < 100 ||
      settings.hoverDelayMs > 2000
    ) {
      return setNotice({ kind: 'error', text: t('options.errors.restTime') });
    }
    const { intervalMinutes } = settings.watch;
    if (!Number.isInteger(intervalMinutes) || intervalMinutes < 15 || intervalMinutes > 10_080)
      return setNotice({ kind: 'error', text: t('options.errors.watchInterval') });
    const { maxChanges, maxDays } = settings.retention;
    if (!Number.isInteger(maxChanges) || maxChanges < 100 || maxChanges > 100_000)
      return setNotice({
        kind: 'error',
        text: plural('options.errors.maxChanges', 100_000, { min: formatNumber(100) }),
      });
    if (!Number.isInteger(maxDays) || maxDays < 1 || maxDays > 3650)
      return setNotice({
        kind: 'error',
        text: plural('options.errors.maxDays', 3650, { min: formatNumber(1) }),
      });
    const excluded = parseExcludedSites(excludedText);
    if (!excluded.ok) return setNotice({ kind: 'error', text: excluded.message });
    const sources = checkSources(settings, keysPresent(stored, typed));
    if (!sources.ok) return setNotice({ kind: 'error', text: sources.message });
    // Must run first in the click handler: browsers grant permission prompts only during a user
    // gesture. Origins already granted (the defaults) raise no prompt.
    const origins = [...new Set([originPattern(checked.url), ...sources.origins])];
    let granted: boolean;
    try {
      granted = await browser.permissions.request({ origins });
    } catch {
      granted = false;
    }
    if (!granted) {
      return setNotice({
        kind: 'error',
        text: t('options.needsPermission', {
          hosts: new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(
            origins.map((o) => new URL(o.replace('/*', '/')).host),
          ),
        }),
      });
    }
    try {
      const next = {
        ...settings,
        ...sources.settings,
        resolverUrl: checked.url,
        excludedSites: excluded.sites,
      };
      // Keys (local) and settings (sync) are two writes: if the second fails (sync full or
      // busy), the keys go back to what they were, so a save is whole or not applied.
      const previousKeys = await loadSourceKeys();
      const nextKeys = keysToSave(stored, typed, next);
      await saveSourceKeys(nextKeys);
      try {
        await saveSettings(next);
      } catch (error) {
        await saveSourceKeys(previousKeys).catch(() => undefined);
        throw error;
      }
      setSettings(next);
      setStored(nextKeys);
      setTyped({});
      setNotice({ kind: 'info', text: t('options.saved') });
    } catch (error) {
      const quota = syncQuotaKind(error);
      setNotice({
        kind: 'error',
        text:
          quota === 'full'
            ? t('options.syncFull')
            : quota === 'busy'
              ? t('options.syncBusy')
              : t('options.couldNotSave', { error: (error as Error).message }),
      });
    }
  };

  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      <form onSubmit={(event) => void save(event)}>
        <ResolverSettings
          url={settings.resolverUrl}
          onChange={(resolverUrl) => setSettings({ ...settings, resolverUrl })}
        />
        <HistorySources
          value={settings}
          keys={keyFields(stored, typed, settings)}
          onChange={(sources) => setSettings({ ...settings, ...sources })}
          onKeyInput={(source, text) => setTyped({ ...typed, [source]: text })}
        />
        <CardSettings value={settings} onChange={(fields) => setSettings({ ...settings, ...fields })} />
        <ExcludedSitesField value={excludedText} onChange={setExcludedText} />
        <WatchSettings value={settings} onChange={(fields) => setSettings({ ...settings, ...fields })} />
        <p>
          <button type="submit">{t('options.save')}</button>{' '}
          {notice && (
            <span
              class={notice.kind === 'error' ? 'input-error' : 'saved'}
              role={notice.kind === 'error' ? 'alert' : 'status'}
            >
              {notice.text}
            </span>
          )}
        </p>
      </form>
      <ClearData onCleared={() => void reload()} />
    </main>
  );
}
