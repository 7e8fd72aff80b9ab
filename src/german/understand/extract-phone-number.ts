/**
 * Phone numbers as callers say them: digit groups ("0176 1234 5678"), single digits and pairs in
 * words ("null eins sieben sechs – zwölf vierunddreißig"), "plus neun vier …", "doppel-null".
 * Candidates are validated with libphonenumber-js; the result is E.164 or null.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { fold } from './normalize.js';
import { cardinalValue, isArticleOne, isTens } from './numbers.js';

const TOKEN_RE = /\+|\d+|[\p{L}\p{M}]+|[-/().,;:–]/gu;
/** Words that may sit inside a spoken number without ending it. */
const INSIDE = new Set([
  'aeh',
  'aehm',
  'oehm',
  'ehm',
  'hm',
  'also',
  'dann',
  'und',
  'die',
  'strich',
  'schraegstrich',
  'bindestrich',
  'leerzeichen',
  'komma',
  'punkt',
  'noch',
  'mal',
  'so',
  'ja',
  'genau',
]);
const REPEAT = new Map([
  ['doppel', 2],
  ['doppelt', 2],
  ['doppelte', 2],
  ['dreifach', 3],
  ['tripel', 3],
]);
const SEPARATORS = new Set(['-', '/', '(', ')', '.', ',', ';', ':', '–']);

/**
 * Words around a day or a clock time ("am 20. November um fünfzehn Uhr fünfzehn"): the digits next to them are never
 * pieces of one phone number, so runs on either side are not joined.
 */
const TIME_WORDS = new Set([
  'uhr',
  'um',
  'am',
  'halb',
  'viertel',
  'dreiviertel',
  'januar',
  'februar',
  'maerz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
]);

/** Collects runs of spoken or written digits; other words end a run. A null marks a day or time between runs. */
function digitRuns(text: string): Array<string | null> {
  const toks = fold(text).match(TOKEN_RE) ?? [];
  const runs: Array<string | null> = [];
  let cur = '';
  let repeat = 1;
  const flush = () => {
    if (/\d/.test(cur)) runs.push(cur);
    cur = '';
    repeat = 1;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t === '+' || t === 'plus') {
      flush();
      cur = '+';
      continue;
    }
    if (/^\d+$/.test(t)) {
      cur += t.repeat(repeat);
      repeat = 1;
      continue;
    }
    const r = REPEAT.get(t);
    if (r !== undefined) {
      repeat = r;
      continue;
    }
    let v = cardinalValue(t);
    if (v === null && isArticleOne(t) && cur !== '') v = 1;
    if (v !== null) {
      // "vier und dreißig" written apart by speech-to-text is 34, not 4-0-30.
      const next = toks[i + 2];
      const tens = toks[i + 1] === 'und' && next !== undefined ? cardinalValue(next) : null;
      if (v >= 1 && v <= 9 && tens !== null && isTens(tens)) {
        v += tens;
        i += 2;
      }
      cur += String(v).repeat(repeat);
      repeat = 1;
      continue;
    }
    if (SEPARATORS.has(t) || INSIDE.has(t)) continue;
    flush();
    if (TIME_WORDS.has(t) && runs.at(-1) !== null) runs.push(null);
  }
  flush();
  return runs;
}

function validate(candidate: string, country: CountryCode): string | null {
  const digits = candidate.replace(/[^\d+]/g, '');
  if (digits.replace('+', '').length < 6) return null;
  const normalised = digits.startsWith('00') ? `+${digits.slice(2)}` : digits;
  const parsed = parsePhoneNumberFromString(normalised, country);
  return parsed && parsed.isValid() ? parsed.number : null;
}

/**
 * Written dates and clock times ("24.11.", "30.02.2026", "2026-11-24", "14:30"): their digits are never part of a
 * phone number, and "am 24.11. um 10" must not become +49241110. Each is replaced by a word that ends a run.
 */
const DATE_OR_TIME = /(?<![\d.])(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})?|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2})(?![\d])/g;

/** Extracts a valid phone number (E.164) from caller text, or null. */
export function extractPhoneNumber(text: string, defaultCountry: CountryCode = 'DE'): string | null {
  const runs = digitRuns(text.replace(DATE_OR_TIME, ' datum '));
  for (const run of runs) {
    const valid = run === null ? null : validate(run, defaultCountry);
    if (valid) return valid;
  }
  // A number given in pieces ("Vorwahl null drei null, dann die Nummer …") may span several runs, never a day or time.
  // It starts where a caller starts a number, with the 0 of the area code or a +: "um neun Uhr dreißig, meine Nummer
  // ist 0170 …" must not begin with the time's 9 and 30.
  for (let i = 0; i < runs.length; i++) {
    const first = runs[i];
    if (first === null || first === undefined || !/^[+0]/.test(first)) continue;
    let joined = first;
    for (let j = i + 1; j < runs.length; j++) {
      const piece = runs[j];
      if (piece === null || piece === undefined) break;
      joined += piece.replace('+', '');
      const valid = validate(joined, defaultCountry);
      if (valid) return valid;
    }
  }
  return null;
}
