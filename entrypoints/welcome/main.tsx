// The first-run page: what Hostlens does and sends, and a sample article marked by the very code
// the content script runs in every page (startMarking + the card), not a copy of it.
import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { WelcomePage } from '@/components/welcome-page';
import { t, uiLocale } from '@/utils/i18n/messages';
import { createCardUi, type CardUi } from '@/utils/page/card-ui';
import { startMarking } from '@/utils/page/start-marking';
import { pageSettings, settingsItem } from '@/utils/settings/settings-item';
import '@/components/hostlens.css';
import '../content/marks.css';

// The HTML's <title> and lang are the English fallback until this runs.
document.documentElement.lang = uiLocale();
document.title = t('welcome.title');
const app = document.getElementById('app')!;
render(<WelcomePage sampleCount={0} />, app);

void settingsItem.getValue().then((settings) => {
  const { cardTrigger, hoverDelayMs, markStyle } = pageSettings(settings);
  const ctx = new ContentScriptContext('welcome');
  let card: Promise<CardUi> | null = null;
  const { marks } = startMarking(ctx, {
    root: document.getElementById('sample-article')!,
    trigger: cardTrigger,
    restMs: hoverDelayMs,
    markStyle,
    loadCard: () => (card ??= createCardUi(ctx)),
    onChange: () => render(<WelcomePage sampleCount={marks.hosts().length} />, app),
  });
});
