import { describe, expect, it } from 'vitest';
import { appointmentsLeft, type Left } from '../support/call-checks.js';
import { SERVICES, STAFF } from '../support/demo-directory.js';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { book, offer, slot } from '../support/world.js';
import type { OfferedSlot } from '../../src/reception/outcomes.js';
import { ANYTHING_ELSE, ASK_NAME, ASK_OTHER_TIME, ASK_TIME, BOOKING, CONFIRM_PHONE, GOODBYE, LOOKING } from './lines.js';

/**
 * Whole calls in the German of Hamburg, Berlin, Munich, the Bavarian-Austrian south and Saxony: weekdays in -tach,
 * "Sonnabend", hours with a spoken -e ("um zehne", "halb fümfe"), "dreiviertel" and "viertel" of the east and the
 * south, "nen"/"an Termin", the regions' yes and no ("freilich", "passt scho", "jut", "nu", "des geht ned"),
 * "Mittag", "nach Feierabend". Each call is understood the first time, books what the caller asked for, and
 * leaves exactly that appointment.
 */

const literal = (line: string): string => line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** The offer of one free slot in either of its two wordings (the slot picks which), ending with the question. */
const offerOf = (when: string, staff: string, service: string): RegExp =>
  new RegExp(
    `^${literal(LOOKING)} ${literal(when)} (hat ${staff} Zeit für ${service}\\. Soll ich Ihnen den Termin eintragen|ist bei ${staff} ein Termin für ${service} frei\\. Soll ich ihn für Sie eintragen)\\?$`,
  );
type ServiceKey = keyof typeof SERVICES;
type StaffKey = keyof typeof STAFF;
const SERVICE_NAMES: Record<ServiceKey, string> = {
  damenhaarschnitt: 'Damenhaarschnitt',
  herrenhaarschnitt: 'Herrenhaarschnitt',
  waschenFoehnen: 'Waschen/Föhnen',
  ansatzfaerbung: 'Ansatzfärbung',
  straehnchen: 'Strähnchen',
  kontrolle: 'Kontrolluntersuchung',
  zahnreinigung: 'Zahnreinigung',
  schmerzbehandlung: 'Schmerzbehandlung',
};
const STAFF_NAMES: Record<StaffKey, string> = {
  emma: 'Emma Williams',
  fabian: 'Fabian Spitzer',
  oliver: 'Oliver Kretschmer',
  berger: 'Dr. Anna Berger',
  hoffmann: 'Dr. Lukas Hoffmann',
};

/** The wish said, read right the first time: the reception is asked for exactly that day, time and service. */
function wish(say: string, s: OfferedSlot, request: Record<string, unknown>, hear: RegExp | string): ScriptStep {
  return { say, world: [offer.exact(s)], ops: [{ operation: 'offer', request }], hear };
}
/** A yes to the offer: the slot said back, then the name asked. */
const yes = (say: string, chosen: string): ScriptStep => ({ say, ops: [], hear: `Gut, also ${chosen}. ${ASK_NAME}` });
const name = (say: string): ScriptStep => ({ say, ops: [], hear: CONFIRM_PHONE });
/** A yes to the number: booked, read back with the date. */
function booked(say: string, s: OfferedSlot, service: ServiceKey, readBack: string): ScriptStep {
  return {
    say,
    world: [book.booked(s, service)],
    ops: [{ operation: 'book', request: { serviceId: SERVICES[service], staffId: s.staffId, startsAt: s.startsAt } }],
    hear: `${BOOKING} Wunderbar. Ihr Termin ist eingetragen: ${readBack}. ${ANYTHING_ELSE}`,
  };
}
const bye = (say: string): ScriptStep => ({ say, ops: [], hear: GOODBYE, end: 'hang_up' });
const leaves = (service: ServiceKey, staff: StaffKey, local: string, customer: string): Left => ({
  service: SERVICE_NAMES[service],
  staff: STAFF_NAMES[staff],
  local,
  name: customer,
});

interface ColloquialCall extends CallScript {
  left: Left[];
}

const sat10 = slot('2026-11-21 10:00', 'emma');
const tue1630 = slot('2026-11-24 16:30', 'fabian');
const wed0945 = slot('2026-11-25 09:45', 'emma', 45);
const fri1015 = slot('2026-11-20 10:15', 'oliver');
const tue14 = slot('2026-11-24 14:00', 'emma');
const wed13 = slot('2026-11-25 13:00', 'oliver');
const fri1545 = slot('2026-11-20 15:45', 'fabian');
const sat1115 = slot('2026-11-21 11:15', 'emma');
const tue10 = slot('2026-11-24 10:00', 'emma');
const tue11 = slot('2026-11-24 11:00', 'emma');
const sat12 = slot('2026-11-21 12:00', 'oliver');
const wed1015 = slot('2026-11-25 10:15', 'emma', 45);
const fri1630 = slot('2026-11-20 16:30', 'fabian');
const today15 = slot('2026-11-19 15:00', 'oliver');

const calls: ColloquialCall[] = [
  {
    name: 'Hamburg: "Moin", "nen Herrenschnitt", "Sonnabend um zehne", "jo"',
    steps: [
      wish(
        'Moin! Ich bräucht mal nen Herrenschnitt, Sonnabend um zehne.',
        sat10,
        { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-21', time: '10:00' },
        offerOf('Am Samstag um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      ),
      yes('jo, passt', 'der Herrenhaarschnitt am Samstag um 10 Uhr bei Emma'),
      name('Hinnerk Petersen'),
      booked('jo', sat10, 'herrenhaarschnitt', 'Herrenhaarschnitt am Samstag, dem 21. November, um 10 Uhr bei Emma'),
      bye('nee, dat wars. Tschüss!'),
    ],
    left: [leaves('herrenhaarschnitt', 'emma', '2026-11-21 10:00', 'Hinnerk Petersen')],
  },
  {
    name: 'Berlin: "kann ick … kriegen", "Dienstach um halb fümfe", "jut, nehm ick", "jenau"',
    steps: [
      wish(
        'Tach, kann ick bei Fabian nen Herrenschnitt kriegen? Dienstach um halb fümfe?',
        tue1630,
        { serviceId: SERVICES.herrenhaarschnitt, staffId: STAFF.fabian, date: '2026-11-24', time: '16:30' },
        offerOf('Am Dienstag um halb fünf', 'Fabian', 'einen Herrenhaarschnitt'),
      ),
      yes('jut, nehm ick', 'der Herrenhaarschnitt am Dienstag um halb fünf bei Fabian'),
      name('Kevin Schulze'),
      booked('ja jenau', tue1630, 'herrenhaarschnitt', 'Herrenhaarschnitt am Dienstag, dem 24. November, um halb fünf bei Fabian'),
    ],
    left: [leaves('herrenhaarschnitt', 'fabian', '2026-11-24 16:30', 'Kevin Schulze')],
  },
  {
    name: 'Munich: "Grüß Gott, i bräucht an Termin", "dreiviertel zehn" is 9:45, "freilich"',
    steps: [
      wish(
        'Grüß Gott, i bräucht an Termin für an Damenhaarschnitt, am Mittwoch um dreiviertel zehn.',
        wed0945,
        { serviceId: SERVICES.damenhaarschnitt, date: '2026-11-25', time: '09:45' },
        offerOf('Am Mittwoch um Viertel vor zehn', 'Emma', 'einen Damenhaarschnitt'),
      ),
      yes('freilich', 'der Damenhaarschnitt am Mittwoch um Viertel vor zehn bei Emma'),
      name('Resi Huber'),
      booked('passt scho', wed0945, 'damenhaarschnitt', 'Damenhaarschnitt am Mittwoch, dem 25. November, um Viertel vor zehn bei Emma'),
      bye('na, des war’s, pfiat di'),
    ],
    left: [leaves('damenhaarschnitt', 'emma', '2026-11-25 09:45', 'Resi Huber')],
  },
  {
    name: 'the south: "viertel elf" is 10:15, and "Servus … geht\'s"',
    steps: [
      wish(
        "Servus, geht's am Freitag um viertel elf? A Herrenschnitt halt, beim Oliver.",
        fri1015,
        { serviceId: SERVICES.herrenhaarschnitt, staffId: STAFF.oliver, date: '2026-11-20', time: '10:15' },
        offerOf('Am Freitag um Viertel nach zehn', 'Oliver', 'einen Herrenhaarschnitt'),
      ),
      yes('des passt', 'der Herrenhaarschnitt am Freitag um Viertel nach zehn bei Oliver'),
      name('Sepp Maier'),
      booked('ja freilich', fri1015, 'herrenhaarschnitt', 'Herrenhaarschnitt am Freitag, dem 20. November, um Viertel nach zehn bei Oliver'),
    ],
    left: [leaves('herrenhaarschnitt', 'oliver', '2026-11-20 10:15', 'Sepp Maier')],
  },
  {
    name: 'Saxony: "eenen Herrenschnitt", "um zwee", and "nu" for yes',
    steps: [
      wish(
        'Guten Tach, ich hätte gerne eenen Herrenschnitt, Dienstag um zwee.',
        tue14,
        { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-24', time: '14:00' },
        offerOf('Am Dienstag um 14 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      ),
      yes('nu', 'der Herrenhaarschnitt am Dienstag um 14 Uhr bei Emma'),
      name('Uwe Richter'),
      booked('nu klar', tue14, 'herrenhaarschnitt', 'Herrenhaarschnitt am Dienstag, dem 24. November, um 14 Uhr bei Emma'),
    ],
    left: [leaves('herrenhaarschnitt', 'emma', '2026-11-24 14:00', 'Uwe Richter')],
  },
  {
    name: 'Berlin: "um eens" is one in the afternoon',
    steps: [
      wish(
        'Ick hätte jerne ne Ansatzfärbung, Mittwoch um eens, beim Oliver.',
        wed13,
        { serviceId: SERVICES.ansatzfaerbung, staffId: STAFF.oliver, date: '2026-11-25', time: '13:00' },
        offerOf('Am Mittwoch um 13 Uhr', 'Oliver', 'eine Ansatzfärbung'),
      ),
      yes('jo, mach ma so', 'die Ansatzfärbung am Mittwoch um 13 Uhr bei Oliver'),
      name('Mandy Krüger'),
      booked('jut', wed13, 'ansatzfaerbung', 'Ansatzfärbung am Mittwoch, dem 25. November, um 13 Uhr bei Oliver'),
    ],
    left: [leaves('ansatzfaerbung', 'oliver', '2026-11-25 13:00', 'Mandy Krüger')],
  },
  {
    name: 'the east: "dreiviertel vier" is 15:45, said after the time was asked, never asked again',
    steps: [
      { say: 'Hallo, ich hätt gern nen Termin für Waschen und Föhnen.', ops: [], hear: ASK_TIME },
      wish(
        'Freitag so gegen dreiviertel vier, bei Fabian.',
        fri1545,
        { serviceId: SERVICES.waschenFoehnen, staffId: STAFF.fabian, date: '2026-11-20', time: '15:45' },
        offerOf('Am Freitag um Viertel vor vier', 'Fabian', 'Waschen und Föhnen'),
      ),
      yes('gebongt', 'Waschen und Föhnen am Freitag um Viertel vor vier bei Fabian'),
      name('Peggy Lehmann'),
      booked('ja', fri1545, 'waschenFoehnen', 'Waschen und Föhnen am Freitag, dem 20. November, um Viertel vor vier bei Fabian'),
    ],
    left: [leaves('waschenFoehnen', 'fabian', '2026-11-20 15:45', 'Peggy Lehmann')],
  },
  {
    name: 'the east and south: "viertel zwölf" is 11:15',
    steps: [
      wish(
        'Sonnabend um viertel zwölf, Strähnchen bei der Emma, geht das?',
        sat1115,
        { serviceId: SERVICES.straehnchen, staffId: STAFF.emma, date: '2026-11-21', time: '11:15' },
        offerOf('Am Samstag um Viertel nach elf', 'Emma', 'Strähnchen'),
      ),
      yes('ja, das nehm ich', 'die Strähnchen am Samstag um Viertel nach elf bei Emma'),
      name('Heike Wagner'),
      booked('genau', sat1115, 'straehnchen', 'Strähnchen am Samstag, dem 21. November, um Viertel nach elf bei Emma'),
    ],
    left: [leaves('straehnchen', 'emma', '2026-11-21 11:15', 'Heike Wagner')],
  },
  {
    name: 'Bavaria: "na, des geht ned, lieber um elfe" is a correction, never a yes; the later slot is the one booked',
    steps: [
      wish(
        'Grüß Gott, an Herrenschnitt am Dienstag um zehne bitt schön',
        tue10,
        { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-24', time: '10:00' },
        offerOf('Am Dienstag um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      ),
      wish(
        'na, des geht ned, lieber um elfe',
        tue11,
        { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-24', time: '11:00' },
        offerOf('Am Dienstag um 11 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      ),
      yes('passt scho', 'der Herrenhaarschnitt am Dienstag um 11 Uhr bei Emma'),
      name('Franz Gruber'),
      booked('freilich', tue11, 'herrenhaarschnitt', 'Herrenhaarschnitt am Dienstag, dem 24. November, um 11 Uhr bei Emma'),
    ],
    left: [leaves('herrenhaarschnitt', 'emma', '2026-11-24 11:00', 'Franz Gruber')],
  },
  {
    name: 'Berlin: "nee, dit jeht nich" books nothing and asks what instead; "denn Sonnabend um zwölfe" is taken',
    steps: [
      wish(
        'Tach, Herrenschnitt am Dienstach um zehne',
        tue10,
        { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-24', time: '10:00' },
        offerOf('Am Dienstag um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      ),
      { say: 'nee, dit jeht nich', ops: [], hear: ASK_OTHER_TIME },
      wish(
        'denn Sonnabend um zwölfe',
        sat12,
        { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-21', time: '12:00' },
        offerOf('Am Samstag um 12 Uhr', 'Oliver', 'einen Herrenhaarschnitt'),
      ),
      yes('dit passt', 'der Herrenhaarschnitt am Samstag um 12 Uhr bei Oliver'),
      name('Ronny Schmidt'),
      booked('jo', sat12, 'herrenhaarschnitt', 'Herrenhaarschnitt am Samstag, dem 21. November, um 12 Uhr bei Oliver'),
    ],
    left: [leaves('herrenhaarschnitt', 'oliver', '2026-11-21 12:00', 'Ronny Schmidt')],
  },
  {
    name: 'a returning caller from Hamburg: "Moin" and "Dienstach um zehne" book at once',
    caller: { knownName: 'Birte Jensen' },
    greeting: /Jensen/,
    steps: [
      wish(
        'Moin, ich bräucht nen Damenschnitt, Dienstach um zehne bei der Emma',
        slot('2026-11-24 10:00', 'emma', 45),
        { serviceId: SERVICES.damenhaarschnitt, staffId: STAFF.emma, date: '2026-11-24', time: '10:00' },
        offerOf('Am Dienstag um 10 Uhr', 'Emma', 'einen Damenhaarschnitt'),
      ),
      {
        say: 'jo, mach ma',
        world: [book.booked(slot('2026-11-24 10:00', 'emma', 45), 'damenhaarschnitt')],
        ops: [{ operation: 'book', request: { serviceId: SERVICES.damenhaarschnitt, customer: { name: 'Birte Jensen' } } }],
        hear: `Gut, also der Damenhaarschnitt am Dienstag um 10 Uhr bei Emma. ${BOOKING} Wunderbar. Ihr Termin ist eingetragen: Damenhaarschnitt am Dienstag, dem 24. November, um 10 Uhr bei Emma. ${ANYTHING_ELSE}`,
      },
      bye('nee, dat wars, schönen Tach noch'),
    ],
    left: [leaves('damenhaarschnitt', 'emma', '2026-11-24 10:00', 'Birte Jensen')],
  },
  {
    name: 'recogniser style: "moin ich bräucht nen herrenschnitt sonnabend um zehne"',
    steps: [
      wish(
        'moin ich bräucht nen herrenschnitt sonnabend um zehne',
        sat10,
        { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-21', time: '10:00' },
        offerOf('Am Samstag um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      ),
      yes('jo', 'der Herrenhaarschnitt am Samstag um 10 Uhr bei Emma'),
      name('hauke brodersen'),
      booked('jo passt', sat10, 'herrenhaarschnitt', 'Herrenhaarschnitt am Samstag, dem 21. November, um 10 Uhr bei Emma'),
    ],
    left: [leaves('herrenhaarschnitt', 'emma', '2026-11-21 10:00', 'Hauke Brodersen')],
  },
  {
    name: 'recogniser style: "äh servus i hätt gern an damenschnitt am mittwoch um viertel elf"',
    steps: [
      wish(
        'äh servus i hätt gern an damenschnitt am mittwoch um viertel elf',
        wed1015,
        { serviceId: SERVICES.damenhaarschnitt, date: '2026-11-25', time: '10:15' },
        offerOf('Am Mittwoch um Viertel nach zehn', 'Emma', 'einen Damenhaarschnitt'),
      ),
      yes('freilich', 'der Damenhaarschnitt am Mittwoch um Viertel nach zehn bei Emma'),
      name('vroni bauer'),
      booked('passt scho', wed1015, 'damenhaarschnitt', 'Damenhaarschnitt am Mittwoch, dem 25. November, um Viertel nach zehn bei Emma'),
    ],
    left: [leaves('damenhaarschnitt', 'emma', '2026-11-25 10:15', 'Vroni Bauer')],
  },
  {
    name: 'recogniser style: "tach äh kann ick freitach so um halb fümfe nen herrenschnitt kriegen"',
    steps: [
      wish(
        'tach äh kann ick freitach so um halb fümfe nen herrenschnitt kriegen',
        fri1630,
        { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-20', time: '16:30' },
        offerOf('Am Freitag um halb fünf', 'Fabian', 'einen Herrenhaarschnitt'),
      ),
      yes('jut nehm ick', 'der Herrenhaarschnitt am Freitag um halb fünf bei Fabian'),
      name('dennis koch'),
      booked('jenau', fri1630, 'herrenhaarschnitt', 'Herrenhaarschnitt am Freitag, dem 20. November, um halb fünf bei Fabian'),
    ],
    left: [leaves('herrenhaarschnitt', 'fabian', '2026-11-20 16:30', 'Dennis Koch')],
  },
  {
    name: 'recogniser style: "grüß gott äh heut nachmittag no was frei für an herrenschnitt"',
    steps: [
      {
        say: 'grüß gott äh heut nachmittag no was frei für an herrenschnitt',
        world: [offer.alternatives('no_time_given', today15)],
        ops: [{ operation: 'offer', request: { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-19', time: null, partOfDay: 'nachmittags' } }],
        hear: new RegExp(
          `^${literal(LOOKING)} Für einen Herrenhaarschnitt (habe ich heute um 15 Uhr bei Oliver noch einen Termin frei|könnte ich Ihnen heute um 15 Uhr bei Oliver anbieten)\\. (Passt Ihnen das|Wäre das etwas für Sie)\\?$`,
        ),
      },
      yes('passt scho', 'der Herrenhaarschnitt heute um 15 Uhr bei Oliver'),
      name('toni wimmer'),
      booked('freilich', today15, 'herrenhaarschnitt', 'Herrenhaarschnitt heute um 15 Uhr bei Oliver'),
    ],
    left: [leaves('herrenhaarschnitt', 'oliver', '2026-11-19 15:00', 'Toni Wimmer')],
  },
  {
    name: 'recogniser style: "ja hallo äh dienstach um a zehne herrenhaarschnitt bei der emma"',
    steps: [
      wish(
        'ja hallo äh dienstach um a zehne herrenhaarschnitt bei der emma',
        tue10,
        { serviceId: SERVICES.herrenhaarschnitt, staffId: STAFF.emma, date: '2026-11-24', time: '10:00' },
        offerOf('Am Dienstag um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      ),
      yes('passt', 'der Herrenhaarschnitt am Dienstag um 10 Uhr bei Emma'),
      name('korbinian stadler'),
      booked('nu', tue10, 'herrenhaarschnitt', 'Herrenhaarschnitt am Dienstag, dem 24. November, um 10 Uhr bei Emma'),
    ],
    left: [leaves('herrenhaarschnitt', 'emma', '2026-11-24 10:00', 'Korbinian Stadler')],
  },
  {
    name: 'recogniser style: "montag kann ich ned dienstag um zwee" takes Tuesday, not the Monday ruled out',
    steps: [
      wish(
        'äh herrenschnitt bitte montag kann ich ned dienstag um zwee',
        tue14,
        { serviceId: SERVICES.herrenhaarschnitt, date: '2026-11-24', time: '14:00' },
        offerOf('Am Dienstag um 14 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      ),
      yes('nu klar', 'der Herrenhaarschnitt am Dienstag um 14 Uhr bei Emma'),
      name('steffen böhme'),
      booked('nu', tue14, 'herrenhaarschnitt', 'Herrenhaarschnitt am Dienstag, dem 24. November, um 14 Uhr bei Emma'),
    ],
    left: [leaves('herrenhaarschnitt', 'emma', '2026-11-24 14:00', 'Steffen Böhme')],
  },
];

describe('scripted calls: colloquial and regional German', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    const { turns } = await playCall(script);
    expect(appointmentsLeft(turns)).toEqual(script.left);
  });

  it('has at least fifteen calls, a third of them in speech-recogniser style', () => {
    expect(calls.length).toBeGreaterThanOrEqual(15);
    expect(calls.filter((c) => c.name.startsWith('recogniser style')).length * 3).toBeGreaterThanOrEqual(calls.length);
  });
});
