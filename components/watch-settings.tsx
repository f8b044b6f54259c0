// Options: how marks look, how often watched hosts are re-checked and whether changes notify,
// and how much of the change log is kept.
import { plural, t } from '@/utils/i18n/messages';
import type { Settings } from '@/utils/settings/settings';

type Fields = Pick<Settings, 'markStyle' | 'watch' | 'retention'>;

const DEFAULT_INTERVAL = 360;
const INTERVALS = [15, 60, 360, 720, 1440, 10_080];

/** "15 minutes", "1 hour", "7 days": the largest whole unit. */
function intervalText(minutes: number): string {
  const text =
    minutes % 1440 === 0
      ? plural('watchlist.settings.days', minutes / 1440)
      : minutes % 60 === 0
        ? plural('watchlist.settings.hours', minutes / 60)
        : plural('watchlist.settings.minutes', minutes);
  return minutes === DEFAULT_INTERVAL ? t('watchlist.settings.defaultInterval', { interval: text }) : text;
}

export function WatchSettings({ value, onChange }: { value: Fields; onChange: (next: Fields) => void }) {
  const intervals = (
    INTERVALS.includes(value.watch.intervalMinutes) ? INTERVALS : [...INTERVALS, value.watch.intervalMinutes]
  ).map((minutes): [number, string] => [
    minutes,
    INTERVALS.includes(minutes) ? intervalText(minutes) : plural('watchlist.settings.minutes', minutes),
  ]);
  return (
    <>
      <fieldset>
        <legend>{t('watchlist.settings.marks')}</legend>
        <div class="field">
          <label for="mark-style">{t('watchlist.settings.markStyle')}</label>
          <select
            id="mark-style"
            value={value.markStyle}
            onChange={(e) =>
              onChange({
                ...value,
                markStyle: e.currentTarget.value === 'underline' ? 'underline' : 'highlight',
              })
            }
          >
            <option value="highlight">{t('watchlist.settings.markHighlight')}</option>
            <option value="underline">{t('watchlist.settings.markUnderline')}</option>
          </select>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('watchlist.settings.legend')}</legend>
        <div class="field">
          <label for="watch-interval">{t('watchlist.settings.interval')}</label>
          <select
            id="watch-interval"
            value={String(value.watch.intervalMinutes)}
            onChange={(e) =>
              onChange({
                ...value,
                watch: { ...value.watch, intervalMinutes: Number(e.currentTarget.value) },
              })
            }
          >
            {intervals.map(([minutes, label]) => (
              <option key={minutes} value={String(minutes)}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <p class="meta">{t('watchlist.settings.checksNote')}</p>
        <div class="choice">
          <input
            type="checkbox"
            id="watch-notify"
            checked={value.watch.notify}
            onChange={(e) =>
              onChange({ ...value, watch: { ...value.watch, notify: e.currentTarget.checked } })
            }
          />
          <label for="watch-notify">{t('watchlist.settings.notify')}</label>
        </div>
        <div class="field">
          <label for="keep-changes">{t('watchlist.settings.keepChanges')}</label>
          <input
            id="keep-changes"
            type="number"
            min={100}
            max={100_000}
            step={100}
            value={value.retention.maxChanges}
            onInput={(e) =>
              onChange({
                ...value,
                retention: { ...value.retention, maxChanges: Number(e.currentTarget.value) },
              })
            }
          />
        </div>
        <div class="field">
          <label for="keep-days">{t('watchlist.settings.keepDays')}</label>
          <input
            id="keep-days"
            type="number"
            min={1}
            max={3650}
            value={value.retention.maxDays}
            onInput={(e) =>
              onChange({
                ...value,
                retention: { ...value.retention, maxDays: Number(e.currentTarget.value) },
              })
            }
          />
        </div>
        <p class="meta">{t('watchlist.settings.retentionNote')}</p>
      </fieldset>
    </>
  );
}
