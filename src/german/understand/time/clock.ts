/**
 * Clock times as stated (rule 8): "14:30", "15 Uhr 30", "halb drei", "viertel nach vier",
 * "dreiviertel fünf", "zehn vor halb drei", and bare numbers after a marker ("um drei",
 * "gegen elf", "ab 14"). Ranges reduce to their start; deadlines ("bis zwölf") and negated
 * times ("nicht um drei") are not requests. Am/pm is decided later (rule 7, assemble.ts).
 */
import { CLOCK_MARKERS, DEADLINE_MARKERS, RANGE_START_MARKERS, ROUND_ABOUT } from './lexicon.js';
import { isPunct, isWord, markUsed, numberAt, wordAt, type ClockMention, type Scan } from './scan.js';

interface Clock {
  h: number;
  m: number;
  lead0: boolean;
  idiom: boolean;
  end: number;
}

const MINUTES_UNITS = new Set(['minuten', 'minute', 'min', 'stunden', 'stunde', 'tage', 'tagen', 'wochen', 'leute', 'personen', 'euro']);
const ALT_CONNECTORS = new Set(['oder', ',', 'bzw', 'beziehungsweise', 'um', 'gegen', 'ab']);

function hourAt(s: Scan, i: number): number | null {
  const v = numberAt(s, i, { allowDot: true, allowArticle: isWord(s, i + 1, 'uhr') });
  return v !== null && v >= 0 && v <= 24 ? v : null;
}

function idiomHour(x: number): number {
  return (x + 23) % 24;
}

function withUhr(s: Scan, c: Clock): Clock {
  return isWord(s, c.end, 'uhr') ? { ...c, end: c.end + 1 } : c;
}

/**
 * Minutes spoken after the hour without "nach": "neun dreißig", "14 Uhr 30". Without "Uhr" between them, the
 * next hour in words is a second option, not minutes: "so um elf zwölf rum" is 11 or 12, never 11:12.
 */
function trailingMinutes(s: Scan, i: number, loose: boolean, hour: number): number | null {
  const t = s.toks[i];
  if (!t || t.k !== 'n' || t.art || t.dot || s.used[i] || t.v > 59 || !Number.isInteger(t.v)) return null;
  if (MINUTES_UNITS.has(wordAt(s, i + 1) ?? '') || isWord(s, i + 1, 'uhr')) return null;
  if (!loose && t.v < 10 && !t.lead0) return null;
  if (!loose && !t.digits && t.v === hour + 1 && t.v <= 12) return null;
  return t.v;
}

/** "zehn, elf Uhr", "zwei oder drei Uhr", "so zehn elf Uhr rum", "so zehn rum": a bare hour that opens two options. */
function pairedHourFollows(s: Scan, i: number): boolean {
  const t = s.toks[i];
  if (!t || t.k !== 'n' || t.art || t.dot || !Number.isInteger(t.v) || t.v > 24) return false;
  if (isWord(s, i + 1, ROUND_ABOUT)) return true;
  const connected = isPunct(s, i + 1, ',') || isWord(s, i + 1, 'oder') || isWord(s, i + 1, 'bzw');
  const j = connected ? i + 2 : i + 1;
  const next = s.toks[j];
  if (!next || s.used[j]) return false;
  // "elf, halb zwölf": an idiom after the comma makes the bare hour before it a time too.
  if (connected && next.k === 'w') return idiomAt(s, j) !== null;
  if (next.k !== 'n' || next.art) return false;
  if (!connected && (next.digits || next.v !== t.v + 1)) return false;
  return idiomAt(s, j) !== null || isWord(s, j + 1, ROUND_ABOUT);
}

/** Times that are recognisable without a marker in front of them. */
function idiomAt(s: Scan, i: number): Clock | null {
  const t = s.toks[i];
  if (!t || s.used[i]) return null;
  if (t.k === 'hm') return withUhr(s, { h: t.h, m: t.m, lead0: t.lead0, idiom: false, end: i + 1 });
  const w = wordAt(s, i);
  if (w === 'halb') {
    const x = hourAt(s, i + 1);
    return x !== null && x >= 1 ? withUhr(s, { h: idiomHour(x), m: 30, lead0: false, idiom: true, end: i + 2 }) : null;
  }
  if (w === 'viertel' || w === 'dreiviertel') {
    if (w === 'viertel' && (isWord(s, i + 1, 'nach') || isWord(s, i + 1, 'vor'))) {
      const x = hourAt(s, i + 2);
      if (x === null) return null;
      const after = isWord(s, i + 1, 'nach');
      return withUhr(s, { h: after ? x : idiomHour(x), m: after ? 15 : 45, lead0: false, idiom: !after, end: i + 3 });
    }
    const x = hourAt(s, i + 1);
    if (x === null || x < 1 || isWord(s, i + 2, 'stunde')) return null;
    // "dreiviertel fünf" = 4:45; the regional "viertel fünf" = 4:15.
    return withUhr(s, { h: idiomHour(x), m: w === 'dreiviertel' ? 45 : 15, lead0: false, idiom: true, end: i + 2 });
  }
  if (w === 'kurz' && (isWord(s, i + 1, 'nach') || isWord(s, i + 1, 'vor'))) {
    // Approximators keep the value: "kurz vor halb drei" ≈ 14:30, "kurz nach drei" ≈ 15:00.
    const inner = idiomAt(s, i + 2);
    if (inner) return inner;
    const x = hourAt(s, i + 2);
    return x !== null ? withUhr(s, { h: x, m: 0, lead0: false, idiom: false, end: i + 3 }) : null;
  }
  if (t.k !== 'n' || t.dot) return null;
  const n = t.v;
  const rel = wordAt(s, i + 1);
  if (t.art && rel !== 'uhr') return null;
  if (n === 3 && rel === 'viertel' && !isWord(s, i + 3, 'stunde')) {
    // Speech-to-text writes "dreiviertel fünf" as "drei viertel fünf".
    const x = hourAt(s, i + 2);
    if (x !== null && x >= 1) return withUhr(s, { h: idiomHour(x), m: 45, lead0: false, idiom: true, end: i + 3 });
  }
  if ((rel === 'nach' || rel === 'vor') && n >= 1 && n <= 30) {
    if (isWord(s, i + 2, 'halb')) {
      const x = hourAt(s, i + 3);
      if (x === null || x < 1 || n >= 30) return null;
      return withUhr(s, { h: idiomHour(x), m: rel === 'nach' ? 30 + n : 30 - n, lead0: false, idiom: true, end: i + 4 });
    }
    const x = hourAt(s, i + 2);
    if (x === null || (rel === 'vor' && x < 1)) return null;
    return withUhr(
      s,
      rel === 'nach' ? { h: x, m: n, lead0: false, idiom: false, end: i + 3 } : { h: idiomHour(x), m: 60 - n, lead0: false, idiom: true, end: i + 3 },
    );
  }
  if (rel === 'uhr' && n <= 24) {
    const m = trailingMinutes(s, i + 2, true, n);
    return { h: n, m: m ?? 0, lead0: t.lead0, idiom: false, end: m === null ? i + 2 : i + 3 };
  }
  return null;
}

/** A bare hour, allowed only where a marker or a previous time makes it a clock time. */
function bareAt(s: Scan, i: number): Clock | null {
  const t = s.toks[i];
  if (!t || t.k !== 'n' || s.used[i] || (t.art && !isWord(s, i + 1, 'uhr'))) return idiomAt(s, i);
  const idiom = idiomAt(s, i);
  if (idiom) return idiom;
  if (t.v > 24 || MINUTES_UNITS.has(wordAt(s, i + 1) ?? '')) return null;
  const m = trailingMinutes(s, i + 1, false, t.v);
  return withUhr(s, { h: t.v, m: m ?? 0, lead0: t.lead0, idiom: false, end: m === null ? i + 1 : i + 2 });
}

type Role = 'at' | 'start' | 'deadline' | 'negated';

/** Looks left of a time for its marker: "um", "ab", "bis", "nicht vor", "so um die". */
function markerBefore(s: Scan, i: number): { role: Role; marked: boolean; start: number } {
  let j = i - 1;
  if (isWord(s, j, 'die') || isWord(s, j, 'den')) j--;
  const w = wordAt(s, j);
  if (w === null || s.used[j]) return { role: 'at', marked: false, start: i };
  const negated = isWord(s, j - 1, 'nicht') || isWord(s, j - 1, 'statt') || isWord(s, j - 1, 'anstatt');
  if (CLOCK_MARKERS.has(w)) return { role: negated ? 'negated' : 'at', marked: true, start: j };
  if (RANGE_START_MARKERS.has(w)) return { role: negated && w === 'nach' ? 'deadline' : 'start', marked: true, start: j };
  if (DEADLINE_MARKERS.has(w)) return { role: negated && w === 'vor' ? 'start' : 'deadline', marked: true, start: j };
  if (w === 'nicht' || w === 'statt' || w === 'anstatt') return { role: 'negated', marked: false, start: j };
  return { role: 'at', marked: false, start: i };
}

/** Finds clock mentions in [from, to) among unused tokens. */
export function extractClockTimes(s: Scan, from: number, to: number): ClockMention[] {
  const out: ClockMention[] = [];
  let lastEnd = -1;
  let lastHour = -1;
  for (let i = from; i < to; i++) {
    if (s.used[i]) continue;
    const marker = markerBefore(s, i);
    const t = s.toks[i];
    // "um elf zwölf": the next hour right after a time is the second option.
    const nextHour = lastEnd === i && t?.k === 'n' && !t.digits && t.v === lastHour + 1;
    const afterTime = lastEnd >= 0 && (isAltGap(s, lastEnd, i) || nextHour);
    const rangeFollows = isWord(s, i + 1, 'bis') || isPunct(s, i + 1, '-');
    let c = marker.marked || afterTime ? bareAt(s, i) : idiomAt(s, i);
    // "9 bis 11 Uhr": a bare hour opens a range when a clock time closes it.
    if (!c && rangeFollows && s.toks[i]?.k === 'n' && bareAt(s, i + 2)) c = bareAt(s, i);
    // "so zehn, elf Uhr rum": the first hour named is meant, the second is an option.
    if (!c && pairedHourFollows(s, i)) c = bareAt(s, i);
    if (!c || c.end > to) continue;
    let end = c.end;
    const rangeWord = wordAt(s, end);
    if (marker.role !== 'deadline' && (rangeWord === 'bis' || isPunct(s, end, '-') || (rangeWord === 'und' && isWord(s, marker.start, 'zwischen')))) {
      // Rule 5: "von 9:30 bis 11", "zwischen zwei und vier" reduce to their start.
      const rangeEnd = bareAt(s, end + 1);
      if (rangeEnd && rangeEnd.end <= to) end = rangeEnd.end;
    }
    markUsed(s, marker.start, end);
    lastEnd = end;
    lastHour = c.h;
    i = end - 1;
    if (marker.role === 'deadline' || (marker.role === 'negated' && !preferredAfter(s, end))) continue;
    out.push({ kind: 'time', start: marker.start, end, h: c.h, m: c.m, lead0: c.lead0, idiom: c.idiom });
  }
  return out;
}

/**
 * "doch nicht um elf uhr fünfzehn wäre besser": a recogniser drops the comma after "doch nicht", but a time followed
 * by "wäre besser", "ist lieber" or "passt besser" is the one wished for, so the "nicht" before it was about another.
 */
function preferredAfter(s: Scan, end: number): boolean {
  const next = wordAt(s, end);
  const after = wordAt(s, end + 1);
  return (
    (next === 'waere' || next === 'wär' || next === 'waer' || next === 'ist' || next === 'passt' || next === 'ginge' || next === 'geht') &&
    (after === 'besser' || after === 'lieber')
  );
}

function isAltGap(s: Scan, from: number, to: number): boolean {
  if (to <= from) return false;
  let connector = false;
  for (let k = from; k < to; k++) {
    const t = s.toks[k]!;
    const w = t.k === 'w' ? t.w : t.k === 'p' ? t.p : null;
    if (w === null || !ALT_CONNECTORS.has(w)) return false;
    if (w === 'oder' || w === ',' || w === 'bzw' || w === 'beziehungsweise') connector = true;
  }
  return connector;
}
