import { describe, expect, it } from 'vitest';
import { demoSalon } from '../../src/business-file/demo-businesses.js';
import { SALON, directoryOf } from '../support/demo-directory.js';
import { CALLER, playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { appointment, cancel, find, instant, recorded, reschedule } from '../support/world.js';
import { ANYTHING_ELSE, LOOKING } from './lines.js';

const TRANSFER = 'Einen Moment bitte, ich verbinde Sie mit einer Kollegin.';

/**
 * Changes are safe: only the calling number's appointments change, each one read back first and changed only on a
 * yes; a claim about another person or another number changes nothing and says what the caller can do instead.
 */

const tue = appointment('2026-11-24 14:30', 'emma', 'damenhaarschnitt', 'tue');
const fri = appointment('2026-11-27 10:00', 'fabian', 'herrenhaarschnitt', 'fri');
const TUE = 'am Dienstag, dem 24. November, um halb drei bei Emma';
const FRI = 'am Freitag, dem 27. November, um 10 Uhr bei Fabian';
const REFUSED =
  /^Termine kann ich nur für die Nummer ansehen oder ändern, von der Sie gerade anrufen\. Am einfachsten ist es, wenn die Person selbst kurz bei uns anruft\./;
const REFUSED_WITH_TRANSFER = /Oder soll ich Sie mit einer Kollegin im Salon verbinden\?$/;
const noTransferSalon = directoryOf({ ...demoSalon, transferNumber: '' }, (d) => ({ ...d, business: { ...d.business, transferNumber: null } }));
const askCancelTue = `${LOOKING} Soll ich Ihren Termin ${TUE} absagen?`;
const lookupTue: (say: string) => ScriptStep = (say) => ({
  say,
  world: [find.found(tue)],
  ops: [{ operation: 'findAppointments', request: { phone: CALLER } }],
  hear: askCancelTue,
});
const cancelledTue = `${LOOKING} Ich habe Ihren Termin abgesagt: Damenhaarschnitt ${TUE}. ${ANYTHING_ELSE}`;
const KEPT = `Gut, dann bleibt Ihr Termin, wie er ist. ${ANYTHING_ELSE}`;

/** Someone else's appointment, claimed in many ways: nothing is looked up, nothing changes. */
const otherPeople = [
  'Ich möchte den Termin von meiner Frau absagen, der läuft unter null eins sieben sechs neun acht sieben sechs fünf vier drei zwei',
  'Ich würde gern für meinen Mann absagen',
  'ich ruf wegen meiner tochter an die kann morgen nicht kommen der termin soll abgesagt werden',
  'Können Sie den Termin meiner Mutter auf Freitag verschieben?',
  'äh ja ich möchte den termin von frau schneider stornieren',
  'Mein Sohn hat bei Ihnen einen Termin, den müssen wir leider absagen, der ist unter einer anderen Nummer gebucht.',
  'wann ist denn der termin von meinem mann',
  'Ich möchte meinen Termin absagen, der läuft aber unter null eins fünf zwei, zwei zwei zwei, drei drei drei drei',
];

const calls: CallScript[] = [
  ...otherPeople.map((words): CallScript => ({
    name: `changes nothing for someone else's appointment: "${words}"`,
    steps: [{ say: words, ops: [], hear: REFUSED }],
    finally: (state) => expect(state.memory.outcome).toBeNull(),
  })),
  {
    name: 'offers the transfer after refusing and transfers on a yes',
    steps: [
      { say: 'Ich will den Termin von meinem Freund verschieben', ops: [], hear: REFUSED_WITH_TRANSFER },
      {
        say: 'ja gern',
        world: [recorded],
        ops: [{ operation: 'recordOutcome', request: 'transferred' }],
        hear: TRANSFER,
        end: { transfer: SALON.business.transferNumber! },
      },
    ],
  },
  {
    name: 'goes on without a transfer when the caller does not want one',
    steps: [
      { say: 'Ich möchte den Termin für meine Frau absagen', ops: [], hear: REFUSED_WITH_TRANSFER },
      { say: 'nein danke', ops: [], hear: 'Gut. Kann ich sonst noch etwas für Sie tun?' },
    ],
  },
  {
    name: 'asks the person to call themselves when the salon has no transfer number',
    directory: noTransferSalon,
    steps: [{ say: 'den termin von meiner schwester bitte absagen', ops: [], hear: /selbst kurz bei uns anruft\. Kann ich sonst noch etwas für Sie tun\?$/ }],
  },
  {
    name: "refuses when the caller says halfway through a cancel that it is someone else's",
    steps: [lookupTue('Ich möchte einen Termin absagen'), { say: 'ach so nein der termin ist eigentlich von meinem mann', ops: [], hear: REFUSED }],
  },
  {
    name: "cancels the caller's own appointment only after reading it back and hearing yes",
    steps: [
      lookupTue('Ich möchte meinen Termin absagen'),
      { say: 'Ja, genau den.', world: [cancel.cancelled(tue)], ops: [{ operation: 'cancel', request: { appointmentId: 'tue' } }], hear: cancelledTue },
    ],
    finally: (state) => expect(state.memory.outcome).toBe('cancelled_appointment'),
  },
  {
    name: 'takes "ja bitte absagen" at the read-back as the yes',
    steps: [lookupTue('ich kann am dienstag nicht kommen'), { say: 'ja bitte absagen', world: [cancel.cancelled(tue)], hear: cancelledTue }],
  },
  {
    name: 'keeps the appointment on a no at the read-back',
    steps: [lookupTue('Termin stornieren bitte'), { say: 'Nein, lieber doch nicht.', ops: [], hear: KEPT }],
    finally: (state) => expect(state.memory.outcome).toBeNull(),
  },
  { name: 'keeps the appointment on "nee lassen sie den mal"', steps: [lookupTue('ich muss leider absagen'), { say: 'nee', ops: [], hear: KEPT }] },
  {
    name: 'asks once more, changing nothing, when the answer to the read-back is neither yes nor no',
    steps: [
      lookupTue('Ich möchte meinen Termin absagen'),
      { say: 'hm', ops: [], hear: `Entschuldigung, nur damit ich nichts Falsches tue: Soll ich Ihren Termin ${TUE} absagen? Bitte sagen Sie ja oder nein.` },
      { say: 'ja', world: [cancel.cancelled(tue)], hear: cancelledTue },
    ],
  },
  {
    name: 'reads back the other appointment when the caller corrects which one',
    steps: [
      { say: 'Ich muss einen Termin absagen', world: [find.found(tue, fri)], hear: /Welchen meinen Sie\?$/ },
      { say: 'den am Dienstag', ops: [], hear: `Soll ich Ihren Termin ${TUE} absagen?` },
      { say: 'nein, den am Freitag', ops: [], hear: `Soll ich Ihren Termin ${FRI} absagen?` },
      {
        say: 'ja',
        world: [cancel.cancelled(fri)],
        ops: [{ operation: 'cancel', request: { appointmentId: 'fri' } }],
        hear: /abgesagt: Herrenhaarschnitt am Freitag/,
      },
    ],
  },
  {
    name: 'reads back the old appointment and the new time before a move, and moves on a yes',
    steps: [
      {
        say: 'ich möchte meinen termin auf freitag um elf verschieben',
        world: [find.found(tue)],
        hear: `${LOOKING} Soll ich Ihren Termin ${TUE} auf morgen um 11 Uhr verschieben?`,
      },
      {
        say: 'jawohl',
        world: [reschedule.moved(tue, '2026-11-20 11:00')],
        ops: [{ operation: 'reschedule', request: { appointmentId: 'tue', startsAt: instant('2026-11-20 11:00') } }],
        hear: /Ich habe Ihren Termin verschoben: Damenhaarschnitt jetzt morgen um 11 Uhr bei Emma\./,
      },
    ],
  },
  {
    name: 'keeps the old appointment when the caller says no to the move read-back',
    steps: [
      { say: 'Kann ich meinen Termin auf Samstag um zehn verlegen?', world: [find.found(tue)], hear: /verschieben\?$/ },
      { say: 'nein, dann lieber nicht', ops: [], hear: KEPT },
    ],
  },
  {
    name: 'reads the move back again with the corrected time, then moves there',
    steps: [
      {
        say: 'Kann ich meinen Termin auf Samstag um zehn verlegen?',
        world: [find.found(tue)],
        hear: /auf Samstag, den 21\. November, um 10 Uhr verschieben\?$/,
      },
      { say: 'ach nee, lieber um elf', ops: [], hear: `Soll ich Ihren Termin ${TUE} auf Samstag, den 21. November, um 11 Uhr verschieben?` },
      {
        say: 'ja genau',
        world: [reschedule.moved(tue, '2026-11-21 11:00')],
        ops: [{ operation: 'reschedule', request: { startsAt: instant('2026-11-21 11:00') } }],
        hear: /verschoben/,
      },
    ],
  },
  {
    name: 'takes the read-back time said again as the yes',
    steps: [
      { say: 'termin verschieben auf samstag um zehn', world: [find.found(tue)], hear: /verschieben\?$/ },
      { say: 'ja, Samstag um zehn', world: [reschedule.moved(tue, '2026-11-21 10:00')], hear: /verschoben/ },
    ],
  },
  {
    name: 'moves nothing while the caller talks of a move for someone else in the middle of it',
    steps: [
      { say: 'Kann ich meinen Termin verschieben?', hear: /Auf welchen Tag/ },
      { say: 'also eigentlich gehts um den termin von meiner oma', ops: [], hear: REFUSED },
    ],
  },
];

describe("scripted calls: changes only to the calling number's appointments, read back and confirmed", () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});
