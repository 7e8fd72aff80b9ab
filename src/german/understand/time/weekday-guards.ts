/**
 * Guards that keep a weekday word from becoming a requested date (rule 9): a surname that is a
 * weekday ("Petra Freitag", "Frau Montag"), a negation that makes it a constraint ("mittwochs kann
 * ich nie", "Montag geht nicht") and a replacement ("Mittwoch statt Dienstag").
 */
import { isFirstName } from '../first-names.js';
import { HABITUAL_WEEKDAYS, NEGATION_TIME_SCOPE, NEGATIONS, REPLACED_MARKERS, WEEKDAYS } from './lexicon.js';
import { wordAt, type Scan } from './scan.js';

const TITLES = new Set(['frau', 'herr', 'herrn', 'familie', 'fam', 'dr', 'doktor', 'professor']);
const NAME_INTRO = new Set(['heisse', 'heiss', 'name', 'namen', 'spricht']);
const STAFF_PREPOSITIONS = new Set(['bei', 'mit', 'zu', 'zur', 'zum', 'von']);
const CLAUSE_BREAKS = new Set(['aber', 'sondern', 'oder', 'lieber', 'dafuer', 'doch', 'wenn', 'falls', 'sonst', 'ansonsten', 'besser', 'eher']);
const DOUBLE_NEGATIVE = new Set(['schlecht', 'unguenstig', 'verkehrt', 'uebel']);
const KEINE_OBJECTS = new Set(['zeit', 'moeglichkeit', 'chance', 'lust']);
const PRE_GLUE = new Set(['am', 'an', 'den', 'die', 'der', 'dem']);

/** "mein Name ist …", "hier ist …", "am Apparat ist …": what follows is a name. */
const IST_AFTER = new Set(['name', 'nachname', 'hier', 'apparat', 'telefon']);

/** True when the weekday (or month) word at i is part of a person's name. */
export function isWeekdaySurname(s: Scan, i: number): boolean {
  const prev = wordAt(s, i - 1);
  if (prev === 'ist' && IST_AFTER.has(wordAt(s, i - 2) ?? '')) return true;
  if (prev === null) {
    // "Freitag, Petra" / "Freitag hier" / "Freitag mein Name" at the start of an answer.
    const comma = s.toks[i + 1]?.k === 'p' ? 1 : 0;
    const next = wordAt(s, i + 1 + comma);
    if (next !== null && isFirstName(next)) return true;
    return i === 0 && (next === 'hier' || (next === 'mein' && wordAt(s, i + 2 + comma) === 'name'));
  }
  if (TITLES.has(prev)) return true;
  if (NAME_INTRO.has(prev)) return true;
  if (isFirstName(prev)) {
    const before = wordAt(s, i - 2);
    // "bei Emma Freitag um drei" names a staff member and a day; "Petra Freitag" is a person.
    if (before !== null && STAFF_PREPOSITIONS.has(before)) return false;
    return true;
  }
  return false;
}

export type WeekdayNegation = 'none' | 'excluded' | 'replaced';

function isWeekdayWord(w: string | null): boolean {
  return w !== null && (WEEKDAYS.has(w) || HABITUAL_WEEKDAYS.has(w) || w === 'wochenende');
}

/** Words of a short clause that rules a day out: "Montag kann ich leider nicht", "Montag geht bei mir nicht". */
const CLAUSE_WORDS = new Set(['kann', 'koennte', 'geht', 'passt', 'klappt', 'ich', 'es', 'das', 'mir', 'bei', 'da', 'leider', 'eher', 'wirklich']);

/**
 * True when the negation at i closes a clause about an earlier weekday, as a recogniser writes it without a comma:
 * in "Montag kann ich nicht Dienstag um zwei" the "nicht" rules out Montag, not the Dienstag that follows.
 */
function endsClauseAboutAnotherDay(s: Scan, i: number): boolean {
  for (let k = i - 1, hops = 0; k >= 0 && hops < 5; k--, hops++) {
    const w = wordAt(s, k);
    if (w === null) return false;
    if (isWeekdayWord(w)) return hops > 0;
    if (!CLAUSE_WORDS.has(w)) return false;
  }
  return false;
}

/** Whether the weekday expression in [start, end) is ruled out by the caller. */
export function weekdayNegation(s: Scan, start: number, end: number): WeekdayNegation {
  let j = start - 1;
  for (let hops = 0; hops < 3 && j >= 0; hops++, j--) {
    const w = wordAt(s, j);
    if (w === null) break;
    if (REPLACED_MARKERS.has(w)) return 'replaced';
    if (w === 'nicht' || w === 'nie' || w === 'niemals' || w === 'ausser' || w === 'ausgenommen' || w === 'keinesfalls') {
      if (endsClauseAboutAnotherDay(s, j)) break;
      return 'excluded';
    }
    if (!PRE_GLUE.has(w) && !isWeekdayWord(w) && w !== 'und' && w !== 'oder' && w !== 'bloss') break;
  }
  for (let k = end, hops = 0; k < s.toks.length && hops < 6; k++, hops++) {
    const t = s.toks[k]!;
    if (t.k === 'p') break;
    if (t.k !== 'w') continue;
    const w = t.w;
    if (CLAUSE_BREAKS.has(w)) break;
    if (NEGATIONS.has(w)) {
      const next = wordAt(s, k + 1);
      if (w === 'nicht' && next !== null && NEGATION_TIME_SCOPE.has(next)) return 'none';
      // "nicht schlecht" is praise; "keine" only rules a day out with "keine Zeit".
      if (w === 'nicht' && next !== null && DOUBLE_NEGATIVE.has(next)) return 'none';
      if (w === 'keine' && (next === null || !KEINE_OBJECTS.has(next))) continue;
      return 'excluded';
    }
  }
  return 'none';
}
