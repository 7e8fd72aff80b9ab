/**
 * In-utterance corrections: "Dienstag um drei, ach nee, Mittwoch". The text is cut at each
 * correction word; a later segment replaces only the facts it names (the day here, so the
 * time stays 15:00).
 */
import { CORRECTION_MARKERS } from './lexicon.js';
import { wordAt, type Scan } from './scan.js';

function isMarker(s: Scan, i: number): boolean {
  const w = wordAt(s, i);
  if (w === null) return false;
  const next = wordAt(s, i + 1);
  if (w === 'meine' || w === 'meinte') return wordAt(s, i - 1) === 'ich' || w === 'meinte';
  if (!CORRECTION_MARKERS.has(w)) return false;
  // "lieber nicht" / "eher nicht" negate; they do not introduce a replacement.
  if ((w === 'lieber' || w === 'eher' || w === 'besser') && next === 'nicht') return false;
  return true;
}

/** Half-open token ranges between correction words, in order. */
export function splitSegments(s: Scan): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i < s.toks.length; i++) {
    if (!isMarker(s, i)) continue;
    if (i > start) out.push([start, i]);
    start = i + 1;
  }
  if (start < s.toks.length) out.push([start, s.toks.length]);
  return out;
}
