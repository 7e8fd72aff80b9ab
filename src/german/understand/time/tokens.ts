/**
 * Tokeniser of the time parser: folded words with fillers removed and compounds split,
 * number words turned into numbers, and digit groups classified as clock times or dates.
 */
import { fold } from '../normalize.js';
import { cardinalValue, isArticleOne, isTens, ordinalValue, spokenHourValue } from '../numbers.js';
import { ABBREVIATIONS, CLOCK_MARKERS, FILLERS, HABITUAL_WEEKDAYS, MONTHS, PARTS_OF_DAY, POD_TAILS, WEEKDAY_ABBREVIATIONS, WEEKDAYS } from './lexicon.js';

export type TimeToken =
  /** A folded word that is not a number. */
  | { k: 'w'; w: string }
  /** A cardinal: digits ("15", "15.") or a word ("fünfzehn"); `art` marks the article "ein/eine/einer". */
  | { k: 'n'; v: number; dot: boolean; digits: boolean; art: boolean; lead0: boolean }
  /** A day-ordinal word ("dritten"). */
  | { k: 'ord'; v: number }
  /** A clock time written with digits ("14:30", "um 10.10"). */
  | { k: 'hm'; h: number; m: number; lead0: boolean }
  /** A date written with digits ("10.12.", "3.12.2026"). */
  | { k: 'dmy'; d: number; m: number; y: number | null }
  /** Punctuation that separates clauses or ranges. */
  | { k: 'p'; p: string };

// A decimal before a unit ("in 2,5 Stunden", "1.5 Std.") is a quantity, never a date in May.
const RAW_RE =
  /(\d{4}-\d{1,2}-\d{1,2})|(\d{1,3}[.,]\d(?=\s*(?:stunde|std|minute|min\b|tag|woche|monat)))|(\d{1,4}(?:[.:]\d{1,4}){0,2}\.?)|([\p{L}\p{M}]+)|([,;!?.\-–/])/gu;
const WEEKDAY_STEMS = [...WEEKDAYS.keys()];
const DAY_WORD_PREFIXES = ['uebermorgen', 'heute', 'morgen'];
/** Strong clock markers before "10.10" make it a time even with a trailing dot (sentence end). */
const DATE_PREPOSITIONS = new Set(['am', 'den', 'dem', 'der', 'zum', 'vom', 'ab', 'bis']);
const WEAK_CLOCK_MARKERS = new Set(['ab', 'bis', 'von', 'zwischen', 'fruehestens', 'spaetestens', 'nach', 'vor']);
/** Spoken forms of the regions and the standard word each stands for. */
const SPOKEN_FORMS: ReadonlyMap<string, string> = new Map([
  ['heut', 'heute'],
  ['nich', 'nicht'],
  ['ned', 'nicht'],
  ['net', 'nicht'],
  ['nit', 'nicht'],
]);
/** Words after which the Bavarian "a" (about) may stand before an hour. */
const AROUND = new Set(['um', 'gegen', 'so']);
const HOURISH = /^(halb|viertel|dreiviertel)$/;
const ORDINAL_OF_TIMES = new Set(['zum', 'beim', 'das', 'dem', 'dieses', 'letztes', 'naechstes', 'ein']);

type Raw = { kind: 'iso' | 'decimal' | 'digits' | 'word' | 'punct'; text: string };

function splitTermin(w: string): string | null {
  for (const suffix of ['terminen', 'termine', 'termin']) {
    if (w.endsWith(suffix) && w.length > suffix.length) {
      const head = w.slice(0, -suffix.length);
      return head.endsWith('s') && !POD_TAILS.has(head) ? head.slice(0, -1) : head;
    }
  }
  return null;
}

/** Splits "dienstagvormittag", "montagmorgens", "vormittagstermin", "heuteabend" into their parts. */
export function splitCompound(w: string): string[] {
  if (WEEKDAYS.has(w) || HABITUAL_WEEKDAYS.has(w) || PARTS_OF_DAY.has(w) || MONTHS.has(w)) return [w];
  const termin = splitTermin(w);
  if (termin !== null) {
    const pod = POD_TAILS.get(termin);
    if (pod) return [pod];
    if (WEEKDAYS.has(termin)) return [termin];
  }
  for (const stem of WEEKDAY_STEMS) {
    if (w.length <= stem.length || !w.startsWith(stem)) continue;
    const rest = w.slice(stem.length);
    for (const tail of rest.startsWith('s') ? [rest, rest.slice(1)] : [rest]) {
      const plain = splitTermin(tail) ?? tail;
      if (plain === '') return [stem];
      const pod = POD_TAILS.get(plain);
      if (pod) return [stem, pod === 'morgens' ? 'morgens' : pod];
    }
  }
  for (const prefix of DAY_WORD_PREFIXES) {
    if (w.length <= prefix.length || !w.startsWith(prefix)) continue;
    const pod = POD_TAILS.get(w.slice(prefix.length));
    if (pod) return [prefix, pod];
  }
  return [w];
}

/**
 * Hours written with "h", as on notes and in chats: "17h10", "14h30" are clock times, "14h" / "11 h" an
 * hour, but "in 2h" is a duration.
 */
function rewriteHourNotation(folded: string): string {
  return folded
    .replace(/(?<![\d.:])(\d{1,2})\s?h\s?(\d{2})(?![\p{L}\d])/gu, '$1:$2')
    .replace(
      /\b(in|fuer|dauert|dauern|braucht|brauchen|mindestens|maximal|hoechstens|knapp|rund|ueber)\s+(\d{1,3}(?:[.,]\d)?)\s?h(?![\p{L}\d])/gu,
      '$1 $2 stunden',
    )
    .replace(/(?<![\d.:])(\d{1,2})\s?h(?![\p{L}\d])/gu, '$1 uhr');
}

function rawTokens(text: string): Raw[] {
  const out: Raw[] = [];
  RAW_RE.lastIndex = 0;
  for (let m = RAW_RE.exec(text); m; m = RAW_RE.exec(text)) {
    if (m[1] !== undefined) out.push({ kind: 'iso', text: m[1] });
    else if (m[2] !== undefined) out.push({ kind: 'decimal', text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: 'digits', text: m[3] });
    else if (m[4] !== undefined) out.push({ kind: 'word', text: m[4] });
    else if (m[5] !== undefined) out.push({ kind: 'punct', text: m[5] });
  }
  return out;
}

const ABBREVIATION_CONTEXT_BEFORE = new Set([
  'am',
  'ab',
  'bis',
  'jeden',
  'naechsten',
  'naechster',
  'diesen',
  'kommenden',
  'oder',
  'und',
  'von',
  'vom',
  'nur',
  'ausser',
]);
const ABBREVIATION_CONTEXT_AFTER = new Set([
  'um',
  'ab',
  'den',
  'oder',
  'und',
  'bis',
  'gegen',
  'vormittag',
  'vormittags',
  'nachmittag',
  'nachmittags',
  'abend',
  'abends',
  'morgens',
  'mittag',
  'mittags',
  'frueh',
]);

/**
 * Reads "Mo.", "Di", "Sa.," as weekdays where a date, a clock time or a weekday word stands beside them.
 * "Fr." and "So" need more: "Fr. Meyer" is Frau Meyer, and "so" is the commonest filler ("Gut, so. Um zehn?"),
 * so "So." counts only with its dot and a date right after or "am"/"nächsten" before it.
 */
function expandWeekdayAbbreviations(raws: Raw[]): Raw[] {
  const out: Raw[] = [];
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i]!;
    const full = r.kind === 'word' ? WEEKDAY_ABBREVIATIONS.get(r.text) : undefined;
    if (full === undefined) {
      out.push(r);
      continue;
    }
    const dotted = raws[i + 1]?.kind === 'punct' && raws[i + 1]?.text === '.';
    let k = i + (dotted ? 2 : 1);
    if (raws[k]?.kind === 'punct' && raws[k]?.text === ',') k++;
    const after = raws[k];
    const prev = out[out.length - 1];
    const prevWord = prev?.kind === 'punct' && prev.text === ',' ? out[out.length - 2] : prev;
    // "Do, Fr oder Sa": a weekday just before makes the next abbreviation one too.
    const before = (prev?.kind === 'word' && ABBREVIATION_CONTEXT_BEFORE.has(prev.text)) || (prevWord?.kind === 'word' && WEEKDAYS.has(prevWord.text));
    const numberAfter = after !== undefined && (after.kind === 'digits' || after.kind === 'iso');
    const wordAfter = after?.kind === 'word' && (ABBREVIATION_CONTEXT_AFTER.has(after.text) || WEEKDAY_ABBREVIATIONS.has(after.text));
    const strict = r.text === 'fr';
    const isDay =
      r.text === 'so'
        ? dotted && (numberAfter || before)
        : strict
          ? (dotted && (numberAfter || before || after?.text === 'um')) || (!dotted && (before || numberAfter))
          : before || numberAfter || wordAfter || (dotted && after === undefined);
    if (!isDay) {
      out.push(r);
      continue;
    }
    out.push({ kind: 'word', text: full });
    if (dotted) i++;
  }
  return out;
}

/** Clock words that make "achte" an hour ("um achte") rather than the ordinal ("der achte"). */
const HOUR_CONTEXT = new Set([
  'um',
  'gegen',
  'halb',
  'viertel',
  'dreiviertel',
  'ab',
  'bis',
  'nach',
  'vor',
  'zwischen',
  'punkt',
  'ca',
  'circa',
  'zirka',
  'etwa',
  'ungefaehr',
  'kurz',
  'oder',
  'und',
]);

type Pair = { k: 'pair'; parts: number[]; sep: string; dot: boolean; lead0: boolean };

function digitToken(text: string): TimeToken | Pair {
  const dot = text.endsWith('.');
  const body = dot ? text.slice(0, -1) : text;
  if (!/[.:]/.test(body)) {
    return { k: 'n', v: Number(body), dot, digits: true, art: false, lead0: body.length > 1 && body.startsWith('0') };
  }
  const sep = body.includes(':') ? ':' : '.';
  return { k: 'pair', parts: body.split(/[.:]/).map(Number), sep, dot, lead0: body.startsWith('0') };
}

function wordOf(t: TimeToken | Pair | undefined): string | null {
  return t && t.k === 'w' ? t.w : null;
}

/** Decides whether "10.12" is a date or a clock time from its shape and neighbours (rule 8). */
function classifyPair(p: Pair, prev: string | null, next: string | null): TimeToken | null {
  const [a = 0, b = 0, c] = p.parts;
  const validTime = a <= 24 && b <= 59;
  const validDate = a >= 1 && a <= 31 && b >= 1 && b <= 12;
  if (p.sep === ':') return validTime ? { k: 'hm', h: a, m: b, lead0: p.lead0 } : null;
  if (c !== undefined) return validDate ? { k: 'dmy', d: a, m: b, y: c < 100 ? 2000 + c : c } : null;
  const strongTime = next === 'uhr' || (prev !== null && CLOCK_MARKERS.has(prev));
  if (strongTime && validTime) return { k: 'hm', h: a, m: b, lead0: p.lead0 };
  if (prev !== null && DATE_PREPOSITIONS.has(prev) && validDate && (p.dot || b <= 12)) return { k: 'dmy', d: a, m: b, y: null };
  if (prev !== null && WEAK_CLOCK_MARKERS.has(prev) && validTime && !p.dot) return { k: 'hm', h: a, m: b, lead0: p.lead0 };
  if (validDate && (p.dot || b <= 12)) return { k: 'dmy', d: a, m: b, y: null };
  return validTime ? { k: 'hm', h: a, m: b, lead0: p.lead0 } : null;
}

function pushWord(out: Array<TimeToken | Pair>, w: string): void {
  const card = cardinalValue(w);
  if (card !== null) {
    out.push({ k: 'n', v: card, dot: false, digits: false, art: false, lead0: false });
    return;
  }
  if (isArticleOne(w)) {
    out.push({ k: 'n', v: 1, dot: false, digits: false, art: true, lead0: false });
    return;
  }
  const ord = ordinalValue(w);
  if (ord !== null) {
    out.push({ k: 'ord', v: ord });
    return;
  }
  for (const part of splitCompound(w)) out.push({ k: 'w', w: part });
}

/** Tokenises caller text for the time parser. */
export function tokenizeForTime(text: string): TimeToken[] {
  // Fillers go first, so that look-ahead ("über äh morgen", "vier und äh zwanzig") sees content words.
  const raws = expandWeekdayAbbreviations(rawTokens(rewriteHourNotation(fold(text)))).filter(
    (r) => r.kind !== 'word' || r.text === 'mal' || !FILLERS.has(r.text),
  );
  const out: Array<TimeToken | Pair> = [];
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i]!;
    if (r.kind === 'iso') {
      const [y = 0, m = 0, d = 0] = r.text.split('-').map(Number);
      if (m >= 1 && m <= 12 && d >= 1 && d <= 31) out.push({ k: 'dmy', d, m, y });
      continue;
    }
    if (r.kind === 'digits') {
      out.push(digitToken(r.text));
      continue;
    }
    if (r.kind === 'decimal') {
      out.push({ k: 'n', v: Number(r.text.replace(',', '.')), dot: false, digits: true, art: false, lead0: false });
      continue;
    }
    if (r.kind === 'punct') {
      const prev = out[out.length - 1];
      if (r.text === '.' && prev?.k === 'w' && ABBREVIATIONS.has(prev.w)) continue;
      if (r.text === '-' || r.text === '–' || r.text === '/') {
        // A dash only matters between numbers ("9-11"); elsewhere it joins words ("Dienstag-Vormittag").
        if (prev && (prev.k === 'n' || prev.k === 'hm' || prev.k === 'pair')) out.push({ k: 'p', p: '-' });
        continue;
      }
      out.push({ k: 'p', p: r.text });
      continue;
    }
    // "heut Mittag", "Montag kann ich ned": the spoken short forms read as the words they stand for.
    const w = SPOKEN_FORMS.get(r.text) ?? r.text;
    const prev = out[out.length - 1];
    const nextRaw = raws[i + 1];
    // "um a zehne", "so gegen a halb drei": the Bavarian "a" (about) before an hour says nothing about it.
    if (
      w === 'a' &&
      prev?.k === 'w' &&
      AROUND.has(prev.w) &&
      nextRaw &&
      (nextRaw.kind === 'digits' || HOURISH.test(nextRaw.text) || spokenHourValue(nextRaw.text) !== null || cardinalValue(nextRaw.text) !== null)
    ) {
      continue;
    }
    // "um achte", "halb neune", "um zehne": the spoken -e of an hour.
    const spokenHour = spokenHourValue(w);
    if (spokenHour !== null && (w !== 'achte' || (prev?.k === 'w' && HOUR_CONTEXT.has(prev.w)) || nextRaw?.text === 'uhr')) {
      out.push({ k: 'n', v: spokenHour, dot: false, digits: false, art: false, lead0: false });
      continue;
    }
    if (w === 'mal') {
      // "zum ersten Mal" counts occasions, it names no day of the month ("am dritten mal Dezember" does).
      const monthFollows = nextRaw?.kind === 'word' && (MONTHS.has(nextRaw.text) || ordinalValue(nextRaw.text) !== null);
      if (prev?.k === 'ord' && ORDINAL_OF_TIMES.has(wordOf(out[out.length - 2]) ?? '') && !monthFollows) out[out.length - 1] = { k: 'w', w: 'ordinal-mal' };
      continue;
    }
    // Speech-to-text splits compounds: "über morgen", "über nächste Woche", "vier und zwanzig".
    const j = nextRaw?.kind === 'word' && nextRaw.text === 'mal' ? i + 2 : i + 1;
    const joined = raws[j];
    if (w === 'ueber' && joined?.kind === 'word' && (joined.text === 'morgen' || joined.text.startsWith('naechst'))) {
      pushWord(out, `ueber${joined.text}`);
      i = j;
      continue;
    }
    if (w === 'und' && prev?.k === 'n' && !prev.digits && prev.v >= 1 && prev.v <= 9 && joined?.kind === 'word') {
      const tens = cardinalValue(joined.text);
      const tensOrdinal = tens === null ? ordinalValue(joined.text) : null;
      if (tens !== null && isTens(tens)) {
        out[out.length - 1] = { ...prev, v: tens + prev.v, art: false };
        i = j;
        continue;
      }
      if (tensOrdinal !== null && isTens(tensOrdinal)) {
        out[out.length - 1] = { k: 'ord', v: tensOrdinal + prev.v };
        i = j;
        continue;
      }
    }
    pushWord(out, w);
  }
  const tokens: TimeToken[] = [];
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    if (t.k !== 'pair') {
      tokens.push(t);
      continue;
    }
    const classified = classifyPair(t, wordOf(out[i - 1]), wordOf(out[i + 1]));
    if (classified) tokens.push(classified);
  }
  return tokens;
}
