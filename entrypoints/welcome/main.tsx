// The first-run page: what Hostlens does and sends, and a sample article marked by the very code
// the content script runs in every page (startMarking + the card), not a copy of it.
import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { WelcomePage } from '@/components/welcome-page';
import { createCardUi, type CardUi } from '@/utils/page/card-ui';
import { startMarking } from '@/utils/page/start-marking';
import { cardSettings, settingsItem } from '@/utils/settings/settings-item';
import '@/components/hostlens.css';
import '../content/marks.css';

render(<WelcomePage />, document.getElementById('app')!);

void settingsItem.getValue().then((settings) => {
  const { cardTrigger, hoverDelayMs } = cardSettings(settings);
  const ctx = new ContentScriptContext('welcome');
  let card: Promise<CardUi> | null = null;
  const { marks } = startMarking(ctx, {
    root: document.getElementById('sample-article')!,
    trigger: cardTrigger,
    restMs: hoverDelayMs,
    loadCard: () => (card ??= createCardUi(ctx)),
    onChange: () => {
      const count = document.getElementById('sample-count');
      if (count) count.textContent = String(marks.hosts().length);
    },
  });
});
