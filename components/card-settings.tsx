// When cards open: after the pointer rests on a host (how long), or only on a click.
import type { Settings } from '@/utils/settings/settings';

type CardFields = Pick<Settings, 'cardTrigger' | 'hoverDelayMs'>;

export function CardSettings({
  value,
  onChange,
}: {
  value: CardFields;
  onChange: (next: CardFields) => void;
}) {
  return (
    <fieldset>
      <legend>When a host’s card opens (and lookups happen)</legend>
      <p class="meta">
        Three choices: when the pointer pauses on a host, only when you click one, or never on the sites you
        list below. A card’s lookup sends only the host name to your resolver, and only when the card opens.
      </p>
      <div class="choice">
        <input
          type="radio"
          name="card-trigger"
          id="card-trigger-hover"
          checked={value.cardTrigger === 'hover'}
          onChange={() => onChange({ ...value, cardTrigger: 'hover' })}
        />
        <label for="card-trigger-hover">When the pointer rests on a host</label>
      </div>
      <div class="field">
        <label for="hover-delay">Rest time before the card opens (milliseconds)</label>
        <input
          id="hover-delay"
          type="number"
          min={100}
          max={2000}
          step={50}
          value={value.hoverDelayMs}
          disabled={value.cardTrigger !== 'hover'}
          onInput={(event) => onChange({ ...value, hoverDelayMs: Number(event.currentTarget.value) })}
        />
      </div>
      <div class="choice">
        <input
          type="radio"
          name="card-trigger"
          id="card-trigger-click"
          checked={value.cardTrigger === 'click'}
          onChange={() => onChange({ ...value, cardTrigger: 'click' })}
        />
        <label for="card-trigger-click">Only when I click a host</label>
      </div>
      <p class="meta">
        Never on some sites: list them under “Sites where Hostlens stays off” below — there Hostlens neither
        marks nor looks anything up.
      </p>
    </fieldset>
  );
}
