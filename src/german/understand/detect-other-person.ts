import { fold, foldedWords } from './normalize.js';

/**
 * Another person's appointment named in a request to change one: "den Termin von meiner Frau", "für meinen Mann
 * absagen", "von Frau Schneider", "läuft unter einer anderen Nummer". Only appointments booked under the number a
 * call comes from may change, so such a claim is refused, whatever else the sentence says.
 */
const RELATIVE =
  /\b(meine[rnms]?|unsere[rnms]?)\s+(ehe)?(frau|mann|gatte\w*|gattin|partner\w*|freund\w*|lebensgefaehrt\w*|tochter|toechter\w*|sohn|soehne\w*|kind\w*|mutter|mama|mutti|vater|papa|vati|eltern|oma|opa|grossmutter|grossvater|grosseltern|schwester\w*|bruder|brueder\w*|schwieger\w+|tante|onkel|nichte|neffe\w*|enkel\w*|kolleg\w*|chef\w*|nachbar\w*|mitbewohner\w*|cousin\w*|verlobt\w*|familie)\b/;
const OTHER_NAMED = /\b(fuer|von)\s+(frau|herrn?)\s+\p{L}+/u;
const HIS_OR_HERS = /\b(sein|seinen|seine|seines)\s+termin\w*\b|\btermin\w*\s+(von\s+)?(ihm|jemand\w*\s+anders\w*|einer anderen person)\b/;
const OTHER_NUMBER =
  /\b(andere[nr]?|zweiten)\s+(telefon|handy)?nummer\b|\bnicht\s+(unter|von)\s+(dieser|meiner|der)\s+nummer\b|\bnummer\s+(von|meiner|meines|ihres|seines)\b/;

/** True when the caller asks about an appointment that is someone else's, by relation, name or another number. */
export function mentionsOtherPerson(text: string): boolean {
  const t = fold(text);
  return RELATIVE.test(t) || OTHER_NAMED.test(t) || HIS_OR_HERS.test(t) || OTHER_NUMBER.test(t);
}

/** "unter der Nummer …", "läuft unter …": a number in the sentence is said as the number an appointment is under. */
export function speaksOfNumber(text: string): boolean {
  return /\b(nummer|unter|laeuft)\b/.test(fold(text));
}

const DIGIT_WORDS = new Set(['null', 'eins', 'ein', 'zwei', 'zwo', 'drei', 'vier', 'fuenf', 'sechs', 'sieben', 'acht', 'neun']);

/**
 * "der läuft unter null eins fünf zwei …": a phone number is being said, even where its digits cannot all be read.
 * A number that cannot be read cannot be checked against the calling one, so it counts as another.
 */
export function saysSomeNumber(text: string): boolean {
  const digits = foldedWords(text).reduce((n, w) => n + (/^\d+$/.test(w) ? w.length : DIGIT_WORDS.has(w) ? 1 : 0), 0);
  return speaksOfNumber(text) && digits >= 6;
}
