// Attacker-controlled text, shown inert: Preact text nodes only, invisible characters made
// visible, long values cut with a "show more" button.
import { useState } from 'preact/hooks';
import { plural } from '@/utils/i18n/messages';
import { truncate, visibleText } from '@/utils/text/visible-text';

const LIMIT = 300;

export function RecordValue({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  const visible = visibleText(text);
  const shown = expanded ? { text: visible, cut: false } : truncate(visible, LIMIT);
  return (
    <span class="record-value">
      {shown.text}
      {shown.cut && (
        <>
          {'… '}
          <button type="button" class="link-button" onClick={() => setExpanded(true)}>
            {plural('card.showMore', visible.length - LIMIT)}
          </button>
        </>
      )}
    </span>
  );
}
