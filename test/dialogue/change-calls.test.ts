import { describe, expect, it } from 'vitest';
import { STAFF } from '../support/demo-directory.js';
import { CALLER, playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { appointment, cancel, find, instant, offer, reschedule, slot } from '../support/world.js';
import { ANYTHING_ELSE, ASK_OTHER_TIME, ASK_RESCHEDULE_TIME, CHANGES_NEED_CALLING_NUMBER, GOODBYE, KEEP_IT, LOOKING, WHAT_ELSE } from './lines.js';

/** A line as a pattern of itself. */
const literal = (line: string): string => line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/**
 * The offer of one free slot, in either of its wordings (the slot picks which): the day and time, the staff member
 * and the service with its article, closed by the question to book it.
 */
const offerOf = (when: string, staff: string, service: string): string =>
  `${literal(LOOKING)} ${literal(when)} (hat ${staff} Zeit für ${service}\\. Soll ich Ihnen den Termin eintragen|ist bei ${staff} ein Termin für ${service} frei\\. Soll ich ihn für Sie eintragen)\\?`;

const tue = appointment('2026-11-24 10:00', 'fabian', 'herrenhaarschnitt', 'tue');
const wed = appointment('2026-11-25 10:00', 'fabian', 'herrenhaarschnitt', 'wed');
const sat = appointment('2026-11-28 09:00', 'emma', 'damenhaarschnitt', 'sat');
const TUE = 'Herrenhaarschnitt am Dienstag, dem 24. November, um 10 Uhr bei Fabian';
const WED = 'Herrenhaarschnitt am Mittwoch, dem 25. November, um 10 Uhr bei Fabian';
const SAT = 'Damenhaarschnitt am Samstag, dem 28. November, um 9 Uhr bei Emma';
const cancelled = (what: string) => `${LOOKING} Ich habe Ihren Termin abgesagt: ${what}. ${ANYTHING_ELSE}`;
const several = `${LOOKING} Ich finde mehrere Termine: ${TUE} und ${WED}. Welchen meinen Sie?`;
const askCancel: ScriptStep = {
  say: 'Ich muss einen Termin stornieren',
  world: [find.found(tue, wed)],
  ops: [{ operation: 'findAppointments', request: { phone: CALLER, date: null, time: null } }],
  hear: several,
};
const askMove: ScriptStep = { say: 'Kann ich meinen Termin verschieben?', hear: ASK_RESCHEDULE_TIME };
const NO_APPOINTMENT = 'Unter dieser Nummer finde ich leider keinen anstehenden Termin.';
const WHEN: Record<string, string> = {
  tue: 'am Dienstag, dem 24. November, um 10 Uhr bei Fabian',
  wed: 'am Mittwoch, dem 25. November, um 10 Uhr bei Fabian',
  sat: 'am Samstag, dem 28. November, um 9 Uhr bei Emma',
};
/** The read-back before a cancel: nothing is cancelled before the caller says yes. */
const askCancelOf = (id: string, looked = true) => `${looked ? `${LOOKING} ` : ''}Soll ich Ihren Termin ${WHEN[id]} absagen?`;
const askMoveOf = (id: string, onto: string) => `${LOOKING} Soll ich Ihren Termin ${WHEN[id]} auf ${onto} verschieben?`;
const yesCancel = (a: typeof tue, what: string): ScriptStep => ({
  say: 'ja',
  world: [cancel.cancelled(a)],
  ops: [{ operation: 'cancel', request: { appointmentId: a.id } }],
  hear: cancelled(what),
});

const calls: CallScript[] = [
  {
    name: "cancels the caller's only appointment, found by the calling number",
    steps: [
      {
        say: 'Ich möchte meinen Termin absagen',
        world: [find.found(tue)],
        ops: [{ operation: 'findAppointments', request: { phone: CALLER, date: null, time: null } }],
        hear: askCancelOf('tue'),
      },
      yesCancel(tue, TUE),
      { say: 'nein danke', hear: GOODBYE, end: 'hang_up' },
    ],
    finally: (state) => expect(state.memory.outcome).toBe('cancelled_appointment'),
  },
  ...(
    [
      ['den am Mittwoch', WED, 'wed'],
      ['den zweiten', WED, 'wed'],
      ['den ersten bitte', TUE, 'tue'],
      ['den am Dienstag um zehn', TUE, 'tue'],
    ] as const
  ).map(([words, what, id]): CallScript => ({
    name: `asks which of several to cancel and cancels "${words}" by its id`,
    steps: [askCancel, { say: words, ops: [], hear: askCancelOf(id, false) }, yesCancel(id === 'tue' ? tue : wed, what)],
  })),
  {
    name: 'cancels the one named by its staff member among appointments with different people',
    steps: [
      {
        say: 'Ich möchte einen Termin absagen',
        world: [find.found(tue, sat)],
        hear: `${LOOKING} Ich finde mehrere Termine: ${TUE} und ${SAT}. Welchen meinen Sie?`,
      },
      { say: 'den bei Emma', ops: [], hear: askCancelOf('sat', false) },
      yesCancel(sat, SAT),
    ],
  },
  {
    name: 'reads out three of many appointments and still takes the fourth by its day',
    steps: [
      {
        say: 'Ich möchte einen Termin absagen',
        world: [find.found(tue, wed, appointment('2026-11-26 10:00', 'emma', 'waschenFoehnen', 'thu'), sat)],
        hear: /^Einen Moment, ich schaue kurz nach\. Ich finde mehrere Termine: .* sowie Waschen und Föhnen am Donnerstag, dem 26\. November, um 10 Uhr bei Emma\. Welchen meinen Sie\?$/,
      },
      { say: 'den am 28. November', hear: askCancelOf('sat', false) },
      yesCancel(sat, SAT),
    ],
  },
  {
    name: 'keeps every appointment when the caller drops the cancel',
    steps: [askCancel, { say: 'nein, doch nicht', hear: `${KEEP_IT} ${ANYTHING_ELSE}` }],
    finally: (state) => expect(state.memory.outcome).toBeNull(),
  },
  {
    name: 'looks again when the answer names none of the listed appointments',
    steps: [askCancel, { say: 'hm, welchen hatte ich denn', world: [find.found(tue, wed)], hear: several }],
  },
  {
    name: 'says so when the caller has no appointment',
    steps: [{ say: 'Ich möchte meinen Termin absagen', world: [find.none()], hear: `${LOOKING} ${NO_APPOINTMENT} ${ANYTHING_ELSE}` }],
  },
  {
    name: 'narrows the cancel to the day the caller names',
    steps: [
      {
        say: 'Ich möchte meinen Termin am Mittwoch absagen',
        world: [find.found(wed)],
        ops: [{ operation: 'findAppointments', request: { date: '2026-11-25', time: null } }],
        hear: askCancelOf('wed'),
      },
      yesCancel(wed, WED),
    ],
  },
  {
    name: 'says so when nothing is booked at the day named',
    steps: [
      {
        say: 'Ich möchte meinen Termin am Freitag absagen',
        world: [find.none(true)],
        hear: `${LOOKING} Zu diesem Zeitpunkt finde ich keinen Termin von Ihnen. ${ANYTHING_ELSE}`,
      },
    ],
  },
  {
    name: 'changes nothing for a call that shows no number, whatever number the caller says',
    caller: { number: null },
    steps: [
      { say: 'Ich möchte meinen Termin absagen', ops: [], hear: CHANGES_NEED_CALLING_NUMBER },
      { say: 'null eins sieben sechs, neun acht sieben sechs, fünf vier drei zwei', ops: [], hear: WHAT_ELSE },
    ],
  },
  {
    name: 'changes nothing on a number the caller says that is not the calling one',
    steps: [
      {
        say: 'Ich möchte den Termin unter null eins sieben sechs, neun acht sieben sechs, fünf vier drei zwei absagen',
        ops: [],
        hear: /^Termine kann ich nur für die Nummer ansehen oder ändern, von der Sie gerade anrufen\./,
      },
    ],
  },
  {
    name: 'looks appointments up by the calling number when the caller says that very number',
    steps: [
      {
        say: 'Ich möchte den Termin unter null eins sieben sechs, eins zwei drei vier, fünf sechs sieben acht absagen',
        world: [find.found(tue)],
        ops: [{ operation: 'findAppointments', request: { phone: CALLER } }],
        hear: askCancelOf('tue'),
      },
      yesCancel(tue, TUE),
    ],
  },
  {
    name: 'says so when the appointment cannot be cancelled any more',
    steps: [
      { say: 'Termin absagen bitte', world: [find.found(tue)], hear: askCancelOf('tue') },
      { say: 'ja', world: [cancel.notModifiable()], hear: `${LOOKING} Der Termin konnte leider nicht abgesagt werden. ${ANYTHING_ELSE}` },
    ],
  },
  {
    name: 'takes an explicit "Termin absagen" during an offer as a cancel of the existing appointment',
    steps: [
      {
        say: 'Herrenhaarschnitt am Mittwoch um zehn',
        world: [offer.exact(slot('2026-11-25 10:00', 'emma'))],
        hear: new RegExp(`^${offerOf('Am Mittwoch um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt')}$`),
      },
      { say: 'Ach nein, ich will eigentlich meinen Termin absagen', world: [find.found(tue)], hear: askCancelOf('tue') },
      yesCancel(tue, TUE),
    ],
  },
  {
    name: 'moves an appointment to a time asked for after, keeping the staff member',
    steps: [
      askMove,
      {
        say: 'auf Mittwoch um halb drei',
        world: [find.found(tue)],
        ops: [{ operation: 'findAppointments', request: { phone: CALLER, date: null, time: null } }],
        hear: askMoveOf('tue', 'Mittwoch, den 25. November, um halb drei'),
      },
      {
        say: 'ja',
        world: [reschedule.moved(tue, '2026-11-25 14:30')],
        ops: [{ operation: 'reschedule', request: { appointmentId: 'tue', startsAt: instant('2026-11-25 14:30'), staffId: null } }],
        hear: `${LOOKING} Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt am Mittwoch, dem 25. November, um halb drei bei Fabian. ${ANYTHING_ELSE}`,
      },
    ],
    finally: (state) => expect(state.memory.outcome).toBe('rescheduled_appointment'),
  },
  {
    name: 'moves an appointment with the new time in the same sentence',
    steps: [
      {
        say: 'Ich möchte meinen Termin auf Freitag um elf verschieben',
        world: [find.found(tue)],
        ops: [{ operation: 'findAppointments' }],
        hear: askMoveOf('tue', 'morgen um 11 Uhr'),
      },
      {
        say: 'ja bitte',
        world: [reschedule.moved(tue, '2026-11-20 11:00')],
        ops: [{ operation: 'reschedule', request: { appointmentId: 'tue', startsAt: instant('2026-11-20 11:00') } }],
        hear: `${LOOKING} Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt morgen um 11 Uhr bei Fabian. ${ANYTHING_ELSE}`,
      },
    ],
  },
  {
    name: 'asks which of several to move, and moves the one named by its id',
    steps: [
      { say: 'Ich muss meinen Termin verschieben, auf Freitag um elf', world: [find.found(tue, wed)], hear: several },
      { say: 'den am Mittwoch', ops: [], hear: `Soll ich Ihren Termin ${WHEN.wed} auf morgen um 11 Uhr verschieben?` },
      {
        say: 'genau',
        world: [reschedule.moved(wed, '2026-11-20 11:00')],
        ops: [{ operation: 'reschedule', request: { appointmentId: 'wed', startsAt: instant('2026-11-20 11:00') } }],
        hear: `${LOOKING} Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt morgen um 11 Uhr bei Fabian. ${ANYTHING_ELSE}`,
      },
    ],
  },
  {
    name: 'asks for the new time after the caller said which of several to move',
    steps: [
      { say: 'Ich muss einen Termin verschieben, auf Samstag', hear: 'Und um welche Uhrzeit?' },
      { say: 'um elf', world: [find.found(tue, wed)], hear: several },
      { say: 'den ersten', ops: [], hear: `Soll ich Ihren Termin ${WHEN.tue} auf Samstag, den 21. November, um 11 Uhr verschieben?` },
      {
        say: 'ja',
        world: [reschedule.moved(tue, '2026-11-21 11:00')],
        ops: [{ operation: 'reschedule', request: { appointmentId: 'tue', startsAt: instant('2026-11-21 11:00') } }],
        hear: /Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt am Samstag, dem 21\. November, um 11 Uhr bei Fabian\./,
      },
    ],
  },
  { name: 'asks for the day when only a time was said', steps: [askMove, { say: 'auf elf Uhr', hear: 'An welchem Tag soll der Termin stattfinden?' }] },
  {
    name: 'reads "auf den 27.11. um 10:15 Uhr" as the new time, not as a phone number',
    steps: [
      askMove,
      {
        say: 'auf den 27.11. um 10:15 Uhr',
        world: [find.found(tue)],
        ops: [{ operation: 'findAppointments', request: { phone: CALLER } }],
        hear: askMoveOf('tue', 'Freitag, den 27. November, um Viertel nach zehn'),
      },
      {
        say: 'ja',
        world: [reschedule.moved(tue, '2026-11-27 10:15')],
        ops: [{ operation: 'reschedule', request: { startsAt: instant('2026-11-27 10:15') } }],
        hear: /jetzt am Freitag, dem 27\. November, um Viertel nach zehn bei Fabian\./,
      },
    ],
  },
  {
    name: 'keeps the old appointment when the new time is taken, and moves it to the time named next',
    steps: [
      askMove,
      { say: 'auf Mittwoch um zehn', world: [find.found(tue)], hear: askMoveOf('tue', 'Mittwoch, den 25. November, um 10 Uhr') },
      {
        say: 'ja',
        world: [reschedule.taken(slot('2026-11-25 11:00', 'fabian'))],
        hear: `${LOOKING} Zu der Zeit ist leider schon alles belegt. Ihr bisheriger Termin bleibt bestehen. Ich habe am Mittwoch, dem 25. November, um 11 Uhr bei Fabian noch einen Termin frei. Passt Ihnen das?`,
      },
      { say: 'dann Mittwoch um elf', ops: [], hear: `Soll ich Ihren Termin ${WHEN.tue} auf Mittwoch, den 25. November, um 11 Uhr verschieben?` },
      {
        say: 'ja',
        world: [reschedule.moved(tue, '2026-11-25 11:00')],
        ops: [{ operation: 'reschedule', request: { appointmentId: 'tue', startsAt: instant('2026-11-25 11:00') } }],
        hear: /Ich habe Ihren Termin verschoben: Herrenhaarschnitt jetzt am Mittwoch, dem 25\. November, um 11 Uhr bei Fabian\./,
      },
    ],
  },
  {
    name: 'names the staff member asked for when the move is taken there',
    steps: [
      askMove,
      {
        say: 'auf Mittwoch um drei bei Emma',
        world: [find.found(tue)],
        ops: [{ operation: 'findAppointments' }],
        hear: askMoveOf('tue', 'Mittwoch, den 25. November, um 15 Uhr zu Emma'),
      },
      {
        say: 'ja',
        world: [reschedule.taken()],
        ops: [{ operation: 'reschedule', request: { staffId: STAFF.emma } }],
        hear: `${LOOKING} Zu der Zeit ist Emma leider schon ausgebucht. Ihr bisheriger Termin bleibt bestehen. In den nächsten Wochen ist dafür leider nichts mehr frei.`,
      },
    ],
  },
  {
    name: 'says the salon is closed on the day a move asks for',
    steps: [
      askMove,
      { say: 'auf Montag um zehn', world: [find.found(tue)], hear: askMoveOf('tue', 'Montag, den 23. November, um 10 Uhr') },
      {
        say: 'ja',
        world: [reschedule.unavailable('closed_day', slot('2026-11-24 11:00', 'fabian'))],
        hear: `${LOOKING} An dem Tag haben wir leider geschlossen. Ihr bisheriger Termin bleibt bestehen. Ich habe am Dienstag, dem 24. November, um 11 Uhr bei Fabian noch einen Termin frei. Passt Ihnen das?`,
      },
    ],
  },
  {
    name: 'lets the caller drop a move and keeps the appointment',
    steps: [askMove, { say: 'nein, lassen wir das doch', hear: `${KEEP_IT} ${ANYTHING_ELSE}` }],
  },
  {
    name: 'says so when there is nothing to move',
    steps: [askMove, { say: 'auf Mittwoch um zehn', world: [find.none()], hear: `${LOOKING} ${NO_APPOINTMENT} ${ANYTHING_ELSE}` }],
  },
  {
    name: 'moves nothing for a call that shows no number, and says so before asking for a time',
    caller: { number: null },
    steps: [
      { say: 'Kann ich meinen Termin verschieben?', ops: [], hear: CHANGES_NEED_CALLING_NUMBER },
      { say: 'auf Freitag um elf', ops: [], hear: /^(?!.*verschoben)/ },
    ],
  },
  {
    name: 'ends the move when the appointment can no longer be found',
    steps: [
      askMove,
      { say: 'auf Mittwoch um zehn', world: [find.found(tue)], hear: askMoveOf('tue', 'Mittwoch, den 25. November, um 10 Uhr') },
      { say: 'ja', world: [reschedule.notFound()], hear: `${LOOKING} Der Termin konnte leider nicht verschoben werden. ${ANYTHING_ELSE}` },
    ],
  },
  {
    name: 'books after a move in the same call',
    steps: [
      askMove,
      { say: 'auf Mittwoch um zehn', world: [find.found(tue)], hear: /verschieben\?$/ },
      { say: 'ja', world: [reschedule.moved(tue, '2026-11-25 10:00')], hear: /verschoben/ },
      {
        say: 'ja, und einen Damenhaarschnitt am Samstag um zehn',
        world: [offer.exact(slot('2026-11-21 10:00', 'emma', 45))],
        hear: new RegExp(`^${offerOf('Am Samstag um 10 Uhr', 'Emma', 'einen Damenhaarschnitt')}$`),
      },
      { say: 'nein', hear: ASK_OTHER_TIME },
    ],
  },
];

describe('scripted calls: cancelling and moving appointments', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});
