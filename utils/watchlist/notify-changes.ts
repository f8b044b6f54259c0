// One notification for a batch of changes (the same id, so a newer one replaces the older one
// rather than piling up), at most one every few minutes; changes in between are folded into
// the next. Muted when the user switched notifications off.
//
// Lifetime: the time of the last notification and the changes not yet announced are kept in
// `storage.local`, so the rate limit holds across worker restarts.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { formatNumber } from '../i18n/format';
import { plural, t } from '../i18n/messages';
import { describeChange } from './diff-snapshots';
import type { Change } from './model';

export const NOTIFICATION_ID = 'hostlens-watchlist-changes';
const MIN_GAP_MS = 5 * 60_000;

const lastItem = storage.defineItem<number>('local:lastNotifiedAt', { fallback: 0 });
const pendingItem = storage.defineItem<string[]>('local:pendingNotice', { fallback: [] });

// Pending lines are kept as text, in the language of the moment they were found: a notification
// follows within minutes.
const line = (c: Change) => t('changes.line', { host: c.host, change: describeChange(c) });

export async function notifyChanges(changes: Change[], enabled: boolean, now = Date.now()): Promise<boolean> {
  if (!enabled) return false;
  const pending = [...(await pendingItem.getValue()), ...changes.map(line)];
  if (pending.length === 0) return false;
  if (now - (await lastItem.getValue()) < MIN_GAP_MS) {
    await pendingItem.setValue(pending.slice(-200));
    return false;
  }
  const n = pending.length;
  await browser.notifications.create(NOTIFICATION_ID, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: plural('notify.title', n),
    message:
      pending.slice(0, 3).join('\n') + (n > 3 ? `\n${t('notify.more', { count: formatNumber(n - 3) })}` : ''),
  });
  await Promise.all([lastItem.setValue(now), pendingItem.setValue([])]);
  return true;
}
