// The fake browser has no i18n: give it the real messages, built from locales/<lang>.yml the
// way WXT's i18n module builds them, so unit tests read the texts a user reads.
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type ChromeMessages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export async function loadMessages(lang: string): Promise<ChromeMessages> {
  return generateChromeMessages(
    await parseMessagesFile(resolve(import.meta.dirname, `../../../locales/${lang}.yml`)),
  );
}

/** Chrome's `getMessage`: `$1`…`$9` substitutions, `$name$` placeholders, `$$` for a dollar. */
function getMessage(messages: ChromeMessages, name: string, substitutions?: string | string[]): string {
  const entry = messages[name];
  if (!entry) return '';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  let text = entry.message;
  for (const [placeholder, { content }] of Object.entries(entry.placeholders ?? {}))
    text = text.replaceAll(new RegExp(`\\$${placeholder}\\$`, 'gi'), content);
  return text.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

/** Makes the fake browser speak `lang` (its messages and its UI language). */
export async function useLanguage(lang: string, uiLanguage = lang === 'en' ? 'en-US' : lang): Promise<void> {
  const messages = await loadMessages(lang);
  const english = lang === 'en' ? messages : await loadMessages('en');
  // Like the browser: a message missing in the UI language falls back to the default locale's.
  fakeBrowser.i18n.getMessage = ((name: string, subs?: string | string[]) =>
    getMessage(messages[name] ? messages : english, name, subs)) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => uiLanguage;
}
