/** The token stream under analysis, shared by the date, clock and part-of-day extractors. */
import type { PartOfDay } from '../types.js';
import type { Reference } from './reference.js';
import type { TimeToken } from './tokens.js';

export interface Scan {
  toks: TimeToken[];
  /** 1 where a token already belongs to a recognised expression. */
  used: Uint8Array;
  ref: Reference;
}

/** A date found in the text, resolved to a day number; `altDay` when the day is ambiguous. */
export interface DateMention {
  kind: 'date';
  start: number;
  end: number;
  day: number;
  altDay?: number;
  /** Set by relative offsets in hours/minutes: the time is absolute and rule 7 does not apply. */
  absoluteMinutes?: number;
  /**
   * A stretch of days without one of them ("nächste Woche", "im Dezember"): first and last day numbers. `day`
   * is then the first day, for ordering only; the reading reports no date.
   */
  period?: { from: number; to: number };
}

/** A clock time as stated, before business hours decide am/pm (rule 7). */
export interface ClockMention {
  kind: 'time';
  start: number;
  end: number;
  h: number;
  m: number;
  /** Written with a leading zero ("07:30"): a 24-hour time taken literally. */
  lead0: boolean;
  /** Produced by an idiom ("halb eins"): hour 0 then means 12. */
  idiom: boolean;
}

/** A part-of-day word; `hint` also covers phrases that only steer am/pm ("nach der Arbeit"). */
export interface PodMention {
  kind: 'pod';
  start: number;
  end: number;
  pod: PartOfDay | null;
  hint: PartOfDay;
}

export type Mention = DateMention | ClockMention | PodMention;

/** The folded word at i, or null for numbers, punctuation and the end. */
export function wordAt(s: Scan, i: number): string | null {
  const t = s.toks[i];
  return t && t.k === 'w' ? t.w : null;
}

/** True when the token at i is the given word or one of the given words. */
export function isWord(s: Scan, i: number, words: ReadonlySet<string> | string): boolean {
  const w = wordAt(s, i);
  if (w === null) return false;
  return typeof words === 'string' ? w === words : words.has(w);
}

/** True when the token at i is the given punctuation mark. */
export function isPunct(s: Scan, i: number, p: string): boolean {
  const t = s.toks[i];
  return t !== undefined && t.k === 'p' && t.p === p;
}

/** Marks tokens [start, end) as belonging to a recognised expression. */
export function markUsed(s: Scan, start: number, end: number): void {
  for (let i = start; i < end; i++) s.used[i] = 1;
}

/** Number value at i if it is a plain cardinal (not the article "ein"), else null. */
export function numberAt(s: Scan, i: number, opts: { allowDot?: boolean; allowArticle?: boolean } = {}): number | null {
  const t = s.toks[i];
  if (!t || t.k !== 'n' || s.used[i]) return null;
  if (t.art && !opts.allowArticle) return null;
  if (t.dot && !opts.allowDot) return null;
  return t.v;
}
