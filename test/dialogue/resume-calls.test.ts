import { describe, expect, it } from 'vitest';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { appointment, book, cancel, find, offer, slot } from '../support/world.js';
import { ANYTHING_ELSE, ASK_NAME, ASK_RESCHEDULE_TIME, BOOKING, CONFIRM_PHONE, LOOKING, WHAT_ELSE } from './lines.js';

const wed10 = slot('2026-11-25 10:00', 'emma');
const offered: ScriptStep = {
  say: 'Herrenhaarschnitt am Mittwoch um zehn bei Emma',
  world: [offer.exact(wed10)],
  hear: /hat Emma Zeit für einen Herrenhaarschnitt\. Soll ich Ihnen den Termin eintragen\?$/,
};
const chosen = `Gut, also der Herrenhaarschnitt am Mittwoch um 10 Uhr bei Emma. ${ASK_NAME}`;
const BOOKED = 'Ihr Termin ist eingetragen: Herrenhaarschnitt am Mittwoch, dem 25. November, um 10 Uhr bei Emma.';
const tue = appointment('2026-11-24 10:00', 'fabian', 'herrenhaarschnitt', 'tue');
const wed = appointment('2026-11-25 10:00', 'fabian', 'herrenhaarschnitt', 'wed');

const calls: CallScript[] = [
  { name: 'resumes an offer on another instance from its snapshot', steps: [offered, { resume: 'snapshot' }, { say: 'ja', hear: chosen }] },
  {
    name: 'resumes at the name from its snapshot',
    steps: [offered, { say: 'ja', hear: chosen }, { resume: 'snapshot' }, { say: 'Jonas Weber', hear: CONFIRM_PHONE }],
  },
  {
    name: 'resumes at the phone number from its snapshot and books the slot chosen before',
    steps: [
      offered,
      { say: 'ja', hear: chosen },
      { say: 'Jonas Weber', hear: CONFIRM_PHONE },
      { resume: 'snapshot' },
      {
        say: 'ja',
        world: [book.booked(wed10, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { startsAt: wed10.startsAt, customer: { name: 'Jonas Weber' } } }],
        hear: `${BOOKING} Wunderbar. ${BOOKED} ${ANYTHING_ELSE}`,
      },
    ],
  },
  {
    name: 'resumes the choice between several appointments from its snapshot',
    steps: [
      { say: 'Ich muss einen Termin stornieren', world: [find.found(tue, wed)], hear: /Welchen meinen Sie\?$/ },
      { resume: 'snapshot' },
      { say: 'den zweiten', hear: /^Soll ich Ihren Termin am Mittwoch.* absagen\?$/ },
      { resume: 'snapshot' },
      { say: 'ja', world: [cancel.cancelled(wed)], ops: [{ operation: 'cancel', request: { appointmentId: 'wed' } }], hear: /abgesagt/ },
    ],
  },
  {
    name: 'resumes a move waiting for its time from its snapshot',
    steps: [
      { say: 'Kann ich meinen Termin verschieben?', hear: ASK_RESCHEDULE_TIME },
      { resume: 'snapshot' },
      { say: 'nein, doch nicht', hear: /^In Ordnung, dann bleibt alles, wie es ist\./ },
    ],
  },
  {
    name: 'repeats the last answer after a resume',
    steps: [offered, { resume: 'snapshot' }, { say: 'wie bitte?', hear: /^Einen Moment, ich schaue kurz nach\. Am Mittwoch/ }],
  },
  {
    name: 'goes on from a fresh start when the snapshot is unreadable, without acting on a guess',
    // A bare "ja" answers nothing the fresh call asked: the service is asked for again, in other words.
    steps: [offered, { resume: 'unreadable' }, { say: 'ja', hear: /^Verzeihung, welche Leistung darf ich für Sie eintragen\? Zum Beispiel / }],
    finally: (state) => expect(state.step).toEqual({ phase: 'collect', wish: expect.objectContaining({ serviceId: null }) }),
  },
  {
    name: 'acts on words whose first request was superseded before anything ran, when Retell asks again',
    steps: [
      { say: 'Herrenhaarschnitt am Mittwoch um zehn bei Emma', superseded: 'before', hear: '' },
      {
        say: 'Herrenhaarschnitt am Mittwoch um zehn bei Emma',
        again: true,
        world: [offer.exact(wed10)],
        hear: /^Einen Moment, ich schaue kurz nach\. Am Mittwoch/,
      },
    ],
  },
  {
    name: 'answers a re-request of the same words with the same answer and acts once',
    steps: [
      offered,
      {
        say: 'Herrenhaarschnitt am Mittwoch um zehn bei Emma',
        again: true,
        hear: /^Einen Moment, ich schaue kurz nach\. Am Mittwoch.*Soll ich Ihnen den Termin eintragen\?$/,
      },
    ],
  },
  {
    name: 'finishes a booking whose turn was superseded and tells the result in the next turn',
    steps: [
      offered,
      { say: 'ja', hear: chosen },
      { say: 'Jonas Weber', hear: CONFIRM_PHONE },
      { say: 'ja', superseded: 'at_first_operation', world: [book.booked(wed10, 'herrenhaarschnitt')], hear: BOOKING },
      { say: 'hallo?', hear: `${BOOKED} ${WHAT_ELSE}` },
    ],
    finally: (state) => expect(state.memory).toMatchObject({ outcome: 'booked', announcement: null }),
  },
  {
    name: "tells a superseded booking's result once when the caller says the same again",
    steps: [
      offered,
      { say: 'ja', hear: chosen },
      { say: 'Jonas Weber', hear: CONFIRM_PHONE },
      { say: 'ja', superseded: 'at_first_operation', world: [book.booked(wed10, 'herrenhaarschnitt')], hear: BOOKING },
      { say: 'ja', hear: `${BOOKED} ${ANYTHING_ELSE}` },
      { say: 'nein danke', hear: /Auf Wiederhören/, end: 'hang_up' },
    ],
  },
  {
    name: 'repeats the whole booking answer when Retell asks again for the superseded words',
    steps: [
      offered,
      { say: 'ja', hear: chosen },
      { say: 'Jonas Weber', hear: CONFIRM_PHONE },
      { say: 'ja', superseded: 'at_first_operation', world: [book.booked(wed10, 'herrenhaarschnitt')], hear: BOOKING },
      { say: 'ja', again: true, hear: `${BOOKING} Wunderbar. ${BOOKED} ${ANYTHING_ELSE}` },
    ],
    finally: (state) => expect(state.memory.announcement).toBeNull(),
  },
  {
    name: 'finishes a cancel whose turn was superseded and tells it next',
    steps: [
      { say: 'Ich möchte meinen Termin absagen', superseded: 'at_first_operation', world: [find.found(tue)], hear: LOOKING },
      { say: 'Ich möchte meinen Termin absagen', again: true, hear: /Soll ich Ihren Termin .* absagen\?$/ },
      { say: 'ja', superseded: 'at_first_operation', world: [cancel.cancelled(tue)], hear: LOOKING },
      { say: 'hallo?', hear: /^Ich habe Ihren Termin abgesagt/ },
    ],
  },
];

describe('scripted calls: resumed on another instance, superseded by Retell', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});
