import type { Prng } from './prng.js';
import { LAST_NAMES } from '../callers/phrase-bank.js';

/** What a caller wants from one call. Sentences are German as the dialogue's own call tests phrase them. */
export type CallGoal =
  | {
      kind: 'book';
      /** Service, day, time and maybe staff in one sentence. */
      wish: string;
      /** Said instead of "ja" to the first offer: a correction ("nein, lieber am Freitag"). */
      correction: string | null;
      /** Said instead of "ja" to the first offer: a plain no, then `otherTime` when asked for another time. */
      decline: { line: string; otherTime: string } | null;
      /** The wish to fall back on when nothing at all is free. */
      fallback: string;
      /** Which alternative to take when offered several. */
      pick: 'den ersten' | 'den zweiten';
    }
  | { kind: 'info'; questions: string[] }
  | { kind: 'cancel' }
  | { kind: 'move'; target: string };

/** One person on the phone: a number, a name, and the calls they make one after another. */
export interface Persona {
  id: number;
  phone: string;
  /** National digits as said when the agent asks for a number. */
  spokenPhone: string;
  name: string;
  calls: CallGoal[];
}

const FIRST = [
  'Maria',
  'Jonas',
  'Anna',
  'Karl',
  'Eva',
  'Lukas',
  'Sophie',
  'Felix',
  'Laura',
  'Paul',
  'Julia',
  'Tobias',
  'Lena',
  'Martin',
  'Sarah',
  'Stefan',
  'Nina',
  'Thomas',
  'Katrin',
  'Jan',
];

// Saturday morning with Emma is what everybody wants: the slots the callers fight over.
const POPULAR = [
  'Herrenhaarschnitt nächsten Samstag um zehn bei Emma',
  'Herrenhaarschnitt nächsten Samstag um elf bei Emma',
  'Damenhaarschnitt nächsten Samstag um zehn bei Emma',
  'Einen Herrenschnitt nächsten Samstag um halb elf bei Emma bitte',
  'Waschen und Föhnen nächsten Samstag um zehn bei Emma',
  'Herrenhaarschnitt nächsten Samstag um zehn',
  'Ich hätte gern einen Damenhaarschnitt nächsten Samstag vormittags',
];
const SERVICES = ['Herrenhaarschnitt', 'Damenhaarschnitt', 'Waschen und Föhnen', 'Herrenschnitt'];
const DAYS = ['am Dienstag', 'am Mittwoch', 'am Donnerstag', 'am Freitag', 'nächsten Samstag'];
const TIMES = ['um neun', 'um zehn', 'um halb elf', 'um elf', 'um zwei', 'um drei', 'um halb vier', 'um vier', 'nachmittags', 'vormittags'];
const STAFF = ['bei Emma', 'bei Fabian', 'bei Oliver', '', '', 'egal bei wem'];
const CORRECTIONS = ['nein, lieber am Freitag', 'nein, lieber um elf', 'nein, lieber am Donnerstag', 'nein, lieber bei Fabian'];
const OTHER_TIMES = ['dann am Freitag nachmittags', 'dann am Mittwoch vormittags', 'dann am Donnerstag um drei', 'dann nächsten Samstag um zwölf'];
const FALLBACKS = ['dann am Mittwoch nachmittags', 'dann am Donnerstag vormittags', 'dann übernächsten Dienstag'];
const QUESTIONS = [
  'Was kostet ein Damenhaarschnitt?',
  'Wann haben Sie denn geöffnet?',
  'Wie lange dauert denn eine Ansatzfärbung?',
  'Was kostet ein Herrenhaarschnitt?',
];
const MOVE_TARGETS = ['auf Freitag um elf', 'auf Mittwoch um halb drei', 'auf Donnerstag um vier', 'auf Freitag um zehn', 'auf Dienstag um drei'];

/** A booking wish: mostly the popular Saturday slots, the rest spread over the week (composite services included). */
export function planBooking(prng: Prng): CallGoal {
  let wish: string;
  if (prng.chance(0.5)) wish = prng.pick(POPULAR);
  else if (prng.chance(0.1))
    wish = prng.pick(['Ansatzfärbung am Mittwoch um zehn bei Oliver', 'Strähnchen am Donnerstag um neun bei Emma', 'Ansatzfärbung am Freitag um zwei']);
  else wish = [prng.pick(SERVICES), prng.pick(DAYS), prng.pick(TIMES), prng.pick(STAFF)].filter(Boolean).join(' ');
  const mood = prng.next();
  return {
    kind: 'book',
    wish,
    correction: mood < 0.15 ? prng.pick(CORRECTIONS) : null,
    decline: mood >= 0.15 && mood < 0.25 ? { line: 'nein, das passt mir nicht', otherTime: prng.pick(OTHER_TIMES) } : null,
    fallback: prng.pick(FALLBACKS),
    pick: prng.chance(0.7) ? 'den ersten' : 'den zweiten',
  };
}

/**
 * Callers for `total` calls in all: most book once; some only ask about prices or hours; some book and call
 * again later to cancel or move it; a few book twice and are greeted by name the second time.
 */
export function planCallers(total: number, prng: Prng): Persona[] {
  const personas: Persona[] = [];
  let planned = 0;
  while (planned < total) {
    const id = personas.length;
    const remaining = total - planned;
    const r = prng.next();
    let calls: CallGoal[];
    if (r < 0.1) calls = [{ kind: 'info', questions: pickDistinct(QUESTIONS, prng.int(1, 2), prng) }];
    else if (r < 0.22 && remaining >= 2) calls = [planBooking(prng), { kind: 'cancel' }];
    else if (r < 0.34 && remaining >= 2) calls = [planBooking(prng), { kind: 'move', target: prng.pick(MOVE_TARGETS) }];
    else if (r < 0.4 && remaining >= 2) calls = [planBooking(prng), planBooking(prng)];
    else calls = [planBooking(prng)];
    const digits = String(id).padStart(6, '0');
    personas.push({
      id,
      phone: `+4916055${digits}`,
      spokenPhone: `0160 55 ${digits.slice(0, 3)} ${digits.slice(3)}`,
      name: `${prng.pick(FIRST)} ${prng.pick(LAST_NAMES)}`,
      calls,
    });
    planned += calls.length;
  }
  return personas;
}

/** Caller lines a goal takes when all goes well (greeting excluded): the yardstick for "30 % of the run". */
export function plannedTurns(goal: CallGoal): number {
  switch (goal.kind) {
    case 'book':
      return 5 + (goal.correction || goal.decline ? 1 : 0);
    case 'info':
      return goal.questions.length + 1;
    case 'cancel':
      return 2;
    case 'move':
      return 3;
  }
}

function pickDistinct(items: readonly string[], count: number, prng: Prng): string[] {
  const left = [...items];
  const out: string[] = [];
  while (out.length < count && left.length > 0) out.push(left.splice(prng.int(0, left.length - 1), 1)[0]!);
  return out;
}
