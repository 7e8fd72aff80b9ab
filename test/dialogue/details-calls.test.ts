import { describe, expect, it } from 'vitest';
import { STAFF } from '../support/demo-directory.js';
import { CALLER, playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { book, offer, slot } from '../support/world.js';
import { ANYTHING_ELSE, ASK_NAME, ASK_PHONE, BOOKING, CONFIRM_PHONE } from './lines.js';

const fri11 = slot('2026-11-20 11:00', 'oliver');
const offered: ScriptStep = {
  say: 'Herrenhaarschnitt am Freitag um elf',
  world: [offer.exact(fri11)],
  hear: /hat Oliver Zeit für einen Herrenhaarschnitt\. Soll ich Ihnen den Termin eintragen\?$/,
};
const chosen = 'Gut, also der Herrenhaarschnitt am Freitag um 11 Uhr bei Oliver.';
const booked = `${BOOKING} Wunderbar. Ihr Termin ist eingetragen: Herrenhaarschnitt am Freitag, dem 20. November, um 11 Uhr bei Oliver. ${ANYTHING_ELSE}`;
const PHONE_NOT_UNDERSTOOD = 'Die Nummer habe ich leider nicht ganz verstanden. Könnten Sie sie bitte Ziffer für Ziffer sagen?';
const READ_BACK_0176 = 'Ich wiederhole die Nummer: null eins sieben sechs, neun acht sieben sechs, fünf vier drei zwo. Ist das richtig?';
const READ_BACK_0151 = 'Ich wiederhole die Nummer: null eins fünf eins zwo, drei vier fünf sechs, sieben acht neun. Ist das richtig?';
const PHONE_INVALID = 'Die Telefonnummer habe ich leider nicht richtig verstanden. Könnten Sie sie bitte noch einmal sagen?';

const calls: CallScript[] = [
  {
    name: 'greets a returning caller by name and asks neither name nor number',
    caller: { knownName: 'Jonas Weber' },
    greeting: 'Salon Haarmonie, guten Tag, Herr Weber! Schön, dass Sie wieder anrufen. Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?',
    steps: [
      offered,
      {
        say: 'ja bitte',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { staffId: STAFF.oliver, customer: { name: 'Jonas Weber', phone: CALLER } } }],
        hear: `${chosen} ${booked}`,
      },
    ],
  },
  {
    name: 'confirms the calling number by its last digits',
    steps: [
      offered,
      { say: 'ja', hear: `${chosen} ${ASK_NAME}` },
      { say: 'Karl Huber', hear: CONFIRM_PHONE },
      {
        say: 'ja, gerne',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { customer: { name: 'Karl Huber', phone: CALLER } } }],
        hear: booked,
      },
    ],
  },
  {
    name: 'books under another number when the caller does not want the calling one',
    steps: [
      offered,
      { say: 'ja', hear: /Auf welchen Namen/ },
      { say: 'Karl Huber', hear: CONFIRM_PHONE },
      { say: 'nein, lieber auf eine andere', hear: ASK_PHONE },
      { say: 'null eins sieben sechs, neun acht sieben sechs, fünf vier drei zwei', ops: [], hear: READ_BACK_0176 },
      {
        say: 'ja, genau',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { customer: { name: 'Karl Huber', phone: '+4917698765432' } } }],
        hear: booked,
      },
    ],
  },
  {
    name: 'takes a number said instead of a yes',
    steps: [
      offered,
      { say: 'ja', hear: /Auf welchen Namen/ },
      { say: 'Karl Huber', hear: CONFIRM_PHONE },
      { say: 'nehmen Sie lieber die 0151 2345 6789', ops: [], hear: READ_BACK_0151 },
      {
        say: 'ja',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { customer: { phone: '+4915123456789' } } }],
        hear: booked,
      },
    ],
  },
  {
    name: 'asks for a number when the call shows none',
    caller: { number: null },
    steps: [
      offered,
      { say: 'ja', hear: /Auf welchen Namen/ },
      { say: 'Karl Huber', hear: ASK_PHONE },
      { say: 'null eins sieben sechs, neun acht sieben sechs, fünf vier drei zwei', ops: [], hear: READ_BACK_0176 },
      {
        say: 'richtig',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { customer: { phone: '+4917698765432' } } }],
        hear: booked,
      },
    ],
  },
  {
    name: 'asks for the number digit by digit when it was not understood',
    steps: [offered, { say: 'ja', hear: /Namen/ }, { say: 'Karl Huber', hear: CONFIRM_PHONE }, { say: 'äh, Moment mal', hear: PHONE_NOT_UNDERSTOOD }],
  },
  {
    name: 'asks for the name again when the answer holds none',
    steps: [offered, { say: 'ja', hear: /Namen/ }, { say: 'ja', hear: 'Wie war Ihr Name, bitte?' }, { say: 'Schmidt', hear: CONFIRM_PHONE }],
  },
  {
    name: 'asks for the number again when the reception cannot use it, and keeps the chosen slot',
    steps: [
      offered,
      { say: 'ja', hear: /Namen/ },
      { say: 'Karl Huber', hear: CONFIRM_PHONE },
      { say: 'nein, unter 0151 2345 6789', hear: READ_BACK_0151 },
      { say: 'ja', world: [book.invalidPhone()], hear: `${BOOKING} ${PHONE_INVALID}` },
      { say: 'null eins sieben sechs, neun acht sieben sechs, fünf vier drei zwei', ops: [], hear: READ_BACK_0176 },
      {
        say: 'ja',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { staffId: STAFF.oliver, startsAt: fri11.startsAt, customer: { phone: '+4917698765432' } } }],
        hear: booked,
      },
    ],
  },
  {
    name: 'does not confirm the number again for a second booking',
    steps: [
      offered,
      { say: 'ja', hear: /Namen/ },
      { say: 'Karl Huber', hear: CONFIRM_PHONE },
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], hear: booked },
      {
        say: 'noch Waschen und Föhnen am Samstag um zehn',
        world: [offer.exact(slot('2026-11-21 10:00', 'emma'))],
        hear: /^Einen Moment, ich schaue kurz nach\. Am Samstag um 10 Uhr hat Emma Zeit für Waschen und Föhnen\. Soll ich Ihnen den Termin eintragen\?$/,
      },
      {
        say: 'ja',
        world: [book.booked(slot('2026-11-21 10:00', 'emma'), 'waschenFoehnen')],
        hear: /^Gut, also Waschen und Föhnen am Samstag um 10 Uhr bei Emma\. Einen Moment, ich trage das ein\. Wunderbar\./,
      },
    ],
  },
  {
    name: 'keeps a name given with the wish for the booking',
    steps: [
      offered,
      { say: 'ja', hear: /Namen/ },
      { say: 'Mein Name ist Petra Freitag', hear: CONFIRM_PHONE },
      {
        say: 'ja',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { customer: { name: 'Petra Freitag' } } }],
        hear: booked,
      },
    ],
    finally: (state) => expect(state.caller).toMatchObject({ name: 'Petra Freitag', phone: CALLER, phoneConfirmed: true }),
  },
];

describe('scripted calls: who the booking is for', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});
