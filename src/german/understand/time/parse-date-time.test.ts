import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { cardinalWord } from '../numbers.js';
import { parseDateTime } from './parse-date-time.js';

const REF = { instant: '2026-11-19T09:00:00+01:00', zone: 'Europe/Berlin' };
const pad = (n: number) => String(n).padStart(2, '0');
/** Number words as a transcript spells them (the lexicon is keyed by the folded form). */
const spoken = (n: number) => cardinalWord(n).replace('fuenf', 'fünf').replace('zwoelf', 'zwölf').replace('dreissig', 'dreißig');
const FILLERS = ['äh', 'so', 'halt', 'mal', 'also', 'ähm'];

/** Sentences whose reading does not depend on where fillers go. */
const SENTENCES = [
  'morgen um 14 Uhr',
  'nächsten Dienstag um halb drei',
  'übermorgen vormittags',
  'um drei',
  'Freitag in zwei Wochen',
  'am 3. Dezember gegen 10',
  'nächste Woche Donnerstag nach der Arbeit um sechs',
  'Dienstag oder Mittwoch um drei',
  'gegen elf, halb zwölf',
  'in einer halben Stunde',
  'um sieben',
  'nächsten Freitag',
  'Donnerstag',
  'mittwochs kann ich nie',
  'so früh wie möglich',
  'Montagmorgen um acht',
  'am dritten Dezember um viertel nach vier',
  'zehn vor halb drei',
  'Dienstag um drei, ach nee, Mittwoch',
  'heute in einer Woche',
  'von 9:30 bis 11',
  'Petra Freitag',
  'bei Emma bitte',
  'morgen früh um sieben',
  'um 10.10',
  '10.12.',
  'in drei Tagen',
  'übernächsten Dienstag um 16 Uhr',
  'Samstag früh',
];

const DATE_PHRASES = [
  'morgen',
  'übermorgen',
  'am Dienstag',
  'nächsten Dienstag',
  'am 3. Dezember',
  'Freitag in zwei Wochen',
  'nächste Woche Mittwoch',
  'heute',
  'am 24.12.',
  'am Samstag',
];
const TIME_PHRASES = [
  'um drei',
  'um 14 Uhr',
  'halb drei',
  'viertel nach vier',
  'um 10.10',
  '16:30 Uhr',
  'gegen elf',
  'um sieben',
  'zwanzig vor zehn',
  'um neun Uhr dreißig',
];

describe('parseDateTime properties', () => {
  it('reads any "HH:MM Uhr" from 08:00 to 23:59 as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        expect(parseDateTime(`${pad(h)}:${pad(m)} Uhr`, REF).time).toBe(`${pad(h)}:${pad(m)}`);
        expect(parseDateTime(`um ${h}:${pad(m)} Uhr`, REF).time).toBe(`${pad(h)}:${pad(m)}`);
      }),
    );
  });

  it('reads any clock time in words as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const text = m === 0 ? `${spoken(h)} Uhr` : `${spoken(h)} Uhr ${spoken(m)}`;
        expect(parseDateTime(text, REF).time).toBe(`${pad(h)}:${pad(m)}`);
      }),
    );
  });

  it('ignores fillers inserted anywhere between words', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SENTENCES), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...FILLERS)), { maxLength: 4 }), (sentence, insertions) => {
        const words = sentence.split(' ');
        for (const [at, filler] of insertions) words.splice(at % (words.length + 1), 0, filler);
        expect(parseDateTime(words.join(' '), REF)).toEqual(parseDateTime(sentence, REF));
      }),
    );
  });

  it('reads a date phrase and a time phrase the same in either order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DATE_PHRASES), fc.constantFrom(...TIME_PHRASES), (d, t) => {
        const a = parseDateTime(`${d} ${t}`, REF);
        expect(a.date).not.toBeNull();
        expect(a.time).not.toBeNull();
        expect(parseDateTime(`${t} ${d}`, REF)).toEqual(a);
      }),
    );
  });

  it('never throws and always returns a well-formed reading', () => {
    const vocabulary = [
      ...DATE_PHRASES,
      ...TIME_PHRASES,
      ...FILLERS,
      'nicht',
      'oder',
      'bis',
      'von',
      'halb',
      'viertel',
      'vor',
      'nach',
      'Uhr',
      ',',
      '.',
      '3.',
      '12.',
      '31.',
      '29.2.',
      '24:00',
      '99:99',
      '0',
      'in',
      'einer',
      'Stunde',
      'Woche',
      'nächste',
      'übernächste',
      'dieser',
      'morgens',
      'früh',
      'lieber',
      'nein',
      'sondern',
      'statt',
      'Freitag',
      'Petra',
      'Frau',
      'dreiviertel',
      'kurz',
      'zwischen',
      'und',
      'am',
      'den',
    ];
    const check = (text: string) => {
      const r = parseDateTime(text, REF);
      if (r.date !== null) expect(r.date).toMatch(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
      if (r.time !== null) expect(r.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(typeof r.ambiguous).toBe('boolean');
      if (r.ambiguous) expect(r.alternative).toBeDefined();
    };
    fc.assert(fc.property(fc.string(), check), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), check), { numRuns: 300 });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary), { maxLength: 12 }).map((w) => w.join(' ')),
        check,
      ),
      { numRuns: 1000 },
    );
  });
});

describe('parseDateTime reference handling', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('does not depend on the process time zone', () => {
    const samples = ['morgen um 14 Uhr', 'in 24 Stunden', 'heute', 'nächsten Freitag um sieben', 'am 15.'];
    const read = () => samples.map((s) => parseDateTime(s, { instant: '2026-11-19T23:30:00+01:00' }));
    process.env.TZ = 'Europe/Berlin';
    const berlin = read();
    for (const tz of ['America/New_York', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = tz;
      expect(read()).toEqual(berlin);
    }
    expect(berlin[2]!.date).toBe('2026-11-19');
  });

  it('reads an ISO string without offset in the business zone, and accepts a Date', () => {
    expect(parseDateTime('heute', { instant: '2026-11-19T23:30:00' }).date).toBe('2026-11-19');
    expect(parseDateTime('heute', { instant: new Date('2026-11-19T23:30:00Z') }).date).toBe('2026-11-20');
    expect(parseDateTime('heute', { instant: new Date('2026-11-19T23:30:00Z'), zone: 'America/New_York' }).date).toBe('2026-11-19');
  });

  it('counts hours across the spring DST change as elapsed time', () => {
    expect(parseDateTime('in 24 Stunden', { instant: '2026-03-28T12:00:00+01:00' })).toMatchObject({ date: '2026-03-29', time: '13:00' });
  });

  it('throws on an invalid reference, not on text', () => {
    expect(() => parseDateTime('morgen', { instant: 'gestern' })).toThrow(RangeError);
    expect(() => parseDateTime('morgen', { instant: REF.instant, zone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('parseDateTime with opening hours', () => {
  const open = (_date: string | null, time: string) => time >= '09:00' && time < '19:00';

  it('settles "um sieben" when only one reading is open', () => {
    expect(parseDateTime('um sieben', REF, { isOpen: open })).toMatchObject({ time: '19:00', ambiguous: true });
    const earlyOpen = (_d: string | null, t: string) => t >= '07:00' && t < '18:00';
    expect(parseDateTime('um sieben', REF, { isOpen: earlyOpen })).toEqual({ date: null, time: '07:00', partOfDay: null, ambiguous: false });
    const lateOpen = (_d: string | null, t: string) => t >= '10:00' && t < '20:00';
    expect(parseDateTime('halb acht', REF, { isOpen: lateOpen })).toEqual({ date: null, time: '19:30', partOfDay: null, ambiguous: false });
  });
});

describe('parseDateTime: a negated time and a preferred one', () => {
  it.each([
    ['oh also doch nicht um elf uhr fünfzehn wäre besser', '11:15'],
    ['doch nicht um halb elf ist lieber', '10:30'],
    ['nee um drei passt besser', '15:00'],
    ['nicht um elf', null],
    ['doch nicht um zehn lieber um elf', '11:00'],
    ['nicht um zehn, lieber', null],
  ])('"%s" wishes %s', (text, time) => {
    expect(parseDateTime(text, REF).time).toBe(time);
  });
});
