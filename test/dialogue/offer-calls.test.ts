import { describe, expect, it } from 'vitest';
import { SERVICES, STAFF } from '../support/demo-directory.js';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { book, offer, slot } from '../support/world.js';
import { ANYTHING_ELSE, ASK_NAME, ASK_OTHER_TIME, ASK_WHICH_OFFER, BOOKING, CONFIRM_PHONE, LOOKING, NOTHING_FREE } from './lines.js';

/** A line as a pattern of itself. */
const literal = (line: string): string => line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/**
 * The offer of one free slot, in either of its wordings (the slot picks which): the day and time, the staff member
 * and the service with its article, closed by the question to book it.
 */
const offerOf = (when: string, staff: string, service: string): string =>
  `${literal(LOOKING)} ${literal(when)} (hat ${staff} Zeit für ${service}\\. Soll ich Ihnen den Termin eintragen|ist bei ${staff} ein Termin für ${service} frei\\. Soll ich ihn für Sie eintragen)\\?`;

// Three alternatives to a taken Tuesday 10:00 with Emma.
const alternatives = [slot('2026-11-24 11:00', 'emma'), slot('2026-11-25 10:00', 'emma'), slot('2026-11-26 09:00', 'emma')] as const;
const offered: ScriptStep = {
  say: 'Einen Herrenschnitt am Dienstag um zehn bei Emma bitte',
  world: [offer.alternatives('taken', ...alternatives)],
  hear: `${LOOKING} Zu der Zeit ist Emma leider schon ausgebucht. Bei Emma habe ich am Dienstag um 11 Uhr, am Mittwoch, dem 25. November, um 10 Uhr oder am Donnerstag, dem 26. November, um 9 Uhr noch einen Termin frei. Was davon passt Ihnen am besten?`,
};
const confirmed = (when: string) => `Gut, also der Herrenhaarschnitt ${when} bei Emma. ${ASK_NAME}`;
const twoStaff = [slot('2026-11-24 10:00', 'emma'), slot('2026-11-24 11:00', 'fabian')] as const;
const offeredTwo: ScriptStep = {
  say: 'Herrenhaarschnitt am Dienstag vormittags',
  world: [offer.alternatives('no_time_given', ...twoStaff)],
  hear: /^Einen Moment, ich schaue kurz nach\. Für einen Herrenhaarschnitt könnte ich Ihnen .* (Was passt Ihnen besser|Welcher der beiden Termine wäre Ihnen lieber)\?$/,
};
const onlyOne = slot('2026-11-25 10:00', 'emma');
const offeredOne: ScriptStep = {
  say: 'Herrenhaarschnitt am Mittwoch um zehn bei Emma',
  world: [offer.exact(onlyOne)],
  hear: new RegExp(`^${offerOf('Am Mittwoch um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt')}$`),
};

const picks: Array<[string, string]> = [
  ['den ersten bitte', 'am Dienstag um 11 Uhr'],
  ['den zweiten bitte', 'am Mittwoch, dem 25. November, um 10 Uhr'],
  ['die dritte Option', 'am Donnerstag, dem 26. November, um 9 Uhr'],
  ['den letzten', 'am Donnerstag, dem 26. November, um 9 Uhr'],
  ['Mittwoch passt', 'am Mittwoch um 10 Uhr'],
  ['um neun', 'am Donnerstag, dem 26. November, um 9 Uhr'],
  ['Dienstag um elf nehme ich', 'am Dienstag um 11 Uhr'],
];

const calls: CallScript[] = [
  ...picks.map(([words, when]): CallScript => ({ name: `takes "${words}" as the offer it names`, steps: [offered, { say: words, hear: confirmed(when) }] })),
  {
    name: 'takes an offer by its staff member',
    steps: [offeredTwo, { say: 'bei Fabian bitte', hear: `Gut, also der Herrenhaarschnitt am Dienstag um 11 Uhr bei Fabian. ${ASK_NAME}` }],
  },
  { name: 'asks which one on a plain "ja" to several offers', steps: [offered, { say: 'ja', hear: ASK_WHICH_OFFER }] },
  { name: 'asks which one when a position names no offer', steps: [offeredTwo, { say: 'den dritten', hear: ASK_WHICH_OFFER }] },
  {
    name: 'asks back when an answer to a single offer is unclear',
    steps: [offeredOne, { say: 'hmm, mal sehen', hear: 'Soll ich Ihnen den Termin eintragen?' }],
  },
  {
    name: 'takes "den nehme ich" for the single offer',
    steps: [offeredOne, { say: 'den nehme ich', hear: `Gut, also der Herrenhaarschnitt am Mittwoch um 10 Uhr bei Emma. ${ASK_NAME}` }],
  },
  {
    name: 'asks for another time after "nein" to an offer, keeping the service for the next wish',
    steps: [
      offeredOne,
      { say: 'nein, das passt mir nicht', hear: ASK_OTHER_TIME },
      {
        say: 'dann Freitag nachmittags',
        world: [offer.alternatives('no_time_given', slot('2026-11-20 14:00', 'emma'))],
        ops: [
          {
            operation: 'offer',
            request: { serviceId: SERVICES.herrenhaarschnitt, staffId: STAFF.emma, date: '2026-11-20', time: null, partOfDay: 'nachmittags' },
          },
        ],
        hear: `${LOOKING} Für einen Herrenhaarschnitt habe ich am Freitag um 14 Uhr bei Emma noch einen Termin frei. Wäre das etwas für Sie?`,
      },
    ],
  },
  {
    name: 'takes "da kann ich nicht kommen" about an offer as a no, not as a cancel',
    steps: [offeredOne, { say: 'Oh, da kann ich nicht kommen.', hear: ASK_OTHER_TIME }],
  },
  {
    name: 'looks again when the caller names a time that was not offered',
    steps: [
      offered,
      {
        say: 'geht auch Freitag um drei?',
        world: [offer.exact(slot('2026-11-20 15:00', 'emma'))],
        ops: [{ operation: 'offer', request: { staffId: STAFF.emma, date: '2026-11-20', time: '15:00' } }],
        hear: new RegExp(`^${offerOf('Am Freitag um 15 Uhr', 'Emma', 'einen Herrenhaarschnitt')}$`),
      },
    ],
  },
  {
    name: 'offers the held alternatives when the slot was taken at booking, and books the one picked',
    steps: [
      offeredOne,
      { say: 'ja', hear: /Auf welchen Namen/ },
      { say: 'Jonas Weber', hear: CONFIRM_PHONE },
      {
        say: 'ja',
        world: [book.taken(slot('2026-11-25 10:30', 'emma'), slot('2026-11-25 11:00', 'fabian'))],
        hear: `${BOOKING} Das tut mir leid, dieser Termin ist gerade eben vergeben worden. Ich habe am Mittwoch um halb elf bei Emma oder um 11 Uhr bei Fabian noch einen Termin frei. Was passt Ihnen besser?`,
      },
      {
        say: 'den ersten',
        world: [book.booked(slot('2026-11-25 10:30', 'emma'), 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { staffId: STAFF.emma, startsAt: slot('2026-11-25 10:30', 'emma').startsAt, customer: { name: 'Jonas Weber' } } }],
        hear: `Gut, also der Herrenhaarschnitt am Mittwoch um halb elf bei Emma. ${BOOKING} Wunderbar. Ihr Termin ist eingetragen: Herrenhaarschnitt am Mittwoch, dem 25. November, um halb elf bei Emma. ${ANYTHING_ELSE}`,
      },
    ],
    finally: (state) => expect(state.memory.outcome).toBe('booked'),
  },
  {
    name: 'asks for another time when the slot was taken at booking and nothing else is free',
    steps: [
      offeredOne,
      { say: 'ja', hear: /Auf welchen Namen/ },
      { say: 'Jonas Weber', hear: CONFIRM_PHONE },
      {
        say: 'ja',
        world: [book.taken()],
        hear: `${BOOKING} Das tut mir leid, dieser Termin ist gerade eben vergeben worden. ${NOTHING_FREE} ${ASK_OTHER_TIME}`,
      },
      {
        say: 'dann Samstag um zehn',
        world: [offer.exact(slot('2026-11-21 10:00', 'emma'))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-21', time: '10:00' } }],
        hear: new RegExp(`^${offerOf('Am Samstag um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt')}$`),
      },
    ],
  },
  {
    name: 'says why a booking was refused (too soon) and offers what is held instead',
    steps: [
      offeredOne,
      { say: 'ja', hear: /Auf welchen Namen/ },
      { say: 'Jonas Weber', hear: CONFIRM_PHONE },
      {
        say: 'ja',
        world: [book.unavailable('too_soon', slot('2026-11-25 12:00', 'emma'))],
        hear: `${BOOKING} So kurzfristig kann ich leider keinen Termin mehr vergeben. Ich habe am Mittwoch um 12 Uhr bei Emma noch einen Termin frei. Wäre das etwas für Sie?`,
      },
    ],
    finally: (state) => expect(state).toMatchObject({ step: { phase: 'offered' }, memory: { outcome: 'booking_conflict' } }),
  },
];

describe('scripted calls: offers picked, declined and lost', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});
