/**
 * German number words, keyed by their folded spelling (see normalize.ts):
 * cardinals 0–999 ("vierundzwanzig", "zwo"), day ordinals 1–31 in every inflection
 * ("dritten", "einunddreißigster") and the fractions used in durations ("anderthalb").
 */

const UNITS = [
  'null',
  'eins',
  'zwei',
  'drei',
  'vier',
  'fuenf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'elf',
  'zwoelf',
  'dreizehn',
  'vierzehn',
  'fuenfzehn',
  'sechzehn',
  'siebzehn',
  'achtzehn',
  'neunzehn',
] as const;
const TENS = ['', '', 'zwanzig', 'dreissig', 'vierzig', 'fuenfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'] as const;
/** The form a unit takes in front of "und…zig" and "hundert": "ein", not "eins". */
const COMBINING = ['', 'ein', 'zwei', 'drei', 'vier', 'fuenf', 'sechs', 'sieben', 'acht', 'neun'] as const;

function buildCardinals(): Map<string, number> {
  const map = new Map<string, number>();
  UNITS.forEach((w, i) => map.set(w, i));
  for (let t = 2; t <= 9; t++) {
    map.set(TENS[t]!, t * 10);
    for (let u = 1; u <= 9; u++) map.set(`${COMBINING[u]}und${TENS[t]}`, t * 10 + u);
  }
  map.set('zwo', 2);
  // Berlin and the south: "um eens", "um zwee", "um zwoa".
  map.set('eens', 1);
  map.set('oans', 1);
  map.set('zwee', 2);
  map.set('zwoa', 2);
  // Berlin and Saxony: "um fümfe", "fuffzehn Uhr"; the north's "-zich": "zwanzich", "dreißich".
  map.set('fuemf', 5);
  map.set('fuffzehn', 15);
  map.set('fuffzig', 50);
  map.set('fuffzich', 50);
  for (let t = 2; t <= 5; t++) map.set(TENS[t]!.replace(/g$/, 'ch'), t * 10);
  map.set('siebenzehn', 17);
  map.set('dreizig', 30); // common speech-to-text misspelling
  return map;
}

function ordinalStem(n: number, cardinal: string): string[] {
  const irregular: Record<number, string[]> = { 1: ['erst'], 3: ['dritt'], 7: ['siebt', 'siebent'], 8: ['acht'] };
  const fixed = irregular[n];
  if (fixed) return fixed;
  return [n < 20 ? `${cardinal}t` : `${cardinal}st`];
}

function buildOrdinals(cardinals: Map<string, number>): Map<string, number> {
  const byValue = new Map<number, string>();
  for (const [w, v] of cardinals)
    if (!byValue.has(v) && !['zwo', 'siebenzehn', 'dreizig', 'eens', 'oans', 'zwee', 'zwoa', 'fuemf', 'fuffzehn'].includes(w)) byValue.set(v, w);
  const map = new Map<string, number>();
  for (let n = 1; n <= 31; n++) {
    for (const stem of ordinalStem(n, byValue.get(n) ?? '')) {
      for (const ending of ['e', 'en', 'er', 'es', 'em']) map.set(stem + ending, n);
    }
  }
  return map;
}

const CARDINALS = buildCardinals();
const ORDINALS = buildOrdinals(CARDINALS);
// Spoken short forms count too: "in ner halben Stunde", "nen Termin", "in nem Monat".
const ARTICLES = new Set(['ein', 'eine', 'einen', 'einer', 'einem', 'eines', 'ner', 'nem', 'nen', 'nes']);
const FRACTIONS = new Map<string, number>([
  ['anderthalb', 1.5],
  ['eineinhalb', 1.5],
  ['einhalb', 0.5],
  ['zweieinhalb', 2.5],
  ['dreieinhalb', 3.5],
  ['viereinhalb', 4.5],
  ['fuenfeinhalb', 5.5],
]);
const HUNDRED_RE = /^(ein|zwei|drei|vier|fuenf|sechs|sieben|acht|neun)?hundert(.*)$/;

/** Value of a folded cardinal number word ("vierundzwanzig" → 24, "zweihundertzwölf" → 212), or null. */
export function cardinalValue(word: string): number | null {
  const direct = CARDINALS.get(word);
  if (direct !== undefined) return direct;
  const m = HUNDRED_RE.exec(word);
  if (!m) return null;
  const head = m[1] ? COMBINING.indexOf(m[1] as (typeof COMBINING)[number]) : 1;
  const rest = m[2] ?? '';
  if (rest === '') return head * 100;
  const tail = CARDINALS.get(rest.startsWith('und') ? rest.slice(3) : rest);
  return tail === undefined || tail > 99 ? null : head * 100 + tail;
}

/** Value of a folded day-ordinal word ("dritten" → 3, "einunddreissigsten" → 31), or null. */
export function ordinalValue(word: string): number | null {
  return ORDINALS.get(word) ?? null;
}

/**
 * The hour of a clock word with the spoken -e of the north, Berlin and the south ("achte", "neune", "zehne",
 * "elfe", "fünfe"), 1–12, or null. "achte" is also the ordinal "der achte", so callers ask for clock context.
 */
export function spokenHourValue(word: string): number | null {
  if (!word.endsWith('e') || word.length < 4) return null;
  const v = CARDINALS.get(word.slice(0, -1));
  return v !== undefined && v >= 1 && v <= 12 && word !== 'eine' ? v : null;
}

/** True for the indefinite article, which doubles as "one" ("in einer Stunde", "ein Uhr"). */
export function isArticleOne(word: string): boolean {
  return ARTICLES.has(word);
}

/** Value of a folded fraction word used in durations ("anderthalb" → 1.5), or null. */
export function fractionValue(word: string): number | null {
  const fixed = FRACTIONS.get(word);
  if (fixed !== undefined) return fixed;
  // "sechseinhalb", "zehneinhalb": any cardinal with "einhalb".
  const whole = word.endsWith('einhalb') ? cardinalValue(word.slice(0, -'einhalb'.length)) : null;
  return whole !== null && whole > 0 ? whole + 0.5 : null;
}

/** True when the value is a whole tens number that "X und Y-zig" can be glued from. */
export function isTens(value: number): boolean {
  return value >= 20 && value <= 90 && value % 10 === 0;
}

/** The folded cardinal word for 0–99 (used by tests and generators). */
export function cardinalWord(n: number): string {
  if (n < 20) return UNITS[n] ?? '';
  const t = Math.floor(n / 10);
  const u = n % 10;
  return u === 0 ? (TENS[t] ?? '') : `${COMBINING[u]}und${TENS[t]}`;
}
