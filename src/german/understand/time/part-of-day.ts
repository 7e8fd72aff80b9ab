/**
 * Parts of day (rule 1): "morgens", "Vormittag", "über Mittag", "nachmittags", "Abend", also split
 * off compounds ("Montagmorgen"). Greetings ("Guten Morgen", "schönen Abend") are not slots.
 */
import { HABITUAL_WEEKDAYS, PARTS_OF_DAY, WEEKDAYS } from './lexicon.js';
import { isWord, markUsed, wordAt, type PodMention, type Scan } from './scan.js';

const GREETING_WORDS = new Set(['guten', 'gute', 'schoenen', 'schoene', 'schoener', 'angenehmen', 'erholsamen']);
const MORNING_AFTER = new Set(['heute', 'gestern', 'morgen', 'uebermorgen', 'am', 'jeden', 'fruehen', 'im', 'vom', 'ganzen', 'diesen', 'dem', 'frueh', 'zeitig']);
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
const EVENING_CONTEXT = new Set(['arbeit', 'feierabend', 'dienst', 'buero', 'schicht']);

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
    if (w === 'nach' && noun !== null && EVENING_CONTEXT.has(noun)) {
      // After work is evening for am/pm purposes, but the caller named no part of day.
      return { kind: 'pod', start: i, end: j + 1, pod: null, hint: 'abends' };
    }
    return null;
  }
  // "um drei Uhr nachts" is 03:00; night is no part of day the salon offers, so none is reported.
  if (w === 'nachts' || (w === 'nacht' && (prev === 'der' || prev === 'in'))) return { kind: 'pod', start: i, end: i + 1, pod: null, hint: 'morgens' };
  if (w === 'ueber' && isWord(s, i + 1, 'mittag')) return { kind: 'pod', start: i, end: i + 2, pod: 'mittags', hint: 'mittags' };
  if (w === 'in' && isWord(s, i + 1, 'der') && isWord(s, i + 2, 'frueh')) return { kind: 'pod', start: i, end: i + 3, pod: 'morgens', hint: 'morgens' };
  if (prev !== null && GREETING_WORDS.has(prev)) return null;
  const pod = PARTS_OF_DAY.get(w);
  if (pod) return { kind: 'pod', start: i, end: i + 1, pod, hint: pod };
  if (w === 'morgen' && morgenSense(s, i) === 'morning') return { kind: 'pod', start: i, end: i + 1, pod: 'morgens', hint: 'morgens' };
  if (w === 'frueh' && fruehIsMorning(s, i)) return { kind: 'pod', start: i, end: i + 1, pod: 'morgens', hint: 'morgens' };
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
