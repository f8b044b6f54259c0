// When cards open: after the pointer rests on a host (how long), or only on a click.
import { t } from '@/utils/i18n/messages';
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
      <legend>{t('options.card.legend')}</legend>
      <p class="meta">{t('options.card.intro')}</p>
      <div class="choice">
        <input
          type="radio"
          name="card-trigger"
          id="card-trigger-hover"
          checked={value.cardTrigger === 'hover'}
          onChange={() => onChange({ ...value, cardTrigger: 'hover' })}
        />
        <label for="card-trigger-hover">{t('options.card.hover')}</label>
      </div>
      <div class="field">
        <label for="hover-delay">{t('options.card.restTime')}</label>
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
        <label for="card-trigger-click">{t('options.card.click')}</label>
      </div>
      <p class="meta">{t('options.card.never')}</p>
    </fieldset>
  );
}
