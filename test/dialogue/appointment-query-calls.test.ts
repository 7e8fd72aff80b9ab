import { describe, expect, it } from 'vitest';
import { CALLER, playCall, type CallScript } from '../support/scripted-call.js';
import { appointment, cancel, find } from '../support/world.js';
import { ANYTHING_ELSE, LOOKING } from './lines.js';

/** "Wann ist mein Termin?": the calling number's upcoming appointments read out, nothing changed. */

const tue = appointment('2026-11-24 14:30', 'emma', 'damenhaarschnitt', 'q-tue');
const sat = appointment('2026-11-28 09:00', 'fabian', 'herrenhaarschnitt', 'q-sat');
const dec = appointment('2026-12-02 11:00', 'oliver', 'herrenhaarschnitt', 'q-dec');
const dec2 = appointment('2026-12-09 11:00', 'oliver', 'herrenhaarschnitt', 'q-dec2');
const ONE = `${LOOKING} Sie haben einen Termin bei uns: Damenhaarschnitt am Dienstag, dem 24. November, um halb drei bei Emma. ${ANYTHING_ELSE}`;
const TWO = `${LOOKING} Sie haben zwei Termine bei uns: Damenhaarschnitt am Dienstag, dem 24. November, um halb drei bei Emma und Herrenhaarschnitt am Samstag, dem 28. November, um 9 Uhr bei Fabian. ${ANYTHING_ELSE}`;
const NONE = `${LOOKING} Unter dieser Nummer finde ich leider keinen anstehenden Termin. ${ANYTHING_ELSE}`;
const lookup = { operation: 'findAppointments' as const, request: { phone: CALLER, date: null, time: null } };

const questions = [
  'Wann ist mein Termin?',
  'Hallo, ich wollte nur fragen, wann mein nächster Termin ist.',
  'hab ich noch einen termin bei ihnen',
  'äh wann war das nochmal mein termin',
  'Ich hab meinen Termin vergessen, wann war der?',
  'Bin ich für nächste Woche eingetragen?',
  'Welche Termine habe ich bei Ihnen?',
  'um wie viel uhr soll ich am dienstag da sein',
  'Können Sie mal nachschauen, ob ich einen Termin habe?',
  'moin wann bin ich denn dran',
  'Meine Terminbestätigung ist weg – wann war der Termin noch mal?',
  'steht mein termin eigentlich noch',
  'Können Sie mir sagen, wann ich bei Ihnen dran bin?',
  'hab ich nächste woche was bei ihnen',
  'ich weiß nicht mehr wann ich komme',
  'Können Sie mal schauen, ob ich einen Termin habe?',
  'äh um wie viel uhr war mein termin noch',
  'ich würde gern wissen, wann mein Termin ist',
  'hab ich bei euch noch n termin',
];

const calls: CallScript[] = [
  ...questions.map((words): CallScript => ({
    name: `reads the caller's appointment out for "${words}"`,
    steps: [{ say: words, world: [find.found(tue)], ops: [lookup], hear: ONE }],
    finally: (state) => expect(state.memory.outcome).toBe('information'),
  })),
  {
    name: 'says the date of an appointment tomorrow too, for a caller who wants to note it down',
    steps: [
      {
        say: 'wann war nochmal mein termin',
        world: [find.found(appointment('2026-11-20 15:15', 'emma', 'herrenhaarschnitt', 'q-fri'))],
        hear: `${LOOKING} Sie haben einen Termin bei uns: Herrenhaarschnitt morgen, am Freitag, dem 20. November, um Viertel nach drei bei Emma. ${ANYTHING_ELSE}`,
      },
    ],
  },
  { name: 'reads two appointments out', steps: [{ say: 'Welche Termine hab ich denn?', world: [find.found(tue, sat)], hear: TWO }] },
  {
    name: 'names three of many and counts the rest',
    steps: [
      {
        say: 'wann sind meine termine',
        world: [find.found(tue, sat, dec, dec2)],
        hear: /^Einen Moment, ich schaue kurz nach\. Sie haben vier Termine bei uns: .* und Herrenhaarschnitt am Mittwoch, dem 2\. Dezember, um 11 Uhr bei Oliver, und dazu noch einen weiteren\. Kann ich sonst/,
      },
    ],
  },
  { name: 'says so when the number has no appointment', steps: [{ say: 'Wann ist mein Termin?', world: [find.none()], hear: NONE }] },
  {
    name: 'reads nothing out for a call that shows no number',
    caller: { number: null },
    steps: [{ say: 'Wann ist mein Termin?', ops: [], hear: /^Ohne Ihre Rufnummer kann ich leider keine Termine nachsehen\./ }],
  },
  {
    name: 'reads the appointment out, then cancels it only after the read-back and a yes',
    steps: [
      { say: 'wann ist mein termin', world: [find.found(tue)], hear: ONE },
      {
        say: 'den muss ich leider absagen',
        world: [find.found(tue)],
        hear: `${LOOKING} Soll ich Ihren Termin am Dienstag, dem 24. November, um halb drei bei Emma absagen?`,
      },
      { say: 'ja', world: [cancel.cancelled(tue)], ops: [{ operation: 'cancel', request: { appointmentId: 'q-tue' } }], hear: /abgesagt/ },
    ],
  },
  {
    name: 'says goodbye after the answer',
    steps: [
      { say: 'Wann ist mein Termin?', world: [find.found(tue)], hear: ONE },
      { say: 'super danke das wars', hear: /Auf Wiederhören/, end: 'hang_up' },
    ],
  },
  {
    name: 'takes "wann hätten Sie einen Termin frei" as a new booking, not as a question about booked ones',
    steps: [{ say: 'Wann hätten Sie denn einen Termin frei?', ops: [], hear: /Welche Leistung wünschen Sie\?/ }],
  },
];

describe('scripted calls: "wann ist mein Termin?"', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});
