import { describe, expect, it } from 'vitest';
import { STAFF } from '../support/demo-directory.js';
import { CALLER, playCall, type CallScript } from '../support/scripted-call.js';
import { book, offer, slot } from '../support/world.js';
import { ANYTHING_ELSE, ASK_SERVICE, BOOKING, CONFIRM_PHONE } from './lines.js';

/**
 * Details are taken whenever they are said: a name introduced in the first sentence is never asked again, a number
 * given with it is read back digit group by digit group, confirmed, and booked under.
 */
const fri11 = slot('2026-11-20 11:00', 'oliver');
const fri11Fabian = slot('2026-11-20 11:00', 'fabian');
// An offer of one slot is said one of two ways, by the slot; either ends with the question whether to book it.
const OFFER_ASKS = /(Soll ich Ihnen den Termin eintragen|Soll ich ihn für Sie eintragen)\?$/;
const wish = { say: 'Herrenhaarschnitt am Freitag um elf', world: [offer.exact(fri11)], hear: OFFER_ASKS };
const chosen = 'Gut, also der Herrenhaarschnitt am Freitag um 11 Uhr bei Oliver.';
const booked = `${BOOKING} Wunderbar. Ihr Termin ist eingetragen: Herrenhaarschnitt am Freitag, dem 20. November, um 11 Uhr bei Oliver. ${ANYTHING_ELSE}`;
const READ_BACK = 'Ich wiederhole die Nummer: null eins sieben sechs, neun acht sieben sechs, fünf vier drei zwo. Ist das richtig?';
const bookedFor = (name: string, phone = CALLER) => ({
  say: 'ja',
  world: [book.booked(fri11, 'herrenhaarschnitt')],
  ops: [{ operation: 'book' as const, request: { customer: { name, phone } } }],
  hear: booked,
});

const introduced = (say: string, name: string): CallScript => ({
  name: `takes the name from "${say}" and never asks it`,
  steps: [{ say, hear: /./ }, wish, { say: 'ja gern', hear: `${chosen} ${CONFIRM_PHONE}` }, bookedFor(name)],
  finally: (s) => expect(s.caller.name).toBe(name),
});

const calls: CallScript[] = [
  introduced('Hier ist Lisa Meyer, ich hätte gern einen Termin', 'Lisa Meyer'),
  introduced('Guten Tag, mein Name ist Jonas Becker', 'Jonas Becker'),
  introduced('Ja hallo, hier spricht Frau Schneider', 'Schneider'),
  introduced('Moin, Kowalski am Apparat', 'Kowalski'),
  introduced('ich heiße anna lang und wollte einen termin', 'Anna Lang'),
  introduced('ja guten tag hier ist äh müller', 'Müller'),
  introduced('Grüß Gott, Petra Freitag mein Name', 'Petra Freitag'),
  introduced('Das ist Mia Klein, ich bräuchte einen Termin', 'Mia Klein'),
  introduced('Klein, Mia Klein, guten Tag', 'Mia Klein'),
  introduced('Ja, Lisa Meyer, guten Tag', 'Lisa Meyer'),
  introduced('Hier ist die Frau Meyer', 'Meyer'),
  introduced('Meyer hier, ich hätte gern einen Termin', 'Meyer'),
  introduced('ich bin der tom und hätte gern einen termin', 'Tom'),
  introduced('äh ja lisa äh meyer hier', 'Lisa Meyer'),
  introduced('guten tag schmidt mein name', 'Schmidt'),
  introduced('hallo ich bin katrin äh busch ich rufe an wegen eines termins', 'Katrin Busch'),
  {
    name: 'a name said in the wish itself is taken at once',
    steps: [
      { say: 'Hallo, mein Name ist Tom Wagner, ich möchte einen Herrenhaarschnitt am Freitag um elf', world: [offer.exact(fri11)], hear: OFFER_ASKS },
      { say: 'ja', hear: `${chosen} ${CONFIRM_PHONE}` },
      bookedFor('Tom Wagner'),
    ],
  },
  {
    name: '"Ich heiße Lisa Meyer und meine Nummer ist 0176 98765432" books under that number after reading it back',
    steps: [
      { say: 'Ich heiße Lisa Meyer und meine Nummer ist 0176 98765432', ops: [], hear: ASK_SERVICE },
      wish,
      { say: 'ja', ops: [], hear: `${chosen} ${READ_BACK}` },
      bookedFor('Lisa Meyer', '+4917698765432'),
    ],
  },
  {
    name: 'recogniser style: name and number in words in the first sentence',
    steps: [
      { say: 'ja hallo hier ist lisa meyer meine nummer null eins sieben sechs neun acht sieben sechs fünf vier drei zwei', ops: [], hear: ASK_SERVICE },
      wish,
      { say: 'ja', hear: `${chosen} ${READ_BACK}` },
      {
        say: 'genau',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { customer: { name: 'Lisa Meyer', phone: '+4917698765432' } } }],
        hear: booked,
      },
    ],
  },
  {
    name: 'a number read back and denied is asked again, never booked',
    steps: [
      { say: 'Mein Name ist Lisa Meyer, erreichbar unter 0176 98765432', hear: ASK_SERVICE },
      wish,
      { say: 'ja', hear: `${chosen} ${READ_BACK}` },
      { say: 'nein, das stimmt nicht', ops: [], hear: 'Dann sagen Sie mir die Nummer bitte noch einmal, gern langsam in Zweier- oder Dreiergruppen.' },
      {
        say: '0176 98765433',
        ops: [],
        hear: 'Ich wiederhole die Nummer: null eins sieben sechs, neun acht sieben sechs, fünf vier drei drei. Ist das richtig?',
      },
      {
        say: 'ja',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { customer: { phone: '+4917698765433' } } }],
        hear: booked,
      },
    ],
  },
  {
    name: 'a number said with the wish is read back at the details, the name still asked',
    steps: [
      { say: 'Herrenhaarschnitt am Freitag um elf, meine Nummer ist 0176 98765432', world: [offer.exact(fri11)], hear: OFFER_ASKS },
      { say: 'ja', hear: /Auf welchen Namen/ },
      { say: 'Karl Huber', ops: [], hear: READ_BACK },
      bookedFor('Karl Huber', '+4917698765432'),
    ],
  },
  {
    name: 'recogniser style: "mein name ist" followed by a booking in one breath',
    steps: [
      { say: 'mein name ist jan kowalski ich brauch nen herrenhaarschnitt freitag um elf', world: [offer.exact(fri11)], hear: OFFER_ASKS },
      { say: 'ja', hear: `${chosen} ${CONFIRM_PHONE}` },
      bookedFor('Jan Kowalski'),
    ],
  },
  {
    name: 'the calling number said as the number is not read back again',
    steps: [
      { say: 'Hier ist Lisa Meyer, meine Nummer ist 0176 12345678', hear: ASK_SERVICE },
      wish,
      {
        say: 'ja',
        world: [book.booked(fri11, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { customer: { name: 'Lisa Meyer', phone: CALLER } } }],
        hear: `${chosen} ${booked}`,
      },
    ],
  },
  {
    name: 'a name said after the wish ("…, Jan Nowak hier") is taken and never asked',
    steps: [
      { say: 'Herrenhaarschnitt am Freitag um elf, Jan Nowak hier', world: [offer.exact(fri11)], hear: OFFER_ASKS },
      { say: 'super, ja', hear: `${chosen} ${CONFIRM_PHONE}` },
      bookedFor('Jan Nowak'),
    ],
  },
  {
    name: 'recogniser style: "ich bin" and a number in words after the wish, read back and booked under it',
    steps: [
      {
        say: 'herrenhaarschnitt freitag um elf ich bin karl weber meine handynummer ist null eins sieben sechs neun acht sieben sechs fünf vier drei zwei',
        world: [offer.exact(fri11)],
        hear: OFFER_ASKS,
      },
      { say: 'ja das passt', ops: [], hear: `${chosen} ${READ_BACK}` },
      { ...bookedFor('Karl Weber', '+4917698765432'), say: 'genau' },
    ],
  },
  {
    name: 'recogniser style: a number said digit by digit with "äh" inside is read whole',
    steps: [
      { say: 'mein name ist anna lang meine nummer ist null eins sieben sechs äh neun acht sieben sechs ähm fünf vier drei zwei', ops: [], hear: ASK_SERVICE },
      wish,
      { say: 'ja', hear: `${chosen} ${READ_BACK}` },
      { ...bookedFor('Anna Lang', '+4917698765432'), say: 'ja richtig' },
    ],
  },
  {
    name: 'a time before the number is not part of it: "um neun Uhr dreißig, meine Nummer ist 0170 …"',
    steps: [
      {
        say: 'Ich bin Leon Zimmermann, Herrenhaarschnitt am Freitag um elf, meine Handynummer ist 0170 2794833',
        world: [offer.exact(fri11)],
        hear: OFFER_ASKS,
      },
      { say: 'ja', ops: [], hear: /^Gut, also der Herrenhaarschnitt am Freitag um 11 Uhr bei Oliver\. Ich wiederhole die Nummer: .* Ist das richtig\?$/ },
      { ...bookedFor('Leon Zimmermann', '+491702794833'), say: 'ja' },
    ],
  },
  {
    name: 'a staff member wished for ("bei Herrn Spitzer") is no name: the name is asked and taken from "… heiß ich"',
    steps: [
      {
        say: 'guten tag einmal herrenhaarschnitt am freitag um elf bei herrn spitzer',
        world: [offer.exact(fri11Fabian)],
        ops: [{ operation: 'offer', request: { staffId: STAFF.fabian } }],
        hear: OFFER_ASKS,
      },
      { say: 'ja gern', hear: /Auf welchen Namen darf ich den Termin eintragen\?$/ },
      { say: 'nina äh hartmann heiß ich', hear: CONFIRM_PHONE },
      {
        say: 'ja',
        world: [book.booked(fri11Fabian, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { staffId: STAFF.fabian, customer: { name: 'Nina Hartmann', phone: CALLER } } }],
        hear: /Ihr Termin ist eingetragen/,
      },
    ],
    finally: (s) => expect(s.caller.name).toBe('Nina Hartmann'),
  },
  {
    name: 'a returning customer is not renamed by an introduction',
    caller: { knownName: 'Jonas Weber' },
    steps: [{ say: 'Hallo, hier ist Jonas', hear: /./ }],
    finally: (s) => expect(s.caller.name).toBe('Jonas Weber'),
  },
  {
    name: '"nächste Woche" after "hier ist" is no name',
    steps: [{ say: 'hier ist nächste Woche noch was frei?', hear: /./ }],
    finally: (s) => expect(s.caller.name).toBeNull(),
  },
];

describe('scripted calls: details given at once', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});
