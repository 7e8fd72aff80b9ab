import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardinalWord } from '../numbers.js';
import { parseDateTime } from './parse-date-time.js';

const REF = { instant: '2026-11-19T09:00:00+01:00', zone: 'Europe/Berlin' };
const pad = (n: number) => String(n).padStart(2, '0');
const spoken = (n: number) => cardinalWord(n).replace('fuenf', 'fünf').replace('zwoelf', 'zwölf');
/** Rule 7: an hour 1–7 said without context is the afternoon's, 8–12 as stated. */
const plausible = (h: number) => (h <= 7 ? h + 12 : h);
const WEEKDAYS: Array<[string, string]> = [
  ['Montag', '2026-11-23'],
  ['Dienstag', '2026-11-24'],
  ['Mittwoch', '2026-11-25'],
  ['Freitag', '2026-11-20'],
  ['Samstag', '2026-11-21'],
];
const NORTHERN: Record<string, string> = { Montag: 'Montach', Dienstag: 'Dienstach', Mittwoch: 'Mittwoch', Freitag: 'Freitach', Samstag: 'Samstach' };
const ABBREVIATED: Record<string, string> = { Montag: 'Mo.', Dienstag: 'Di.', Mittwoch: 'Mi.', Freitag: 'Fr.', Samstag: 'Sa.' };

describe('colloquial clock forms', () => {
  it('reads "HHhMM" and "HH:MM" alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        expect(parseDateTime(`${h}h${pad(m)}`, REF).time).toBe(`${pad(h)}:${pad(m)}`);
        expect(parseDateTime(`um ${h}h${pad(m)}`, REF).time).toBe(parseDateTime(`um ${h}:${pad(m)}`, REF).time);
      }),
    );
  });

  it('reads the spoken -e of every hour ("um zehne", "halb neune") as the hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), (h) => {
        const word = `${spoken(h)}e`;
        expect(parseDateTime(`um ${word}`, REF).time).toBe(parseDateTime(`um ${spoken(h)}`, REF).time);
        expect(parseDateTime(`halb ${word}`, REF).time).toBe(parseDateTime(`halb ${spoken(h)}`, REF).time);
        expect(parseDateTime(`um ${word}`, REF).time).toBe(`${pad(plausible(h) === 19 ? 19 : plausible(h))}:00`);
      }),
    );
  });

  it('reads "viertel X" as a quarter past X−1 and "dreiviertel X" as a quarter to X, with afternoon plausibility', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), (x) => {
        const hour = plausible(x - 1);
        if (x - 1 === 7) return; // 7 is genuinely ambiguous (rule 7)
        expect(parseDateTime(`viertel ${spoken(x)}`, REF).time).toBe(`${pad(hour)}:15`);
        expect(parseDateTime(`dreiviertel ${spoken(x)}`, REF).time).toBe(`${pad(hour)}:45`);
      }),
    );
  });

  it('takes the first of two hours said at once and keeps the second as an option', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 11 }), fc.constantFrom(', ', ' oder ', ' '), fc.constantFrom(' Uhr', ' Uhr rum', ' rum'), (h, joiner, tail) => {
        if (joiner === ' ' && tail === ' Uhr' && h === 9) return; // "neun zehn Uhr" reads as nineteen in a transcript
        const r = parseDateTime(`so ${spoken(h)}${joiner}${spoken(h + 1)}${tail}`, REF);
        expect(r.time).toBe(`${pad(h)}:00`);
        expect(r.alternatives).toEqual([{ date: null, time: `${pad(h + 1)}:00` }]);
      }),
    );
  });
});

describe('colloquial day forms', () => {
  it('reads northern weekdays and written abbreviations as the weekday', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WEEKDAYS), fc.integer({ min: 8, max: 12 }), ([day, date], h) => {
        const plain = parseDateTime(`am ${day} um ${h} Uhr`, REF);
        expect(plain).toMatchObject({ date, time: `${pad(h)}:00` });
        expect(parseDateTime(`am ${NORTHERN[day]} um ${h} Uhr`, REF)).toEqual(plain);
        expect(parseDateTime(`${ABBREVIATED[day]} um ${h} Uhr`, REF)).toEqual(plain);
      }),
    );
  });

  it('never reads a weekday or a month after a title or a first name', () => {
    const surnames = ['Freitag', 'Sonntag', 'Montag', 'März', 'Mai', 'August', 'Samstag'];
    const before = ['Frau', 'Herr', 'Petra', 'Klaus', 'mein Name ist', 'hier ist', 'ich heiße Anna'];
    fc.assert(
      fc.property(fc.constantFrom(...before), fc.constantFrom(...surnames), (b, name) => {
        const r = parseDateTime(`${b} ${name}`, REF);
        expect(r.date).toBeNull();
        expect(r.period).toBeUndefined();
      }),
    );
  });

  it('reads a duration from now as elapsed time, whatever way the number is said', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.boolean(), (hours, half) => {
        const minutes = hours * 60 + (half ? 30 : 0);
        const at = new Date(Date.parse(REF.instant) + minutes * 60_000);
        const expected = `${pad((at.getUTCHours() + 1) % 24)}:${pad(at.getUTCMinutes())}`;
        const said = half
          ? [`in ${hours},5 Stunden`, `in ${hours}.5 Stunden`, `in ${spoken(hours)}einhalb Stunden`]
          : [`in ${hours} Stunden`, `in ${hours}h`, `in ${spoken(hours)} Stunden`];
        for (const text of said) {
          if (text.includes('einseinhalb')) continue;
          expect(parseDateTime(text, REF).time, text).toBe(expected);
        }
      }),
    );
  });

  it('never names a single day for a week or a month alone', () => {
    const stretches = [
      'nächste Woche',
      'kommende Woche',
      'übernächste Woche',
      'im Dezember',
      'nächsten Monat',
      'Anfang Januar',
      'Ende nächster Woche',
      'diese Woche',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...stretches),
        fc.constantFrom('', 'irgendwann ', 'äh ', 'so '),
        fc.constantFrom('', ' vormittags', ' um drei'),
        (stretch, lead, tail) => {
          const r = parseDateTime(`${lead}${stretch}${tail}`, REF);
          expect(r.date).toBeNull();
          expect(r.period).toBeDefined();
          expect(r.period!.from <= r.period!.to).toBe(true);
          expect(r.period!.from >= '2026-11-19').toBe(true);
        },
      ),
    );
  });
});
