// Look-alike names: a label that mixes scripts (Latin `a` next to Cyrillic `а`), or a label
// written wholly in another script with only letters that look Latin (`аррӏе` is Cyrillic).
// Readers can't see the difference; the card says so. Follows the spirit of UTS #39's
// "mixed-script" and "whole-script confusable" checks, with a small confusables table.
import { t, uiLocale } from '../i18n/messages';

const SCRIPTS: Array<[string, RegExp]> = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Hebrew', /\p{Script=Hebrew}/u],
  ['Arabic', /\p{Script=Arabic}/u],
  ['Han', /\p{Script=Han}/u],
  ['Hiragana', /\p{Script=Hiragana}/u],
  ['Katakana', /\p{Script=Katakana}/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Thai', /\p{Script=Thai}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
];

/** Scripts that may share a label: Japanese writing mixes these by nature. */
const COMPATIBLE = [
  new Set(['Han', 'Hiragana', 'Katakana', 'Latin']),
  new Set(['Han', 'Hangul', 'Latin']),
  new Set(['Han', 'Latin']),
];

/** Non-Latin letters that render like Latin ones (a subset of Unicode's confusables.txt). */
const LATIN_LOOKALIKES = new Set([...'аеорсухіјԁѕӏһԛԝвкмнтгпоαορτυνιϲκεΑΒΕΖΗΙΚΜΝΟΡΤΥΧօսհոցզ']);

export interface HomographWarning {
  label: string;
  kind: 'mixed-script' | 'whole-script';
  scripts: string[];
}

function scriptsOf(label: string): string[] {
  const found = new Set<string>();
  for (const ch of label) {
    for (const [name, re] of SCRIPTS) if (re.test(ch)) found.add(name);
  }
  return [...found];
}

/** Warnings for a name's Unicode form (`toUnicodeName`), one per suspicious label. */
export function homographWarnings(unicodeName: string): HomographWarning[] {
  const warnings: HomographWarning[] = [];
  for (const label of unicodeName.split('.')) {
    if (/^[!-~]*$/.test(label)) continue; // plain printable ASCII
    const scripts = scriptsOf(label);
    if (scripts.length > 1 && !COMPATIBLE.some((set) => scripts.every((s) => set.has(s)))) {
      warnings.push({ label, kind: 'mixed-script', scripts });
      continue;
    }
    const letters = [...label].filter((ch) => /\p{L}/u.test(ch));
    if (
      scripts.length === 1 &&
      scripts[0] !== 'Latin' &&
      letters.length > 0 &&
      letters.every((ch) => LATIN_LOOKALIKES.has(ch))
    ) {
      warnings.push({ label, kind: 'whole-script', scripts });
    }
  }
  return warnings;
}

/** A script's name in the reader's language (`scripts` holds the English names above). */
const SCRIPT_NAMES: Record<string, () => string> = {
  Latin: () => t('card.script.latin'),
  Cyrillic: () => t('card.script.cyrillic'),
  Greek: () => t('card.script.greek'),
  Armenian: () => t('card.script.armenian'),
  Hebrew: () => t('card.script.hebrew'),
  Arabic: () => t('card.script.arabic'),
  Han: () => t('card.script.han'),
  Hiragana: () => t('card.script.hiragana'),
  Katakana: () => t('card.script.katakana'),
  Hangul: () => t('card.script.hangul'),
  Thai: () => t('card.script.thai'),
  Cherokee: () => t('card.script.cherokee'),
};
const scriptName = (script: string) => SCRIPT_NAMES[script]?.() ?? script;

/** "Latin and Cyrillic", "латиница и кириллица". */
function scriptList(scripts: string[]): string {
  const names = scripts.map(scriptName);
  try {
    return new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** One sentence for the card. */
export function describeHomograph(warning: HomographWarning): string {
  return warning.kind === 'mixed-script'
    ? t('card.homograph.mixedScript', { label: warning.label, scripts: scriptList(warning.scripts) })
    : t('card.homograph.wholeScript', { label: warning.label, script: scriptName(warning.scripts[0] ?? '') });
}
