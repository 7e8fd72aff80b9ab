import { describe, expect, it } from 'vitest';
import { appointmentsLeft, expectSpeakable, type Left } from '../support/call-checks.js';
import { PRACTICE, SERVICES } from '../support/demo-directory.js';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { book, offer, slot } from '../support/world.js';
import type { OfferedSlot } from '../../src/reception/outcomes.js';
import { ANYTHING_ELSE, ASK_SERVICE, BOOKING, LOOKING } from './lines.js';

/**
 * German as a listener hears it, over whole calls: each service with its article and gender ("eine
 * Ansatzfärbung", "einen Herrenhaarschnitt", "die Strähnchen", "Waschen und Föhnen" without one), no word twice
 * in a row, the duration of each service as it is, "einen der Termine" only when there are several, offers that
 * vary and end with a question, nothing a voice reads oddly ("/", "Dr."), the practice's German service names,
 * and the weekday the caller used said back ("am Freitag", not "morgen"; never "übermorgen").
 */

const known = { knownName: 'Jonas Weber' };
const literal = (line: string): string => line.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** The offer of one free slot in either wording, for the service as the sentence needs it. */
const offerOf = (when: string, staff: string, service: string): RegExp =>
  new RegExp(
    `^${literal(LOOKING)} ${literal(when)} (hat ${staff} Zeit für ${service}\\. Soll ich Ihnen den Termin eintragen|ist bei ${staff} ein Termin für ${service} frei\\. Soll ich ihn für Sie eintragen)\\?$`,
  );
type ServiceKey = keyof typeof SERVICES;
function bookedPick(say: string, s: OfferedSlot, service: ServiceKey, chosen: string, readBack: string): ScriptStep {
  return {
    say,
    world: [book.booked(s, service)],
    ops: [{ operation: 'book', request: { serviceId: SERVICES[service], staffId: s.staffId, startsAt: s.startsAt } }],
    hear: `Gut, also ${chosen}. ${BOOKING} Wunderbar. Ihr Termin ist eingetragen: ${readBack}. ${ANYTHING_ELSE}`,
  };
}
const left = (service: string, staff: string, local: string): Left => ({ service, staff, local, name: 'Jonas Weber' });

interface SpokenCall extends CallScript {
  left: Left[];
  /** Words the call must never say. */
  never?: RegExp;
}

const wed10 = slot('2026-11-25 10:00', 'oliver', 120);
const sat09 = slot('2026-11-21 09:00', 'emma', 105);
const fri10 = slot('2026-11-20 10:00', 'emma');

const calls: SpokenCall[] = [
  {
    name: 'an Ansatzfärbung is "eine" in the offer, "die" when said back, and two hours with the time it sets',
    caller: known,
    steps: [
      {
        say: 'Eine Ansatzfärbung am Mittwoch um zehn, bitte',
        world: [offer.exact(wed10)],
        hear: offerOf('Am Mittwoch um 10 Uhr', 'Oliver', 'eine Ansatzfärbung'),
      },
      {
        say: 'Wie lange dauert das denn?',
        ops: [],
        hear: 'Bei der Ansatzfärbung sind Sie etwa zwei Stunden bei uns, mit Einwirkzeit dazwischen. Soll ich Ihnen den Termin eintragen?',
      },
      bookedPick(
        'ja, gut',
        wed10,
        'ansatzfaerbung',
        'die Ansatzfärbung am Mittwoch um 10 Uhr bei Oliver',
        'Ansatzfärbung am Mittwoch, dem 25. November, um 10 Uhr bei Oliver',
      ),
    ],
    left: [left('Ansatzfärbung', 'Oliver Kretschmer', '2026-11-25 10:00')],
  },
  {
    name: 'Strähnchen are a plural: "für Strähnchen", "die Strähnchen", "kosten", and 105 minutes are "eindreiviertel Stunden"',
    caller: known,
    never: /zwei Stunden|eine Strähnchen|einen Strähnchen|kostet bei uns 89/,
    steps: [
      { say: 'Was kosten bei Ihnen Strähnchen?', ops: [], hear: 'Strähnchen kosten bei uns 89 Euro. Möchten Sie dafür einen Termin?' },
      {
        say: 'Und wie lange dauert das?',
        ops: [],
        hear: 'Bei den Strähnchen sind Sie etwa eindreiviertel Stunden bei uns, mit Einwirkzeit dazwischen. Möchten Sie dafür einen Termin?',
      },
      { say: 'ja, am Samstag um neun', world: [offer.exact(sat09)], hear: offerOf('Am Samstag um 9 Uhr', 'Emma', 'Strähnchen') },
      bookedPick('ja', sat09, 'straehnchen', 'die Strähnchen am Samstag um 9 Uhr bei Emma', 'Strähnchen am Samstag, dem 21. November, um 9 Uhr bei Emma'),
    ],
    left: [left('Strähnchen', 'Emma Williams', '2026-11-21 09:00')],
  },
  {
    name: 'a Herrenhaarschnitt is "einen" in the offer, "der" when chosen, and half an hour long',
    caller: known,
    steps: [
      { say: 'Herrenhaarschnitt am Freitag um zehn', world: [offer.exact(fri10)], hear: offerOf('Am Freitag um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt') },
      { say: 'Wie lange brauchen Sie dafür?', ops: [], hear: 'Ein Herrenhaarschnitt dauert etwa eine halbe Stunde. Soll ich Ihnen den Termin eintragen?' },
      bookedPick(
        'ja',
        fri10,
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Freitag um 10 Uhr bei Emma',
        'Herrenhaarschnitt am Freitag, dem 20. November, um 10 Uhr bei Emma',
      ),
    ],
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2026-11-20 10:00')],
  },
  {
    name: 'a Damenhaarschnitt of 45 minutes is "eine Dreiviertelstunde", and its price is said with the article',
    caller: known,
    steps: [
      { say: 'Was kostet bei Ihnen ein Damenhaarschnitt?', ops: [], hear: 'Ein Damenhaarschnitt kostet bei uns 49 Euro. Möchten Sie dafür einen Termin?' },
      { say: 'Und wie lange dauert der?', ops: [], hear: 'Ein Damenhaarschnitt dauert etwa eine Dreiviertelstunde. Möchten Sie dafür einen Termin?' },
    ],
    left: [],
  },
  {
    name: '"Waschen/Föhnen" is never read with its slash: the service list, the offer and the read-back say "Waschen und Föhnen"',
    caller: known,
    never: /\//,
    steps: [
      { say: 'Ich hätte gern einen Termin', ops: [], hear: ASK_SERVICE },
      {
        say: 'Waschen und Föhnen, Dienstag um drei',
        world: [offer.exact(slot('2026-11-24 15:00', 'fabian'))],
        hear: offerOf('Am Dienstag um 15 Uhr', 'Fabian', 'Waschen und Föhnen'),
      },
      bookedPick(
        'ja',
        slot('2026-11-24 15:00', 'fabian'),
        'waschenFoehnen',
        'Waschen und Föhnen am Dienstag um 15 Uhr bei Fabian',
        'Waschen und Föhnen am Dienstag, dem 24. November, um 15 Uhr bei Fabian',
      ),
    ],
    left: [left('Waschen/Föhnen', 'Fabian Spitzer', '2026-11-24 15:00')],
  },
  {
    name: '"einen der Termine" after a question while two slots are on offer',
    caller: known,
    steps: [
      {
        say: 'Herrenschnitt Dienstag vormittags',
        world: [offer.alternatives('no_time_given', slot('2026-11-24 10:00', 'emma'), slot('2026-11-24 11:00', 'fabian'))],
        hear: /(Was passt Ihnen besser|Welcher der beiden Termine wäre Ihnen lieber)\?$/,
      },
      { say: 'Was kostet der eigentlich?', ops: [], hear: 'Ein Herrenhaarschnitt kostet bei uns 29 Euro. Soll ich Ihnen einen der Termine eintragen?' },
    ],
    left: [],
  },
  {
    name: '"den Termin", never "einen der Termine", after a question while one slot is on offer',
    caller: known,
    never: /einen der Termine/,
    steps: [
      { say: 'Herrenschnitt Dienstag um zehn', world: [offer.exact(slot('2026-11-24 10:00', 'emma'))], hear: /eintragen\?$/ },
      { say: 'Was kostet der?', ops: [], hear: 'Ein Herrenhaarschnitt kostet bei uns 29 Euro. Soll ich Ihnen den Termin eintragen?' },
    ],
    left: [],
  },
  {
    name: 'three offers in a row each end with a question and none sounds like the one before',
    caller: known,
    steps: [
      { say: 'Herrenschnitt Dienstag um zehn', world: [offer.exact(slot('2026-11-24 10:00', 'emma'))], hear: /\?$/ },
      { say: 'lieber um elf', world: [offer.exact(slot('2026-11-24 11:00', 'emma'))], hear: /\?$/ },
      { say: 'oder doch um zwölf', world: [offer.exact(slot('2026-11-24 12:00', 'emma'))], hear: /\?$/ },
      {
        say: 'hm, Mittwoch vormittags',
        world: [offer.alternatives('no_time_given', slot('2026-11-25 10:00', 'emma'), slot('2026-11-25 11:00', 'emma'))],
        hear: /\?$/,
      },
      {
        say: 'oder Donnerstag vormittags',
        world: [offer.alternatives('no_time_given', slot('2026-11-26 10:00', 'emma'), slot('2026-11-26 11:00', 'emma'))],
        hear: /\?$/,
      },
    ],
    left: [],
  },
  {
    name: 'the practice speaks German: its services by their German names, "Doktor" for "Dr.", "Frau Berger", "eine Zahnreinigung" for a Prophylaxe',
    directory: PRACTICE,
    caller: known,
    greeting: /^Zahnarztpraxis Doktor Berger, guten Tag/,
    never: /Dr\.|Prophylaxe\/|Checkup/,
    steps: [
      {
        say: 'Hallo, ich brauche einen Termin',
        ops: [],
        hear: 'Gern. Welche Leistung wünschen Sie? Wir bieten Kontrolluntersuchung, Schmerzbehandlung und Zahnreinigung an.',
      },
      {
        say: 'Eine Prophylaxe am Montag um neun bei Frau Doktor Berger',
        world: [offer.exact(slot('2026-11-23 09:00', 'berger', 60))],
        hear: offerOf('Am Montag um 9 Uhr', 'Frau Berger', 'eine Zahnreinigung'),
      },
      bookedPick(
        'ja bitte',
        slot('2026-11-23 09:00', 'berger', 60),
        'zahnreinigung',
        'die Zahnreinigung am Montag um 9 Uhr bei Frau Berger',
        'Zahnreinigung am Montag, dem 23. November, um 9 Uhr bei Frau Berger',
      ),
    ],
    left: [{ service: 'Zahnreinigung', staff: 'Dr. Anna Berger', local: '2026-11-23 09:00', name: 'Jonas Weber' }],
  },
  {
    name: 'a weekday named is said back as such: "Freitag" is "am Freitag", not "morgen", and the read-back adds the date',
    caller: known,
    never: /[Mm]orgen um/,
    steps: [
      {
        say: 'Damenschnitt am Freitag um zehn',
        world: [offer.exact(slot('2026-11-20 10:00', 'emma', 45))],
        hear: offerOf('Am Freitag um 10 Uhr', 'Emma', 'einen Damenhaarschnitt'),
      },
      bookedPick(
        'ja',
        slot('2026-11-20 10:00', 'emma', 45),
        'damenhaarschnitt',
        'der Damenhaarschnitt am Freitag um 10 Uhr bei Emma',
        'Damenhaarschnitt am Freitag, dem 20. November, um 10 Uhr bei Emma',
      ),
    ],
    left: [left('Damenhaarschnitt', 'Emma Williams', '2026-11-20 10:00')],
  },
  {
    name: '"morgen" said is "morgen" said back',
    caller: known,
    steps: [
      { say: 'Herrenhaarschnitt morgen um zehn', world: [offer.exact(fri10)], hear: offerOf('Morgen um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt') },
      bookedPick('ja', fri10, 'herrenhaarschnitt', 'der Herrenhaarschnitt morgen um 10 Uhr bei Emma', 'Herrenhaarschnitt morgen um 10 Uhr bei Emma'),
    ],
    left: [left('Herrenhaarschnitt', 'Emma Williams', '2026-11-20 10:00')],
  },
  {
    name: '"übermorgen" is said back with its weekday and date, never "übermorgen"',
    caller: known,
    never: /übermorgen/i,
    steps: [
      {
        say: 'Übermorgen um zehn einen Herrenhaarschnitt',
        world: [offer.exact(slot('2026-11-21 10:00', 'emma'))],
        hear: offerOf('Am Samstag, dem 21. November, um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      },
    ],
    left: [],
  },
  {
    name: 'a weekday a week ahead ("Donnerstag" said on a Thursday) is said with its date',
    caller: known,
    steps: [
      {
        say: 'Donnerstag um zehn, Herrenhaarschnitt',
        world: [offer.exact(slot('2026-11-26 10:00', 'emma'))],
        hear: offerOf('Am Donnerstag, dem 26. November, um 10 Uhr', 'Emma', 'einen Herrenhaarschnitt'),
      },
    ],
    left: [],
  },
  {
    name: 'the weekday named is said short, another day of the same offer with its date',
    caller: known,
    steps: [
      {
        say: 'Herrenschnitt Dienstag um zehn bei Emma',
        world: [offer.alternatives('taken', slot('2026-11-24 11:00', 'emma'), slot('2026-11-25 10:00', 'emma'))],
        hear: /^Einen Moment, ich schaue kurz nach\. Zu der Zeit ist Emma leider schon ausgebucht\. Bei Emma (könnte ich Ihnen|habe ich) am Dienstag um 11 Uhr oder am Mittwoch, dem 25\. November, um 10 Uhr/,
      },
    ],
    left: [],
  },
  {
    name: 'recogniser style: "äh strähnchen am samstag um neun" is "für Strähnchen" and "die Strähnchen am Samstag"',
    caller: known,
    steps: [
      { say: 'äh strähnchen am samstag um neun', world: [offer.exact(sat09)], hear: offerOf('Am Samstag um 9 Uhr', 'Emma', 'Strähnchen') },
      bookedPick('ja genau', sat09, 'straehnchen', 'die Strähnchen am Samstag um 9 Uhr bei Emma', 'Strähnchen am Samstag, dem 21. November, um 9 Uhr bei Emma'),
    ],
    left: [left('Strähnchen', 'Emma Williams', '2026-11-21 09:00')],
  },
  {
    name: 'recogniser style: "ansatz färben lassen mittwoch um zehn" is "eine Ansatzfärbung"',
    caller: known,
    steps: [
      {
        say: 'ich möcht den ansatz färben lassen mittwoch um zehn',
        world: [offer.exact(wed10)],
        hear: offerOf('Am Mittwoch um 10 Uhr', 'Oliver', 'eine Ansatzfärbung'),
      },
      bookedPick(
        'ja',
        wed10,
        'ansatzfaerbung',
        'die Ansatzfärbung am Mittwoch um 10 Uhr bei Oliver',
        'Ansatzfärbung am Mittwoch, dem 25. November, um 10 Uhr bei Oliver',
      ),
    ],
    left: [left('Ansatzfärbung', 'Oliver Kretschmer', '2026-11-25 10:00')],
  },
  {
    name: 'recogniser style: "was kostet waschen föhnen" is said without a slash',
    caller: known,
    never: /\//,
    steps: [{ say: 'was kostet waschen föhnen', ops: [], hear: 'Waschen und Föhnen kostet bei uns 25 Euro. Möchten Sie dafür einen Termin?' }],
    left: [],
  },
  {
    name: 'recogniser style: "wie lange dauern strähnchen ungefähr" is the exact length, no word twice',
    caller: known,
    steps: [
      {
        say: 'wie lange dauern strähnchen ungefähr',
        ops: [],
        hear: 'Bei den Strähnchen sind Sie etwa eindreiviertel Stunden bei uns, mit Einwirkzeit dazwischen. Möchten Sie dafür einen Termin?',
      },
    ],
    left: [],
  },
  {
    name: 'recogniser style: "ich brauch ne prophylaxe montag um neun" at the practice is "eine Zahnreinigung"',
    directory: PRACTICE,
    caller: known,
    steps: [
      {
        say: 'ich brauch ne prophylaxe montag um neun',
        world: [offer.exact(slot('2026-11-23 09:00', 'hoffmann', 60))],
        hear: offerOf('Am Montag um 9 Uhr', 'Herr Hoffmann', 'eine Zahnreinigung'),
      },
    ],
    left: [],
  },
  {
    name: 'recogniser style: "herrenschnitt übermorgen um zehn" never says "übermorgen"',
    caller: known,
    never: /übermorgen/i,
    steps: [
      {
        say: 'herrenschnitt übermorgen um zehn',
        world: [offer.exact(slot('2026-11-21 10:00', 'fabian'))],
        hear: offerOf('Am Samstag, dem 21. November, um 10 Uhr', 'Fabian', 'einen Herrenhaarschnitt'),
      },
      bookedPick(
        'jo',
        slot('2026-11-21 10:00', 'fabian'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Samstag, dem 21. November, um 10 Uhr bei Fabian',
        'Herrenhaarschnitt am Samstag, dem 21. November, um 10 Uhr bei Fabian',
      ),
    ],
    left: [left('Herrenhaarschnitt', 'Fabian Spitzer', '2026-11-21 10:00')],
  },
  {
    name: 'recogniser style: "äh freitach um halb elf herrenschnitt" is "am Freitag um halb elf", not "morgen"',
    caller: known,
    never: /[Mm]orgen um/,
    steps: [
      {
        say: 'äh freitach um halb elf herrenschnitt',
        world: [offer.exact(slot('2026-11-20 10:30', 'oliver'))],
        hear: offerOf('Am Freitag um halb elf', 'Oliver', 'einen Herrenhaarschnitt'),
      },
      bookedPick(
        'jo passt',
        slot('2026-11-20 10:30', 'oliver'),
        'herrenhaarschnitt',
        'der Herrenhaarschnitt am Freitag um halb elf bei Oliver',
        'Herrenhaarschnitt am Freitag, dem 20. November, um halb elf bei Oliver',
      ),
    ],
    left: [left('Herrenhaarschnitt', 'Oliver Kretschmer', '2026-11-20 10:30')],
  },
  {
    name: 'recogniser style: "äh was kostet das" while three slots are on offer asks for "einen der Termine"',
    caller: known,
    steps: [
      {
        say: 'damenschnitt mittwoch nachmittags',
        world: [
          offer.alternatives(
            'no_time_given',
            slot('2026-11-25 13:30', 'emma', 45),
            slot('2026-11-25 14:30', 'oliver', 45),
            slot('2026-11-25 16:00', 'emma', 45),
          ),
        ],
        hear: /(Welcher davon passt Ihnen|Was davon passt Ihnen am besten)\?$/,
      },
      { say: 'äh was kostet das', ops: [], hear: 'Ein Damenhaarschnitt kostet bei uns 49 Euro. Soll ich Ihnen einen der Termine eintragen?' },
    ],
    left: [],
  },
];

/** The offers of a call: the lines that end with a question about slots. */
const isOffer = (line: string) => line.startsWith(LOOKING) && line.endsWith('?');
/** An offer's frame and closing question, with the times and names taken out. */
const frameOf = (line: string) =>
  [/ (hat \p{L}+ Zeit|ist bei \p{L}+ ein Termin|könnte ich Ihnen|habe ich)/u.exec(line)?.[1], line.slice(line.lastIndexOf('. ') + 2)].join(' | ');

describe('scripted calls: German that a listener hears', () => {
  it.each(calls.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    const { turns } = await playCall(script);
    for (const [i, turn] of turns.entries()) {
      expectSpeakable(turn.text, `step ${i + 1}`);
      if (script.never) expect(turn.text, `step ${i + 1}`).not.toMatch(script.never);
    }
    // Offers vary: no offer is framed and closed like the one just before it.
    const offers = turns.map((t) => t.text).filter(isOffer);
    for (let i = 1; i < offers.length; i++) expect(frameOf(offers[i]!), `offer ${i + 1}`).not.toBe(frameOf(offers[i - 1]!));
    expect(appointmentsLeft(turns, script.directory)).toEqual(script.left);
  });

  it('has at least fifteen calls, a third of them in speech-recogniser style', () => {
    expect(calls.length).toBeGreaterThanOrEqual(15);
    expect(calls.filter((c) => c.name.startsWith('recogniser style')).length * 3).toBeGreaterThanOrEqual(calls.length);
  });
});
