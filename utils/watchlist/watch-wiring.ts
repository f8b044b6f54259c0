// The background's watchlist: the alarm that runs due checks, "Check now" and the other
// watchlist messages (from extension pages only, checked by `serve`), the "Watch this host"
// context-menu item, notifications and the badge. Called once, synchronously, when the worker
// starts: MV3 wakes a worker for an event only if its listener is registered right away.
import { browser } from 'wxt/browser';
import { parseLookupInput } from '../hosts/parse-input';
import { t } from '../i18n/messages';
import type { AskSource } from '../history/history-client';
import type { AskRdap } from '../history/rdap-client';
import type { AskDns } from '../lookup/dns-engine';
import { serve } from '../messages/serve';
import {
  bumpRevision,
  handleCheckNow,
  handleClearAll,
  handleGetChangeLog,
  handleGetWatchlist,
  handleMarkSeen,
  handleWatchHost,
  refreshUnseen,
} from './handle-watchlist';
import { handleExportChangeLog, handleExportWatchlist, handleImportWatchlist } from './handle-watchlist-io';
import { NOTIFICATION_ID, notifyChanges } from './notify-changes';
import { createWatchRunner, TICK_MINUTES } from './watch-runner';
import { migrateWatchlist, pin } from './watchlist-store';

const ALARM = 'watchlist-tick';
const MENU_ID = 'hostlens-watch-selection';

export interface WatchWiringDeps {
  ready: Promise<unknown>;
  askDns: AskDns;
  askHistory: AskSource;
  askRdap: AskRdap;
}

export function registerWatchlist(deps: WatchWiringDeps) {
  const runner = createWatchRunner({
    askDns: deps.askDns,
    askHistory: deps.askHistory,
    askRdap: deps.askRdap,
    onChanges: async (changes, settings) => {
      await notifyChanges(changes, settings.watch.notify).catch(() => false);
      await refreshUnseen();
    },
  });
  // A stored list from an older version is converted first; a failure is kept to show.
  const migrated = migrateWatchlist().catch((e: unknown) =>
    t('watchlist.problem.unreadable', { error: String(e) }),
  );
  const ready = Promise.all([deps.ready, migrated]);

  const afterRun = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } finally {
      await bumpRevision();
    }
  };
  /** A new pin gets its first (baseline) check right away rather than at the next tick. */
  const checkSoon = () => void ready.then(() => afterRun(runner.runDue())).catch(() => undefined);

  void browser.alarms.get(ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(ALARM, { periodInMinutes: TICK_MINUTES, delayInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void ready.then(() => afterRun(runner.runDue())).catch(() => undefined);
  });

  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: MENU_ID,
        title: t('watchlist.menu.watchSelection'),
        contexts: ['selection'],
      }),
    );
  });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    const parsed = parseLookupInput(info.selectionText.slice(0, 2048));
    if (!parsed.ok) return;
    void ready.then(() => pin(parsed.host.name)).then(checkSoon);
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id !== NOTIFICATION_ID) return;
    void browser.tabs.create({
      url: (browser.runtime.getURL as (path: string) => string)('/watchlist.html'),
    });
  });

  // From extension pages only (`MESSAGE_SENDERS`); `serve` refuses them from anyone else.
  serve('getWatchlist', async () => {
    const [, problem] = await ready;
    return handleGetWatchlist(problem);
  });
  serve('watchHost', async ({ data }) => {
    await ready;
    const result = await handleWatchHost(data);
    if (result.ok) checkSoon();
    return result;
  });
  serve('checkNow', async ({ data }) => {
    await ready;
    return afterRun(handleCheckNow(data, runner));
  });
  serve('getChangeLog', ({ data }) => handleGetChangeLog(data));
  serve('markChangesSeen', () => handleMarkSeen());
  serve('exportWatchlist', ({ data }) => handleExportWatchlist(data));
  serve('importWatchlist', async ({ data }) => {
    await ready;
    const report = await handleImportWatchlist(data);
    if (report.added) checkSoon();
    return report;
  });
  serve('exportChangeLog', () => handleExportChangeLog());
  serve('clearAllData', () => handleClearAll());

  return { runner, ready, checkSoon };
}
