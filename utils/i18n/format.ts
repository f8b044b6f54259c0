// Dates and numbers in the user's locale. Passive DNS, RDAP and certificate dates are whole
// UTC days, so they are shown in UTC (a first-seen day never shifts by the reader's time zone);
// moments the user lived through (a watchlist check) are shown in local time.
import { uiLocale } from './messages';

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(
  id: string,
  make: (locale: string) => F,
): F {
  const locale = uiLocale();
  const key = `${locale}|${id}`;
  let format = formats.get(key) as F | undefined;
  if (!format) formats.set(key, (format = make(locale)));
  return format;
}

/** A UTC day: `Apr 20, 2016` (en-US), `20 апр. 2016 г.` (ru). */
export function formatDay(ms: number): string {
  return cached('day', (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' })).format(
    ms,
  );
}

/** A moment in the user's own time zone: `Nov 27, 2026, 3:05 AM`. */
export function formatMoment(ms: number): string {
  return cached(
    'moment',
    (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(ms);
}

/** A count: `1,000` (en), `1 000` (ru). */
export function formatNumber(n: number): string {
  return cached('number', (l) => new Intl.NumberFormat(l)).format(n);
}

/**
 * A size in decimal kB or MB, cut (not rounded) to one decimal so "more than {size}" stays
 * true: 65,535 bytes → `65.5 kB`, 5,000,000 → `5 MB` (`5 МБ` in Russian).
 */
export function formatSize(bytes: number): string {
  const unit = bytes >= 1_000_000 ? 'megabyte' : 'kilobyte';
  const value = Math.floor(bytes / (unit === 'megabyte' ? 100_000 : 100)) / 10;
  return cached(`size-${unit}`, (l) => new Intl.NumberFormat(l, { style: 'unit', unit })).format(value);
}
