import { describe, expect, it } from 'vitest';
import { homographWarnings } from '@/utils/hosts/homograph';

describe('homographWarnings', () => {
  it.each([
    ['аррӏе.com', 'whole-script'], // all Cyrillic look-alikes of "apple"
    ['pаypal.com', 'mixed-script'], // Latin with one Cyrillic а
    ['gοοgle.com', 'mixed-script'], // Greek omicrons
  ])('warns about %s (%s)', (name, kind) => {
    expect(homographWarnings(name)).toMatchObject([{ kind }]);
  });

  it.each([
    'example.com',
    'bücher.de',
    'пример.рф',
    '日本語.jp',
    'ひらがな漢字.jp',
    'münchen-straße.de',
    'xn--bcher-kva.de',
  ])('does not warn about %s', (name) => {
    expect(homographWarnings(name)).toEqual([]);
  });
});
