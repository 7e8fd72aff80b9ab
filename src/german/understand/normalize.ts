/**
 * Text normalisation shared by the understanding functions.
 *
 * Speech-to-text output is lower/upper-cased at random and sometimes spells umlauts as
 * digraphs ("Faerbung", "naechste"). Every lexicon in this folder is therefore keyed by the
 * folded form: lower case with ä→ae, ö→oe, ü→ue, ß→ss, so that both spellings meet.
 */

const FOLD_MAP: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', ẞ: 'ss' };
const FOLD_RE = /[äöüßẞ]/g;
const HAS_FOLDABLE = /[äöüßẞ]/;

/** Lower-cases and folds umlauts and ß to their ASCII digraphs. */
export function fold(text: string): string {
  // NFC first: some transcripts spell "ü" as "u" plus a combining diaeresis.
  const lower = text.normalize('NFC').toLowerCase();
  return HAS_FOLDABLE.test(lower) ? lower.replace(FOLD_RE, (c) => FOLD_MAP[c] ?? c) : lower;
}

// \p{L} makes ä, ö, ü and ß letters, so "früh" is one word and never "fr" + "h".
const WORD_RE = /[\p{L}\p{M}]+(?:['’][\p{L}]+)?|\d+/gu;

/** Splits text into folded words and digit runs; punctuation is dropped. */
export function foldedWords(text: string): string[] {
  return fold(text).match(WORD_RE) ?? [];
}

/** True when `needle` (a sequence of folded words) occurs in `words` starting at a word boundary. */
export function indexOfWords(words: readonly string[], needle: readonly string[], from = 0): number {
  outer: for (let i = from; i + needle.length <= words.length; i++) {
    for (let j = 0; j < needle.length; j++) if (words[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Builds a matcher for whole-word phrases; phrases are given in natural spelling and folded here. */
export function phraseMatcher(phrases: readonly string[]): (words: readonly string[]) => boolean {
  const split = phrases.map((p) => foldedWords(p));
  return (words) => split.some((p) => indexOfWords(words, p) >= 0);
}

/**
 * Folded text with the spoken forms of the regions written as the standard words the intent and cue patterns
 * know: the negation "nich" (north, Berlin), "ned", "net" (south), "nit" (west) is "nicht"; Berlin's "jeht" is
 * "geht"; "is" is "ist"; "des", "dit", "dat" before a verb are "das" ("des war's"). "Na, des geht ned" is a no, never a yes.
 */
export function standardSpoken(folded: string): string {
  return folded
    .replace(/\b(nich|ned|net|nit)\b/g, 'nicht')
    .replace(/\bjeht\b/g, 'geht')
    .replace(/\bis\b/g, 'ist')
    .replace(/\b(des|dit|dat)(?= (passt|geht|klappt|ist|war|waer|waere)\b)/g, 'das');
}

/**
 * Folded text without the hesitations a recogniser writes out ("haben hm sie samstags auf", "wo also kann ich
 * parken"), so that a phrase broken by one still reads as the phrase. "mhm" stays: it is a yes.
 */
export function foldWithoutHesitations(text: string): string {
  return fold(text)
    .replace(/[’`]/g, "'")
    .replace(/(^|[\s,.;:!?])(aeh+m*|oeh+m*|ehm+|h+m+|also)(?=[\s,.;:!?]|$)/g, '$1')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
