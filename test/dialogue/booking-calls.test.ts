import { describe, expect, it } from 'vitest';
import { PRACTICE, SERVICES, STAFF } from '../support/demo-directory.js';
import { CALLER, playCall, type CallScript } from '../support/scripted-call.js';
import { book, offer, slot } from '../support/world.js';
import { ANYTHING_ELSE, ASK_NAME, ASK_OTHER_TIME, ASK_SERVICE, ASK_TIME, BOOKING, CONFIRM_PHONE, GOODBYE, GREETING, LOOKING, NOTHING_FREE } from './lines.js';

const tue1430emma = slot('2026-11-24 14:30', 'emma');
const tomorrow10fabian = slot('2026-11-20 10:00', 'fabian');
const wed10oliver = slot('2026-11-25 10:00', 'oliver', 120);
/** An offer of the wished slot, in the wording the slot gets: "hat Emma Zeit für …" or "ist bei Emma ein Termin für … frei". */
const hasTime = (when: string, staff: string, service: string) => `${LOOKING} ${when} hat ${staff} Zeit für ${service}. Soll ich Ihnen den Termin eintragen?`;
const isFree = (when: string, staff: string, service: string) =>
  `${LOOKING} ${when} ist bei ${staff} ein Termin für ${service} frei. Soll ich ihn für Sie eintragen?`;
/** An offer was made, in either wording, and it ends with its question. */
const OFFERED = /(Soll ich Ihnen den Termin eintragen|Soll ich ihn für Sie eintragen)\?$/;
/** Two slots at Emma, offered after the reason why the wished one is not possible. */
const atEmma =
  'Bei Emma könnte ich Ihnen am Donnerstag, dem 26. November, um 13 Uhr oder am Freitag, dem 27. November, um 9 Uhr anbieten. Welcher der beiden Termine wäre Ihnen lieber?';

/** One sentence with everything in it, offered as wished: what the reception is asked for. */
const wishes: Array<{ say: string; request: Record<string, unknown>; slot: ReturnType<typeof slot>; hear: string }> = [
  {
    say: 'Einen Damenhaarschnitt am Mittwoch um zehn bei Emma',
    request: { serviceId: SERVICES.damenhaarschnitt, staffId: STAFF.emma, date: '2026-11-25', time: '10:00' },
    slot: slot('2026-11-25 10:00', 'emma', 45),
    hear: hasTime('Am Mittwoch um 10 Uhr', 'Emma', 'einen Damenhaarschnitt'),
  },
  {
    say: 'Waschen und Föhnen am Freitag um drei',
    request: { serviceId: SERVICES.waschenFoehnen, staffId: null, date: '2026-11-20', time: '15:00' },
    slot: slot('2026-11-20 15:00', 'oliver'),
    hear: hasTime('Am Freitag um 15 Uhr', 'Oliver', 'Waschen und Föhnen'),
  },
  {
    say: 'Strähnchen am Samstag um neun bei Emma',
    request: { serviceId: SERVICES.straehnchen, staffId: STAFF.emma, date: '2026-11-21', time: '09:00' },
    slot: slot('2026-11-21 09:00', 'emma', 105),
    hear: hasTime('Am Samstag um 9 Uhr', 'Emma', 'Strähnchen'),
  },
  {
    say: 'Herrenhaarschnitt bei Herrn Spitzer am Dienstag um elf',
    request: { serviceId: SERVICES.herrenhaarschnitt, staffId: STAFF.fabian, date: '2026-11-24', time: '11:00' },
    slot: slot('2026-11-24 11:00', 'fabian'),
    hear: hasTime('Am Dienstag um 11 Uhr', 'Fabian', 'einen Herrenhaarschnitt'),
  },
  {
    say: 'Bei der Frau Williams einen Damenschnitt, Freitag um halb vier',
    request: { serviceId: SERVICES.damenhaarschnitt, staffId: STAFF.emma, date: '2026-11-20', time: '15:30' },
    slot: slot('2026-11-20 15:30', 'emma', 45),
    hear: isFree('Am Freitag um halb vier', 'Emma', 'einen Damenhaarschnitt'),
  },
  {
    say: 'Ich hätte gern am 27.11. um 10:15 einen Herrenschnitt',
    request: { serviceId: SERVICES.herrenhaarschnitt, staffId: null, date: '2026-11-27', time: '10:15' },
    slot: slot('2026-11-27 10:15', 'fabian'),
    hear: hasTime('Am Freitag, dem 27. November, um Viertel nach zehn', 'Fabian', 'einen Herrenhaarschnitt'),
  },
  {
    say: 'Ansatzfärbung nächsten Mittwoch um zehn beim Oliver',
    request: { serviceId: SERVICES.ansatzfaerbung, staffId: STAFF.oliver, date: '2026-11-25', time: '10:00' },
    slot: wed10oliver,
    hear: hasTime('Am Mittwoch um 10 Uhr', 'Oliver', 'eine Ansatzfärbung'),
  },
  {
    say: 'Herrenhaarschnitt morgen früh um neun, ist mir egal bei wem',
    request: { serviceId: SERVICES.herrenhaarschnitt, staffId: null, date: '2026-11-20', time: '09:00' },
    slot: slot('2026-11-20 09:00', 'emma'),
    hear: hasTime('Morgen um 9 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
  },
];

const calls: CallScript[] = [
  {
    name: 'books a haircut step by step and reads it back',
    greeting: GREETING,
    steps: [
      { say: 'Hallo, ich hätte gern einen Herrenschnitt', hear: ASK_TIME },
      {
        say: 'äh nächsten Dienstag so gegen halb drei, bei der Emma',
        world: [offer.exact(tue1430emma)],
        ops: [
          {
            operation: 'offer',
            request: { serviceId: SERVICES.herrenhaarschnitt, staffId: STAFF.emma, date: '2026-11-24', time: '14:30', partOfDay: null, earliest: false },
          },
        ],
        hear: isFree('Am Dienstag um halb drei', 'Emma', 'einen Herrenhaarschnitt'),
      },
      { say: 'ja passt', hear: `Gut, also der Herrenhaarschnitt am Dienstag um halb drei bei Emma. ${ASK_NAME}` },
      { say: 'Maria Schmidt', hear: CONFIRM_PHONE },
      {
        say: 'ja genau',
        world: [book.booked(tue1430emma, 'herrenhaarschnitt')],
        ops: [
          {
            operation: 'book',
            request: {
              serviceId: SERVICES.herrenhaarschnitt,
              staffId: STAFF.emma,
              startsAt: tue1430emma.startsAt,
              customer: { name: 'Maria Schmidt', phone: CALLER },
            },
          },
        ],
        hear: `${BOOKING} Wunderbar. Ihr Termin ist eingetragen: Herrenhaarschnitt am Dienstag, dem 24. November, um halb drei bei Emma. ${ANYTHING_ELSE}`,
      },
      { say: 'nein danke, das wars', hear: GOODBYE, end: 'hang_up' },
    ],
    finally: (state) => expect(state).toMatchObject({ step: { phase: 'ended' }, memory: { outcome: 'booked' } }),
  },
  {
    name: 'takes several facts in one sentence and "egal" for the staff member',
    steps: [
      {
        say: 'Ich brauche einen Herrenhaarschnitt morgen um zehn, egal bei wem',
        world: [offer.exact(tomorrow10fabian)],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.herrenhaarschnitt, staffId: null, date: '2026-11-20', time: '10:00' } }],
        hear: hasTime('Morgen um 10 Uhr', 'Fabian', 'einen Herrenhaarschnitt'),
      },
      { say: 'ja gerne', hear: `Gut, also der Herrenhaarschnitt morgen um 10 Uhr bei Fabian. ${ASK_NAME}` },
      { say: 'Weber, Jonas', hear: CONFIRM_PHONE },
      // The staff member whose slot was offered and held is booked, by id: never someone of the same name.
      {
        say: 'jawoll',
        world: [book.booked(tomorrow10fabian, 'herrenhaarschnitt')],
        ops: [{ operation: 'book', request: { staffId: STAFF.fabian, customer: { name: 'Jonas Weber' } } }],
        hear: /Ihr Termin ist eingetragen: Herrenhaarschnitt morgen um 10 Uhr bei Fabian\./,
      },
    ],
  },
  {
    name: 'explains a composite service when asked, then books all of it',
    steps: [
      {
        say: 'Wie lange dauert denn eine Ansatzfärbung?',
        hear: 'Bei der Ansatzfärbung sind Sie etwa zwei Stunden bei uns, mit Einwirkzeit dazwischen. Möchten Sie dafür einen Termin?',
      },
      {
        say: 'ja, am Mittwoch um zehn bei Oliver',
        world: [offer.exact(wed10oliver)],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.ansatzfaerbung, staffId: STAFF.oliver, date: '2026-11-25', time: '10:00' } }],
        hear: hasTime('Am Mittwoch um 10 Uhr', 'Oliver', 'eine Ansatzfärbung'),
      },
      { say: 'ja', hear: `Gut, also die Ansatzfärbung am Mittwoch um 10 Uhr bei Oliver. ${ASK_NAME}` },
      { say: 'mein Name ist Petra Freitag', hear: CONFIRM_PHONE },
      {
        say: 'ja',
        world: [book.booked(wed10oliver, 'ansatzfaerbung')],
        ops: [{ operation: 'book', request: { serviceId: SERVICES.ansatzfaerbung, customer: { name: 'Petra Freitag' } } }],
        hear: /^Einen Moment, ich trage das ein\. Wunderbar\. Ihr Termin ist eingetragen: Ansatzfärbung/,
      },
    ],
  },
  ...wishes.map((w): CallScript => ({
    name: `offers "${w.say}" as wished`,
    steps: [{ say: w.say, world: [offer.exact(w.slot)], ops: [{ operation: 'offer', request: w.request }], hear: w.hear }],
  })),
  {
    name: 'asks for the service, lists the services for an unknown one, then for the time',
    steps: [
      { say: 'Ich will einen Termin', hear: ASK_SERVICE },
      // Asked again in other words: the same question word for word would sound like a machine stuck in a loop.
      {
        say: 'eine Dauerwelle',
        hear: 'Verzeihung, welche Leistung darf ich für Sie eintragen? Zum Beispiel Ansatzfärbung, Damenhaarschnitt, Herrenhaarschnitt, Strähnchen oder Waschen und Föhnen.',
      },
      { say: 'dann einen Herrenhaarschnitt', hear: ASK_TIME },
      {
        say: 'Mittwoch um elf',
        world: [offer.exact(slot('2026-11-25 11:00', 'emma'))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-25', time: '11:00' } }],
        hear: hasTime('Am Mittwoch um 11 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      },
    ],
  },
  {
    name: 'keeps the staff member said before the time',
    steps: [
      { say: 'Ich hätte gern einen Damenhaarschnitt', hear: ASK_TIME },
      { say: 'bei Emma bitte', hear: ASK_TIME },
      {
        say: 'Dienstag um drei',
        world: [offer.exact(slot('2026-11-24 15:00', 'emma', 45))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.damenhaarschnitt, staffId: STAFF.emma, date: '2026-11-24', time: '15:00' } }],
        hear: /um 15 Uhr hat Emma Zeit für einen Damenhaarschnitt\./,
      },
    ],
  },
  {
    name: 'keeps the time said before the service',
    steps: [
      { say: 'Haben Sie morgen um zehn noch etwas frei?', hear: ASK_SERVICE },
      {
        say: 'Herrenhaarschnitt',
        world: [offer.exact(tomorrow10fabian)],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-20', time: '10:00' } }],
        hear: /^Einen Moment, ich schaue kurz nach\. Morgen um 10 Uhr hat Fabian Zeit/,
      },
    ],
  },
  {
    name: 'asks for a part of the day without a clock time',
    steps: [
      {
        say: 'Damenhaarschnitt am Freitag nachmittags',
        world: [offer.alternatives('no_time_given', slot('2026-11-20 14:00', 'emma', 45), slot('2026-11-20 15:00', 'fabian', 45))],
        ops: [
          { operation: 'offer', request: { serviceId: SERVICES.damenhaarschnitt, date: '2026-11-20', time: null, partOfDay: 'nachmittags', earliest: false } },
        ],
        hear: `${LOOKING} Für einen Damenhaarschnitt könnte ich Ihnen am Freitag um 14 Uhr bei Emma oder um 15 Uhr bei Fabian anbieten. Was passt Ihnen besser?`,
      },
    ],
  },
  {
    name: 'finds the earliest slots for "so früh wie möglich"',
    steps: [
      {
        say: 'Waschen und Föhnen, so früh wie möglich',
        world: [offer.alternatives('no_time_given', slot('2026-11-19 10:00', 'emma'), slot('2026-11-19 10:30', 'fabian'))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.waschenFoehnen, date: null, time: null, partOfDay: null, earliest: true } }],
        hear: `${LOOKING} Für Waschen und Föhnen könnte ich Ihnen heute um 10 Uhr bei Emma oder um halb elf bei Fabian anbieten. Was passt Ihnen besser?`,
      },
    ],
  },
  {
    name: 'replaces only the day on "nein, lieber Donnerstag" and keeps the time and the staff member',
    steps: [
      { say: 'Damenhaarschnitt am Dienstag um drei bei Emma', world: [offer.exact(slot('2026-11-24 15:00', 'emma', 45))], hear: OFFERED },
      {
        say: 'nein, lieber Donnerstag',
        world: [offer.exact(slot('2026-11-26 15:00', 'emma', 45))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.damenhaarschnitt, staffId: STAFF.emma, date: '2026-11-26', time: '15:00' } }],
        hear: isFree('Am Donnerstag, dem 26. November, um 15 Uhr', 'Emma', 'einen Damenhaarschnitt'),
      },
    ],
  },
  {
    name: 'replaces only the time on "lieber um vier" and keeps the day',
    steps: [
      { say: 'Herrenhaarschnitt am Dienstag um drei', world: [offer.exact(slot('2026-11-24 15:00', 'fabian'))], hear: OFFERED },
      {
        say: 'lieber um vier',
        world: [offer.exact(slot('2026-11-24 16:00', 'fabian'))],
        ops: [{ operation: 'offer', request: { date: '2026-11-24', time: '16:00', staffId: null } }],
        hear: /um 16 Uhr ist bei Fabian ein Termin für/,
      },
    ],
  },
  {
    name: 'asks again for another staff member at the same time',
    steps: [
      { say: 'Herrenhaarschnitt am Dienstag um drei bei Emma', world: [offer.exact(slot('2026-11-24 15:00', 'emma'))], hear: OFFERED },
      {
        say: 'lieber bei Fabian',
        world: [offer.exact(slot('2026-11-24 15:00', 'fabian'))],
        ops: [{ operation: 'offer', request: { staffId: STAFF.fabian, date: '2026-11-24', time: '15:00' } }],
        hear: /um 15 Uhr ist bei Fabian ein Termin für einen Herrenhaarschnitt frei\./,
      },
    ],
  },
  {
    name: 'asks again for another service at the same time',
    steps: [
      { say: 'Herrenhaarschnitt am Dienstag um drei', world: [offer.exact(slot('2026-11-24 15:00', 'emma'))], hear: OFFERED },
      {
        say: 'ach nein, doch einen Damenhaarschnitt',
        world: [offer.exact(slot('2026-11-24 15:00', 'emma', 45))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.damenhaarschnitt, date: '2026-11-24', time: '15:00' } }],
        hear: /ein Termin für einen Damenhaarschnitt frei\./,
      },
    ],
  },
  {
    name: 'says nothing is free, forgets the time, and keeps service and staff for the next wish',
    steps: [
      {
        say: 'Herrenhaarschnitt am Montag um zehn bei Emma',
        world: [offer.none('closed_day')],
        hear: `${LOOKING} An dem Tag haben wir leider geschlossen. ${NOTHING_FREE} ${ASK_OTHER_TIME}`,
      },
      {
        say: 'dann Freitag um zehn',
        world: [offer.exact(slot('2026-11-20 10:00', 'emma'))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.herrenhaarschnitt, staffId: STAFF.emma, date: '2026-11-20', time: '10:00' } }],
        hear: hasTime('Am Freitag um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      },
    ],
    finally: (state) => expect(state.memory.outcome).toBeNull(),
  },
  {
    name: 'records no availability when the caller gives up after nothing was free',
    steps: [
      { say: 'Strähnchen am Montag um zehn', world: [offer.none('closed_day')], hear: /geschlossen/ },
      { say: 'tschüss', hear: GOODBYE, end: 'hang_up' },
    ],
    finally: (state) => expect(state.memory.outcome).toBe('no_availability'),
  },
  ...(
    [
      ['closed_day', null, 'An dem Tag haben wir leider geschlossen.'],
      ['staff_does_not_offer_service', 'Fabian', 'Das macht Fabian leider nicht.'],
      ['staff_absent', 'Oliver', 'Oliver ist an dem Tag leider nicht da.'],
      ['too_soon', null, 'So kurzfristig kann ich leider keinen Termin mehr vergeben.'],
      ['taken', 'Emma', 'Zu der Zeit ist Emma leider schon ausgebucht.'],
      ['taken', null, 'Zu der Zeit ist leider schon alles belegt.'],
      ['outside_opening_hours', null, 'Zu der Zeit haben wir leider nicht geöffnet.'],
      ['beyond_horizon', null, 'So weit im Voraus kann ich leider noch keine Termine vergeben.'],
    ] as const
  ).map(([reason, staff, why]): CallScript => ({
    name: `says why not (${reason}${staff ? `, bei ${staff}` : ''}) and offers the nearest slots`,
    steps: [
      {
        say: `Strähnchen am Donnerstag um elf${staff ? ` bei ${staff}` : ''}`,
        world: [offer.alternatives(reason, slot('2026-11-26 13:00', 'emma', 105), slot('2026-11-27 09:00', 'emma', 105))],
        hear: `${LOOKING} ${why} ${atEmma}`,
      },
    ],
  })),
  {
    name: 'books a second appointment in the same call without asking name or number again',
    steps: [
      { say: 'Herrenhaarschnitt am Mittwoch um zehn bei Fabian', world: [offer.exact(slot('2026-11-25 10:00', 'fabian'))], hear: OFFERED },
      { say: 'ja', hear: /Auf welchen Namen/ },
      { say: 'Jonas Weber', hear: CONFIRM_PHONE },
      { say: 'ja', world: [book.booked(slot('2026-11-25 10:00', 'fabian'), 'herrenhaarschnitt')], hear: /eingetragen/ },
      {
        say: 'ja, noch einen Damenhaarschnitt am Mittwoch um zehn bei Emma',
        world: [offer.exact(slot('2026-11-25 10:00', 'emma', 45))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.damenhaarschnitt, staffId: STAFF.emma } }],
        hear: /um 10 Uhr hat Emma Zeit für einen Damenhaarschnitt\./,
      },
      {
        say: 'ja',
        world: [book.booked(slot('2026-11-25 10:00', 'emma', 45), 'damenhaarschnitt')],
        ops: [{ operation: 'book', request: { serviceId: SERVICES.damenhaarschnitt, staffId: STAFF.emma, customer: { name: 'Jonas Weber', phone: CALLER } } }],
        hear: `Gut, also der Damenhaarschnitt am Mittwoch um 10 Uhr bei Emma. ${BOOKING} Wunderbar. Ihr Termin ist eingetragen: Damenhaarschnitt am Mittwoch, dem 25. November, um 10 Uhr bei Emma. ${ANYTHING_ELSE}`,
      },
    ],
  },
  {
    name: "starts a second booking from a clean wish: the first booking's staff member is not kept",
    steps: [
      { say: 'Herrenhaarschnitt am Mittwoch um zehn bei Fabian', world: [offer.exact(slot('2026-11-25 10:00', 'fabian'))], hear: OFFERED },
      { say: 'ja', hear: /Auf welchen Namen/ },
      { say: 'Jonas Weber', hear: CONFIRM_PHONE },
      { say: 'ja', world: [book.booked(slot('2026-11-25 10:00', 'fabian'), 'herrenhaarschnitt')], hear: /eingetragen/ },
      {
        say: 'Ja, einen Damenhaarschnitt am Freitag um elf',
        world: [offer.exact(slot('2026-11-20 11:00', 'emma', 45))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.damenhaarschnitt, staffId: null, date: '2026-11-20', time: '11:00' } }],
        hear: OFFERED,
      },
    ],
  },
  {
    name: 'books at the practice with its own services and staff',
    directory: PRACTICE,
    greeting: /^Zahnarztpraxis Doktor Berger, guten Tag!/,
    steps: [
      {
        say: 'Ich bräuchte eine Kontrolluntersuchung am Montag um neun',
        world: [offer.exact(slot('2026-11-23 09:00', 'berger'))],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.kontrolle, date: '2026-11-23', time: '09:00' } }],
        hear: hasTime('Am Montag um 9 Uhr', 'Frau Berger', 'eine Kontrolluntersuchung'),
      },
      { say: 'ja', hear: /Auf welchen Namen/ },
      { say: 'Eva Klein', hear: CONFIRM_PHONE },
      {
        say: 'ja',
        world: [book.booked(slot('2026-11-23 09:00', 'berger'), 'kontrolle')],
        hear: /Ihr Termin ist eingetragen: Kontrolluntersuchung am Montag, dem 23\. November, um 9 Uhr/,
      },
    ],
  },
  {
    name: 'never says "eingetragen" when nothing was booked',
    steps: [
      { say: 'Herrenhaarschnitt am Montag um zehn', world: [offer.none('closed_day')], hear: /geschlossen/ },
      { say: 'nein', hear: ASK_TIME },
      { say: 'Sonntag', world: [offer.none('closed_day')], hear: /^(?!.*eingetragen)/ },
      { say: 'egal', hear: /^(?!.*eingetragen)/ },
      { say: 'tschüss', hear: GOODBYE, end: 'hang_up' },
    ],
  },
];

describe('scripted calls that book', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});
