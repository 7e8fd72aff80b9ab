import { describe, expect, it } from 'vitest';
import { demoSalon } from '../../src/business-file/demo-businesses.js';
import { directoryOf, SALON, STAFF } from '../support/demo-directory.js';
import { playCall, type CallScript, type ScriptStep } from '../support/scripted-call.js';
import { offer, recorded, slot } from '../support/world.js';
import { ASK_TIME, NOT_UNDERSTOOD } from './lines.js';

const noTransfer = directoryOf({ ...demoSalon, transferNumber: '' }, (d) => ({ ...d, business: { ...d.business, transferNumber: null } }));
const TRANSFER_NUMBER = SALON.business.transferNumber!;
const fri10 = slot('2026-11-20 10:00', 'emma');
const fri11 = slot('2026-11-20 11:00', 'fabian');
// An offer of one slot is said one of two ways, by the slot; either ends with the question whether to book it.
const OFFER_ASKS = /(Soll ich Ihnen den Termin eintragen|Soll ich ihn für Sie eintragen)\?$/;
/** Other slots offered: one ends with a question about it, two with a question between them. */
const ONE_OFFER_ASKS = /(Passt Ihnen das|Wäre das etwas für Sie)\?$/;
const TWO_OFFERS_ASK = /(Was passt Ihnen besser|Welcher der beiden Termine wäre Ihnen lieber)\?$/;
const offeredTwo: ScriptStep = {
  say: 'Damenhaarschnitt am Freitag vormittags',
  world: [offer.alternatives('no_time_given', fri10, fri11)],
  hear: TWO_OFFERS_ASK,
};
const offeredOne: ScriptStep = { say: 'Herrenhaarschnitt am Freitag um zehn', world: [offer.exact(fri10)], hear: OFFER_ASKS };
const UNKNOWN_SANDRA =
  'Jemanden mit dem Namen Sandra gibt es bei uns leider nicht. Bei uns arbeiten Emma, Fabian und Oliver. Bei wem hätten Sie gern den Termin, oder ist es Ihnen egal?';
const END_BOOKING = 'Gern, melden Sie sich einfach, wenn es Ihnen passt. Vielen Dank für Ihren Anruf und auf Wiederhören!';
const END_OTHER = 'Kein Problem, rufen Sie gern wieder an. Auf Wiederhören!';
const HELP = 'Entschuldigung, ich verstehe Sie gerade leider schlecht. Soll ich Sie mit einer Kollegin verbinden, oder sollen wir Sie zurückrufen?';
const ended = (s: { step: { phase: string } }) => expect(s.step.phase).toBe('ended');

/** Staff: a name nobody has is said so, with who works here; "Kann ich Emma sprechen?" is put through. */
const staff: CallScript[] = [
  {
    name: '"bei der Sandra" is not dropped: says nobody of that name works here and who does',
    steps: [{ say: 'Einen Damenhaarschnitt bei der Sandra', ops: [], hear: UNKNOWN_SANDRA }],
  },
  {
    name: 'after the unknown name, "egal" goes on with anyone',
    steps: [
      { say: 'Herrenhaarschnitt am Freitag um zehn bei der Sandra', ops: [], hear: UNKNOWN_SANDRA },
      {
        say: 'egal',
        world: [offer.exact(fri10)],
        ops: [{ operation: 'offer', request: { staffId: null, date: '2026-11-20', time: '10:00' } }],
        hear: OFFER_ASKS,
      },
    ],
  },
  {
    name: 'after the unknown name, a staff member named goes on with them',
    steps: [
      { say: 'Herrenhaarschnitt Freitag um zehn bei Frau Köhler', hear: /^Eine Frau Köhler gibt es bei uns leider nicht\./ },
      { say: 'dann bei Fabian', world: [offer.exact(fri11)], ops: [{ operation: 'offer', request: { staffId: STAFF.fabian } }], hear: OFFER_ASKS },
    ],
  },
  {
    name: 'recogniser style: "bei der jana" unknown',
    steps: [{ say: 'äh ja herrenhaarschnitt bei der jana', hear: /^Jemanden mit dem Namen Jana gibt es bei uns leider nicht\. Bei uns arbeiten/ }],
  },
  { name: 'an unknown name at the offer is said so too', steps: [offeredTwo, { say: 'lieber bei Sandra', ops: [], hear: UNKNOWN_SANDRA }] },
  {
    name: '"Kann ich Emma kurz sprechen?" puts the caller through',
    steps: [
      {
        say: 'Kann ich Emma kurz sprechen?',
        world: [recorded],
        ops: [{ operation: 'recordOutcome', request: 'transferred' }],
        hear: 'Einen Moment bitte, ich verbinde Sie, damit Sie mit Emma sprechen können.',
        end: { transfer: TRANSFER_NUMBER },
      },
    ],
    finally: ended,
  },
  {
    name: '"Ist der Fabian gerade da?" puts the caller through',
    steps: [{ say: 'Ist der Fabian gerade da?', world: [recorded], hear: /mit Fabian sprechen/, end: { transfer: TRANSFER_NUMBER } }],
  },
  {
    name: 'recogniser style: "ich würd gern mit oliver sprechen"',
    steps: [{ say: 'ich würd gern mit oliver sprechen', world: [recorded], hear: /mit Oliver sprechen/, end: { transfer: TRANSFER_NUMBER } }],
  },
  {
    name: 'a person request in the middle of an offer',
    steps: [offeredOne, { say: 'Verbinden Sie mich bitte mit Emma', world: [recorded], hear: /mit Emma sprechen/, end: { transfer: TRANSFER_NUMBER } }],
  },
  {
    name: 'without a transfer number: says so and offers a callback from the person',
    directory: noTransfer,
    steps: [
      {
        say: 'Kann ich mal die Emma sprechen?',
        ops: [],
        hear: 'Emma kann ich Ihnen leider gerade nicht ans Telefon holen. Soll Emma Sie zurückrufen, oder kann ich Ihnen selbst helfen, zum Beispiel mit einem Termin?',
      },
      {
        say: 'ja bitte',
        world: [recorded],
        ops: [{ operation: 'recordOutcome', request: 'callback_requested' }],
        hear: 'Gern, ich gebe es weiter: Emma ruft Sie unter der Nummer mit den Endziffern 5 6 7 8 zurück. Kann ich sonst noch etwas für Sie tun?',
      },
    ],
    finally: (s) => expect(s.memory.outcome).toBe('callback_requested'),
  },
  {
    name: 'without a transfer number, a booking instead goes on as a booking',
    directory: noTransfer,
    steps: [
      { say: 'Kann ich Fabian sprechen?', hear: /nicht ans Telefon holen/ },
      { say: 'nee, dann machen Sie mir einfach einen Herrenhaarschnitt am Freitag um zehn', world: [offer.exact(fri10)], hear: OFFER_ASKS },
    ],
  },
  {
    name: 'without a transfer number or a calling number, the callback asks for a number first',
    directory: noTransfer,
    caller: { number: null },
    steps: [
      {
        say: 'Ist Emma zu sprechen?',
        hear: 'Emma kann ich Ihnen leider gerade nicht ans Telefon holen. Ich kann Ihnen aber gern selbst helfen, zum Beispiel mit einem Termin.',
      },
      { say: 'rufen Sie mich bitte zurück', hear: 'Gern. Unter welcher Nummer dürfen wir Sie zurückrufen?' },
      {
        say: '0176 98765432',
        world: [recorded],
        ops: [{ operation: 'recordOutcome', request: 'callback_requested' }],
        hear: /Emma ruft Sie unter der Nummer mit den Endziffern 5 4 3 2 zurück/,
      },
    ],
  },
  {
    name: 'a known staff member for a booking is no person request',
    steps: [{ say: 'Herrenhaarschnitt bei Emma am Freitag um zehn', world: [offer.exact(fri10)], hear: OFFER_ASKS }],
  },
  {
    name: '"ist Emma morgen da?" is about a day, not a transfer',
    steps: [{ say: 'Damenhaarschnitt, ist Emma morgen da?', world: [offer.alternatives('no_time_given', fri10)], hear: ONE_OFFER_ASKS }],
  },
  {
    name: 'recogniser style: "mit dem jan" unknown',
    steps: [{ say: 'herrenhaarschnitt mit dem jan', hear: /^Jemanden mit dem Namen Jan gibt es bei uns leider nicht\./ }],
  },
  {
    name: 'a first name the staff matcher does not know by heart is said back too: "am liebsten bei Mandy"',
    steps: [
      {
        say: 'Damenhaarschnitt am Freitag um zehn, am liebsten bei Mandy',
        ops: [],
        hear: 'Jemanden mit dem Namen Mandy gibt es bei uns leider nicht. Bei uns arbeiten Emma, Fabian und Oliver. Bei wem hätten Sie gern den Termin, oder ist es Ihnen egal?',
      },
    ],
  },
  {
    name: 'recogniser style: "bei der frau schulze" is said back with its title',
    steps: [
      {
        say: 'äh waschen und föhnen am samstag um neun bei der frau schulze',
        ops: [],
        hear: /^Eine Frau Schulze gibt es bei uns leider nicht\. Bei uns arbeiten/,
      },
    ],
  },
  {
    name: '"bei Herrn Becker" is said back, and "egal" then books with anyone',
    steps: [
      { say: 'Herrenhaarschnitt am Freitag um zehn bei Herrn Becker', ops: [], hear: /^Einen Herrn Becker gibt es bei uns leider nicht\./ },
      { say: 'dann ist es mir egal', world: [offer.exact(fri10)], ops: [{ operation: 'offer', request: { staffId: null } }], hear: OFFER_ASKS },
    ],
  },
  {
    name: 'recogniser style: "ist oliver heute im laden ich müsste kurz mit oliver reden" puts the caller through',
    steps: [
      {
        say: 'hm ja guten tag ist oliver heute im laden ich müsste mal kurz mit oliver reden',
        world: [recorded],
        hear: /mit Oliver sprechen/,
        end: { transfer: TRANSFER_NUMBER },
      },
    ],
  },
  {
    name: '"es geht nicht um einen Termin, ich muss Fabian was fragen" after the service question puts the caller through',
    steps: [
      { say: 'Hallo, ist Fabian morgen im Laden?', hear: /./ },
      { say: 'es geht nicht um einen Termin, ich muss Fabian was fragen', world: [recorded], hear: /mit Fabian sprechen/, end: { transfer: TRANSFER_NUMBER } },
    ],
  },
  {
    name: 'recogniser style: "ich hätte gern herrn spitzer am telefon"',
    steps: [{ say: 'ich hätte gern herrn spitzer am telefon', world: [recorded], hear: /mit Fabian sprechen/, end: { transfer: TRANSFER_NUMBER } }],
  },
  {
    name: 'asked to speak to a name nobody has: says so, who works here, and puts through to a colleague on a yes',
    steps: [
      {
        say: 'Kann ich Sandra kurz sprechen?',
        ops: [],
        hear: 'Jemanden mit dem Namen Sandra gibt es bei uns leider nicht. Bei uns arbeiten Emma, Fabian und Oliver. Soll ich Sie mit einer Kollegin verbinden?',
      },
      {
        say: 'ja bitte',
        world: [recorded],
        ops: [{ operation: 'recordOutcome', request: 'transferred' }],
        hear: /verbinde Sie/,
        end: { transfer: TRANSFER_NUMBER },
      },
    ],
  },
  {
    name: 'the caller’s own name is no staff preference: "Hier ist Emma Schmidt … bei Fabian" asks Fabian only',
    steps: [
      {
        say: 'Hier ist Emma Schmidt, ich hätte gern einen Damenhaarschnitt am Freitag um elf bei Fabian',
        world: [offer.exact(fri11)],
        ops: [{ operation: 'offer', request: { staffId: STAFF.fabian } }],
        hear: OFFER_ASKS,
      },
    ],
    finally: (s) => expect(s.caller.name).toBe('Emma Schmidt'),
  },
  {
    name: 'recogniser style: "ist der fabian heute da" puts the caller through',
    steps: [{ say: 'ist der fabian heute da', world: [recorded], hear: /mit Fabian sprechen/, end: { transfer: TRANSFER_NUMBER } }],
  },
  {
    name: 'recogniser style: "geben sie mir mal die emma"',
    steps: [{ say: 'äh geben sie mir mal die emma', world: [recorded], hear: /mit Emma sprechen/, end: { transfer: TRANSFER_NUMBER } }],
  },
  {
    name: 'recogniser style: "herrenhaarschnitt am freitag um zehn bei der yvonne"',
    steps: [
      {
        say: 'herrenhaarschnitt am freitag um zehn bei der yvonne',
        ops: [],
        hear: /^Jemanden mit dem Namen Yvonne gibt es bei uns leider nicht\. Bei uns arbeiten/,
      },
    ],
  },
  {
    name: 'recogniser style: a name nobody has, asked for without a transfer number, offers a callback',
    directory: noTransfer,
    steps: [
      {
        say: 'kann ich sandra sprechen',
        ops: [],
        hear: /^Jemanden mit dem Namen Sandra gibt es bei uns leider nicht\. .* Soll eine Kollegin Sie zurückrufen\?$/,
      },
      { say: 'ja gern', world: [recorded], ops: [{ operation: 'recordOutcome', request: 'callback_requested' }], hear: /Eine Kollegin ruft Sie/ },
    ],
  },
  {
    name: 'the staff member asked for is never taken for the caller’s name: "bei Herrn Kretschmer"',
    steps: [
      { say: 'Herrenhaarschnitt am Freitag um zehn bei Herrn Kretschmer', world: [offer.exact(slot('2026-11-20 10:00', 'oliver'))], hear: OFFER_ASKS },
      { say: 'ja', hear: /Auf welchen Namen/ },
    ],
  },
];

/** Endings: a polite ending at any step says goodbye and ends the call (its end gives back what it held). */
const endings: CallScript[] = [
  {
    name: '"passt leider beides nicht, ich ruf wieder an" after an offer ends the call',
    steps: [offeredTwo, { say: 'passt leider beides nicht, ich ruf wieder an', ops: [], hear: END_BOOKING, end: 'hang_up' }],
    finally: ended,
  },
  {
    name: '"dann eben nicht, trotzdem danke" ends the call',
    steps: [offeredOne, { say: 'dann eben nicht, trotzdem danke', hear: END_BOOKING, end: 'hang_up' }],
    finally: ended,
  },
  {
    name: '"ich überleg\'s mir nochmal" at the name question ends the call',
    steps: [offeredOne, { say: 'ja', hear: /Namen/ }, { say: "hm, ich überleg's mir nochmal", hear: END_BOOKING, end: 'hang_up' }],
    finally: ended,
  },
  {
    name: 'an ending at the number question',
    steps: [
      offeredOne,
      { say: 'ja', hear: /Namen/ },
      { say: 'Huber', hear: /Endziffern/ },
      { say: 'ach wissen Sie was, ich melde mich nochmal', hear: END_BOOKING, end: 'hang_up' },
    ],
  },
  {
    name: 'an ending while the time is asked',
    steps: [
      { say: 'Herrenhaarschnitt', hear: ASK_TIME },
      { say: 'ich muss erst mal in meinen Kalender schauen, ich ruf dann wieder an', hear: END_BOOKING, end: 'hang_up' },
    ],
  },
  { name: 'an ending in the first sentence', steps: [{ say: 'Ach, hat sich erledigt, danke', hear: END_OTHER, end: 'hang_up' }] },
  {
    name: 'recogniser style: "dann lassen wirs trotzdem danke"',
    steps: [offeredOne, { say: 'ne dann lassen wir das trotzdem danke', hear: END_BOOKING, end: 'hang_up' }],
  },
  { name: 'recogniser style: "ich ruf später nochmal an"', steps: [offeredTwo, { say: 'äh ich ruf später nochmal an', hear: END_BOOKING, end: 'hang_up' }] },
  {
    name: 'recogniser style: "muss ich mir noch überlegen"',
    steps: [offeredOne, { say: 'hm das muss ich mir noch überlegen', hear: END_BOOKING, end: 'hang_up' }],
  },
  { name: '"vergessen Sie\'s" ends the call', steps: [offeredTwo, { say: "Vergessen Sie's, danke", hear: END_BOOKING, end: 'hang_up' }] },
  {
    name: 'an ending after a booking question at "anything else"',
    steps: [
      { say: 'Wann haben Sie geöffnet?', hear: /geöffnet/ },
      { say: 'gut, dann melde ich mich wieder', hear: END_OTHER, end: 'hang_up' },
    ],
  },
  {
    name: 'an ending with a new wish is no ending: "passt nicht, dann lieber Samstag"',
    steps: [offeredOne, { say: 'passt nicht, dann lieber Samstag um zehn', world: [offer.exact(slot('2026-11-21 10:00', 'emma'))], hear: OFFER_ASKS }],
  },
  {
    name: '"passt leider beides nicht" alone is a no, never a yes',
    steps: [offeredTwo, { say: 'passt leider beides nicht', ops: [], hear: 'Kein Problem. Wann würde es Ihnen stattdessen passen?' }],
  },
  { name: 'recogniser style: "passt beides nich"', steps: [offeredTwo, { say: 'nee passt beides nicht', ops: [], hear: /stattdessen/ }] },
  {
    name: '"okay, dann versuch ich\'s ein andermal, danke" is an ending, not a yes',
    steps: [offeredOne, { say: "okay, dann versuch ich's ein andermal, danke", ops: [], hear: END_BOOKING, end: 'hang_up' }],
    finally: ended,
  },
  {
    name: 'recogniser style: a day named in the ending is no new wish: "ich probiers nächste woche nochmal"',
    steps: [offeredTwo, { say: 'äh ich probiers nächste woche nochmal', ops: [], hear: END_BOOKING, end: 'hang_up' }],
  },
  {
    name: 'recogniser style: "dann lass ichs erstmal danke" at the name question',
    steps: [offeredOne, { say: 'ja', hear: /Namen/ }, { say: 'hm dann lass ichs erstmal danke', hear: END_BOOKING, end: 'hang_up' }],
  },
  {
    name: '"ach, dann komm ich einfach spontan vorbei" ends the call',
    steps: [offeredOne, { say: 'ach, dann komm ich einfach spontan vorbei', hear: END_BOOKING, end: 'hang_up' }],
  },
  {
    name: 'recogniser style: "ich frag erst meinen mann und melde mich dann"',
    steps: [offeredTwo, { say: 'ich frag erst meinen mann und melde mich dann', hear: END_BOOKING, end: 'hang_up' }],
  },
  {
    name: '"ich ruf morgen wieder an" while the time is asked ends the call, not a wish for tomorrow',
    steps: [
      { say: 'Herrenhaarschnitt', hear: ASK_TIME },
      { say: 'ich ruf morgen wieder an', ops: [], hear: END_BOOKING, end: 'hang_up' },
    ],
  },
  {
    name: 'a wish said with the ending is still a wish: "nee lieber samstag um zehn, sonst ruf ich wieder an"',
    steps: [
      offeredOne,
      {
        say: 'nee lieber samstag um zehn, sonst ruf ich wieder an',
        world: [offer.exact(slot('2026-11-21 10:00', 'emma'))],
        ops: [{ operation: 'offer', request: { date: '2026-11-21', time: '10:00' } }],
        hear: OFFER_ASKS,
      },
    ],
  },
  {
    name: 'a plain goodbye still says the plain goodbye',
    steps: [offeredOne, { say: 'tschüss', hear: 'Vielen Dank für Ihren Anruf. Auf Wiederhören!', end: 'hang_up' }],
  },
];

/** Not understood: the second unusable turn in a row offers a colleague or a callback; re-asks never repeat. */
const help: CallScript[] = [
  {
    name: 'two unintelligible turns in a row offer the transfer or a callback',
    steps: [
      { say: '(unintelligible audio)', hear: NOT_UNDERSTOOD },
      { say: '(unintelligible audio)', hear: HELP },
      { say: 'ja bitte verbinden', world: [recorded], hear: /verbinde Sie/, end: { transfer: TRANSFER_NUMBER } },
    ],
  },
  {
    name: 'a callback chosen after the offer is recorded',
    steps: [
      { say: '', hear: NOT_UNDERSTOOD },
      { say: '', hear: HELP },
      {
        say: 'rufen Sie mich lieber zurück',
        world: [recorded],
        ops: [{ operation: 'recordOutcome', request: 'callback_requested' }],
        hear: /Endziffern 5 6 7 8 zurück/,
      },
    ],
  },
  {
    name: 'gibberish while the time is asked, twice: offers help, and never the same line twice',
    steps: [
      { say: 'Herrenhaarschnitt', hear: ASK_TIME },
      { say: 'blubb wabbel', hear: /^Ich habe bisher Herrenhaarschnitt verstanden/ },
      { say: 'schnurz quark', hear: HELP },
    ],
  },
  {
    name: 'noise as the first two answers after the greeting offers help, not the service list twice',
    steps: [
      { say: 'Blumenkohl Fahrradkette', hear: /^Verzeihung, welche Leistung darf ich für Sie eintragen\? Zum Beispiel / },
      { say: 'hmpf grmbl', hear: HELP },
    ],
  },
  {
    name: 'recogniser style: a past day and a bare "ja nee" at the start are talk, not a wish',
    steps: [
      { say: 'das wetter war ja gestern', hear: /^Verzeihung, welche Leistung darf ich für Sie eintragen\? Zum Beispiel / },
      { say: 'äh ja nee also wie', hear: HELP },
    ],
  },
  {
    name: 'off-topic at the name question, twice',
    steps: [
      offeredOne,
      { say: 'ja', hear: /Namen/ },
      { say: 'wie ist denn das Wetter bei Ihnen so', hear: /^(Wie war Ihr Name|Verzeihung, den Namen)/ },
      { say: 'na, Sie wissen schon, das Übliche halt', hear: HELP },
    ],
  },
  {
    name: 'a usable answer in between starts the count again',
    steps: [
      { say: '(unintelligible audio)', hear: NOT_UNDERSTOOD },
      { say: 'Herrenhaarschnitt', hear: ASK_TIME },
      { say: '(unintelligible audio)', hear: NOT_UNDERSTOOD },
    ],
  },
  {
    name: 'after a "nein" to the help offer it tries again',
    steps: [
      { say: '(unintelligible audio)', hear: NOT_UNDERSTOOD },
      { say: '(unintelligible audio)', hear: HELP },
      { say: 'nein, geht schon', hear: 'Gut, dann versuchen wir es noch einmal. Was kann ich für Sie tun?' },
    ],
  },
  {
    name: 'a wish after the help offer is simply taken',
    steps: [
      { say: '(unintelligible audio)', hear: NOT_UNDERSTOOD },
      { say: '(unintelligible audio)', hear: HELP },
      { say: 'Herrenhaarschnitt am Freitag um zehn', world: [offer.exact(fri10)], hear: OFFER_ASKS },
    ],
  },
  {
    name: 'a third unusable turn puts the caller through rather than going round in circles',
    steps: [
      { say: '(unintelligible audio)', hear: NOT_UNDERSTOOD },
      { say: '(unintelligible audio)', hear: HELP },
      { say: '(unintelligible audio)', world: [recorded], hear: /verbinde Sie/, end: { transfer: TRANSFER_NUMBER } },
    ],
  },
  {
    name: 'without a transfer number the offer is a callback',
    directory: noTransfer,
    steps: [
      { say: '(unintelligible audio)', hear: NOT_UNDERSTOOD },
      { say: '(unintelligible audio)', hear: 'Entschuldigung, ich verstehe Sie gerade leider schlecht. Soll eine Kollegin Sie zurückrufen?' },
      { say: 'ja', world: [recorded], ops: [{ operation: 'recordOutcome', request: 'callback_requested' }], hear: /Eine Kollegin ruft Sie/ },
    ],
  },
  {
    name: 'recogniser style: mumbling at the number question varies the re-ask',
    steps: [
      offeredOne,
      { say: 'ja', hear: /Namen/ },
      { say: 'huber', hear: /Endziffern/ },
      { say: 'äh hm', hear: 'Die Nummer habe ich leider nicht ganz verstanden. Könnten Sie sie bitte Ziffer für Ziffer sagen?' },
      { say: 'öhm', hear: HELP },
    ],
  },
  { name: 'recogniser style: gibberish at the offer twice', steps: [offeredTwo, { say: 'tja also hm', hear: /./ }, { say: 'blabla', hear: HELP }] },
  {
    name: 'recogniser style: two noises in the first turns',
    steps: [
      { say: '(unintelligible audio)', hear: NOT_UNDERSTOOD },
      { say: 'krrrz', hear: /./ },
      { say: 'ja', world: [recorded], hear: /verbinde Sie/, end: { transfer: TRANSFER_NUMBER } },
    ],
  },
  {
    name: 'the re-ask at the offer is not the line said just before',
    steps: [offeredOne, { say: 'hm, äh', hear: 'Soll ich Ihnen den Termin eintragen?' }, { say: 'äh ja nee hm', hear: /./ }],
  },
  {
    name: 'without any number the help offer asks for one',
    directory: noTransfer,
    caller: { number: null },
    steps: [
      { say: '', hear: NOT_UNDERSTOOD },
      { say: '', hear: 'Entschuldigung, ich verstehe Sie gerade leider schlecht. Sagen Sie mir gern Ihre Nummer, dann ruft eine Kollegin Sie zurück.' },
    ],
  },
  {
    name: 'recogniser style: "wie bitte" is usable and repeats the last line',
    steps: [
      { say: 'Herrenhaarschnitt', hear: ASK_TIME },
      { say: 'wie bitte', hear: ASK_TIME },
      { say: '(unintelligible audio)', hear: NOT_UNDERSTOOD },
    ],
  },
];

describe('scripted calls: staff names and person requests', () => {
  it.each(staff.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});

describe('scripted calls: polite endings at any step', () => {
  it.each(endings.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});

describe('scripted calls: turns the agent cannot use', () => {
  it.each(help.map((c) => [c.name, c] as const))('%s', async (_name, script) => {
    await playCall(script);
  });
});
