import { describe, expect, it } from 'vitest';
import type { AppointmentRef } from '../../src/reception/outcomes.js';
import { STAFF } from '../support/demo-directory.js';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { book, cancel, instant, offer, reschedule, slot } from '../support/world.js';
import { ANYTHING_ELSE, BOOKING, LOOKING, WHAT_ELSE } from './lines.js';

/** A line as a pattern of itself. */
const literal = (line: string): string => line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/**
 * The offer of one free slot, in either of its wordings (the slot picks which): the day and time, the staff member
 * and the service with its article, closed by the question to book it.
 */
const offerOf = (when: string, staff: string, service: string): string =>
  `${literal(LOOKING)} ${literal(when)} (hat ${staff} Zeit für ${service}\\. Soll ich Ihnen den Termin eintragen|ist bei ${staff} ein Termin für ${service} frei\\. Soll ich ihn für Sie eintragen)\\?`;

/**
 * Barge-in and supersede: the latest request wins. A booking whose turn the caller talked over commits, and the
 * next wish is reconciled with it (moved, or cancelled if the caller no longer wants it), never booked beside
 * it; the caller is told what happened.
 */

const wed10 = slot('2026-11-25 10:00', 'emma');
const offered: ScriptStep = {
  say: 'Herrenhaarschnitt am Mittwoch um zehn bei Emma',
  world: [offer.exact(wed10)],
  hear: new RegExp(`^${offerOf('Am Mittwoch um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt')}$`),
};
const bookedAnswer = book.booked(wed10, 'herrenhaarschnitt');
const booked = (bookedAnswer.outcome as { appointment: AppointmentRef }).appointment;
const BOOKED = 'Ihr Termin ist eingetragen: Herrenhaarschnitt am Mittwoch, dem 25. November, um 10 Uhr bei Emma.';
const known = { knownName: 'Jonas Weber' };
/** The caller talks over the agent the moment the booking starts: it commits, and nobody hears that it did. */
const bookedUnheard: ScriptStep = {
  say: 'ja',
  superseded: 'at_first_operation',
  world: [bookedAnswer],
  ops: [{ operation: 'book' }],
  hear: /^Gut, also .*\. Einen Moment, ich trage das ein\.$/,
};
const MOVE = 'Kein Problem, dann verlege ich den Termin.';
const movedTo = (say: string, local: string, spoken: string, staff: StaffKey = 'emma'): ScriptStep => ({
  say,
  world: [reschedule.moved(booked, local, staff)],
  ops: [{ operation: 'reschedule', request: { appointmentId: booked.id, startsAt: instant(local) } }],
  hear: `${BOOKED} ${MOVE} ${LOOKING} Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt ${spoken}. ${ANYTHING_ELSE}`,
});
const oneAppointmentAt = (local: string) => (state: { memory: { justBooked: { appointment: AppointmentRef } | null } }) =>
  expect(state.memory.justBooked?.appointment.startsAt).toBe(instant(local));
const ASK_INSTEAD = 'Kein Problem. Auf wann soll ich den Termin stattdessen legen? Oder möchten Sie ihn lieber ganz absagen?';

type StaffKey = keyof typeof STAFF;
const newWishes: Array<[string, string, string, StaffKey?]> = [
  ['nein warten sie lieber um elf', '2026-11-25 11:00', 'am Mittwoch, dem 25. November, um 11 Uhr bei Emma'],
  ['Ach, lieber Donnerstag.', '2026-11-26 10:00', 'am Donnerstag, dem 26. November, um 10 Uhr bei Emma'],
  ['äh nee um halb zwölf', '2026-11-25 11:30', 'am Mittwoch, dem 25. November, um halb zwölf bei Emma'],
  ['Herrenhaarschnitt am Freitag um zwölf', '2026-11-20 12:00', 'morgen um 12 Uhr bei Emma'],
  ['eine stunde später bitte', '2026-11-25 11:00', 'am Mittwoch, dem 25. November, um 11 Uhr bei Emma'],
  ['Stopp, am Samstag um neun wäre besser', '2026-11-21 09:00', 'am Samstag, dem 21. November, um 9 Uhr bei Emma'],
  ['lieber bei Fabian um zehn', '2026-11-25 10:00', 'am Mittwoch, dem 25. November, um 10 Uhr bei Fabian', 'fabian'],
  ['nee, nee, dienstag um zehn', '2026-11-24 10:00', 'am Dienstag, dem 24. November, um 10 Uhr bei Emma'],
];

const calls: CallScript[] = [
  ...newWishes.map(([words, local, spoken, staff]): CallScript => ({
    name: `moves the booking the caller talked over to the latest wish, never books it twice: "${words}"`,
    caller: known,
    steps: [offered, bookedUnheard, movedTo(words, local, spoken, staff)],
    finally: oneAppointmentAt(local),
  })),
  {
    name: 'moves to the staff member named in the latest wish',
    caller: known,
    steps: [
      offered,
      bookedUnheard,
      {
        say: 'lieber bei Fabian um zehn',
        world: [reschedule.moved(booked, '2026-11-25 10:00', 'fabian')],
        ops: [{ operation: 'reschedule', request: { staffId: STAFF.fabian } }],
        hear: /verschoben/,
      },
    ],
  },
  {
    name: 'tells the booking and asks for the new time when the caller only said no over it',
    caller: known,
    steps: [
      offered,
      bookedUnheard,
      { say: 'nein', ops: [], hear: `${BOOKED} ${ASK_INSTEAD}` },
      { say: 'dann freitag um elf', world: [reschedule.moved(booked, '2026-11-20 11:00')], hear: /verschoben: Herrenhaarschnitt jetzt morgen um 11 Uhr/ },
    ],
    finally: oneAppointmentAt('2026-11-20 11:00'),
  },
  {
    name: 'cancels the booking the caller talked over when they no longer want it, and says so',
    caller: known,
    steps: [
      offered,
      bookedUnheard,
      {
        say: 'nein doch nicht, lassen wir das',
        world: [cancel.cancelled(booked)],
        ops: [{ operation: 'cancel', request: { appointmentId: booked.id } }],
        hear: /^Ihr Termin ist eingetragen: .* In Ordnung, dann sage ich den Termin am Mittwoch, dem 25\. November, um 10 Uhr bei Emma wieder ab\. Einen Moment, ich schaue kurz nach\. Ich habe Ihren Termin abgesagt/,
      },
    ],
    finally: (state) => expect(state.memory).toMatchObject({ justBooked: null, outcome: null }),
  },
  {
    name: 'tells the booking and goes on when the caller only checks the line',
    caller: known,
    steps: [offered, bookedUnheard, { say: 'hallo?', ops: [], hear: `${BOOKED} ${WHAT_ELSE}` }],
    finally: (state) => expect(state.memory.outcome).toBe('booked'),
  },
  {
    name: 'reads the booking back for a cancel when the latest wish is another service',
    caller: known,
    steps: [
      offered,
      bookedUnheard,
      {
        say: 'ach lieber doch eine Ansatzfärbung',
        ops: [],
        hear: `${BOOKED} Soll ich Ihren Termin am Mittwoch, dem 25. November, um 10 Uhr bei Emma absagen?`,
      },
    ],
  },
  {
    name: 'books a second appointment when the caller talked over the first to ask for another one',
    caller: known,
    steps: [
      offered,
      bookedUnheard,
      {
        say: 'und noch einen termin für meine tochter am freitag um zehn, damenhaarschnitt',
        world: [offer.exact(slot('2026-11-20 10:00', 'emma'))],
        ops: [{ operation: 'offer' }],
        hear: new RegExp(`^${literal(BOOKED)} ${offerOf('Am Freitag um 10 Uhr', 'Emma', 'einen Damenhaarschnitt')}$`),
      },
    ],
  },
  {
    name: 'starts no booking when the request was superseded before anything ran, and offers the latest wish',
    caller: known,
    steps: [
      offered,
      { say: 'ja', superseded: 'before', ops: [], hear: '' },
      { say: 'ja nein lieber donnerstag um zehn', world: [offer.exact(slot('2026-11-26 10:00', 'emma'))], ops: [{ operation: 'offer' }], hear: /Donnerstag/ },
    ],
  },
  {
    name: 'moves again when the move itself was talked over and the caller changes once more',
    caller: known,
    steps: [
      offered,
      bookedUnheard,
      { say: 'lieber um elf', superseded: 'at_first_operation', world: [reschedule.moved(booked, '2026-11-25 11:00')], hear: `${BOOKED} ${MOVE} ${LOOKING}` },
      {
        say: 'nein doch lieber um zwölf',
        world: [reschedule.moved({ ...booked, id: `${booked.id}-moved`, startsAt: instant('2026-11-25 11:00') }, '2026-11-25 12:00', 'emma')],
        ops: [{ operation: 'reschedule', request: { appointmentId: `${booked.id}-moved`, startsAt: instant('2026-11-25 12:00') } }],
        hear: /^Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt am Mittwoch, dem 25\. November, um 11 Uhr bei Emma\. Kein Problem, dann verlege ich den Termin\. .*um 12 Uhr bei Emma\./,
      },
    ],
    finally: oneAppointmentAt('2026-11-25 12:00'),
  },
];

/** The booking's whole turn went out, and the caller talked over it while it was said: they heard only the filler. */
const bookedTalkedOver: ScriptStep = {
  say: 'ja',
  world: [bookedAnswer],
  ops: [{ operation: 'book' }],
  hear: new RegExp(`^Gut, also .*\\. Einen Moment, ich trage das ein\\. Wunderbar\\. ${literal(BOOKED)} ${literal(ANYTHING_ELSE)}$`),
};
const OFFER_WED10 = new RegExp(`^${offerOf('Am Mittwoch um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt').slice(literal(LOOKING).length + 1)}$`);
/** The same wish without a staff member: the agent picks Emma. */
const offeredAnyone: ScriptStep = { ...offered, say: 'herrenhaarschnitt am mittwoch um zehn' };
/** The caller talks over "Einen Moment, ich schaue kurz nach": the lookup answers, nobody hears the offer. */
const lookupUnheard: ScriptStep = {
  say: 'herrenhaarschnitt am mittwoch um zehn',
  superseded: 'at_first_operation',
  world: [offer.exact(wed10)],
  hear: LOOKING,
};

const talkedOver: CallScript[] = [
  ...(
    [
      ['Moment, doch halb fünf', '2026-11-25 16:30', 'am Mittwoch, dem 25. November, um halb fünf bei Emma'],
      ['äh stopp lieber um elf', '2026-11-25 11:00', 'am Mittwoch, dem 25. November, um 11 Uhr bei Emma'],
      ['nee doch donnerstag', '2026-11-26 10:00', 'am Donnerstag, dem 26. November, um 10 Uhr bei Emma'],
      ['oh halt eine stunde später', '2026-11-25 11:00', 'am Mittwoch, dem 25. November, um 11 Uhr bei Emma'],
    ] as const
  ).map(([words, local, spoken]): CallScript => ({
    name: `moves the booking the caller talked over after it was sent, never books twice: "${words}"`,
    caller: known,
    steps: [offered, bookedTalkedOver, { ...movedTo(words, local, spoken), heard: BOOKING }],
    finally: oneAppointmentAt(local),
  })),
  {
    name: 'a booking heard in full and then corrected with "Moment, doch halb fünf" is moved, not booked again',
    caller: known,
    steps: [
      offered,
      bookedTalkedOver,
      {
        say: 'Moment, doch halb fünf',
        world: [reschedule.moved(booked, '2026-11-25 16:30')],
        ops: [{ operation: 'reschedule', request: { appointmentId: booked.id, startsAt: instant('2026-11-25 16:30') } }],
        hear: `${MOVE} ${LOOKING} Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt am Mittwoch, dem 25. November, um halb fünf bei Emma. ${ANYTHING_ELSE}`,
      },
    ],
    finally: oneAppointmentAt('2026-11-25 16:30'),
  },
  {
    name: 'tells the booking again when the caller only said "hallo?" over it',
    caller: known,
    steps: [offered, bookedTalkedOver, { say: 'hallo?', heard: BOOKING, ops: [], hear: `${BOOKED} ${WHAT_ELSE}` }],
    finally: (state) => expect(state.memory.outcome).toBe('booked'),
  },
  {
    name: 'a booking whose staff member the agent picked moves to whoever is free at the new time',
    caller: known,
    steps: [
      offeredAnyone,
      bookedUnheard,
      {
        say: 'nee lieber um halb fünf',
        world: [reschedule.moved(booked, '2026-11-25 16:30', 'oliver')],
        ops: [{ operation: 'reschedule', request: { appointmentId: booked.id, staffId: null, anyStaff: true } }],
        hear: /verschoben: Herrenhaarschnitt jetzt am Mittwoch, dem 25\. November, um halb fünf bei Oliver/,
      },
    ],
  },
  {
    name: 'a booking with the staff member the caller asked for keeps them when it moves',
    caller: known,
    steps: [
      offered,
      bookedUnheard,
      {
        say: 'lieber um halb fünf',
        world: [reschedule.moved(booked, '2026-11-25 16:30')],
        ops: [{ operation: 'reschedule', request: { appointmentId: booked.id, staffId: null, anyStaff: false } }],
        hear: /bei Emma\./,
      },
    ],
  },
  {
    name: 'says the offer the caller talked over when they only said "ja genau" over the lookup, and books nothing on that ja',
    caller: known,
    steps: [
      lookupUnheard,
      { say: 'ja genau', ops: [], hear: OFFER_WED10 },
      { say: 'ja', world: [bookedAnswer], ops: [{ operation: 'book' }], hear: /eingetragen/ },
    ],
    finally: oneAppointmentAt('2026-11-25 10:00'),
  },
  {
    name: 'recogniser style: "hallo" over the lookup gets the offer said',
    caller: known,
    steps: [lookupUnheard, { say: 'hallo', ops: [], hear: OFFER_WED10 }],
  },
  {
    name: 'a new time said over the lookup is looked up, the unheard offer dropped',
    caller: known,
    steps: [
      lookupUnheard,
      {
        say: 'äh nee lieber um elf',
        world: [offer.exact(slot('2026-11-25 11:00', 'emma'))],
        ops: [{ operation: 'offer', request: { date: '2026-11-25', time: '11:00' } }],
        hear: new RegExp(`^${offerOf('Am Mittwoch um 11 Uhr', 'Emma', 'einen Herrenhaarschnitt')}$`),
      },
    ],
  },
  {
    name: 'an offer sent in full but talked over is said again before a "ja" could take it',
    caller: known,
    steps: [offeredAnyone, { say: 'ja', heard: LOOKING, ops: [], hear: OFFER_WED10 }],
  },
];

describe('scripted calls: what the caller talked over is told again, and the latest wish still wins', () => {
  it.each(talkedOver.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});

describe('scripted calls: the latest request wins over a superseded booking', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});
