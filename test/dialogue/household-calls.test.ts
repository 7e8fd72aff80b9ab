import { describe, expect, it } from 'vitest';
import { STAFF } from '../support/demo-directory.js';
import { CALLER, playCall, type CallScript, type ScriptStep, type TurnScript } from '../support/scripted-call.js';
import { book, offer, slot } from '../support/world.js';
import { ANYTHING_ELSE, ASK_NAME, BOOKING, CONFIRM_PHONE } from './lines.js';

// Households: one number, several people. The booking goes under the person it is for; the greeting names only a
// number's one customer, by surname where the salutation is certain.
const fri11 = slot('2026-11-20 11:00', 'oliver');
const sat10 = slot('2026-11-21 10:00', 'emma');
// An offer of one slot is said one of two ways, by the slot; either ends with the question whether to book it.
const OFFER_ASKS = /(Soll ich Ihnen den Termin eintragen|Soll ich ihn für Sie eintragen)\?$/;
const offered = (say = 'Herrenhaarschnitt am Freitag um elf'): ScriptStep => ({ say, world: [offer.exact(fri11)], hear: OFFER_ASKS });
const bookedAs = (name: string, extra: Record<string, unknown> = {}): NonNullable<TurnScript['ops']> => [
  { operation: 'book', request: { staffId: STAFF.oliver, customer: { name, phone: CALLER }, ...extra } },
];
const BOOKED = /Ihr Termin ist eingetragen/;
const ASK_FOR_DAUGHTER = 'Gern. Auf welchen Namen darf ich den Termin für Ihre Tochter eintragen? Bitte mit Vor- und Nachnamen.';
const WHOSE_NEXT = /Für wen ist dieser Termin, und auf welchen Namen darf ich ihn eintragen\?$/;
const greeting = (hello: string) => `Salon Haarmonie, ${hello} Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?`;

const calls: CallScript[] = [
  {
    name: 'greets a number’s one customer by surname with Frau when the first name says so',
    caller: { knownName: 'Anna Schmidt' },
    greeting: greeting('guten Tag, Frau Schmidt! Schön, dass Sie wieder anrufen.'),
    steps: [offered(), { say: 'ja bitte', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Anna Schmidt'), hear: BOOKED }],
  },
  {
    name: 'greets by full name when the first name gives no certain salutation',
    caller: { knownName: 'Kim Berger' },
    greeting: greeting('guten Tag, Kim Berger! Schön, dass Sie wieder anrufen.'),
    steps: [],
  },
  {
    name: 'greets a household’s number without a name and asks the caller’s name before booking',
    caller: { household: true },
    greeting: greeting('guten Tag! Schön, dass Sie wieder anrufen.'),
    steps: [
      offered(),
      { say: 'ja', hear: /Auf welchen Namen darf ich den Termin eintragen\?$/ },
      { say: 'Anna Schmidt', hear: CONFIRM_PHONE },
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Anna Schmidt'), hear: BOOKED },
    ],
  },
  {
    name: 'books for the daughter under her own name, said with the wish, and keeps the known caller’s name',
    caller: { knownName: 'Anna Schmidt' },
    steps: [
      offered('Ich hätte gern einen Herrenhaarschnitt für meinen Sohn Paul Schmidt am Freitag um elf'),
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Paul Schmidt', { forSomeoneElse: true }), hear: BOOKED },
    ],
    finally: (state) => expect(state.caller.name).toBe('Anna Schmidt'),
  },
  {
    name: 'asks the other person’s name when only the relation was said',
    caller: { knownName: 'Anna Schmidt' },
    steps: [
      offered('einen Herrenhaarschnitt für meine Tochter am Freitag um elf bitte'),
      { say: 'ja', hear: new RegExp(`${ASK_FOR_DAUGHTER.replace(/[.?]/g, '\\$&')}$`) },
      { say: 'Lena Schmidt', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Lena Schmidt', { forSomeoneElse: true }), hear: BOOKED },
    ],
    finally: (state) => expect(state.caller.name).toBe('Anna Schmidt'),
  },
  {
    name: 'an unknown caller booking for the daughter is never taken to be the daughter',
    steps: [
      offered('für meine Tochter Lena bräuchte ich einen Herrenhaarschnitt am Freitag um elf'),
      { say: 'ja', hear: /Endziffern 5 6 7 8\?$/ },
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Lena', { forSomeoneElse: true }), hear: BOOKED },
    ],
    finally: (state) => expect(state.caller.name).toBeNull(),
  },
  {
    name: 'after a booking for the daughter, asks whom the next one is for, and “für mich” books the known caller',
    caller: { knownName: 'Anna Schmidt' },
    steps: [
      offered('Herrenhaarschnitt für meine Tochter Lena Schmidt am Freitag um elf'),
      {
        say: 'ja',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: bookedAs('Lena Schmidt', { forSomeoneElse: true }),
        hear: new RegExp(`${ANYTHING_ELSE.replace('?', '\\?')}$`),
      },
      { say: 'ja, noch Waschen und Föhnen am Samstag um zehn', world: [offer.exact(sat10)], hear: OFFER_ASKS },
      { say: 'ja', hear: WHOSE_NEXT },
      {
        say: 'für mich selbst',
        world: [book.booked(sat10, 'waschenFoehnen')],
        ops: [{ operation: 'book', request: { customer: { name: 'Anna Schmidt', phone: CALLER } } }],
        hear: BOOKED,
      },
    ],
  },
  {
    name: 'after a booking for the son, an unknown caller’s own booking asks the caller’s own name',
    steps: [
      offered('herrenhaarschnitt für meinen sohn paul am freitag um elf'),
      { say: 'ja', hear: /Endziffern/ },
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Paul', { forSomeoneElse: true }), hear: BOOKED },
      { say: 'und waschen föhnen für mich am samstag um zehn', world: [offer.exact(sat10)], hear: OFFER_ASKS },
      { say: 'ja', hear: /Auf welchen Namen darf ich den Termin eintragen\?$/ },
      {
        say: 'Anna Brandt',
        world: [book.booked(sat10, 'waschenFoehnen')],
        ops: [{ operation: 'book', request: { customer: { name: 'Anna Brandt', phone: CALLER } } }],
        hear: BOOKED,
      },
    ],
    finally: (state) => expect(state.caller.name).toBe('Anna Brandt'),
  },
  {
    name: 'takes “für mich” in a household call as the caller’s own booking and asks their name',
    caller: { household: true },
    steps: [
      offered('äh ich bräuchte für mich einen herrenhaarschnitt freitag um elf'),
      { say: 'ja', hear: /Auf welchen Namen darf ich den Termin eintragen\?$/ },
      { say: 'mein name ist jonas weber', hear: CONFIRM_PHONE },
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Jonas Weber'), hear: BOOKED },
    ],
  },
  {
    name: 'switches to the other person when the caller says so at the name question',
    caller: { household: true },
    steps: [
      offered(),
      { say: 'ja', hear: /Auf welchen Namen/ },
      { say: 'das ist für meinen Mann, Thomas Keller', hear: CONFIRM_PHONE },
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Thomas Keller', { forSomeoneElse: true }), hear: BOOKED },
    ],
    finally: (state) => expect(state.caller.name).toBeNull(),
  },
  {
    name: 'asks the husband’s name when the relation is all the caller said',
    caller: { knownName: 'Maria Keller' },
    steps: [
      offered('einen herrenhaarschnitt für meinen mann am freitag um elf'),
      { say: 'ja', hear: /für Ihren Mann eintragen\? Bitte mit Vor- und Nachnamen\.$/ },
      { say: 'äh thomas keller', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Thomas Keller', { forSomeoneElse: true }), hear: BOOKED },
    ],
  },
  {
    name: 'asks again when the answer for the other person holds no name',
    caller: { knownName: 'Maria Keller' },
    steps: [
      offered('Herrenhaarschnitt für meinen Mann am Freitag um elf'),
      { say: 'ja', hear: /für Ihren Mann/ },
      { say: 'ja genau', hear: 'Wie war Ihr Name, bitte?' },
    ],
  },
  {
    name: 'books for “uns beide” one after the other, the second under the other person’s name',
    caller: { knownName: 'Maria Keller' },
    steps: [
      offered('wir beide bräuchten einen Herrenhaarschnitt, ich am Freitag um elf'),
      {
        say: 'ja',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: bookedAs('Maria Keller'),
        hear: /Dann jetzt noch der Termin für die zweite Person: Welche Leistung darf es sein, und wann\?$/,
      },
      { say: 'auch einen herrenhaarschnitt am samstag um zehn', world: [offer.exact(sat10)], hear: OFFER_ASKS },
      { say: 'ja', hear: /Auf welchen Namen darf ich den Termin für die andere Person eintragen\?/ },
      {
        say: 'Thomas Keller',
        world: [book.booked(sat10, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { customer: { name: 'Thomas Keller', phone: CALLER }, forSomeoneElse: true } }],
        hear: BOOKED,
      },
    ],
  },
  {
    name: 'books “für mich und meinen Sohn” with the son named for the second booking',
    caller: { knownName: 'Maria Keller' },
    steps: [
      offered('Herrenhaarschnitt für mich und meinen Sohn, meiner am Freitag um elf'),
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Maria Keller'), hear: /Dann jetzt noch der Termin für Ihren Sohn/ },
    ],
  },
  {
    name: 'a known caller who says “für mich” is asked the name, and their own books under the stored one',
    caller: { knownName: 'Jonas Weber' },
    greeting: greeting('guten Tag, Herr Weber! Schön, dass Sie wieder anrufen.'),
    steps: [
      offered('für mich einen herrenhaarschnitt am freitag um elf'),
      { say: 'ja', ops: [], hear: `Gut, also der Herrenhaarschnitt am Freitag um 11 Uhr bei Oliver. ${ASK_NAME}` },
      { say: 'weber', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Jonas Weber'), hear: BOOKED },
    ],
  },
  {
    name: 'booking for a person named after “für” asks no relation and books under that name',
    caller: { knownName: 'Anna Schmidt' },
    steps: [
      offered('Herrenhaarschnitt für Lena Schmidt am Freitag um elf'),
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Lena Schmidt', { forSomeoneElse: true }), hear: BOOKED },
    ],
  },
  {
    name: 'a new call greets nobody by name while the number is a household’s, and books the one who says their name',
    caller: { household: true },
    steps: [
      offered('hallo äh einen herrenhaarschnitt freitag um elf'),
      { say: 'ja', hear: `Gut, also der Herrenhaarschnitt am Freitag um 11 Uhr bei Oliver. ${ASK_NAME}` },
      { say: 'Lena Schmidt', hear: CONFIRM_PHONE },
      {
        say: 'ja',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: bookedAs('Lena Schmidt'),
        hear: `${BOOKING} Wunderbar. Ihr Termin ist eingetragen: Herrenhaarschnitt am Freitag, dem 20. November, um 11 Uhr bei Oliver. ${ANYTHING_ELSE}`,
      },
    ],
  },
  {
    name: '“für mich selbst” from a number known under someone else asks the name and books under the caller',
    caller: { knownName: 'Laura Krüger' },
    steps: [
      offered('Hallo, diesmal für mich selbst: einen Herrenhaarschnitt am Freitag um elf'),
      { say: 'ja, gern', ops: [], hear: `Gut, also der Herrenhaarschnitt am Freitag um 11 Uhr bei Oliver. ${ASK_NAME}` },
      { say: 'Lena Krüger', ops: [], hear: CONFIRM_PHONE },
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Lena Krüger'), hear: BOOKED },
    ],
    finally: (state) => {
      expect(state.caller.name).toBe('Lena Krüger');
      expect(state.caller.known).toBe(false);
    },
  },
  {
    name: 'recogniser style: “für mich selber” from a known number, the name said with “heiß ich”',
    caller: { knownName: 'Heike Roth' },
    steps: [
      offered('äh ich hätte gern für mich selber einen herrenschnitt freitag um elf'),
      { say: 'ja passt', hear: new RegExp(`${ASK_NAME.replace('?', '\\?')}$`) },
      { say: 'petra äh roth heiß ich', hear: CONFIRM_PHONE },
      { say: 'genau', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Petra Roth'), hear: BOOKED },
    ],
  },
  {
    name: '“für mich” from a household’s number asks the name, and “Das ist …” gives it',
    caller: { household: true },
    steps: [
      offered('Ich brauche einen Herrenhaarschnitt für mich, am Freitag um elf'),
      { say: 'ja, machen Sie das', hear: /Auf welchen Namen darf ich den Termin eintragen\?$/ },
      { say: 'Das ist Julia Busch', hear: CONFIRM_PHONE },
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Julia Busch'), hear: BOOKED },
    ],
  },
  {
    name: 'recogniser style: a household member who gives the name in the first sentence is not asked it',
    caller: { household: true },
    steps: [
      { say: 'äh ja hier ist lena krüger ich bräuchte einen herrenhaarschnitt am freitag um elf', world: [offer.exact(fri11)], hear: OFFER_ASKS },
      { say: 'ja', hear: `Gut, also der Herrenhaarschnitt am Freitag um 11 Uhr bei Oliver. ${CONFIRM_PHONE}` },
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Lena Krüger'), hear: BOOKED },
    ],
  },
  {
    name: 'a caller who introduces another name than the number’s customer is booked under their own',
    caller: { knownName: 'Laura Krüger' },
    steps: [
      { say: 'Hallo, hier ist Lena Krüger, ich hätte gern einen Herrenhaarschnitt am Freitag um elf', world: [offer.exact(fri11)], hear: OFFER_ASKS },
      { say: 'ja', hear: `Gut, also der Herrenhaarschnitt am Freitag um 11 Uhr bei Oliver. ${CONFIRM_PHONE}` },
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Lena Krüger'), hear: BOOKED },
    ],
    finally: (state) => expect(state.caller.name).toBe('Lena Krüger'),
  },
  {
    name: 'the known customer introducing themselves by first name keeps the stored name and is asked nothing',
    caller: { knownName: 'Jonas Weber' },
    steps: [
      offered('Hallo, Jonas hier, einen Herrenhaarschnitt am Freitag um elf bitte'),
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Jonas Weber'), hear: BOOKED },
    ],
  },
  {
    name: '“für mich” with the name said in the same sentence books at once',
    caller: { knownName: 'Anna Schmidt' },
    steps: [
      offered('Hier ist Anna Schmidt, für mich bitte einen Herrenhaarschnitt am Freitag um elf'),
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Anna Schmidt'), hear: BOOKED },
    ],
  },
  {
    name: 'a name introduced for the daughter (“ihr Name ist …”) is hers, never the caller’s',
    caller: { knownName: 'Anna Schmidt' },
    steps: [
      offered('Ich brauche einen Herrenhaarschnitt für meine Tochter, ihr Name ist Lena Schmidt, am Freitag um elf'),
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Lena Schmidt', { forSomeoneElse: true }), hear: BOOKED },
    ],
    finally: (state) => expect(state.caller.name).toBe('Anna Schmidt'),
  },
  {
    name: 'recogniser style: “für mich” again at the name question asks for the name itself',
    caller: { knownName: 'Laura Krüger' },
    steps: [
      offered('für mich bitte einen herrenhaarschnitt freitag um elf'),
      { say: 'ja', hear: new RegExp(`${ASK_NAME.replace('?', '\\?')}$`) },
      { say: 'na für mich', ops: [], hear: /Name/ },
      { say: 'lena äh krüger', hear: CONFIRM_PHONE },
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], ops: bookedAs('Lena Krüger'), hear: BOOKED },
    ],
  },
];

describe('scripted calls: households', () => {
  for (const call of calls) it(call.name, () => playCall(call).then(() => undefined));
});
