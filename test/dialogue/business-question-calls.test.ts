import { describe, it } from 'vitest';
import { PRACTICE, SALON, directoryOf } from '../support/demo-directory.js';
import { playCall, type CallScript } from '../support/scripted-call.js';
import { appointment, book, find, offer, recorded, slot } from '../support/world.js';
import { demoSalon } from '../../src/business-file/demo-businesses.js';
import { ANYTHING_ELSE, WHAT_ELSE } from './lines.js';

// Questions about the business, answered from its data only; no data: said honestly, and the transfer offered.
const ADDRESS = 'Unsere Adresse ist Kastanienallee 12, 10435 Berlin.';
const PAYMENT = 'Sie können bei uns bar, mit EC-Karte oder mit Kreditkarte bezahlen.';
const PARKING = 'Parkplätze sind in der Kastanienallee knapp; am einfachsten ist das Parkhaus in der Schwedter Straße, etwa fünf Minuten entfernt.';
const DIRECTIONS =
  'Mit der U2 bis Eberswalder Straße, von dort sind es etwa fünf Minuten zu Fuß die Kastanienallee hinauf. Die Tram M1 hält direkt vor der Tür.';
const OFFER_TRANSFER = 'Soll ich Sie mit einer Kollegin verbinden, die Ihnen das sagen kann?';
const NO_WIFI = 'Ob es bei uns WLAN gibt, kann ich Ihnen leider nicht sagen.';
const TRANSFER = 'Einen Moment bitte, ich verbinde Sie mit einer Kollegin.';
const fri11 = slot('2026-11-20 11:00', 'oliver');
// An offer of one slot is said one of two ways, by the slot; either ends with the question whether to book it.
const OFFER_ASKS = /(Soll ich Ihnen den Termin eintragen|Soll ich ihn für Sie eintragen)\?$/;
const bare = directoryOf(demoSalon, (d) => ({ ...d, business: { ...d.business, answers: {}, address: null } }));
const bareNoTransfer = directoryOf(demoSalon, (d) => ({ ...d, business: { ...d.business, answers: {}, transferNumber: null } }));
const fragments = directoryOf(demoSalon, (d) => ({
  ...d,
  business: { ...d.business, answers: { payment: 'Bar und EC-Karte', parking: 'Parkhaus gegenüber' } },
}));

const calls: CallScript[] = [
  { name: 'tells where the salon is', steps: [{ say: 'Wo finde ich Sie eigentlich?', hear: `${ADDRESS} ${WHAT_ELSE}` }] },
  { name: 'tells the way, with the address', steps: [{ say: 'wie komme ich am besten zu ihnen', hear: `${ADDRESS} ${DIRECTIONS} ${WHAT_ELSE}` }] },
  { name: 'answers whether cards are taken', steps: [{ say: 'Kann ich bei Ihnen mit Karte zahlen?', hear: `${PAYMENT} ${WHAT_ELSE}` }] },
  { name: 'answers about parking in recogniser style', steps: [{ say: 'äh gibt es bei ihnen parkplätze', hear: `${PARKING} ${WHAT_ELSE}` }] },
  {
    name: 'answers the salon’s own question by its keywords',
    steps: [{ say: 'verkaufen sie auch gutscheine', hear: `Ja, Gutscheine bekommen Sie bei uns im Salon, über jeden Betrag. ${WHAT_ELSE}` }],
  },
  {
    name: 'answers about step-free access',
    steps: [
      { say: 'Ist der Salon barrierefrei, ich komme mit dem Rollstuhl?', hear: `Der Salon liegt im Erdgeschoss und ist ohne Stufen erreichbar. ${WHAT_ELSE}` },
    ],
  },
  {
    name: 'says honestly that it does not know about WLAN, offers the transfer, and transfers on a yes',
    steps: [
      { say: 'Haben Sie WLAN?', hear: `${NO_WIFI} ${OFFER_TRANSFER}` },
      {
        say: 'ja gerne',
        world: [recorded],
        ops: [{ operation: 'recordOutcome', request: 'transferred' }],
        hear: TRANSFER,
        end: { transfer: SALON.business.transferNumber! },
      },
    ],
  },
  {
    name: 'goes back to where it was when the caller does not want the transfer',
    steps: [
      { say: 'gibt es wlan bei ihnen', hear: `${NO_WIFI} ${OFFER_TRANSFER}` },
      { say: 'nein danke', hear: WHAT_ELSE },
    ],
  },
  {
    name: 'answers a question between offer and yes, asks the offer again, and books on the yes',
    steps: [
      { say: 'Herrenhaarschnitt am Freitag um elf', world: [offer.exact(fri11)], hear: OFFER_ASKS },
      { say: 'Kann man da mit EC-Karte bezahlen?', hear: new RegExp(`^${PAYMENT.replace(/[.?]/g, '\\$&')} .*${OFFER_ASKS.source}`) },
      { say: 'ja', hear: /Auf welchen Namen/ },
    ],
  },
  {
    name: 'answers the question and takes the booking said in the same breath',
    steps: [
      {
        say: 'wo sind sie denn genau, und ich hätte gern einen Herrenhaarschnitt am Freitag um elf',
        world: [offer.exact(fri11)],
        hear: new RegExp(`^${ADDRESS.replace(/[.]/g, '\\.')} Einen Moment, ich schaue kurz nach\\..*${OFFER_ASKS.source}`),
      },
    ],
  },
  {
    name: 'after a booking, answers about parking and asks what else',
    steps: [
      { say: 'Herrenhaarschnitt am Freitag um elf', world: [offer.exact(fri11)], hear: OFFER_ASKS },
      { say: 'ja', hear: /Namen/ },
      { say: 'Karl Huber', hear: /Endziffern/ },
      { say: 'ja', world: [book.booked(fri11, 'herrenhaarschnitt')], hear: /eingetragen/ },
      { say: 'ach und wo kann ich das auto abstellen', hear: `${PARKING} ${ANYTHING_ELSE}` },
    ],
  },
  {
    name: 'never invents an address the business has not given',
    directory: bare,
    steps: [{ say: 'Was ist Ihre Adresse?', hear: `Unsere Adresse habe ich hier leider nicht vorliegen. ${OFFER_TRANSFER}` }],
  },
  {
    name: 'gives the address but says it knows no more about the way',
    directory: directoryOf(demoSalon, (d) => ({ ...d, business: { ...d.business, answers: {} } })),
    steps: [{ say: 'Wie finde ich zu Ihnen hin?', hear: `${ADDRESS} Zur Anfahrt habe ich leider keine Angaben. ${OFFER_TRANSFER}` }],
  },
  {
    name: 'without a number to transfer to, says where the answer can be had',
    directory: bareNoTransfer,
    steps: [
      {
        say: 'nehmen sie kreditkarte',
        hear: `Zu den Zahlungsmöglichkeiten habe ich leider keine Angaben. Das beantwortet Ihnen gern eine Kollegin, wenn Sie uns besuchen. ${WHAT_ELSE}`,
      },
    ],
  },
  {
    name: 'reads a business file’s short answers as sentences',
    directory: fragments,
    steps: [
      { say: 'kann ich bar bezahlen', hear: `Zum Bezahlen: Bar und EC-Karte. ${WHAT_ELSE}` },
      { say: 'und parken', hear: `Zum Parken: Parkhaus gegenüber. ${WHAT_ELSE}` },
    ],
  },
  {
    name: 'the practice has no parking answer: says so and offers the transfer',
    directory: PRACTICE,
    steps: [{ say: 'Gibt es bei Ihnen Parkplätze?', hear: `Zu Parkmöglichkeiten habe ich leider keine Angaben. ${OFFER_TRANSFER}` }],
  },
  {
    name: 'the practice answers about WLAN in the waiting room',
    directory: PRACTICE,
    steps: [{ say: 'haben sie wlan im wartezimmer', hear: `Im Wartezimmer gibt es ein kostenloses WLAN für Patienten. ${WHAT_ELSE}` }],
  },
  {
    name: 'the practice answers its own question about insurance cards',
    directory: PRACTICE,
    steps: [
      {
        say: 'muss ich meine versichertenkarte mitbringen',
        hear: `Wir behandeln gesetzlich und privat Versicherte. Bitte bringen Sie Ihre Versichertenkarte mit. ${WHAT_ELSE}`,
      },
    ],
  },
];

const CANNOT_SAY = 'Das kann ich Ihnen leider nicht sicher sagen.';
const HOURS = 'Wir haben Dienstag bis Freitag von 9 bis 18 Uhr und Samstag von 9 bis 14 Uhr geöffnet.';
const tue = appointment('2026-11-24 14:30', 'emma', 'damenhaarschnitt', 'bq-tue');

/** Questions the data has no answer for are said so, never answered with an invented fact or the service list. */
const unknownQuestions: CallScript[] = [
  {
    name: 'says honestly it cannot say whether there is coffee, and offers the transfer',
    steps: [{ say: 'Gibt es bei Ihnen Kaffee?', ops: [], hear: `${CANNOT_SAY} ${OFFER_TRANSFER}` }],
  },
  {
    name: 'recogniser style: a greeting broken by a hesitation before the question',
    steps: [{ say: 'schönen äh guten tag gibt es bei ihnen kaffee', ops: [], hear: `${CANNOT_SAY} ${OFFER_TRANSFER}` }],
  },
  {
    name: 'recogniser style: a service the data does not name is not claimed, the transfer offered',
    steps: [{ say: 'machen sie auch hochsteckfrisuren', ops: [], hear: `Ob wir das anbieten, kann ich Ihnen leider nicht sicher sagen. ${OFFER_TRANSFER}` }],
  },
  {
    name: 'an unknown question, the transfer declined: back to what else',
    steps: [
      { say: 'Muss ich vorher die Haare waschen?', hear: `${CANNOT_SAY} ${OFFER_TRANSFER}` },
      { say: 'nein danke', hear: WHAT_ELSE },
      { say: 'dann einen Herrenhaarschnitt am Freitag um elf', world: [offer.exact(fri11)], hear: OFFER_ASKS },
    ],
  },
  {
    name: 'recogniser style: fillers inside the questions hide neither the unknown one nor the parking one',
    steps: [
      { say: 'äh also hallo ich grüße sie gibt es bei ihnen kaffee', ops: [], hear: `${CANNOT_SAY} ${OFFER_TRANSFER}` },
      { say: 'wo äh also kann ich das auto abstellen', hear: `${PARKING} ${WHAT_ELSE}` },
    ],
  },
  {
    name: 'recogniser style: the opening hours asked with a hesitation inside',
    steps: [{ say: 'haben hm sie samstags auf', ops: [], hear: HOURS }],
  },
  {
    name: 'several questions in a row, each answered from the data, then goodbye',
    caller: { knownName: 'Jonas Weber' },
    steps: [
      { say: 'Hallo, geht bei Ihnen auch Kartenzahlung?', hear: `${PAYMENT} ${WHAT_ELSE}` },
      {
        say: 'Können Sie mir sagen, wann ich bei Ihnen dran bin?',
        world: [find.found(tue)],
        hear: /Sie haben einen Termin bei uns: Damenhaarschnitt am Dienstag, dem 24\. November, um halb drei bei Emma\./,
      },
      { say: 'Wo genau ist der Salon?', hear: `${ADDRESS} ${ANYTHING_ELSE}` },
      { say: 'nee, alles gut, danke', hear: /Auf Wiederhören/, end: 'hang_up' },
    ],
  },
  {
    name: 'recogniser style: a question at the name step is answered and the name asked again',
    steps: [
      { say: 'herrenhaarschnitt am freitag um elf', world: [offer.exact(fri11)], hear: OFFER_ASKS },
      { say: 'ja', hear: /Auf welchen Namen/ },
      {
        say: 'äh kann ich da mit karte zahlen',
        hear: new RegExp(`^${PAYMENT.replace(/[.?]/g, '\\$&')} .*Auf welchen Namen darf ich den Termin eintragen\\?$`),
      },
    ],
  },
];

describe('scripted calls: questions about the business', () => {
  for (const call of calls) it(call.name, () => playCall(call).then(() => undefined));
});

describe('scripted calls: questions the business’s data cannot answer', () => {
  for (const call of unknownQuestions) it(call.name, () => playCall(call).then(() => undefined));
});
