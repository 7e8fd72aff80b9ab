import { describe, expect, it } from 'vitest';
import type { ClosedDay, OfferedSlot } from '../../src/reception/outcomes.js';
import type { ReceptionAnswer } from '../../src/voice/dialogue/events.js';
import { appointmentsLeft, spokenTimes, type Left } from '../support/call-checks.js';
import { PRACTICE, SERVICES, STAFF } from '../support/demo-directory.js';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { book, slot } from '../support/world.js';
import { ANYTHING_ELSE, BOOKING, LOOKING } from './lines.js';

/**
 * A wish for a day the business is closed is answered with the day and the reason ("Sonntags haben wir leider
 * geschlossen.", "Am 25. Dezember ist erster Weihnachtstag, …", "… wegen Betriebsurlaub …", "Heute haben wir
 * leider geschlossen, …"), then the nearest open day at the wished time first, in the order the reception found
 * them (a caller's "den ersten" is the first one said).
 */

const known = { knownName: 'Jonas Weber' };
const literal = (line: string): string => line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The reception's answer for a closed day: the day with its cause, and the nearest open slots. */
function closed(closedDay: ClosedDay, ...slots: [OfferedSlot, ...OfferedSlot[]]): ReceptionAnswer {
  return { operation: 'offer', outcome: { kind: 'alternatives', reason: 'closed_day', slots, detail: { closedDay } } };
}
const sunday: ClosedDay = { cause: 'weekday', date: '2026-11-22', weekday: 7 };
const monday: ClosedDay = { cause: 'weekday', date: '2026-11-23', weekday: 1 };
const christmas: ClosedDay = { cause: 'holiday', date: '2026-12-25', weekday: 5, name: '1. Weihnachtstag' };
const boxingDay: ClosedDay = { cause: 'holiday', date: '2026-12-26', weekday: 6, name: '2. Weihnachtstag' };
const newYear: ClosedDay = { cause: 'holiday', date: '2027-01-01', weekday: 5, name: 'Neujahr' };
const goodFriday: ClosedDay = { cause: 'holiday', date: '2027-03-26', weekday: 5, name: 'Karfreitag' };
const holidays: ClosedDay = { cause: 'closure', date: '2026-12-02', weekday: 3, reason: 'Betriebsurlaub' };
const teamNote: ClosedDay = { cause: 'closure', date: '2026-12-02', weekday: 3, reason: 'Teamtag, bitte niemanden eintragen!' };
const todayOff: ClosedDay = { cause: 'weekday', date: '2026-11-19', weekday: 4 };
const tomorrowOff: ClosedDay = { cause: 'weekday', date: '2026-11-20', weekday: 5 };
const practiceSaturday: ClosedDay = { cause: 'weekday', date: '2026-11-21', weekday: 6 };

interface ClosedCall extends CallScript {
  /** The step (1-based) that hears the closed day, what it must say about it, and the wished time offered first. */
  closedAt: { step: number; said: string; firstAt?: string };
  left: Left[];
}

/** The wish for a closed day: asked as said (day and time), answered with the day, the reason and the nearest. */
function wishFor(say: string, date: string, time: string | null, answer: ReceptionAnswer, hear: RegExp): ScriptStep {
  return { say, world: [answer], ops: [{ operation: 'offer', request: { date, time } }], hear };
}
/** The pick of a returning caller, booked at once. */
function bookedPick(
  say: string,
  s: OfferedSlot,
  service: 'herrenhaarschnitt' | 'damenhaarschnitt' | 'waschenFoehnen' | 'ansatzfaerbung' | 'kontrolle',
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
/** Two offers end with a question between them. */
const TWO = '(Was passt Ihnen besser|Welcher der beiden Termine wäre Ihnen lieber)\\?$';

const calls: ClosedCall[] = [
  {
    name: '"Sonntag um elf": Sunday is closed; Saturday at eleven comes first, then Tuesday at eleven',
    caller: known,
    steps: [
      wishFor(
        'Herrenhaarschnitt am Sonntag um elf, bitte',
        '2026-11-22',
        '11:00',
        closed(sunday, slot('2026-11-21 11:00', 'emma'), slot('2026-11-24 11:00', 'fabian')),
        new RegExp(
          `^${literal(LOOKING)} Sonntags haben wir leider geschlossen\\. Ich (könnte Ihnen|habe) am Samstag, dem 21\\. November, um 11 Uhr bei Emma oder am Dienstag, dem 24\\. November, um 11 Uhr bei Fabian (anbieten|noch einen Termin frei)\\. ${TWO}`,
        ),
      ),
      bookedPick(
        'Samstag passt',
        slot('2026-11-21 11:00', 'emma'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Samstag um 11 Uhr bei Emma',
        'Herrenhaarschnitt am Samstag, dem 21. November, um 11 Uhr bei Emma',
      ),
    ],
    closedAt: { step: 1, said: 'Sonntags haben wir leider geschlossen.', firstAt: '11:00' },
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2026-11-21 11:00')],
  },
  {
    name: '"Montag um zehn": Monday is the day off; Tuesday at ten is offered first and "den ersten" books it',
    caller: known,
    steps: [
      wishFor(
        'Geht Montag um zehn für einen Damenhaarschnitt?',
        '2026-11-23',
        '10:00',
        closed(monday, slot('2026-11-24 10:00', 'emma', 45), slot('2026-11-21 10:00', 'emma', 45)),
        new RegExp(
          `^${literal(LOOKING)} Montags haben wir leider geschlossen\\. Bei Emma .*am Dienstag, dem 24\\. November, um 10 Uhr oder am Samstag, dem 21\\. November, um 10 Uhr`,
        ),
      ),
      bookedPick(
        'den ersten',
        slot('2026-11-24 10:00', 'emma', 45),
        'damenhaarschnitt',
        'der Damenhaarschnitt am Dienstag, dem 24. November, um 10 Uhr bei Emma',
        'Damenhaarschnitt am Dienstag, dem 24. November, um 10 Uhr bei Emma',
      ),
    ],
    closedAt: { step: 1, said: 'Montags haben wir leider geschlossen.', firstAt: '10:00' },
    left: [left('Damenhaarschnitt', 'Emma Williams', '2026-11-24 10:00')],
  },
  {
    name: '"am 25. Dezember": names Christmas ("erster Weihnachtstag", never "1. Weihnachtstag"), then the 24th at ten',
    caller: known,
    steps: [
      wishFor(
        'Ich hätte gern am 25. Dezember um zehn einen Herrenhaarschnitt',
        '2026-12-25',
        '10:00',
        closed(christmas, slot('2026-12-24 10:00', 'fabian'), slot('2026-12-29 10:00', 'fabian')),
        new RegExp(
          `^${literal(LOOKING)} Am 25\\. Dezember ist erster Weihnachtstag, da haben wir geschlossen\\. Bei Fabian .*am Donnerstag, dem 24\\. Dezember, um 10 Uhr oder am Dienstag, dem 29\\. Dezember, um 10 Uhr`,
        ),
      ),
      bookedPick(
        'dann den 24.',
        slot('2026-12-24 10:00', 'fabian'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Donnerstag, dem 24. Dezember, um 10 Uhr bei Fabian',
        'Herrenhaarschnitt am Donnerstag, dem 24. Dezember, um 10 Uhr bei Fabian',
      ),
    ],
    closedAt: { step: 1, said: 'Am 25. Dezember ist erster Weihnachtstag, da haben wir geschlossen.', firstAt: '10:00' },
    left: [left('Herrenhaarschnitt', 'Fabian Spitzer', '2026-12-24 10:00')],
  },
  {
    name: '"zweiter Weihnachtsfeiertag um elf": the holiday named, the nearest open days at eleven',
    caller: known,
    steps: [
      wishFor(
        'Waschen und Föhnen am zweiten Weihnachtsfeiertag um elf?',
        '2026-12-26',
        '11:00',
        closed(boxingDay, slot('2026-12-24 11:00', 'oliver'), slot('2026-12-29 11:00', 'emma')),
        /^Einen Moment, ich schaue kurz nach\. Am 26\. Dezember ist zweiter Weihnachtstag, da haben wir geschlossen\. Ich (könnte Ihnen|habe) am Donnerstag, dem 24\. Dezember, um 11 Uhr bei Oliver oder am Dienstag, dem 29\. Dezember, um 11 Uhr bei Emma/,
      ),
      bookedPick(
        'den am 29. bei Emma',
        slot('2026-12-29 11:00', 'emma'),
        'waschenFoehnen',
        'Waschen und Föhnen am Dienstag, dem 29. Dezember, um 11 Uhr bei Emma',
        'Waschen und Föhnen am Dienstag, dem 29. Dezember, um 11 Uhr bei Emma',
      ),
    ],
    closedAt: { step: 1, said: 'Am 26. Dezember ist zweiter Weihnachtstag, da haben wir geschlossen.', firstAt: '11:00' },
    left: [left('Waschen/Föhnen', 'Emma Williams', '2026-12-29 11:00')],
  },
  {
    name: '"an Neujahr um zehn": Neujahr named; the caller takes the second of January',
    caller: known,
    steps: [
      wishFor(
        'Herrenhaarschnitt an Neujahr um zehn',
        '2027-01-01',
        '10:00',
        closed(newYear, slot('2027-01-02 10:00', 'emma'), slot('2026-12-31 10:00', 'emma')),
        /^Einen Moment, ich schaue kurz nach\. Am 1\. Januar ist Neujahr, da haben wir geschlossen\. Bei Emma .*am Samstag, dem 2\. Januar 2027, um 10 Uhr oder am Donnerstag, dem 31\. Dezember, um 10 Uhr/,
      ),
      bookedPick(
        'am zweiten Januar, gern',
        slot('2027-01-02 10:00', 'emma'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Samstag, dem 2. Januar 2027, um 10 Uhr bei Emma',
        'Herrenhaarschnitt am Samstag, dem 2. Januar 2027, um 10 Uhr bei Emma',
      ),
    ],
    closedAt: { step: 1, said: 'Am 1. Januar ist Neujahr, da haben wir geschlossen.', firstAt: '10:00' },
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2027-01-02 10:00')],
  },
  {
    name: '"Karfreitag" without a time: the holiday named, the first slots of the nearest open day',
    caller: known,
    steps: [
      wishFor(
        'Kann ich an Karfreitag zur Ansatzfärbung kommen?',
        '2027-03-26',
        null,
        closed(goodFriday, slot('2027-03-25 09:00', 'oliver', 120), slot('2027-03-25 10:00', 'emma', 120)),
        /^Einen Moment, ich schaue kurz nach\. Am 26\. März ist Karfreitag, da haben wir geschlossen\. Ich (könnte Ihnen|habe) am Donnerstag, dem 25\. März 2027, um 9 Uhr bei Oliver oder um 10 Uhr bei Emma/,
      ),
      bookedPick(
        'um neun bei Oliver',
        slot('2027-03-25 09:00', 'oliver', 120),
        'ansatzfaerbung',
        'die Ansatzfärbung am Donnerstag, dem 25. März 2027, um 9 Uhr bei Oliver',
        'Ansatzfärbung am Donnerstag, dem 25. März 2027, um 9 Uhr bei Oliver',
      ),
    ],
    closedAt: { step: 1, said: 'Am 26. März ist Karfreitag, da haben wir geschlossen.' },
    left: [left('Ansatzfärbung', 'Oliver Kretschmer', '2027-03-25 09:00')],
  },
  {
    name: 'a closure with its reason: "wegen Betriebsurlaub", then Thursday at the wished hour',
    caller: known,
    steps: [
      wishFor(
        'Herrenhaarschnitt am 2. Dezember um drei',
        '2026-12-02',
        '15:00',
        closed(holidays, slot('2026-12-03 15:00', 'emma')),
        /^Einen Moment, ich schaue kurz nach\. Am Mittwoch, dem 2\. Dezember, haben wir wegen Betriebsurlaub geschlossen\. .*am Donnerstag, dem 3\. Dezember, um 15 Uhr bei Emma.* (Passt Ihnen das|Wäre das etwas für Sie)\?$/,
      ),
      bookedPick(
        'ja, das passt',
        slot('2026-12-03 15:00', 'emma'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Donnerstag, dem 3. Dezember, um 15 Uhr bei Emma',
        'Herrenhaarschnitt am Donnerstag, dem 3. Dezember, um 15 Uhr bei Emma',
      ),
    ],
    closedAt: { step: 1, said: 'Am Mittwoch, dem 2. Dezember, haben wir wegen Betriebsurlaub geschlossen.', firstAt: '15:00' },
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2026-12-03 15:00')],
  },
  {
    name: "a closure whose note is no reason to read out: says the day is closed, never the staff's note",
    caller: known,
    steps: [
      {
        ...wishFor('Mittwoch, der Zweite, um zehn, Damenschnitt', '2026-12-02', '10:00', closed(teamNote, slot('2026-12-03 10:00', 'emma', 45)), /./),
        hear: /^Einen Moment, ich schaue kurz nach\. Am Mittwoch, dem 2\. Dezember, haben wir leider geschlossen\. /,
      },
    ],
    closedAt: { step: 1, said: 'Am Mittwoch, dem 2. Dezember, haben wir leider geschlossen.', firstAt: '10:00' },
    left: [],
  },
  {
    name: 'recogniser style: "äh geht das heute noch" on the weekly day off says that today is closed and why, then offers tomorrow',
    caller: known,
    steps: [
      { say: 'herrenhaarschnitt', ops: [], hear: /Wann hätten Sie denn Zeit\?/ },
      wishFor(
        'äh geht das heute noch',
        '2026-11-19',
        null,
        closed(todayOff, slot('2026-11-20 09:00', 'emma'), slot('2026-11-20 09:30', 'emma')),
        /^Einen Moment, ich schaue kurz nach\. Heute haben wir leider geschlossen, donnerstags ist bei uns Ruhetag\. Bei Emma .*morgen um 9 Uhr oder um halb zehn/,
      ),
      bookedPick(
        'um neun',
        slot('2026-11-20 09:00', 'emma'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt morgen um 9 Uhr bei Emma',
        'Herrenhaarschnitt morgen um 9 Uhr bei Emma',
      ),
    ],
    closedAt: { step: 2, said: 'Heute haben wir leider geschlossen, donnerstags ist bei uns Ruhetag.' },
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2026-11-20 09:00')],
  },
  {
    name: 'tomorrow closed: "Morgen ist Freitag, da haben wir leider geschlossen", Saturday at the wished hour first',
    caller: known,
    steps: [
      wishFor(
        'Morgen um elf einen Herrenhaarschnitt',
        '2026-11-20',
        '11:00',
        closed(tomorrowOff, slot('2026-11-21 11:00', 'oliver'), slot('2026-11-24 11:00', 'oliver')),
        /^Einen Moment, ich schaue kurz nach\. Morgen ist Freitag, da haben wir leider geschlossen\. Bei Oliver .*am Samstag, dem 21\. November, um 11 Uhr oder am Dienstag, dem 24\. November, um 11 Uhr/,
      ),
    ],
    closedAt: { step: 1, said: 'Morgen ist Freitag, da haben wir leider geschlossen.', firstAt: '11:00' },
    left: [],
  },
  {
    name: 'after Sunday, "und Montag?" is closed too and said so; "dann Dienstag" keeps the hour and books it',
    caller: known,
    steps: [
      wishFor(
        'Herrenhaarschnitt Sonntag um zwölf',
        '2026-11-22',
        '12:00',
        closed(sunday, slot('2026-11-21 12:00', 'emma'), slot('2026-11-24 12:00', 'fabian')),
        /^Einen Moment, ich schaue kurz nach\. Sonntags haben wir leider geschlossen\./,
      ),
      wishFor(
        'und Montag?',
        '2026-11-23',
        '12:00',
        closed(monday, slot('2026-11-24 12:00', 'fabian')),
        /^Einen Moment, ich schaue kurz nach\. Montags haben wir leider geschlossen\. .*am Dienstag, dem 24\. November, um 12 Uhr bei Fabian/,
      ),
      bookedPick(
        'dann Dienstag',
        slot('2026-11-24 12:00', 'fabian'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Dienstag um 12 Uhr bei Fabian',
        'Herrenhaarschnitt am Dienstag, dem 24. November, um 12 Uhr bei Fabian',
      ),
    ],
    closedAt: { step: 2, said: 'Montags haben wir leider geschlossen.', firstAt: '12:00' },
    left: [left('Herrenhaarschnitt', 'Fabian Spitzer', '2026-11-24 12:00')],
  },
  {
    name: 'the practice is closed on Saturdays: said so, and Friday at nine (tomorrow) offered first',
    directory: PRACTICE,
    caller: known,
    greeting: /Zahnarztpraxis Doktor Berger/,
    steps: [
      wishFor(
        'Ich bräuchte eine Kontrolle am Samstag um neun',
        '2026-11-21',
        '09:00',
        closed(practiceSaturday, slot('2026-11-20 09:00', 'berger'), slot('2026-11-23 09:00', 'berger')),
        /^Einen Moment, ich schaue kurz nach\. Samstags haben wir leider geschlossen\. Bei Frau Berger .*morgen um 9 Uhr oder am Montag, dem 23\. November, um 9 Uhr/,
      ),
      {
        say: 'Montag ist besser',
        world: [book.booked(slot('2026-11-23 09:00', 'berger'), 'kontrolle')],
        hear: /^Gut, also die Kontrolluntersuchung am Montag um 9 Uhr bei Frau Berger\. .*eingetragen: Kontrolluntersuchung am Montag, dem 23\. November, um 9 Uhr bei Frau Berger\./,
      },
    ],
    closedAt: { step: 1, said: 'Samstags haben wir leider geschlossen.', firstAt: '09:00' },
    left: [{ service: 'Kontrolluntersuchung', staff: 'Dr. Anna Berger', local: '2026-11-23 09:00', name: 'Jonas Weber' }],
  },
  {
    name: 'recogniser style: "äh herrenschnitt sonntach um elfe"',
    caller: known,
    steps: [
      wishFor(
        'äh herrenschnitt sonntach um elfe',
        '2026-11-22',
        '11:00',
        closed(sunday, slot('2026-11-21 11:00', 'emma'), slot('2026-11-24 11:00', 'emma')),
        /^Einen Moment, ich schaue kurz nach\. Sonntags haben wir leider geschlossen\. Bei Emma .*am Samstag, dem 21\. November, um 11 Uhr oder am Dienstag, dem 24\. November, um 11 Uhr/,
      ),
      bookedPick(
        'samstag bitte',
        slot('2026-11-21 11:00', 'emma'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Samstag um 11 Uhr bei Emma',
        'Herrenhaarschnitt am Samstag, dem 21. November, um 11 Uhr bei Emma',
      ),
    ],
    closedAt: { step: 1, said: 'Sonntags haben wir leider geschlossen.', firstAt: '11:00' },
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2026-11-21 11:00')],
  },
  {
    name: 'recogniser style: "damenschnitt am ersten weihnachtstag um zehn"',
    caller: known,
    steps: [
      wishFor(
        'damenschnitt am ersten weihnachtstag um zehn',
        '2026-12-25',
        '10:00',
        closed(christmas, slot('2026-12-24 10:00', 'emma', 45)),
        /^Einen Moment, ich schaue kurz nach\. Am 25\. Dezember ist erster Weihnachtstag, da haben wir geschlossen\. .*am Donnerstag, dem 24\. Dezember, um 10 Uhr bei Emma/,
      ),
      bookedPick(
        'ja gut',
        slot('2026-12-24 10:00', 'emma', 45),
        'damenhaarschnitt',
        'der Damenhaarschnitt am Donnerstag, dem 24. Dezember, um 10 Uhr bei Emma',
        'Damenhaarschnitt am Donnerstag, dem 24. Dezember, um 10 Uhr bei Emma',
      ),
    ],
    closedAt: { step: 1, said: 'Am 25. Dezember ist erster Weihnachtstag, da haben wir geschlossen.', firstAt: '10:00' },
    left: [left('Damenhaarschnitt', 'Emma Williams', '2026-12-24 10:00')],
  },
  {
    name: 'recogniser style: "geht montag früh" is closed, said so before any part of the day',
    caller: known,
    steps: [
      {
        say: 'herrenhaarschnitt äh geht montag früh',
        world: [closed(monday, slot('2026-11-24 09:00', 'emma'), slot('2026-11-24 09:30', 'emma'))],
        ops: [{ operation: 'offer', request: { date: '2026-11-23', time: null, partOfDay: 'frueh' } }],
        hear: /^Einen Moment, ich schaue kurz nach\. Montags haben wir leider geschlossen\. Bei Emma .*am Dienstag, dem 24\. November, um 9 Uhr oder um halb zehn/,
      },
      bookedPick(
        'um neun',
        slot('2026-11-24 09:00', 'emma'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Dienstag, dem 24. November, um 9 Uhr bei Emma',
        'Herrenhaarschnitt am Dienstag, dem 24. November, um 9 Uhr bei Emma',
      ),
    ],
    closedAt: { step: 1, said: 'Montags haben wir leider geschlossen.' },
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2026-11-24 09:00')],
  },
  {
    name: 'recogniser style: "neujahr um zehne waschen föhnen" and then "nee lassen wir das"',
    caller: known,
    steps: [
      wishFor(
        'neujahr um zehne waschen föhnen',
        '2027-01-01',
        '10:00',
        closed(newYear, slot('2026-12-31 10:00', 'fabian')),
        /^Einen Moment, ich schaue kurz nach\. Am 1\. Januar ist Neujahr, da haben wir geschlossen\. .*am Donnerstag, dem 31\. Dezember, um 10 Uhr bei Fabian/,
      ),
      { say: 'nee dann lassen wir das', ops: [], hear: /[Aa]uf Wiederhören!$/, end: 'hang_up' },
    ],
    closedAt: { step: 1, said: 'Am 1. Januar ist Neujahr, da haben wir geschlossen.', firstAt: '10:00' },
    left: [],
  },
  {
    name: 'recogniser style: "montag um zehne bei fabian" keeps Fabian on the nearest open day',
    caller: known,
    steps: [
      {
        say: 'montag um zehne bei fabian herrenschnitt',
        world: [closed(monday, slot('2026-11-24 10:00', 'fabian'), slot('2026-11-25 10:00', 'fabian'))],
        ops: [{ operation: 'offer', request: { date: '2026-11-23', time: '10:00', staffId: STAFF.fabian } }],
        hear: /^Einen Moment, ich schaue kurz nach\. Montags haben wir leider geschlossen\. Bei Fabian .*am Dienstag, dem 24\. November, um 10 Uhr oder am Mittwoch, dem 25\. November, um 10 Uhr/,
      },
      bookedPick(
        'der dienstag',
        slot('2026-11-24 10:00', 'fabian'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Dienstag um 10 Uhr bei Fabian',
        'Herrenhaarschnitt am Dienstag, dem 24. November, um 10 Uhr bei Fabian',
      ),
    ],
    closedAt: { step: 1, said: 'Montags haben wir leider geschlossen.', firstAt: '10:00' },
    left: [left('Herrenhaarschnitt', 'Fabian Spitzer', '2026-11-24 10:00')],
  },
];

describe('scripted calls: closed days and their reasons', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    const { turns } = await playCall(script);
    const line = turns[script.closedAt.step - 1]!.text;
    // The closed day and its reason come first, before anything is offered.
    expect(line.replace(`${LOOKING} `, '').startsWith(script.closedAt.said), line).toBe(true);
    if (script.closedAt.firstAt) {
      const [h, m] = script.closedAt.firstAt.split(':').map(Number);
      expect(spokenTimes(line)[0], 'the wished time is offered first').toBe(h! * 60 + m!);
    }
    expect(appointmentsLeft(turns, script.directory)).toEqual(script.left);
  });

  it('has at least fifteen calls, a third of them in speech-recogniser style', () => {
    expect(calls.length).toBeGreaterThanOrEqual(15);
    expect(calls.filter((c) => c.name.startsWith('recogniser style')).length * 3).toBeGreaterThanOrEqual(calls.length);
  });
});
