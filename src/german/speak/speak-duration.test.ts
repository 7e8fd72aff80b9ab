import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { speakDuration } from './speak-duration.js';

describe('speakDuration', () => {
  it.each([
    [1, 'eine Minute'],
    [10, '10 Minuten'],
    [15, 'eine Viertelstunde'],
    [20, '20 Minuten'],
    [30, 'eine halbe Stunde'],
    [45, 'eine Dreiviertelstunde'],
    [60, 'eine Stunde'],
    [61, 'eine Stunde und eine Minute'],
    [75, 'eine Stunde und 15 Minuten'],
    [90, 'eineinhalb Stunden'],
    // Strähnchen: 105 minutes are not "etwa zwei Stunden".
    [105, 'eindreiviertel Stunden'],
    [120, 'zwei Stunden'],
    [130, 'zwei Stunden und 10 Minuten'],
    [150, 'zweieinhalb Stunden'],
    [165, 'zweidreiviertel Stunden'],
    [450, 'siebeneinhalb Stunden'],
    [480, 'acht Stunden'],
  ])('says %i minutes as "%s"', (minutes, words) => {
    expect(speakDuration(minutes)).toBe(words);
  });

  it('says every length up to eight hours exactly, never rounded, never with a doubled word or "etwa"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 * 60 }), (minutes) => {
        const words = speakDuration(minutes);
        expect(minutesSaidIn(words)).toBe(minutes);
        expect(words).not.toMatch(/\betwa\b/);
        expect(words).not.toMatch(/\b(\p{L}+)\s+\1\b/iu);
      }),
      { numRuns: 480 },
    );
  });
});

const COUNTS: Record<string, number> = {
  ein: 1,
  eine: 1,
  eins: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
};

/** A listener's reading of a spoken length, written apart from the code under test: the minutes it says. */
function minutesSaidIn(words: string): number {
  let total = 0;
  for (const part of words.split(' und ')) {
    const count = (word: string) => (/^\d+$/.test(word) ? Number(word) : (COUNTS[word] ?? Number.NaN));
    let m: RegExpExecArray | null;
    if (part === 'eine Viertelstunde') total += 15;
    else if (part === 'eine halbe Stunde') total += 30;
    else if (part === 'eine Dreiviertelstunde') total += 45;
    else if ((m = /^(\p{L}+?)einhalb Stunden$/u.exec(part))) total += count(m[1]!) * 60 + 30;
    else if ((m = /^(\p{L}+?)dreiviertel Stunden$/u.exec(part))) total += count(m[1]!) * 60 + 45;
    else if ((m = /^(\S+) Stunden?$/.exec(part))) total += count(m[1]!) * 60;
    else if ((m = /^(\S+) Minuten?$/.exec(part))) total += count(m[1]!);
    else return Number.NaN;
  }
  return total;
}
