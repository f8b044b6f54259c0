// Every string a user reads comes from the browser's i18n messages: `locales/<lang>.yml`, built
// into `_locales/<lang>/messages.json` by WXT's i18n module. The browser picks the language from
// its own UI language and falls back to English for a missing message.
//
// Substitutions are named (`{host}`) and applied once, so a value that itself contains `{…}`
// (an attacker's TXT record, a host name) is never expanded again.
import { i18n, type GeneratedI18nStructure } from '#i18n';
import { browser } from 'wxt/browser';

/** A plain message: `t('popup.title')`, `t('card.resolvedBy', { resolver })`. */
export const t = i18n.t;

/** The language the browser's UI is in (`en-US`, `ru`), for plural rules, dates and numbers. */
export function uiLocale(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** `pageHosts.count` for the forms `pageHosts.count.one` … `pageHosts.count.other`. */
export type PluralKey = keyof GeneratedI18nStructure extends infer K
  ? K extends `${infer Stem}.other`
    ? Stem
    : never
  : never;

// The typed `getMessage` knows only the keys WXT generated; a count's form is built at run time.
const getMessage = (name: string): string => (browser.i18n.getMessage as (name: string) => string)(name);

/**
 * A message that counts something. Its forms live under `<key>.one`, `.few`, `.many`, `.other`
 * (the CLDR categories: English needs one/other, Russian one/few/many/other); a form a language
 * doesn't have falls back to `other`. `{count}` is the number in the user's format.
 */
export function plural(key: PluralKey, count: number, values: Record<string, string | number> = {}): string {
  const locale = uiLocale();
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const form = (category: string) => getMessage(`${key.replaceAll('.', '_')}_${category}`);
  const message = form(rules.select(count)) || form('other');
  const all: Record<string, string | number> = { count: count.toLocaleString(locale), ...values };
  return message.replace(/\{([A-Za-z0-9_]+)\}/g, (match, name: string) =>
    Object.hasOwn(all, name) ? String(all[name]) : match,
  );
}
