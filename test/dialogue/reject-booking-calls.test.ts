import { describe, expect, it } from 'vitest';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { book, cancel, instant, offer, reschedule, slot } from '../support/world.js';
import type { AppointmentRef } from '../../src/reception/outcomes.js';
import { ANYTHING_ELSE, BOOKING, LOOKING } from './lines.js';

/** A line as a pattern of itself. */
const literal = (line: string): string => line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/**
 * The offer of one free slot, in either of its wordings (the slot picks which): the day and time, the staff member
 * and the service with its article, closed by the question to book it.
 */
const offerOf = (when: string, staff: string, service: string): string =>
  `${literal(LOOKING)} ${literal(when)} (hat ${staff} Zeit für ${service}\\. Soll ich Ihnen den Termin eintragen|ist bei ${staff} ein Termin für ${service} frei\\. Soll ich ihn für Sie eintragen)\\?`;

/**
 * A booking the caller rejects right after it was made is moved (one appointment), never booked a second time;
 * a caller who then gives up leaves no appointment they rejected: it is cancelled, and they are told first.
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
/** A returning caller: the yes to the offer books at once. */
const known = { knownName: 'Jonas Weber' };
const bookIt: ScriptStep = {
  say: 'ja',
  world: [bookedAnswer],
  ops: [{ operation: 'book' }],
  hear: new RegExp(`${BOOKING} .*${BOOKED.replace(/[.]/g, '\\.')} ${ANYTHING_ELSE.replace('?', '\\?')}$`),
};
const MOVE = 'Kein Problem, dann verlege ich den Termin.';
const moved = (local: string, spoken: string): string =>
  `${MOVE} ${LOOKING} Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt ${spoken} bei Emma. ${ANYTHING_ELSE}`;
const moveTo = (say: string, local: string, spoken: string): ScriptStep => ({
  say,
  world: [reschedule.moved(booked, local)],
  ops: [{ operation: 'reschedule', request: { appointmentId: booked.id, startsAt: instant(local), staffId: null } }],
  hear: moved(local, spoken),
});
const ASK_INSTEAD = 'Kein Problem. Auf wann soll ich den Termin stattdessen legen? Oder möchten Sie ihn lieber ganz absagen?';
const DROP = 'In Ordnung, dann sage ich den Termin am Mittwoch, dem 25. November, um 10 Uhr bei Emma wieder ab.';
const dropped = (then: 'ask' | 'end'): RegExp =>
  new RegExp(
    `^${DROP.replace(/[.]/g, '\\.')} ${LOOKING.replace(/[.]/g, '\\.')} Ich habe Ihren Termin abgesagt: .*${then === 'end' ? 'Auf Wiederhören!' : 'Kann ich sonst noch etwas für Sie tun\\?'}$`,
  );
const noBookingLeft = (state: { memory: { justBooked: unknown; outcome: unknown } }) => expect(state.memory).toMatchObject({ justBooked: null, outcome: null });

const rejections: Array<[string, string, string]> = [
  ['nein, doch lieber Donnerstag', '2026-11-26 10:00', 'am Donnerstag, dem 26. November, um 10 Uhr'],
  ['Oh, das passt doch nicht, lieber eine Stunde später', '2026-11-25 11:00', 'am Mittwoch, dem 25. November, um 11 Uhr'],
  ['ach nee warten sie lieber um halb zwölf', '2026-11-25 11:30', 'am Mittwoch, dem 25. November, um halb zwölf'],
  ['Moment mal, Mittwoch geht doch nicht, besser Freitag', '2026-11-20 10:00', 'morgen um 10 Uhr'],
  ['hm eigentlich lieber eine halbe stunde früher', '2026-11-25 09:30', 'am Mittwoch, dem 25. November, um halb zehn'],
  ['Stopp, ich habe mich versprochen, ich meinte Samstag um zwölf', '2026-11-21 12:00', 'am Samstag, dem 21. November, um 12 Uhr'],
  ['nee doch lieber zwei stunden später', '2026-11-25 12:00', 'am Mittwoch, dem 25. November, um 12 Uhr'],
  ['Das stimmt so nicht, ich wollte Dienstag um zehn', '2026-11-24 10:00', 'am Dienstag, dem 24. November, um 10 Uhr'],
  // A no or an "eigentlich" with a new time names what the booking should have been, not a second appointment.
  ['hm nee eigentlich mittwoch um elf uhr fünfzehn', '2026-11-25 11:15', 'am Mittwoch, dem 25. November, um Viertel nach elf'],
  ['Nein, Donnerstag um zehn.', '2026-11-26 10:00', 'am Donnerstag, dem 26. November, um 10 Uhr'],
  ['Eigentlich meinte ich Samstag um zwölf', '2026-11-21 12:00', 'am Samstag, dem 21. November, um 12 Uhr'],
];

const calls: CallScript[] = [
  ...rejections.map(([words, local, spoken]): CallScript => ({
    name: `moves the booking just made, never books twice: "${words}"`,
    caller: known,
    steps: [offered, bookIt, moveTo(words, local, spoken)],
    finally: (state) => expect(state.memory.justBooked?.appointment.startsAt).toBe(instant(local)),
  })),
  {
    name: 'asks when instead when the caller rejects the booking without a new time, then moves it',
    caller: known,
    steps: [
      offered,
      bookIt,
      { say: 'oh nein das passt doch nicht', ops: [], hear: ASK_INSTEAD },
      {
        say: 'dann Freitag um zehn',
        world: [reschedule.moved(booked, '2026-11-20 10:00')],
        ops: [{ operation: 'reschedule', request: { appointmentId: booked.id, startsAt: instant('2026-11-20 10:00') } }],
        hear: /verschoben: Herrenhaarschnitt jetzt morgen um 10 Uhr/,
      },
    ],
  },
  {
    name: 'cancels the rejected booking, saying so, when the caller gives up',
    caller: known,
    steps: [
      offered,
      bookIt,
      { say: 'Ach nein, das passt doch nicht.', hear: ASK_INSTEAD },
      {
        say: 'dann lassen wir das',
        world: [cancel.cancelled(booked)],
        ops: [{ operation: 'cancel', request: { appointmentId: booked.id } }],
        hear: dropped('ask'),
      },
    ],
    finally: noBookingLeft,
  },
  {
    name: 'cancels the rejected booking when the caller says goodbye instead of a new time',
    caller: known,
    steps: [
      offered,
      bookIt,
      { say: 'nee passt doch nicht', hear: ASK_INSTEAD },
      { say: 'ne dann nicht tschüss', world: [cancel.cancelled(booked)], hear: dropped('end'), end: 'hang_up' },
    ],
    finally: noBookingLeft,
  },
  {
    name: 'cancels the rejected booking when the caller rejects and gives up in one breath',
    caller: known,
    steps: [offered, bookIt, { say: 'oh mist, das geht doch nicht, vergessen sie es', world: [cancel.cancelled(booked)], hear: dropped('ask') }],
    finally: noBookingLeft,
  },
  {
    name: 'cancels the rejected booking when the caller gives up after the new time was taken',
    caller: known,
    steps: [
      offered,
      bookIt,
      {
        say: 'nein doch lieber donnerstag',
        world: [reschedule.taken()],
        hear: `${MOVE} ${LOOKING} Zu der Zeit ist leider schon alles belegt. Ihr bisheriger Termin bleibt bestehen. In den nächsten Wochen ist dafür leider nichts mehr frei.`,
      },
      { say: 'na dann lassen wir es ganz', world: [cancel.cancelled(booked)], hear: dropped('ask') },
    ],
    finally: noBookingLeft,
  },
  {
    name: 'cancels the rejected booking when the caller goes quiet instead of naming a new time',
    caller: known,
    steps: [
      offered,
      bookIt,
      { say: 'nee, das passt doch nicht', hear: ASK_INSTEAD },
      { hear: /^Sind Sie noch da\?/ },
      { world: [cancel.cancelled(booked)], hear: dropped('end'), end: 'hang_up' },
    ],
    finally: noBookingLeft,
  },
  {
    name: 'asks when instead for "geht das auch etwas früher" right after the booking, never books a second one',
    caller: known,
    steps: [
      offered,
      bookIt,
      { say: 'geht das auch etwas früher', ops: [], hear: /Auf wann soll ich den Termin stattdessen legen\?/ },
      {
        say: 'um halb zehn',
        world: [reschedule.moved(booked, '2026-11-25 09:30')],
        ops: [{ operation: 'reschedule', request: { startsAt: instant('2026-11-25 09:30') } }],
        hear: /verschoben/,
      },
    ],
  },
  {
    name: 'keeps the booking when the caller, asked about cancelling it for another service, says no',
    caller: known,
    steps: [
      offered,
      bookIt,
      { say: 'ach nee lieber doch strähnchen', ops: [], hear: /absagen\?$/ },
      { say: 'nein, dann lassen sie ihn', ops: [], hear: /bleibt Ihr Termin/ },
      { say: 'tschüss', ops: [], hear: /Auf Wiederhören/, end: 'hang_up' },
    ],
    finally: (state) => expect(state.memory.outcome).toBe('booked'),
  },
  {
    name: 'moves the moved booking again when the caller rejects it once more',
    caller: known,
    steps: [
      offered,
      bookIt,
      moveTo('nein doch lieber donnerstag', '2026-11-26 10:00', 'am Donnerstag, dem 26. November, um 10 Uhr'),
      {
        say: 'ach nee, doch lieber eine Stunde später',
        world: [reschedule.moved({ ...booked, id: `${booked.id}-moved`, startsAt: instant('2026-11-26 10:00') }, '2026-11-26 11:00', 'emma')],
        ops: [{ operation: 'reschedule', request: { appointmentId: `${booked.id}-moved`, startsAt: instant('2026-11-26 11:00') } }],
        hear: /verschoben: Herrenhaarschnitt jetzt am Donnerstag, dem 26\. November, um 11 Uhr/,
      },
    ],
  },
  {
    name: 'books a second appointment when the caller asks for another one, not a move',
    caller: known,
    steps: [
      offered,
      bookIt,
      {
        say: 'Und dann noch einen Termin am Donnerstag um zehn, auch Herrenhaarschnitt',
        world: [offer.exact(slot('2026-11-26 10:00', 'emma'))],
        ops: [{ operation: 'offer' }],
        hear: new RegExp(`^${offerOf('Am Donnerstag, dem 26. November, um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt')}$`),
      },
    ],
  },
  {
    name: 'says goodbye and keeps the booking the caller did not reject',
    caller: known,
    steps: [offered, bookIt, { say: 'nein danke, das war es', ops: [], hear: /Auf Wiederhören/, end: 'hang_up' }],
    finally: (state) => expect(state.memory.outcome).toBe('booked'),
  },
  {
    name: 'reads the booking back for a cancel when the caller wants it gone right after making it',
    caller: known,
    steps: [
      offered,
      bookIt,
      { say: 'können sie den bitte wieder absagen', ops: [], hear: 'Soll ich Ihren Termin am Mittwoch, dem 25. November, um 10 Uhr bei Emma absagen?' },
      { say: 'ja', world: [cancel.cancelled(booked)], hear: /abgesagt/ },
    ],
    finally: noBookingLeft,
  },
];

describe('scripted calls: a booking rejected right after it was made', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});
