// A source's name as the user reads it. Data keeps the names as identifiers (observations,
// outcomes, the stored cache); only the COF server's name is a description, so it is translated
// here, at display or message time, never stored translated.
import { t } from '../i18n/messages';
import { COF_SOURCE } from './sources';

/** Brand names as they are; the COF server described (also as the start of `COF (address)`). */
export function sourceLabel(name: string): string {
  return name.startsWith(COF_SOURCE) ? t('sources.cofLabel') + name.slice(COF_SOURCE.length) : name;
}
