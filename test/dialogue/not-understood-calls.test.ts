import { describe, expect, it } from 'vitest';
import { demoSalon } from '../../src/business-file/demo-businesses.js';
import { appointmentsLeft, type Left } from '../support/call-checks.js';
import { directoryOf, SALON, SERVICES } from '../support/demo-directory.js';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { book, offer, recorded, slot } from '../support/world.js';
import { ANYTHING_ELSE, ASK_NAME, BOOKING, CONFIRM_PHONE, NOT_UNDERSTOOD } from './lines.js';

/**
 * Turns the agent cannot use (Retell's unintelligible marker, mumbling, talk about the weather) in whole calls:
 * the first gets a re-ask in other words, the second in a row the offer of a colleague or a callback; a caller who
 * wants to go on is asked the open question again and the booking goes on; no line is said twice in a row.
 */

const HELP = 'Entschuldigung, ich verstehe Sie gerade leider schlecht. Soll ich Sie mit einer Kollegin verbinden, oder sollen wir Sie zurückrufen?';
const TRANSFER_NUMBER = SALON.business.transferNumber!;
const noTransfer = directoryOf({ ...demoSalon, transferNumber: '' }, (d) => ({ ...d, business: { ...d.business, transferNumber: null } }));
const OFFER_ASKS = /(Soll ich Ihnen den Termin eintragen|Soll ich ihn für Sie eintragen)\?$/;
const fri10 = slot('2026-11-20 10:00', 'emma');
const booked = (say: string, s: ReturnType<typeof slot>, readBack: string): ScriptStep => ({
  say,
  world: [book.booked(s, 'herrenhaarschnitt')],
  ops: [{ operation: 'book', request: { serviceId: SERVICES.herrenhaarschnitt, startsAt: s.startsAt } }],
  hear: new RegExp(
    `${BOOKING.replace('.', '\\.')} Wunderbar\\. Ihr Termin ist eingetragen: Herrenhaarschnitt ${readBack.replace(/\./g, '\\.')}\\. ${ANYTHING_ELSE.replace('?', '\\?')}$`,
  ),
});
const left = (local: string, name = 'Jonas Weber'): Left => ({ service: 'Herrenhaarschnitt', staff: 'Emma Williams', local, name });

const calls: Array<CallScript & { left: Left[] }> = [
  {
    name: 'recogniser style: the unintelligible marker first, then a Berlin wish is booked as said',
    caller: { knownName: 'Jonas Weber' },
    steps: [
      { say: '(unintelligible audio)', ops: [], hear: NOT_UNDERSTOOD },
      {
        say: 'äh ja tach ick bräucht nen herrenschnitt freitach um zehne',
        world: [offer.exact(fri10)],
        ops: [{ operation: 'offer', request: { date: '2026-11-20', time: '10:00' } }],
        hear: OFFER_ASKS,
      },
      booked('jo', fri10, 'am Freitag, dem 20. November, um 10 Uhr bei Emma'),
    ],
    left: [left('2026-11-20 10:00')],
  },
  {
    name: 'recogniser style: mumbling twice at the offer offers a colleague; "nee ick versuch et nochmal" goes on, and the slot named is booked',
    caller: { knownName: 'Jonas Weber' },
    steps: [
      {
        say: 'herrenschnitt freitag vormittags',
        world: [offer.alternatives('no_time_given', fri10, slot('2026-11-20 11:00', 'emma'))],
        hear: /\?$/,
      },
      { say: 'tja also hm', ops: [], hear: 'Welcher der Termine passt Ihnen?' },
      { say: 'äh hmm', ops: [], hear: HELP },
      { say: 'nee nee ick versuch et nochmal', ops: [], hear: 'Gut, dann versuchen wir es noch einmal. Welcher der Termine passt Ihnen?' },
      booked('freitach um zehne passt', fri10, 'am Freitag, dem 20. November, um 10 Uhr bei Emma'),
    ],
    left: [left('2026-11-20 10:00')],
  },
  {
    name: 'talk about the weather in Berlin and in Bavaria: the second turn offers a colleague, and a yes puts the caller through',
    steps: [
      { say: "Na, wie is'n dit Wetter bei euch in Berlin?", ops: [], hear: /^Verzeihung, welche Leistung darf ich für Sie eintragen\?/ },
      { say: 'Mei, is des schwül bei eich', ops: [], hear: HELP },
      {
        say: 'ja, verbinden Sie mich',
        world: [recorded],
        ops: [{ operation: 'recordOutcome', request: 'transferred' }],
        hear: /verbinde Sie/,
        end: { transfer: TRANSFER_NUMBER },
      },
    ],
    left: [],
  },
  {
    name: 'recogniser style: gibberish at the name question, twice; "nee geht scho" asks the name again and the booking goes on',
    steps: [
      { say: 'herrenschnitt freitag um zehn', world: [offer.exact(fri10)], hear: OFFER_ASKS },
      { say: 'ja', ops: [], hear: /Auf welchen Namen darf ich den Termin eintragen\?$/ },
      { say: 'mhm grmpf', ops: [], hear: 'Wie war Ihr Name, bitte?' },
      { say: 'äh', ops: [], hear: HELP },
      { say: 'nee geht scho', ops: [], hear: `Gut, dann versuchen wir es noch einmal. ${ASK_NAME}` },
      { say: 'jonas weber', ops: [], hear: CONFIRM_PHONE },
      booked('ja', fri10, 'am Freitag, dem 20. November, um 10 Uhr bei Emma'),
    ],
    left: [left('2026-11-20 10:00')],
  },
  {
    name: 'the unintelligible marker in the middle of the number question re-asks it in other words, then books',
    steps: [
      { say: 'Herrenhaarschnitt am Freitag um zehn', world: [offer.exact(fri10)], hear: OFFER_ASKS },
      { say: 'Ja', ops: [], hear: /Auf welchen Namen/ },
      { say: 'Jonas Weber', ops: [], hear: CONFIRM_PHONE },
      { say: '(unintelligible audio)', ops: [], hear: NOT_UNDERSTOOD },
      booked('Ja, die Nummer stimmt', fri10, 'am Freitag, dem 20. November, um 10 Uhr bei Emma'),
    ],
    left: [left('2026-11-20 10:00')],
  },
  {
    name: 'recogniser style: without a colleague to put through, "ja" to the callback is recorded with the number',
    directory: noTransfer,
    steps: [
      { say: 'krrrz', ops: [], hear: /^Verzeihung, welche Leistung darf ich für Sie eintragen\?/ },
      { say: 'äh hm', ops: [], hear: 'Entschuldigung, ich verstehe Sie gerade leider schlecht. Soll eine Kollegin Sie zurückrufen?' },
      {
        say: 'ja bitte',
        world: [recorded],
        ops: [{ operation: 'recordOutcome', request: 'callback_requested' }],
        hear: /^Gern, ich gebe es weiter: Eine Kollegin ruft Sie unter der Nummer mit den Endziffern 5 6 7 8 zurück\./,
      },
    ],
    left: [],
  },
  {
    name: 'a withheld number and no colleague: the callback number is asked for, and taken',
    directory: noTransfer,
    caller: { number: null },
    steps: [
      { say: '(unintelligible audio)', ops: [], hear: NOT_UNDERSTOOD },
      {
        say: '',
        ops: [],
        hear: 'Entschuldigung, ich verstehe Sie gerade leider schlecht. Sagen Sie mir gern Ihre Nummer, dann ruft eine Kollegin Sie zurück.',
      },
      { say: 'Rufen Sie mich bitte zurück', ops: [], hear: 'Gern. Unter welcher Nummer dürfen wir Sie zurückrufen?' },
      {
        say: '0176 98765432',
        world: [recorded],
        ops: [{ operation: 'recordOutcome', request: 'callback_requested' }],
        hear: /Endziffern 5 4 3 2 zurück\./,
      },
    ],
    left: [],
  },
  {
    name: 'recogniser style: a usable answer between two noises starts the count again, and the call books',
    caller: { knownName: 'Jonas Weber' },
    steps: [
      { say: '(unintelligible audio)', ops: [], hear: NOT_UNDERSTOOD },
      { say: 'herrenhaarschnitt bitte', ops: [], hear: /Wann hätten Sie denn Zeit\?/ },
      { say: 'ähm', ops: [], hear: 'Ich habe bisher Herrenhaarschnitt verstanden. An welchem Tag und um wie viel Uhr hätten Sie gern?' },
      { say: 'freitag um zehn', world: [offer.exact(fri10)], hear: OFFER_ASKS },
      booked('ja', fri10, 'am Freitag, dem 20. November, um 10 Uhr bei Emma'),
    ],
    left: [left('2026-11-20 10:00')],
  },
];

describe('scripted calls: turns the agent cannot use', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    const { turns } = await playCall(script);
    // Never the same line word for word twice in a row.
    for (let i = 1; i < turns.length; i++) expect(turns[i]!.text, `step ${i + 1}`).not.toBe(turns[i - 1]!.text);
    expect(appointmentsLeft(turns, script.directory)).toEqual(script.left);
  });
});
