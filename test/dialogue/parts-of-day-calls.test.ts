import { describe, expect, it } from 'vitest';
import type { PartOfDay } from '../../src/parts-of-day.js';
import type { OfferedSlot } from '../../src/reception/outcomes.js';
import { appointmentsLeft, expectInPartOfDay, type Left } from '../support/call-checks.js';
import { SERVICES } from '../support/demo-directory.js';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { book, offer, slot } from '../support/world.js';
import { ANYTHING_ELSE, BOOKING, LOOKING } from './lines.js';

/**
 * A part of the day ("früh", "vormittags", "über Mittag", "nachmittags", "am späten Nachmittag", "nach der
 * Arbeit", "abends") is asked for as such, with the hours of src/parts-of-day.ts; every time offered lies inside
 * it, or the agent says plainly that nothing is free then before it offers the nearest. A part of the day said
 * back to an offer ("lieber nachmittags") is a new wish, never a yes to the slot on the table.
 */

const known = { knownName: 'Jonas Weber' };
const literal = (line: string): string => line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Two offers end with a question between them, one with a question about it. */
const ENDS_WITH_QUESTION = /(Was passt Ihnen besser|Welcher der beiden Termine wäre Ihnen lieber|Passt Ihnen das|Wäre das etwas für Sie)\?$/;

interface PartCall extends CallScript {
  left: Left[];
  /** The part of the day each offer in the call is checked against, by step number (1-based). */
  offers: Record<number, PartOfDay>;
}

/** The wish with a part of the day: the reception is asked for that day and that part, no clock time. */
function asked(
  say: string,
  date: string,
  partOfDay: PartOfDay,
  slots: [OfferedSlot, ...OfferedSlot[]],
  reason: 'no_time_given' | 'taken' = 'no_time_given',
): ScriptStep {
  return {
    say,
    world: [offer.alternatives(reason, ...slots)],
    ops: [{ operation: 'offer', request: { date, time: null, partOfDay } }],
    hear: ENDS_WITH_QUESTION,
  };
}
/** The pick booked at once (a returning caller): said back, booked, read back with its date. */
function bookedPick(
  say: string,
  s: OfferedSlot,
  service: 'herrenhaarschnitt' | 'damenhaarschnitt' | 'straehnchen' | 'waschenFoehnen',
  chosen: string,
  readBack: string,
): ScriptStep {
  return {
    say,
    world: [book.booked(s, service)],
    ops: [{ operation: 'book', request: { serviceId: SERVICES[service], staffId: s.staffId, startsAt: s.startsAt } }],
    hear: `Gut, also ${chosen}. ${BOOKING} Wunderbar. Ihr Termin ist eingetragen: ${readBack}. ${ANYTHING_ELSE}`,
  };
}
const left = (service: string, staff: string, local: string): Left => ({ service, staff, local, name: 'Jonas Weber' });

const calls: PartCall[] = [
  {
    name: '"Donnerstagnachmittag" offered noon is said honestly: nothing is free that afternoon; Friday afternoon is booked',
    caller: known,
    steps: [
      {
        ...asked('Am Donnerstagnachmittag hätte ich gern einen Herrenschnitt', '2026-11-26', 'nachmittags', [
          slot('2026-11-26 12:00', 'emma'),
          slot('2026-11-26 12:30', 'emma'),
        ]),
        hear: /^Einen Moment, ich schaue kurz nach\. Am Donnerstag, dem 26\. November, ist nachmittags leider nichts mehr frei\. .*um 12 Uhr oder um halb eins/,
      },
      asked('nee, dann Freitag nachmittag', '2026-11-20', 'nachmittags', [slot('2026-11-20 14:00', 'fabian'), slot('2026-11-20 15:30', 'fabian')]),
      bookedPick(
        'um halb vier',
        slot('2026-11-20 15:30', 'fabian'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Freitag um halb vier bei Fabian',
        'Herrenhaarschnitt am Freitag, dem 20. November, um halb vier bei Fabian',
      ),
    ],
    offers: { 1: 'nachmittags', 2: 'nachmittags' },
    left: [left('Herrenhaarschnitt', 'Fabian Spitzer', '2026-11-20 15:30')],
  },
  {
    name: '"Freitag früh" is asked as the early morning and the first slot booked',
    caller: known,
    steps: [
      {
        ...asked('Freitag früh wär mir am liebsten, Damenschnitt bei Emma', '2026-11-20', 'frueh', [
          slot('2026-11-20 09:00', 'emma', 45),
          slot('2026-11-20 09:30', 'emma', 45),
        ]),
        hear: `${LOOKING} Für einen Damenhaarschnitt könnte ich Ihnen bei Emma am Freitag um 9 Uhr oder um halb zehn anbieten. Welcher der beiden Termine wäre Ihnen lieber?`,
      },
      bookedPick(
        'den ersten',
        slot('2026-11-20 09:00', 'emma', 45),
        'damenhaarschnitt',
        'der Damenhaarschnitt am Freitag um 9 Uhr bei Emma',
        'Damenhaarschnitt am Freitag, dem 20. November, um 9 Uhr bei Emma',
      ),
    ],
    offers: { 1: 'frueh' },
    left: [left('Damenhaarschnitt', 'Emma Williams', '2026-11-20 09:00')],
  },
  {
    name: '"am Samstagvormittag" and "die zweite" books the later morning slot',
    caller: known,
    steps: [
      asked('Strähnchen am Samstagvormittag, geht das?', '2026-11-21', 'vormittags', [
        slot('2026-11-21 09:00', 'emma', 105),
        slot('2026-11-21 10:30', 'emma', 105),
      ]),
      bookedPick(
        'die zweite bitte',
        slot('2026-11-21 10:30', 'emma', 105),
        'straehnchen',
        'die Strähnchen am Samstag um halb elf bei Emma',
        'Strähnchen am Samstag, dem 21. November, um halb elf bei Emma',
      ),
    ],
    offers: { 1: 'vormittags' },
    left: [left('Strähnchen', 'Emma Williams', '2026-11-21 10:30')],
  },
  {
    name: '"Dienstag über Mittag" is asked as midday, and "um zwölf" picks noon',
    caller: known,
    steps: [
      asked('Kann ich Dienstag über Mittag schnell zum Herrenschnitt kommen?', '2026-11-24', 'mittags', [
        slot('2026-11-24 12:00', 'fabian'),
        slot('2026-11-24 12:30', 'fabian'),
      ]),
      bookedPick(
        'um zwölf',
        slot('2026-11-24 12:00', 'fabian'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Dienstag um 12 Uhr bei Fabian',
        'Herrenhaarschnitt am Dienstag, dem 24. November, um 12 Uhr bei Fabian',
      ),
    ],
    offers: { 1: 'mittags' },
    left: [left('Herrenhaarschnitt', 'Fabian Spitzer', '2026-11-24 12:00')],
  },
  {
    name: '"am späten Nachmittag" is asked as such, not as the whole afternoon',
    caller: known,
    steps: [
      asked('Mittwoch am späten Nachmittag, Waschen und Föhnen', '2026-11-25', 'spaetnachmittags', [
        slot('2026-11-25 16:00', 'oliver'),
        slot('2026-11-25 17:00', 'oliver'),
      ]),
      bookedPick(
        'um fünf',
        slot('2026-11-25 17:00', 'oliver'),
        'waschenFoehnen',
        'Waschen und Föhnen am Mittwoch um 17 Uhr bei Oliver',
        'Waschen und Föhnen am Mittwoch, dem 25. November, um 17 Uhr bei Oliver',
      ),
    ],
    offers: { 1: 'spaetnachmittags' },
    left: [left('Waschen/Föhnen', 'Oliver Kretschmer', '2026-11-25 17:00')],
  },
  {
    name: '"nach der Arbeit" is asked as such, and "halb sechs" books it',
    caller: known,
    steps: [
      asked('Ich schaff es nur nach der Arbeit, am Freitag, Herrenschnitt', '2026-11-20', 'nach_der_arbeit', [
        slot('2026-11-20 17:00', 'emma'),
        slot('2026-11-20 17:30', 'emma'),
      ]),
      bookedPick(
        'halb sechs',
        slot('2026-11-20 17:30', 'emma'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Freitag um halb sechs bei Emma',
        'Herrenhaarschnitt am Freitag, dem 20. November, um halb sechs bei Emma',
      ),
    ],
    offers: { 1: 'nach_der_arbeit' },
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2026-11-20 17:30')],
  },
  {
    name: '"abends" when the salon closes at six: says that nothing is free in the evening, and the caller takes four',
    caller: known,
    steps: [
      {
        ...asked(
          'Mittwochabend einen Herrenschnitt',
          '2026-11-25',
          'abends',
          [slot('2026-11-25 16:00', 'oliver'), slot('2026-11-25 16:30', 'oliver')],
          'taken',
        ),
        hear: new RegExp(`^${literal(LOOKING)} Am Mittwoch ist abends leider nichts mehr frei\\. Bei Oliver .*um 16 Uhr oder um halb fünf`),
      },
      bookedPick(
        'na gut, dann um vier',
        slot('2026-11-25 16:00', 'oliver'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Mittwoch um 16 Uhr bei Oliver',
        'Herrenhaarschnitt am Mittwoch, dem 25. November, um 16 Uhr bei Oliver',
      ),
    ],
    offers: { 1: 'abends' },
    left: [left('Herrenhaarschnitt', 'Oliver Kretschmer', '2026-11-25 16:00')],
  },
  {
    name: 'a part of the day without a day: asks the day in words ("Nach der Arbeit, gern."), then asks for both',
    caller: known,
    steps: [
      { say: 'Herrenschnitt, am liebsten nach der Arbeit', ops: [], hear: 'Nach der Arbeit, gern. An welchem Tag hätten Sie Zeit?' },
      asked('Donnerstach', '2026-11-26', 'nach_der_arbeit', [slot('2026-11-26 16:30', 'emma')]),
      bookedPick(
        'ja gerne',
        slot('2026-11-26 16:30', 'emma'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Donnerstag, dem 26. November, um halb fünf bei Emma',
        'Herrenhaarschnitt am Donnerstag, dem 26. November, um halb fünf bei Emma',
      ),
    ],
    offers: { 2: 'nach_der_arbeit' },
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2026-11-26 16:30')],
  },
  {
    name: 'Saturday afternoon, when the salon closes at two: says so and offers the nearest afternoons',
    caller: known,
    steps: [
      {
        ...asked(
          'Samstag nachmittags einen Damenschnitt',
          '2026-11-21',
          'nachmittags',
          [slot('2026-11-24 14:00', 'fabian', 45), slot('2026-11-25 13:30', 'oliver', 45)],
          'taken',
        ),
        hear: new RegExp(
          `^${literal(LOOKING)} Am Samstag ist nachmittags leider nichts mehr frei\\. Ich (könnte Ihnen|habe) am Dienstag, dem 24\\. November, um 14 Uhr bei Fabian oder am Mittwoch, dem 25\\. November, um halb zwei bei Oliver`,
        ),
      },
      bookedPick(
        'dann den am Dienstag',
        slot('2026-11-24 14:00', 'fabian', 45),
        'damenhaarschnitt',
        'der Damenhaarschnitt am Dienstag um 14 Uhr bei Fabian',
        'Damenhaarschnitt am Dienstag, dem 24. November, um 14 Uhr bei Fabian',
      ),
    ],
    offers: { 1: 'nachmittags' },
    left: [left('Damenhaarschnitt', 'Fabian Spitzer', '2026-11-24 14:00')],
  },
  {
    name: '"lieber nachmittags" to a morning offer is a new wish for that afternoon, never a yes to ten o\'clock',
    caller: known,
    steps: [
      { say: 'Herrenschnitt am Dienstag um zehn', world: [offer.exact(slot('2026-11-24 10:00', 'emma'))], hear: /eintragen\?$/ },
      asked('hm, lieber nachmittags', '2026-11-24', 'nachmittags', [slot('2026-11-24 14:00', 'emma'), slot('2026-11-24 15:00', 'emma')]),
      bookedPick(
        'um drei',
        slot('2026-11-24 15:00', 'emma'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Dienstag um 15 Uhr bei Emma',
        'Herrenhaarschnitt am Dienstag, dem 24. November, um 15 Uhr bei Emma',
      ),
    ],
    offers: { 2: 'nachmittags' },
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2026-11-24 15:00')],
  },
  {
    name: '"doch lieber abends" at the name question looks again on that day; only the evening slot is booked',
    steps: [
      asked('Damenschnitt Freitag vormittags', '2026-11-20', 'vormittags', [slot('2026-11-20 10:00', 'emma', 45), slot('2026-11-20 11:00', 'emma', 45)]),
      { say: 'den um zehn', ops: [], hear: /Auf welchen Namen darf ich den Termin eintragen\?$/ },
      asked('Moment, doch lieber abends', '2026-11-20', 'abends', [slot('2026-11-20 17:00', 'fabian', 45)]),
      { say: 'ja', ops: [], hear: /Auf welchen Namen darf ich den Termin eintragen\?$/ },
      { say: 'Jonas Weber', ops: [], hear: /Endziffern 5 6 7 8\?$/ },
      {
        say: 'ja',
        world: [book.booked(slot('2026-11-20 17:00', 'fabian', 45), 'damenhaarschnitt')],
        ops: [{ operation: 'book', request: { startsAt: slot('2026-11-20 17:00', 'fabian').startsAt } }],
        hear: /eingetragen: Damenhaarschnitt am Freitag, dem 20\. November, um 17 Uhr bei Fabian\./,
      },
    ],
    offers: { 1: 'vormittags', 3: 'abends' },
    left: [left('Damenhaarschnitt', 'Fabian Spitzer', '2026-11-20 17:00')],
  },
  {
    name: 'recogniser style: "äh herrenschnitt morgen früh" is asked as tomorrow early',
    caller: known,
    steps: [
      asked('äh herrenschnitt morgen früh', '2026-11-20', 'frueh', [slot('2026-11-20 09:00', 'oliver')]),
      bookedPick(
        'ja passt',
        slot('2026-11-20 09:00', 'oliver'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt morgen um 9 Uhr bei Oliver',
        'Herrenhaarschnitt morgen um 9 Uhr bei Oliver',
      ),
    ],
    offers: { 1: 'frueh' },
    left: [left('Herrenhaarschnitt', 'Oliver Kretschmer', '2026-11-20 09:00')],
  },
  {
    name: 'recogniser style: "strähnchen samstag vormittag bitte"',
    caller: known,
    steps: [
      asked('strähnchen samstag vormittag bitte', '2026-11-21', 'vormittags', [slot('2026-11-21 09:30', 'emma', 105)]),
      bookedPick(
        'ja gern',
        slot('2026-11-21 09:30', 'emma', 105),
        'straehnchen',
        'die Strähnchen am Samstag um halb zehn bei Emma',
        'Strähnchen am Samstag, dem 21. November, um halb zehn bei Emma',
      ),
    ],
    offers: { 1: 'vormittags' },
    left: [left('Strähnchen', 'Emma Williams', '2026-11-21 09:30')],
  },
  {
    name: 'recogniser style: "äh mittwoch nach feierabend waschen föhnen"',
    caller: known,
    steps: [
      asked('äh mittwoch nach feierabend waschen föhnen', '2026-11-25', 'nach_der_arbeit', [
        slot('2026-11-25 17:00', 'oliver'),
        slot('2026-11-25 17:30', 'oliver'),
      ]),
      bookedPick(
        'den letzten',
        slot('2026-11-25 17:30', 'oliver'),
        'waschenFoehnen',
        'Waschen und Föhnen am Mittwoch um halb sechs bei Oliver',
        'Waschen und Föhnen am Mittwoch, dem 25. November, um halb sechs bei Oliver',
      ),
    ],
    offers: { 1: 'nach_der_arbeit' },
    left: [left('Waschen/Föhnen', 'Oliver Kretschmer', '2026-11-25 17:30')],
  },
  {
    name: 'recogniser style: "herrenschnitt freitag mittags" offered half past two says that midday is full',
    caller: known,
    steps: [
      {
        ...asked('herrenschnitt freitag mittags', '2026-11-20', 'mittags', [slot('2026-11-20 14:30', 'emma')], 'taken'),
        hear: new RegExp(`^${literal(LOOKING)} Am Freitag ist über Mittag leider nichts mehr frei\\. Ich (könnte Ihnen|habe) am Freitag um halb drei bei Emma`),
      },
      { say: 'nee passt nich', ops: [], hear: /stattdessen/ },
    ],
    offers: { 1: 'mittags' },
    left: [],
  },
  {
    name: 'recogniser style: "damenschnitt dienstag nachmittag so ab drei" asks for three, the hour said',
    caller: known,
    steps: [
      {
        say: 'damenschnitt dienstag nachmittag so ab drei',
        world: [offer.exact(slot('2026-11-24 15:00', 'emma', 45))],
        ops: [{ operation: 'offer', request: { date: '2026-11-24', time: '15:00', partOfDay: null } }],
        hear: /^Einen Moment, ich schaue kurz nach\. Am Dienstag um 15 Uhr hat Emma Zeit für einen Damenhaarschnitt\. Soll ich Ihnen den Termin eintragen\?$/,
      },
      bookedPick(
        'ja',
        slot('2026-11-24 15:00', 'emma', 45),
        'damenhaarschnitt',
        'der Damenhaarschnitt am Dienstag um 15 Uhr bei Emma',
        'Damenhaarschnitt am Dienstag, dem 24. November, um 15 Uhr bei Emma',
      ),
    ],
    offers: { 1: 'nachmittags' },
    left: [left('Damenhaarschnitt', 'Emma Williams', '2026-11-24 15:00')],
  },
  {
    name: 'recogniser style: "geht auch vormittags" to an afternoon offer looks in the morning of that day',
    caller: known,
    steps: [
      asked('herrenschnitt donnerstag nachmittag', '2026-11-26', 'nachmittags', [slot('2026-11-26 14:00', 'emma'), slot('2026-11-26 15:00', 'emma')]),
      asked('äh geht auch vormittags', '2026-11-26', 'vormittags', [slot('2026-11-26 10:00', 'emma'), slot('2026-11-26 11:00', 'emma')]),
      bookedPick(
        'um elf',
        slot('2026-11-26 11:00', 'emma'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Donnerstag, dem 26. November, um 11 Uhr bei Emma',
        'Herrenhaarschnitt am Donnerstag, dem 26. November, um 11 Uhr bei Emma',
      ),
    ],
    offers: { 1: 'nachmittags', 2: 'vormittags' },
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2026-11-26 11:00')],
  },
];

describe('scripted calls: parts of the day', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    const { turns } = await playCall(script);
    for (const [step, part] of Object.entries(script.offers)) expectInPartOfDay(turns[Number(step) - 1]!.text, part, `step ${step}`);
    expect(appointmentsLeft(turns)).toEqual(script.left);
  });

  it('has at least fifteen calls, a third of them in speech-recogniser style', () => {
    expect(calls.length).toBeGreaterThanOrEqual(15);
    expect(calls.filter((c) => c.name.startsWith('recogniser style')).length * 3).toBeGreaterThanOrEqual(calls.length);
  });
});
