import { describe, expect, it } from 'vitest';
import { PRACTICE, SALON, SERVICES } from '../support/demo-directory.js';
import { directoryOf } from '../support/demo-directory.js';
import { demoSalon } from '../../src/business-file/demo-businesses.js';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { book, offer, recorded, slot } from '../support/world.js';
import { ANYTHING_ELSE, ASK_TIME, CONFIRM_PHONE, GOODBYE, GREETING, LOOKING, NOT_UNDERSTOOD, WHAT_ELSE } from './lines.js';

const HOURS = 'Wir haben Dienstag bis Freitag von 9 bis 18 Uhr und Samstag von 9 bis 14 Uhr geöffnet.';
const TRANSFER = 'Einen Moment bitte, ich verbinde Sie mit einer Kollegin.';
const NO_TRANSFER = 'Im Moment kann ich Sie leider nicht verbinden. Eine Kollegin ruft Sie gern zurück. Kann ich Ihnen sonst weiterhelfen?';
const STILL_THERE = 'Sind Sie noch da? Ich helfe Ihnen gern weiter.';
const SILENT_GOODBYE = 'Ich höre Sie leider nicht mehr. Rufen Sie gern noch einmal an. Auf Wiederhören!';
const OFFER_LINE = `${LOOKING} Am Mittwoch um 10 Uhr hat Emma Zeit für einen Herrenhaarschnitt. Soll ich Ihnen den Termin eintragen?`;
const offered: ScriptStep = { say: 'Herrenhaarschnitt am Mittwoch um zehn bei Emma', world: [offer.exact(slot('2026-11-25 10:00', 'emma'))], hear: OFFER_LINE };
const bookedAll: ScriptStep[] = [
  offered,
  { say: 'ja', hear: /Namen/ },
  { say: 'Jonas Weber', hear: CONFIRM_PHONE },
  { say: 'ja', world: [book.booked(slot('2026-11-25 10:00', 'emma'), 'herrenhaarschnitt')], hear: /eingetragen/ },
];
const noTransferSalon = directoryOf({ ...demoSalon, transferNumber: '' }, (d) => ({ ...d, business: { ...d.business, transferNumber: null } }));

const questions: Array<[string, string]> = [
  ['Was kostet ein Damenhaarschnitt?', 'Ein Damenhaarschnitt kostet bei uns 49 Euro. Möchten Sie dafür einen Termin?'],
  ['Wie teuer sind Strähnchen?', 'Strähnchen kosten bei uns 89 Euro. Möchten Sie dafür einen Termin?'],
  ['Wie lange dauert ein Herrenhaarschnitt?', 'Ein Herrenhaarschnitt dauert etwa eine halbe Stunde. Möchten Sie dafür einen Termin?'],
  [
    'Wie lange dauert denn eine Ansatzfärbung?',
    'Bei der Ansatzfärbung sind Sie etwa zwei Stunden bei uns, mit Einwirkzeit dazwischen. Möchten Sie dafür einen Termin?',
  ],
  [
    'Was ist bei einer Ansatzfärbung alles dabei?',
    'Farbe auftragen, etwa 45 Minuten einwirken lassen, dann Waschen und Schneiden. Insgesamt sind Sie etwa zwei Stunden bei uns. Möchten Sie dafür einen Termin?',
  ],
  ['Was kostet das?', 'Für welche Leistung möchten Sie das wissen?'],
];

const calls: CallScript[] = [
  ...questions.map(([words, answer]): CallScript => ({
    name: `answers "${words}"`,
    steps: [{ say: words, hear: answer }],
    finally: (s) => expect(s.memory.outcome).toBe('information'),
  })),
  { name: 'tells the opening hours', steps: [{ say: 'Wann haben Sie denn geöffnet?', hear: HOURS }] },
  {
    name: "tells the practice's opening hours",
    directory: PRACTICE,
    steps: [{ say: 'Was sind Ihre Öffnungszeiten?', hear: 'Wir haben Montag bis Freitag von 8 bis 17 Uhr geöffnet.' }],
  },
  {
    name: 'asks whether there is anything else after the opening hours at the end of a request',
    steps: [...bookedAll, { say: 'Bis wann haben Sie samstags offen?', hear: `${HOURS} ${ANYTHING_ELSE}` }],
  },
  {
    name: 'answers a question about the offered service and offers to book it',
    steps: [offered, { say: 'Was kostet das denn?', hear: 'Ein Herrenhaarschnitt kostet bei uns 29 Euro. Soll ich Ihnen den Termin eintragen?' }],
  },
  {
    name: 'takes a yes after a question as a booking of the service asked about',
    steps: [
      { say: 'Was kostet ein Damenhaarschnitt?', hear: /49 Euro/ },
      { say: 'ja gerne', hear: ASK_TIME },
      {
        say: 'Freitag um zehn',
        world: [offer.exact(slot('2026-11-20 10:00', 'emma', 45))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.damenhaarschnitt } }],
        hear: /Am Freitag um 10 Uhr hat Emma Zeit für einen Damenhaarschnitt\. Soll ich Ihnen den Termin eintragen\?$/,
      },
    ],
  },
  {
    name: 'books the service asked about after an earlier booking, without asking which service',
    steps: [
      ...bookedAll,
      { say: 'Was kostet eigentlich ein Damenhaarschnitt?', hear: /49 Euro\. Möchten Sie dafür einen Termin\?$/ },
      {
        say: 'ja, am Freitag um zehn',
        world: [offer.exact(slot('2026-11-20 10:00', 'emma', 45))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.damenhaarschnitt, date: '2026-11-20', time: '10:00' } }],
        hear: /Am Freitag um 10 Uhr hat Emma Zeit für einen Damenhaarschnitt\. Soll ich Ihnen den Termin eintragen\?$/,
      },
    ],
  },
  {
    name: 'answers a question about the service just booked',
    steps: [...bookedAll, { say: 'Wie lange dauert das?', hear: 'Ein Herrenhaarschnitt dauert etwa eine halbe Stunde. Möchten Sie dafür einen Termin?' }],
  },
  {
    name: "transfers a caller who wants a human to the business's number",
    steps: [
      {
        say: 'Kann ich bitte mit einem Mitarbeiter sprechen?',
        world: [recorded],
        ops: [{ operation: 'recordOutcome', request: 'transferred' }],
        hear: TRANSFER,
        end: { transfer: SALON.business.transferNumber! },
      },
    ],
    finally: (s) => expect(s).toMatchObject({ step: { phase: 'ended' }, memory: { outcome: 'transferred' } }),
  },
  {
    name: 'transfers in the middle of an offer',
    steps: [
      offered,
      { say: 'Verbinden Sie mich bitte mit einem Menschen', world: [recorded], hear: TRANSFER, end: { transfer: SALON.business.transferNumber! } },
    ],
  },
  {
    name: 'promises a callback when there is no number to transfer to, and goes on',
    directory: noTransferSalon,
    steps: [{ say: 'Ich möchte mit einem Menschen reden', hear: NO_TRANSFER }, offered],
    finally: (s) => expect(s.memory.outcome).toBeNull(),
  },
  { name: 'repeats the offer on "wie bitte?"', steps: [offered, { say: 'wie bitte?', hear: OFFER_LINE }] },
  { name: 'repeats the greeting on "wie bitte?" before anything was asked', steps: [{ say: 'Wie bitte?', hear: GREETING }] },
  {
    name: 'repeats itself once more after a repeat',
    steps: [offered, { say: 'wie bitte?', hear: OFFER_LINE }, { say: 'Können Sie das wiederholen?', hear: OFFER_LINE }],
  },
  {
    name: 'nudges once on silence, then says goodbye and hangs up',
    steps: [{ hear: `${STILL_THERE} ${GREETING}` }, { hear: SILENT_GOODBYE, end: 'hang_up' }],
    finally: (s) => expect(s.step.phase).toBe('ended'),
  },
  { name: 'nudges with the offer it is waiting on', steps: [offered, { hear: `${STILL_THERE} ${OFFER_LINE}` }, { say: 'ja', hear: /Namen/ }] },
  {
    name: 'starts counting silences again once the caller speaks',
    steps: [{ hear: `${STILL_THERE} ${GREETING}` }, offered, { hear: `${STILL_THERE} ${OFFER_LINE}` }, { hear: SILENT_GOODBYE, end: 'hang_up' }],
  },
  {
    name: 'repeats the answer, not the nudge, on "wie bitte?" after a silence',
    steps: [offered, { hear: `${STILL_THERE} ${OFFER_LINE}` }, { say: 'wie bitte?', hear: OFFER_LINE }],
  },
  { name: 'asks again on unintelligible audio', steps: [{ say: '(unintelligible audio)', hear: NOT_UNDERSTOOD }, offered] },
  { name: 'asks again when the words are empty', steps: [{ say: ' ', hear: NOT_UNDERSTOOD }] },
  {
    name: 'keeps the offer when the audio was unintelligible',
    steps: [offered, { say: '(unintelligible audio)', hear: NOT_UNDERSTOOD }, { say: 'ja', hear: /Namen/ }],
  },
  { name: 'says goodbye and hangs up when the caller is done', steps: [{ say: "Ach, das war's schon, tschüss", hear: GOODBYE, end: 'hang_up' }] },
  {
    name: 'says goodbye again to anything after the goodbye',
    steps: [
      { say: 'tschüss', hear: GOODBYE, end: 'hang_up' },
      { say: 'ach, noch was', hear: GOODBYE, end: 'hang_up' },
    ],
  },
  {
    name: 'goes on with a new wish said with "tschüss" in it',
    steps: [{ say: 'Herrenhaarschnitt am Mittwoch um zehn bei Emma, dann tschüss', world: [offer.exact(slot('2026-11-25 10:00', 'emma'))], hear: OFFER_LINE }],
  },
  { name: 'answers a second "ja" after a booking as a new answer', steps: [...bookedAll, { say: 'ja', hear: WHAT_ELSE }, { say: 'ja', hear: WHAT_ELSE }] },
  { name: 'says goodbye on "nein" once a request is done', steps: [...bookedAll, { say: 'nein', hear: GOODBYE, end: 'hang_up' }] },
];

describe('scripted calls: questions and the awkward moments', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});
