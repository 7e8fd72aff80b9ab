import { describe, expect, it } from 'vitest';
import type { OfferedSlot } from '../../src/reception/outcomes.js';
import { appointmentsLeft, type Left } from '../support/call-checks.js';
import { SERVICES } from '../support/demo-directory.js';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { book, offer, slot } from '../support/world.js';
import { ANYTHING_ELSE, ASK_TIME, BOOKING, LOOKING } from './lines.js';

/**
 * Nothing the caller did not say is assumed: a time without a day asks for the day (never the next day that has
 * it), "nächste Woche" asks which day (or, on a yes, offers the first free slots of that week and says so), and an
 * answer that cannot be read gets what was understood said back and the missing part asked in other words.
 */
const fri = slot('2026-11-20 10:00', 'emma');
const tueNext = slot('2026-11-24 09:00', 'fabian');
const wedNext = slot('2026-11-25 14:00', 'oliver');
const noOffer = { ops: [] };
// An offer of one slot is said one of two ways, by the slot; either ends with the question whether to book it.
const OFFER_ASKS = /(Soll ich Ihnen den Termin eintragen|Soll ich ihn für Sie eintragen)\?$/;
/** Other slots offered: one ends with a question about it, two with a question between them. */
const ONE_OFFER_ASKS = /(Passt Ihnen das|Wäre das etwas für Sie)\?$/;
const hasTime = (when: string, staff: string, service: string) => `${LOOKING} ${when} hat ${staff} Zeit für ${service}. Soll ich Ihnen den Termin eintragen?`;

const calls: CallScript[] = [
  {
    name: 'asks for the day when only a time was said, then offers on the day named',
    steps: [
      { say: 'Ich hätte gern einen Herrenhaarschnitt um zehn', ...noOffer, hear: 'Um 10 Uhr, gern. An welchem Tag hätten Sie Zeit?' },
      {
        say: 'Freitag',
        world: [offer.exact(fri)],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-20', time: '10:00' } }],
        hear: hasTime('Am Freitag um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      },
    ],
  },
  {
    name: 'never books tomorrow for a bare "halb drei"',
    steps: [{ say: 'Damenhaarschnitt so um halb drei', ...noOffer, hear: 'Um halb drei, gern. An welchem Tag hätten Sie Zeit?' }],
  },
  {
    name: 'asks the day for a part of day alone',
    steps: [{ say: 'Waschen und Föhnen, am liebsten nachmittags', ...noOffer, hear: 'Nachmittags, gern. An welchem Tag hätten Sie Zeit?' }],
  },
  {
    name: 'recogniser style: asks the day for "um elf" without one',
    steps: [{ say: 'äh ja herrenhaarschnitt um elf uhr bitte', ...noOffer, hear: 'Um 11 Uhr, gern. An welchem Tag hätten Sie Zeit?' }],
  },
  {
    name: 'asks the day when the time came first and the service after',
    steps: [
      { say: 'Haben Sie um vier noch was frei?', ...noOffer, hear: /Welche Leistung/ },
      { say: 'einen Herrenhaarschnitt', ...noOffer, hear: 'Um 16 Uhr, gern. An welchem Tag hätten Sie Zeit?' },
    ],
  },
  {
    name: '"nächste Woche" alone asks which day instead of taking Monday',
    steps: [
      {
        say: 'Ich bräuchte nächste Woche einen Herrenhaarschnitt',
        ...noOffer,
        hear: 'Gern, nächste Woche. An welchem Tag passt es Ihnen, oder soll ich Ihnen die ersten freien Termine der Woche nennen?',
      },
    ],
  },
  {
    name: 'a weekday after "nächste Woche" is that week\'s day',
    steps: [
      { say: 'Damenhaarschnitt nächste Woche', ...noOffer, hear: /An welchem Tag passt es Ihnen/ },
      {
        say: 'Dienstag um neun',
        world: [offer.exact(tueNext)],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.damenhaarschnitt, date: '2026-11-24', time: '09:00' } }],
        hear: OFFER_ASKS,
      },
    ],
  },
  {
    name: 'a yes to "die ersten freien Termine" offers the first free slots from that Monday on and says so',
    steps: [
      { say: 'nächste Woche einen Herrenhaarschnitt bitte', ...noOffer, hear: /An welchem Tag passt es Ihnen/ },
      {
        say: 'ja, nennen Sie mir die ersten',
        world: [offer.alternatives('no_time_given', tueNext, wedNext)],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-23', time: null, earliest: true } }],
        hear: `${LOOKING} Die ersten freien Termine ab Montag, dem 23. November: Für einen Herrenhaarschnitt könnte ich Ihnen am Dienstag, dem 24. November, um 9 Uhr bei Fabian oder am Mittwoch, dem 25. November, um 14 Uhr bei Oliver anbieten. Welcher der beiden Termine wäre Ihnen lieber?`,
      },
    ],
  },
  {
    name: 'recogniser style: "egal" to the week question offers the first free slots of the week',
    steps: [
      { say: 'ähm ich bräuchte nen herrenhaarschnitt nächste woche', ...noOffer, hear: /An welchem Tag passt es Ihnen/ },
      {
        say: 'egal',
        world: [offer.alternatives('no_time_given', tueNext)],
        ops: [{ operation: 'offer', request: { date: '2026-11-23', earliest: true, staffId: null } }],
        hear: /^Einen Moment, ich schaue kurz nach\. Die ersten freien Termine ab Montag, dem 23\. November:/,
      },
    ],
  },
  {
    name: 'reads back what was understood when the answer holds nothing readable',
    steps: [
      { say: 'Herrenhaarschnitt bei Emma', hear: ASK_TIME },
      {
        say: 'öhm, wie gesagt, dann wenn es passt',
        ...noOffer,
        hear: 'Ich habe bisher Herrenhaarschnitt bei Emma verstanden. An welchem Tag und um wie viel Uhr hätten Sie gern?',
      },
    ],
  },
  {
    name: 'asks only for the missing time when the day was understood',
    steps: [
      { say: 'Damenhaarschnitt', hear: ASK_TIME },
      {
        say: 'Freitag',
        world: [offer.alternatives('no_time_given', fri)],
        hear: `${LOOKING} Für einen Damenhaarschnitt habe ich am Freitag um 10 Uhr bei Emma noch einen Termin frei. Wäre das etwas für Sie?`,
      },
    ],
  },
  {
    name: 'reads the restatement instead of repeating the question',
    steps: [
      { say: 'Herrenhaarschnitt', hear: ASK_TIME },
      { say: 'wie soll ich sagen', ...noOffer, hear: /^Ich habe bisher Herrenhaarschnitt verstanden\./ },
      {
        say: 'also am Freitag um zehn',
        world: [offer.exact(fri)],
        ops: [{ operation: 'offer', request: { date: '2026-11-20', time: '10:00' } }],
        hear: OFFER_ASKS,
      },
    ],
  },
  {
    name: 'keeps the time while asking the day, and the day named then completes the wish',
    steps: [
      { say: 'Strähnchen um neun Uhr', ...noOffer, hear: /^Um 9 Uhr, gern\./ },
      {
        say: 'am Mittwoch nächste Woche',
        world: [offer.exact(slot('2026-11-25 09:00', 'emma', 120))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.straehnchen, date: '2026-11-25', time: '09:00' } }],
        hear: OFFER_ASKS,
      },
    ],
  },
  {
    name: 'recogniser style: a time then "morgen" books nothing before the day is said',
    steps: [
      { say: 'herrenhaarschnitt halb elf', ...noOffer, hear: /^Um halb elf, gern\./ },
      {
        say: 'morgen',
        world: [offer.exact(slot('2026-11-20 10:30', 'oliver'))],
        ops: [{ operation: 'offer', request: { date: '2026-11-20', time: '10:30' } }],
        hear: OFFER_ASKS,
      },
    ],
  },
  {
    name: 'recogniser style: read back in new words on a second unreadable answer',
    steps: [
      { say: 'herrenhaarschnitt', hear: ASK_TIME },
      { say: 'äh hm', ...noOffer, hear: /^Ich habe bisher Herrenhaarschnitt verstanden\./ },
      { say: 'am freitag', world: [offer.alternatives('no_time_given', fri)], hear: ONE_OFFER_ASKS },
    ],
  },
  {
    name: '"so früh wie möglich" still offers the earliest slots without asking',
    steps: [
      {
        say: 'Herrenhaarschnitt so früh wie möglich',
        world: [offer.alternatives('no_time_given', fri)],
        ops: [{ operation: 'offer', request: { earliest: true, date: null } }],
        hear: ONE_OFFER_ASKS,
      },
    ],
  },
  {
    name: '"übernächste Woche" asks which day of that week',
    steps: [
      {
        say: 'Damenhaarschnitt übernächste Woche',
        ...noOffer,
        hear: 'Gern, in der Woche ab dem 30. November. An welchem Tag passt es Ihnen, oder soll ich Ihnen die ersten freien Termine der Woche nennen?',
      },
    ],
  },
];

describe('scripted calls: nothing is assumed that was not said', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});

describe('scripted calls: a weekday after "übernächste Woche"', () => {
  it('is placed in that week, not in the next one', async () => {
    await playCall({
      name: 'übernächste Woche, then Mittwoch',
      steps: [
        { say: 'Damenhaarschnitt übernächste Woche', hear: /An welchem Tag passt es Ihnen/ },
        {
          say: 'Mittwoch um zehn',
          world: [offer.exact(slot('2026-12-02 10:00', 'emma'))],
          ops: [{ operation: 'offer', request: { date: '2026-12-02', time: '10:00' } }],
          hear: OFFER_ASKS,
        },
      ],
    });
  });
});

/** A returning caller's yes: the slot said back, booked, read back with its date. */
function bookedYes(
  say: string,
  s: OfferedSlot,
  service: 'herrenhaarschnitt' | 'damenhaarschnitt' | 'straehnchen',
  chosen: string,
  readBack: string,
): ScriptStep {
  return {
    say,
    world: [book.booked(s, service)],
    ops: [{ operation: 'book', request: { serviceId: SERVICES[service], staffId: s.staffId, startsAt: s.startsAt } }],
    hear: `Gut, also ${chosen}. ${BOOKING} Wunderbar. Ihr Termin ist eingetragen: ${readBack}. ${ANYTHING_ELSE}`,
  };
}
const known = { knownName: 'Jonas Weber' };
const left = (service: string, staff: string, local: string): Left => ({ service, staff, local, name: 'Jonas Weber' });

const wholeCalls: Array<CallScript & { left: Left[] }> = [
  {
    name: 'recogniser style: "so gegen vier" without a day asks the day, and books the Wednesday then named',
    caller: known,
    steps: [
      { say: 'äh ich bräucht nen damenschnitt so gegen vier', ops: [], hear: 'Um 16 Uhr, gern. An welchem Tag hätten Sie Zeit?' },
      {
        say: 'äh mittwoch',
        world: [offer.exact(slot('2026-11-25 16:00', 'emma', 45))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.damenhaarschnitt, date: '2026-11-25', time: '16:00' } }],
        hear: hasTime('Am Mittwoch um 16 Uhr', 'Emma', 'einen Damenhaarschnitt'),
      },
      bookedYes(
        'ja',
        slot('2026-11-25 16:00', 'emma', 45),
        'damenhaarschnitt',
        'der Damenhaarschnitt am Mittwoch um 16 Uhr bei Emma',
        'Damenhaarschnitt am Mittwoch, dem 25. November, um 16 Uhr bei Emma',
      ),
    ],
    left: [left('Damenhaarschnitt', 'Emma Williams', '2026-11-25 16:00')],
  },
  {
    name: 'recogniser style: "passt mir eigentlich immer" to the day question says back what is known, never the same question again',
    caller: known,
    steps: [
      { say: 'herrenschnitt um zehn', ops: [], hear: 'Um 10 Uhr, gern. An welchem Tag hätten Sie Zeit?' },
      { say: 'passt mir eigentlich immer', ops: [], hear: 'Ich habe bisher Herrenhaarschnitt um 10 Uhr verstanden. An welchem Tag hätten Sie gern?' },
      {
        say: 'dann freitag',
        world: [offer.exact(fri)],
        ops: [{ operation: 'offer', request: { date: '2026-11-20', time: '10:00' } }],
        hear: hasTime('Am Freitag um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      },
      bookedYes(
        'ja',
        fri,
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Freitag um 10 Uhr bei Emma',
        'Herrenhaarschnitt am Freitag, dem 20. November, um 10 Uhr bei Emma',
      ),
    ],
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2026-11-20 10:00')],
  },
  {
    name: 'recogniser style: "öhm ja wie gesagt" to "Wann hätten Sie denn Zeit?" is no answer: what is known is said back',
    caller: known,
    steps: [
      { say: 'strähnchen bei emma', ops: [], hear: ASK_TIME },
      { say: 'öhm ja wie gesagt', ops: [], hear: 'Ich habe bisher Strähnchen bei Emma verstanden. An welchem Tag und um wie viel Uhr hätten Sie gern?' },
      {
        say: 'samstag um neun',
        world: [offer.exact(slot('2026-11-21 09:00', 'emma', 105))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.straehnchen, date: '2026-11-21', time: '09:00' } }],
        hear: hasTime('Am Samstag um 9 Uhr', 'Emma', 'Strähnchen'),
      },
      bookedYes(
        'ja',
        slot('2026-11-21 09:00', 'emma', 105),
        'straehnchen',
        'die Strähnchen am Samstag um 9 Uhr bei Emma',
        'Strähnchen am Samstag, dem 21. November, um 9 Uhr bei Emma',
      ),
    ],
    left: [left('Strähnchen', 'Emma Williams', '2026-11-21 09:00')],
  },
  {
    name: 'recogniser style: "nächste woche" then "dienstag um halb elf" books that Tuesday, never the Monday',
    caller: known,
    steps: [
      { say: 'herrenschnitt nächste woche', ops: [], hear: /An welchem Tag passt es Ihnen/ },
      {
        say: 'äh dienstag um halb elf',
        world: [offer.exact(slot('2026-11-24 10:30', 'fabian'))],
        ops: [{ operation: 'offer', request: { date: '2026-11-24', time: '10:30' } }],
        hear: /^Einen Moment, ich schaue kurz nach\. Am Dienstag um halb elf ist bei Fabian ein Termin für einen Herrenhaarschnitt frei\. Soll ich ihn für Sie eintragen\?$/,
      },
      bookedYes(
        'jo',
        slot('2026-11-24 10:30', 'fabian'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Dienstag um halb elf bei Fabian',
        'Herrenhaarschnitt am Dienstag, dem 24. November, um halb elf bei Fabian',
      ),
    ],
    left: [left('Herrenhaarschnitt', 'Fabian Spitzer', '2026-11-24 10:30')],
  },
  {
    name: '"nächste Woche vormittags" and "die ersten" offers the first free mornings of that week and books the one picked',
    caller: known,
    steps: [
      {
        say: 'Nächste Woche vormittags bräuchte ich einen Damenschnitt',
        ops: [],
        hear: /An welchem Tag passt es Ihnen, oder soll ich Ihnen die ersten freien Termine der Woche nennen\?$/,
      },
      {
        say: 'Nennen Sie mir einfach die ersten',
        world: [offer.alternatives('no_time_given', slot('2026-11-24 09:00', 'emma', 45), slot('2026-11-24 10:00', 'emma', 45))],
        ops: [{ operation: 'offer', request: { date: '2026-11-23', time: null, partOfDay: 'vormittags' } }],
        hear: /^Einen Moment, ich schaue kurz nach\. Die ersten freien Termine ab Montag, dem 23\. November: Für einen Damenhaarschnitt .*am Dienstag, dem 24\. November, um 9 Uhr oder um 10 Uhr/,
      },
      bookedYes(
        'den ersten',
        slot('2026-11-24 09:00', 'emma', 45),
        'damenhaarschnitt',
        'der Damenhaarschnitt am Dienstag, dem 24. November, um 9 Uhr bei Emma',
        'Damenhaarschnitt am Dienstag, dem 24. November, um 9 Uhr bei Emma',
      ),
    ],
    left: [left('Damenhaarschnitt', 'Emma Williams', '2026-11-24 09:00')],
  },
  {
    name: 'a bare "Ja" to "Wann hätten Sie denn Zeit?" books nothing and asks again in other words',
    caller: known,
    steps: [
      { say: 'Ich hätte gern einen Herrenhaarschnitt', ops: [], hear: ASK_TIME },
      { say: 'Ja.', ops: [], hear: 'Ich habe bisher Herrenhaarschnitt verstanden. An welchem Tag und um wie viel Uhr hätten Sie gern?' },
      {
        say: 'Samstag um zehn',
        world: [offer.exact(slot('2026-11-21 10:00', 'oliver'))],
        ops: [{ operation: 'offer', request: { date: '2026-11-21', time: '10:00' } }],
        hear: hasTime('Am Samstag um 10 Uhr', 'Oliver', 'einen Herrenhaarschnitt'),
      },
      bookedYes(
        'ja',
        slot('2026-11-21 10:00', 'oliver'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Samstag um 10 Uhr bei Oliver',
        'Herrenhaarschnitt am Samstag, dem 21. November, um 10 Uhr bei Oliver',
      ),
    ],
    left: [left('Herrenhaarschnitt', 'Oliver Kretschmer', '2026-11-21 10:00')],
  },
];

describe('scripted calls: nothing assumed, from the first word to the booking', () => {
  it.each(wholeCalls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    const { turns } = await playCall(script);
    expect(appointmentsLeft(turns)).toEqual(script.left);
  });
});
