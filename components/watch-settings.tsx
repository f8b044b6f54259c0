// Options: how marks look, how often watched hosts are re-checked and whether changes notify,
// and how much of the change log is kept.
import type { Settings } from '@/utils/settings/settings';

type Fields = Pick<Settings, 'markStyle' | 'watch' | 'retention'>;

const INTERVALS: Array<[number, string]> = [
  [15, '15 minutes'],
  [60, '1 hour'],
  [360, '6 hours (default)'],
  [720, '12 hours'],
  [1440, '1 day'],
  [10_080, '7 days'],
];

export function WatchSettings({ value, onChange }: { value: Fields; onChange: (next: Fields) => void }) {
  const intervals = INTERVALS.some(([m]) => m === value.watch.intervalMinutes)
    ? INTERVALS
    : [
        ...INTERVALS,
        [value.watch.intervalMinutes, `${value.watch.intervalMinutes} minutes`] as [number, string],
      ];
  return (
    <>
      <fieldset>
        <legend>Marks</legend>
        <div class="field">
          <label for="mark-style">Look of the marks</label>
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
            <option value="highlight">Tinted, with a dotted underline</option>
            <option value="underline">Underline only</option>
          </select>
        </div>
      </fieldset>
      <fieldset>
        <legend>Watchlist</legend>
        <div class="field">
          <label for="watch-interval">Check watched hosts every</label>
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
        <p class="meta">
          Checks are spread out and keep within each source’s limits; a check a source postpones runs later.
          Each check sends the host name (and its addresses) to the resolver and the sources that are on.
        </p>
        <div class="choice">
          <input
            type="checkbox"
            id="watch-notify"
            checked={value.watch.notify}
            onChange={(e) =>
              onChange({ ...value, watch: { ...value.watch, notify: e.currentTarget.checked } })
            }
          />
          <label for="watch-notify">Notify me of changes</label>
        </div>
        <div class="field">
          <label for="keep-changes">Keep at most this many changes</label>
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
          <label for="keep-days">Keep changes for this many days</label>
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
        <p class="meta">
          The oldest changes are removed first. Snapshots and the change log stay on this computer.
        </p>
      </fieldset>
    </>
  );
}
