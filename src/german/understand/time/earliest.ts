/** "so früh wie möglich" and its kin (rule 9): a request for the earliest slot, not a time. */
import { markUsed, wordAt, type Scan } from './scan.js';

const PHRASES: readonly (readonly string[])[] = [
  ['frueh', 'wie', 'es', 'geht'],
  ['frueh', 'wie', 'moeglich'],
  ['frueh', 'es', 'geht'],
  ['bald', 'wie', 'moeglich'],
  ['bald', 'es', 'geht'],
  ['schnell', 'wie', 'moeglich'],
  ['schnell', 'es', 'geht'],
  ['zeitig', 'wie', 'moeglich'],
  ['moeglichst', 'frueh'],
  ['moeglichst', 'bald'],
  ['moeglichst', 'schnell'],
  ['moeglichst', 'zeitnah'],
  ['am', 'fruehesten'],
  ['fruehesten', 'termin'],
  ['naechsten', 'freien'],
  ['naechste', 'freie'],
  ['schnellstmoeglich'],
  ['schnellstmoeglichen'],
  ['fruehestmoeglich'],
  ['fruehestmoeglichen'],
  ['fruehestmoeglicher'],
  ['baldmoeglichst'],
  ['baldigst'],
  ['naechstmoeglich'],
  ['naechstmoeglichen'],
  ['naechstmoeglicher'],
  ['ehestmoeglich'],
  ['schnellstens'],
  ['zeitnah'],
  ['asap'],
];
const FIRST_FREE = new Set(['freien', 'freie', 'moeglichen', 'moegliche', 'verfuegbaren']);

function matchesAt(s: Scan, i: number, phrase: readonly string[]): boolean {
  for (let k = 0; k < phrase.length; k++) {
    const t = s.toks[i + k];
    if (!t || t.k !== 'w' || t.w !== phrase[k] || s.used[i + k]) return false;
  }
  return true;
}

/** Marks earliest-slot phrases as used and reports whether one was found. */
export function markEarliest(s: Scan): boolean {
  let found = false;
  for (let i = 0; i < s.toks.length; i++) {
    const t = s.toks[i]!;
    // "den ersten freien Termin": the ordinal is no day of the month here.
    if (t.k === 'ord' && t.v === 1 && FIRST_FREE.has(wordAt(s, i + 1) ?? '')) {
      markUsed(s, i, i + 2);
      found = true;
      continue;
    }
    if (t.k !== 'w') continue;
    for (const phrase of PHRASES) {
      if (phrase[0] === t.w && matchesAt(s, i, phrase)) {
        markUsed(s, i, i + phrase.length);
        found = true;
        break;
      }
    }
  }
  return found;
}
