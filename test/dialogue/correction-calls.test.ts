import { describe, expect, it } from 'vitest';
import type { AppointmentRef } from '../../src/reception/outcomes.js';
import { appointmentsLeft, type Left } from '../support/call-checks.js';
import { SERVICES, STAFF } from '../support/demo-directory.js';
import { book, cancel, instant, offer, reschedule, slot } from '../support/world.js';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { ANYTHING_ELSE, ASK_OTHER_TIME, BOOKING, CONFIRM_PHONE, LOOKING } from './lines.js';

/**
 * "X geht nicht / lieber Y / doch nicht" is a correction at every step: at the offer, at "Soll ich ihn eintragen?",
 * at the name and at the number question. Relative corrections are relative to the slot on the table, and what was
 * turned down is not offered again.
 */
const fri10 = slot('2026-11-20 10:00', 'emma');
const fri11 = slot('2026-11-20 11:00', 'emma');
const fri1130 = slot('2026-11-20 11:30', 'fabian');
const sat10 = slot('2026-11-21 10:00', 'emma');
// An offer of one slot is said one of two ways, by the slot; either ends with the question whether to book it.
const OFFER_ASKS = /(Soll ich Ihnen den Termin eintragen|Soll ich ihn für Sie eintragen)\?$/;
const hasTime = (when: string, staff: string) => `${LOOKING} ${when} hat ${staff} Zeit für einen Herrenhaarschnitt. Soll ich Ihnen den Termin eintragen?`;
const isFree = (when: string, staff: string) =>
  `${LOOKING} ${when} ist bei ${staff} ein Termin für einen Herrenhaarschnitt frei. Soll ich ihn für Sie eintragen?`;
/** An offer of two slots ends with a question between the two. */
const TWO_OFFERS_ASK = /(Was passt Ihnen besser|Welcher der beiden Termine wäre Ihnen lieber)\?$/;
const offered: ScriptStep = { say: 'Herrenhaarschnitt am Freitag um zehn', world: [offer.exact(fri10)], hear: OFFER_ASKS };
const atName: ScriptStep[] = [offered, { say: 'ja', hear: /Auf welchen Namen darf ich den Termin eintragen\?$/ }];
const atPhone: ScriptStep[] = [...atName, { say: 'Karl Huber', hear: /Endziffern 5 6 7 8\?$/ }];
const later = (time: string) => ({ operation: 'offer' as const, request: { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-20', time } });

const calls: CallScript[] = [
  {
    name: '"Ach nee, zehn ist schlecht – geht\'s auch etwas später?" is no yes: it asks for later that day',
    steps: [
      offered,
      {
        say: "Ach nee, zehn ist schlecht – geht's auch etwas später?",
        world: [offer.exact(fri11)],
        ops: [later('11:00')],
        hear: isFree('Am Freitag um 11 Uhr', 'Emma'),
      },
    ],
  },
  {
    name: '"eine Stunde später" at the name question looks again from the chosen slot',
    steps: [
      ...atName,
      { say: 'Warten Sie, lieber doch eine Stunde später', world: [offer.exact(fri11)], ops: [later('11:00')], hear: hasTime('Am Freitag um 11 Uhr', 'Emma') },
    ],
  },
  {
    name: 'a new day at the name question keeps the chosen hour',
    steps: [
      ...atName,
      {
        say: 'nein Moment, doch lieber Samstag',
        world: [offer.exact(sat10)],
        ops: [{ operation: 'offer', request: { date: '2026-11-21', time: '10:00' } }],
        hear: hasTime('Am Samstag um 10 Uhr', 'Emma'),
      },
    ],
  },
  {
    name: 'a correction at the number question changes the slot, not the number',
    steps: [
      ...atPhone,
      {
        say: 'ach nee, lieber eine halbe Stunde später',
        world: [offer.exact(slot('2026-11-20 10:30', 'emma'))],
        ops: [later('10:30')],
        hear: isFree('Am Freitag um halb elf', 'Emma'),
      },
    ],
    finally: (s) => expect(s.caller.phoneConfirmed).toBe(false),
  },
  {
    name: '"etwas früher" at the offer looks before the slot on the table',
    steps: [
      offered,
      {
        say: 'geht das auch etwas früher?',
        world: [offer.exact(slot('2026-11-20 09:00', 'emma'))],
        ops: [later('09:00')],
        hear: isFree('Am Freitag um 9 Uhr', 'Emma'),
      },
    ],
  },
  {
    name: '"den Tag danach" moves the day and keeps the hour',
    steps: [
      offered,
      {
        say: 'hm, eher den Tag danach',
        world: [offer.exact(sat10)],
        ops: [{ operation: 'offer', request: { date: '2026-11-21', time: '10:00' } }],
        hear: isFree('Am Samstag, dem 21. November, um 10 Uhr', 'Emma'),
      },
    ],
  },
  {
    name: 'the slot turned down is never offered again when the later one is taken',
    steps: [
      offered,
      {
        say: 'lieber etwas später',
        world: [offer.alternatives('taken', fri10, fri1130)],
        hear: /Ich könnte Ihnen am Freitag um halb zwölf bei Fabian anbieten\. Wäre das etwas für Sie\?$/,
      },
    ],
    finally: (s) => expect(s.step).toMatchObject({ phase: 'offered', offers: [fri1130] }),
  },
  {
    name: 'says so when nothing is left later that day',
    steps: [
      offered,
      {
        say: 'Das ist mir zu früh, geht es eine Stunde später?',
        world: [offer.alternatives('taken', fri10, slot('2026-11-20 09:00', 'fabian'))],
        hear: 'Einen Moment, ich schaue kurz nach. Später ist dafür leider nichts mehr frei. Kein Problem. Welcher Tag oder welche Uhrzeit wäre Ihnen stattdessen lieber?',
      },
    ],
    finally: (s) => expect(s.step.phase).toBe('collect'),
  },
  {
    name: '"doch nicht" at the confirmation question books nothing and asks what instead',
    steps: [offered, { say: 'ach doch nicht, das passt mir nicht', ops: [], hear: ASK_OTHER_TIME }],
  },
  {
    name: '"warten Sie mal" at the confirmation question is no yes',
    steps: [offered, { say: 'ja warten Sie mal', ops: [], hear: 'Soll ich Ihnen den Termin eintragen?' }],
    finally: (s) => expect(s.step.phase).toBe('offered'),
  },
  {
    name: 'recogniser style: "ach nee zehn is doof lieber um elf" at the offer asks for eleven',
    steps: [
      offered,
      { say: 'ach nee zehn is doof lieber um elf', world: [offer.exact(fri11)], ops: [later('11:00')], hear: isFree('Am Freitag um 11 Uhr', 'Emma') },
    ],
  },
  {
    name: 'recogniser style: "zwei stunden später" at the name question',
    steps: [
      ...atName,
      {
        say: 'äh warten sie mal zwei stunden später wär besser',
        world: [offer.exact(slot('2026-11-20 12:00', 'emma'))],
        ops: [later('12:00')],
        hear: hasTime('Am Freitag um 12 Uhr', 'Emma'),
      },
    ],
  },
  {
    name: 'recogniser style: another staff member at the number question',
    steps: [
      ...atPhone,
      {
        say: 'nee doch lieber bei fabian',
        world: [offer.exact(slot('2026-11-20 10:00', 'fabian'))],
        ops: [{ operation: 'offer', request: { staffId: STAFF.fabian, date: '2026-11-20', time: '10:00' } }],
        hear: hasTime('Am Freitag um 10 Uhr', 'Fabian'),
      },
    ],
  },
  {
    name: 'recogniser style: "n bisschen später" at the offer of two slots starts from the first',
    steps: [
      { say: 'herrenhaarschnitt freitag vormittag', world: [offer.alternatives('no_time_given', fri10, fri1130)], hear: TWO_OFFERS_ASK },
      { say: 'n bisschen später', world: [offer.exact(fri11)], ops: [later('11:00')], hear: hasTime('Am Freitag um 11 Uhr', 'Emma') },
    ],
  },
  {
    name: 'after a correction the new slot is booked, the old one not',
    steps: [
      ...atName,
      { say: 'Moment, lieber eine Stunde später', world: [offer.exact(fri11)], hear: OFFER_ASKS },
      { say: 'ja', hear: 'Gut, also der Herrenhaarschnitt am Freitag um 11 Uhr bei Emma. Auf welchen Namen darf ich den Termin eintragen?' },
    ],
    finally: (s) => expect(s.step).toMatchObject({ phase: 'name', chosen: { startsAt: instant('2026-11-20 11:00') } }),
  },
  {
    name: 'a name with a weekday for a surname is still a name at the name question',
    steps: [...atName, { say: 'Petra Freitag', ops: [], hear: /Endziffern/ }],
    finally: (s) => expect(s.caller.name).toBe('Petra Freitag'),
  },
];

describe('scripted calls: corrections at every step', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});

/** The number confirmed: booked, read back with its date. */
const bookedAt = (s: ReturnType<typeof slot>, readBack: string): ScriptStep => ({
  say: 'ja',
  world: [book.booked(s, 'herrenhaarschnitt')],
  ops: [{ operation: 'book', request: { staffId: s.staffId, startsAt: s.startsAt } }],
  hear: `${BOOKING} Wunderbar. Ihr Termin ist eingetragen: Herrenhaarschnitt ${readBack}. ${ANYTHING_ELSE}`,
});
const tue10 = slot('2026-11-24 10:00', 'emma');
const offeredTue: ScriptStep = { say: 'Herrenschnitt Dienstag um zehne', world: [offer.exact(tue10)], hear: OFFER_ASKS };
const wed10 = slot('2026-11-25 10:00', 'emma');
const bookedWed = book.booked(wed10, 'herrenhaarschnitt');
const justBooked = (bookedWed.outcome as { appointment: AppointmentRef }).appointment;
const left = (staff: string, local: string, name = 'Jonas Weber'): Left => ({ service: 'Herrenhaarschnitt', staff, local, name });

const wholeCalls: Array<CallScript & { left: Left[] }> = [
  {
    name: 'recogniser style: "nee zehne is schlecht geht auch halb zwölfe" at the offer; only half past eleven is booked',
    steps: [
      offeredTue,
      {
        say: 'nee zehne is schlecht geht auch halb zwölfe',
        world: [offer.exact(slot('2026-11-24 11:30', 'emma'))],
        ops: [{ operation: 'offer', request: { date: '2026-11-24', time: '11:30' } }],
        hear: OFFER_ASKS,
      },
      { say: 'ja', ops: [], hear: /halb zwölf bei Emma\. Auf welchen Namen darf ich den Termin eintragen\?$/ },
      { say: 'jonas weber', ops: [], hear: CONFIRM_PHONE },
      bookedAt(slot('2026-11-24 11:30', 'emma'), 'am Dienstag, dem 24. November, um halb zwölf bei Emma'),
    ],
    left: [left('Emma Williams', '2026-11-24 11:30')],
  },
  {
    name: 'recogniser style: "äh moment lieber doch am samstag" at the name question keeps the hour; Saturday is booked',
    steps: [
      offeredTue,
      { say: 'ja', ops: [], hear: /Auf welchen Namen/ },
      {
        say: 'äh moment lieber doch am samstag',
        world: [offer.exact(slot('2026-11-21 10:00', 'emma'))],
        ops: [{ operation: 'offer', request: { date: '2026-11-21', time: '10:00' } }],
        hear: OFFER_ASKS,
      },
      { say: 'ja', ops: [], hear: 'Gut, also der Herrenhaarschnitt am Samstag um 10 Uhr bei Emma. Auf welchen Namen darf ich den Termin eintragen?' },
      { say: 'jonas weber', ops: [], hear: CONFIRM_PHONE },
      bookedAt(slot('2026-11-21 10:00', 'emma'), 'am Samstag, dem 21. November, um 10 Uhr bei Emma'),
    ],
    left: [left('Emma Williams', '2026-11-21 10:00')],
  },
  {
    name: 'recogniser style: "warten se mal doch ne stunde später" at the number question; the number is asked again, then eleven booked',
    steps: [
      offeredTue,
      { say: 'ja', ops: [], hear: /Auf welchen Namen/ },
      { say: 'jonas weber', ops: [], hear: CONFIRM_PHONE },
      {
        say: 'warten se mal doch ne stunde später',
        world: [offer.exact(slot('2026-11-24 11:00', 'emma'))],
        ops: [{ operation: 'offer', request: { date: '2026-11-24', time: '11:00' } }],
        hear: OFFER_ASKS,
      },
      { say: 'ja', ops: [], hear: `Gut, also der Herrenhaarschnitt am Dienstag um 11 Uhr bei Emma. ${CONFIRM_PHONE}` },
      bookedAt(slot('2026-11-24 11:00', 'emma'), 'am Dienstag, dem 24. November, um 11 Uhr bei Emma'),
    ],
    left: [left('Emma Williams', '2026-11-24 11:00')],
  },
  {
    name: '"Moment, doch nicht bei Emma, lieber bei Fabian" at the number question looks with Fabian and books him',
    steps: [
      { say: 'Herrenschnitt Dienstag um zehn bei Emma', world: [offer.exact(tue10)], hear: OFFER_ASKS },
      { say: 'ja', ops: [], hear: /Auf welchen Namen/ },
      { say: 'Jonas Weber', ops: [], hear: CONFIRM_PHONE },
      {
        say: 'Moment, doch nicht bei Emma, lieber bei Fabian',
        world: [offer.exact(slot('2026-11-24 10:00', 'fabian'))],
        ops: [{ operation: 'offer', request: { staffId: STAFF.fabian, date: '2026-11-24', time: '10:00' } }],
        hear: OFFER_ASKS,
      },
      { say: 'ja, genau', ops: [], hear: /bei Fabian\. Darf ich den Termin unter der Nummer eintragen/ },
      bookedAt(slot('2026-11-24 10:00', 'fabian'), 'am Dienstag, dem 24. November, um 10 Uhr bei Fabian'),
    ],
    left: [left('Fabian Spitzer', '2026-11-24 10:00')],
  },
  {
    name: '"Nein, nicht Dienstag, Mittwoch meinte ich" after the yes: Wednesday at the same hour is the one booked',
    steps: [
      offeredTue,
      { say: 'ja', ops: [], hear: /Auf welchen Namen/ },
      {
        say: 'Nein, nicht Dienstag, Mittwoch meinte ich',
        world: [offer.exact(wed10)],
        ops: [{ operation: 'offer', request: { date: '2026-11-25', time: '10:00' } }],
        hear: OFFER_ASKS,
      },
      { say: 'ja', ops: [], hear: /am Mittwoch um 10 Uhr bei Emma\. Auf welchen Namen/ },
      { say: 'Jonas Weber', ops: [], hear: CONFIRM_PHONE },
      bookedAt(wed10, 'am Mittwoch, dem 25. November, um 10 Uhr bei Emma'),
    ],
    left: [left('Emma Williams', '2026-11-25 10:00')],
  },
  {
    name: 'recogniser style: "ach mist dit passt doch nich lieber donnerstach" right after the booking moves it: one appointment',
    caller: { knownName: 'Jonas Weber' },
    steps: [
      { say: 'herrenschnitt mittwoch um zehn bei emma', world: [offer.exact(wed10)], hear: OFFER_ASKS },
      { say: 'jo', world: [bookedWed], hear: /eingetragen: Herrenhaarschnitt am Mittwoch, dem 25\. November, um 10 Uhr bei Emma\./ },
      {
        say: 'ach mist dit passt doch nich lieber donnerstach',
        world: [reschedule.moved(justBooked, '2026-11-26 10:00')],
        ops: [{ operation: 'reschedule', request: { appointmentId: justBooked.id, startsAt: instant('2026-11-26 10:00') } }],
        hear: /verschoben: Herrenhaarschnitt jetzt am Donnerstag, dem 26\. November, um 10 Uhr bei Emma\./,
      },
    ],
    left: [left('Emma Williams', '2026-11-26 10:00')],
  },
  {
    name: 'recogniser style: "na des geht doch ned vergessen se des" right after the booking cancels it, saying so',
    caller: { knownName: 'Jonas Weber' },
    steps: [
      { say: 'herrenschnitt mittwoch um zehn bei emma', world: [offer.exact(wed10)], hear: OFFER_ASKS },
      { say: 'passt scho', world: [bookedWed], hear: /eingetragen/ },
      {
        say: 'na des geht doch ned vergessen se des',
        world: [cancel.cancelled(justBooked)],
        ops: [{ operation: 'cancel', request: { appointmentId: justBooked.id } }],
        hear: /^In Ordnung, dann sage ich den Termin am Mittwoch, dem 25\. November, um 10 Uhr bei Emma wieder ab\. .*Ich habe Ihren Termin abgesagt/,
      },
    ],
    left: [],
  },
];

describe('scripted calls: corrections at every step, to the appointment left', () => {
  it.each(wholeCalls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    const { turns } = await playCall(script);
    expect(appointmentsLeft(turns)).toEqual(script.left);
  });
});
