/**
 * Parts of day (rule 1): "früh", "morgens", "Vormittag", "über Mittag", "nachmittags", "am späten Nachmittag",
 * "nach der Arbeit", "Abend", also split off compounds ("Montagmorgen"). Greetings ("Guten Morgen", "schönen
 * Abend") are not slots. The hours of each part are in src/parts-of-day.ts, shared with the engine.
 */
import { HABITUAL_WEEKDAYS, PARTS_OF_DAY, WEEKDAYS } from './lexicon.js';
import { isWord, markUsed, wordAt, type PodMention, type Scan } from './scan.js';

const GREETING_WORDS = new Set(['guten', 'gute', 'schoenen', 'schoene', 'schoener', 'angenehmen', 'erholsamen']);
const MORNING_AFTER = new Set([
  'heute',
  'gestern',
  'morgen',
  'uebermorgen',
  'am',
  'jeden',
  'fruehen',
  'im',
  'vom',
  'ganzen',
  'diesen',
  'dem',
  'frueh',
  'zeitig',
]);
const NOT_MORNING_FRUEH_BEFORE = new Set(['zu', 'wie', 'viel']);
const NOT_MORNING_FRUEH_AFTER = new Set(['wie', 'es', 'genug', 'dran', 'bescheid']);

export type MorgenSense = 'tomorrow' | 'morning' | 'greeting';

/** Decides whether "morgen" at i means tomorrow, the morning, or is part of a greeting. */
export function morgenSense(s: Scan, i: number): MorgenSense {
  const prev = wordAt(s, i - 1);
  if (prev === null) return 'tomorrow';
  if (GREETING_WORDS.has(prev)) return 'greeting';
  if (MORNING_AFTER.has(prev) || WEEKDAYS.has(prev) || HABITUAL_WEEKDAYS.has(prev)) return 'morning';
  return 'tomorrow';
}

/** True when "früh" at i names the morning rather than "too early" or "as early as". */
function fruehIsMorning(s: Scan, i: number): boolean {
  const prev = wordAt(s, i - 1);
  const next = wordAt(s, i + 1);
  return !(prev !== null && NOT_MORNING_FRUEH_BEFORE.has(prev)) && !(next !== null && NOT_MORNING_FRUEH_AFTER.has(next));
}

const AFTER_LUNCH = new Set(['mittag', 'mittagspause', 'mittagessen', 'mittagszeit']);
const EVENING_CONTEXT = new Set(['arbeit', 'feierabend', 'dienst', 'buero', 'schicht', 'uni', 'schule']);
const LATE = new Set(['spaeten', 'spaeter', 'spaete', 'spaet']);
const AFTERNOON = new Set(['nachmittag', 'nachmittags', 'nachmittach']);

function phraseAt(s: Scan, i: number): PodMention | null {
  const w = wordAt(s, i);
  if (w === null || s.used[i]) return null;
  // "nach der Mittagspause" / "vor dem Mittag" shift to the neighbouring part of day.
  const prev = wordAt(s, i - 1);
  if ((w === 'nach' || w === 'vor') && !s.used[i + 1]) {
    const article = isWord(s, i + 1, 'der') || isWord(s, i + 1, 'dem') ? 1 : 0;
    const j = i + 1 + article;
    const noun = wordAt(s, j);
    if (noun !== null && !s.used[j] && AFTER_LUNCH.has(noun)) {
      const pod = w === 'nach' ? 'nachmittags' : 'vormittags';
      return { kind: 'pod', start: i, end: j + 1, pod, hint: pod };
    }
    if (w === 'nach' && noun !== null && !s.used[j] && EVENING_CONTEXT.has(noun)) {
      // After work: the late afternoon and the evening; a bare "um sieben" then means 19:00.
      return { kind: 'pod', start: i, end: j + 1, pod: 'nach_der_arbeit', hint: 'nach_der_arbeit' };
    }
    return null;
  }
  // "am späten Nachmittag", "später Nachmittag"; "am frühen Nachmittag" is just the afternoon.
  if (LATE.has(w) && AFTERNOON.has(wordAt(s, i + 1) ?? '') && !s.used[i + 1]) {
    return { kind: 'pod', start: i, end: i + 2, pod: 'spaetnachmittags', hint: 'spaetnachmittags' };
  }
  // "um drei Uhr nachts" is 03:00; night is no part of day the salon offers, so none is reported.
  if (w === 'nachts' || (w === 'nacht' && (prev === 'der' || prev === 'in'))) return { kind: 'pod', start: i, end: i + 1, pod: null, hint: 'morgens' };
  if (w === 'ueber' && isWord(s, i + 1, 'mittag')) return { kind: 'pod', start: i, end: i + 2, pod: 'mittags', hint: 'mittags' };
  if (w === 'in' && isWord(s, i + 1, 'der') && isWord(s, i + 2, 'frueh')) return { kind: 'pod', start: i, end: i + 3, pod: 'frueh', hint: 'frueh' };
  if (prev !== null && GREETING_WORDS.has(prev)) return null;
  const pod = PARTS_OF_DAY.get(w);
  if (pod) return { kind: 'pod', start: i, end: i + 1, pod, hint: pod };
  if (w === 'morgen' && morgenSense(s, i) === 'morning') return { kind: 'pod', start: i, end: i + 1, pod: 'morgens', hint: 'morgens' };
  if (w === 'frueh' && fruehIsMorning(s, i)) return { kind: 'pod', start: i, end: i + 1, pod: 'frueh', hint: 'frueh' };
  return null;
}

/** Finds part-of-day mentions among the tokens not yet used, within [from, to). */
export function extractPartsOfDay(s: Scan, from: number, to: number): PodMention[] {
  const out: PodMention[] = [];
  for (let i = from; i < to; i++) {
    const m = phraseAt(s, i);
    if (!m || m.end > to) continue;
    markUsed(s, m.start, m.end);
    out.push(m);
    i = m.end - 1;
  }
  return out;
}
