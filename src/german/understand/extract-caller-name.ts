/**
 * The caller's name, the way Germans give it on the phone: "mein Name ist Maria Schmidt", "Schmidt mein Name",
 * "hier ist die Frau Schmidt", "Maria Schmidt hier", "ich bin der Tom", "Schmidt am Apparat", "Ja, Lisa Meyer,
 * guten Tag", "Maria Schmidt heiß ich", "Schmidt, Maria Schmidt", and speech-recogniser text ("katrin äh busch").
 * Two readings: `extractCallerName` for the answer to "Auf welchen Namen?", where a bare name is a name, and
 * `findIntroducedName` for any other sentence, where only a name the caller introduces themselves with counts
 * ("bei Herrn Spitzer" is whom they want, "ich bin neu hier" no name at all). Capitalisation is repaired.
 */
import { GREETING_WORDS, HESITATIONS, NAME_PARTICLES, NOT_NAME_WORDS, OTHER_PERSON_BEFORE_TITLE, SERVICE_LIKE } from './caller-name-words.js';
import { isFirstName } from './first-names.js';
import { fold } from './normalize.js';
import { cardinalValue, ordinalValue } from './numbers.js';
import { HABITUAL_WEEKDAYS, MONTHS, WEEKDAYS } from './time/lexicon.js';

export interface CallerName {
  firstName?: string;
  lastName?: string;
  /** Name as it should be written, first name first. */
  full: string;
  /** "Frau"/"Herr" when the caller used it, for addressing them. */
  title?: 'Frau' | 'Herr';
}

interface Word {
  raw: string;
  folded: string;
  /** Punctuation that ends a clause ("Lisa Meyer, ich hätte gern …"). */
  stop: boolean;
}

type Mode = 'answer' | 'introduced';

/**
 * How sure a frame is that a name follows. `naming`: even a weekday or month after it is a name ("mein Name ist
 * Freitag"); `strong`: any name-like words; `weak`: in a sentence that is no name answer, only a first name or a
 * title after it ("ich bin der Tom", "ich bin Frau Weber", not "ich bin flexibel").
 */
type Strength = 'naming' | 'strong' | 'weak';

const INTROS: ReadonlyArray<{ words: readonly string[]; strength: Strength; answerOnly?: true }> = [
  { words: ['mein', 'name', 'ist'], strength: 'naming' },
  { words: ['mein', 'name', 'lautet'], strength: 'naming' },
  { words: ['mein', 'nachname', 'ist'], strength: 'naming' },
  { words: ['mein', 'vorname', 'ist'], strength: 'naming' },
  { words: ['der', 'name', 'ist'], strength: 'naming' },
  { words: ['der', 'name', 'lautet'], strength: 'naming' },
  { words: ['name', 'ist'], strength: 'naming' },
  { words: ['ich', 'heisse'], strength: 'naming' },
  { words: ['ich', 'heiss'], strength: 'naming' },
  { words: ['hier', 'ist'], strength: 'naming' },
  { words: ['hier', 'spricht'], strength: 'naming' },
  { words: ['es', 'spricht'], strength: 'naming' },
  { words: ['am', 'apparat', 'ist'], strength: 'naming' },
  { words: ['am', 'telefon', 'ist'], strength: 'naming' },
  { words: ['auf', 'den', 'namen'], strength: 'strong' },
  { words: ['unter', 'dem', 'namen'], strength: 'strong' },
  { words: ['unter', 'namen'], strength: 'strong' },
  { words: ['auf', 'namen'], strength: 'strong' },
  { words: ['ich', 'bin'], strength: 'weak' },
  { words: ['ich', "bin's"], strength: 'weak' },
  { words: ['ich', 'bins'], strength: 'weak' },
  { words: ['das', 'ist'], strength: 'weak' },
  { words: ['name'], strength: 'strong', answerOnly: true },
  { words: ['nachname'], strength: 'strong', answerOnly: true },
  { words: ['auf'], strength: 'strong', answerOnly: true },
  { words: ['unter'], strength: 'strong', answerOnly: true },
];
/** After the name: "Schmidt mein Name", "Meyer am Apparat", "Maria Weber heiß ich"; `weak`: "Meyer hier". */
const OUTROS: ReadonlyArray<{ words: readonly string[]; weak?: true }> = [
  { words: ['ist', 'mein', 'name'] },
  { words: ['mein', 'name'] },
  { words: ['am', 'apparat'] },
  { words: ['am', 'telefon'] },
  { words: ['heisse', 'ich'] },
  { words: ['heiss', 'ich'] },
  { words: ['hier'], weak: true },
];
const TITLES = new Set(['frau', 'herr', 'herrn']);
/** Before "X hier" they make it a question about X: "ist Sandra hier", "arbeitet Kevin hier". */
const ASKING_VERBS = new Set(['ist', 'sind', 'war', 'arbeitet', 'arbeiten']);
const ARTICLES = new Set(['der', 'die']);
/** Said before a name without being part of it: "ja", "also", greetings. */
const LEADING_NOISE = new Set([
  'ja',
  'jaa',
  'also',
  'hallo',
  'guten',
  'schoenen',
  'tag',
  'morgen',
  'abend',
  'gerne',
  'genau',
  'okay',
  'ok',
  'ach',
  'so',
  'na',
  'hi',
  'hey',
  'moin',
  'servus',
  'gruess',
  'gott',
  'tach',
  'mahlzeit',
]);
const TRAILING_NOISE = new Set(['bitte', 'danke', 'schoen', 'guten', 'tag', 'morgen', 'abend', 'hallo']);

const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}'’-]*|\d+|[,.;:!?–]/gu;

function toWords(text: string): Word[] {
  return (text.match(WORD_RE) ?? [])
    .map((raw) => ({ raw: raw.replace(/^[-'’]+|[-'’]+$/g, ''), folded: fold(raw), stop: /^[,.;:!?–]$/.test(raw) }))
    .filter((w) => !HESITATIONS.has(w.folded));
}

function isCalendarWord(w: string): boolean {
  return WEEKDAYS.has(w) || HABITUAL_WEEKDAYS.has(w) || MONTHS.has(w);
}

function nameLike(w: Word | undefined): boolean {
  if (!w || w.stop || !/^[\p{L}]/u.test(w.raw) || w.folded.length < 2) return false;
  // A name is spoken with a vowel in it; "grmpf", "pssst" and "mhm" are noises a recogniser wrote down.
  if (!/[aeiouy]/.test(w.folded)) return false;
  return !NOT_NAME_WORDS.has(w.folded) && !SERVICE_LIKE.test(w.folded) && cardinalValue(w.folded) === null && ordinalValue(w.folded) === null;
}

/** Capitalises each part of a name ("müller-lüdenscheidt" → "Müller-Lüdenscheidt"); particles stay lower case. */
export function repairCapitalisation(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((part, i, all) => {
      const lower = part.toLowerCase();
      if (i < all.length - 1 && NAME_PARTICLES.has(fold(lower))) return lower;
      return lower.replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
    })
    .join(' ');
}

/** Up to four name words from index i on; particles are allowed inside ("von der Leyen"), "also" between parts. */
function collect(words: readonly Word[], i: number): Word[] {
  const out: Word[] = [];
  for (let k = i; k < words.length && out.length < 4; k++) {
    const w = words[k]!;
    if (out.length > 0 && NAME_PARTICLES.has(w.folded)) {
      let j = k + 1;
      while (words[j] && NAME_PARTICLES.has(words[j]!.folded)) j++;
      if (nameLike(words[j]) && j - k <= 2) {
        out.push(w);
        continue;
      }
    }
    // "Katrin, also, Busch": a hesitation between first and last name.
    if (out.length === 1 && w.folded === 'also' && nameLike(words[k + 1])) continue;
    if (!nameLike(w)) break;
    out.push(w);
  }
  return out;
}

/** Up to three name words ending just before index `end`, read backwards ("… Jan Nowak hier", "uwe also roth heiß ich"). */
function collectBack(words: readonly Word[], end: number): { parts: Word[]; start: number } {
  let start = end;
  const parts: Word[] = [];
  while (start > 0 && parts.filter((p) => nameLike(p)).length < 3) {
    const w = words[start - 1]!;
    const hesitation = parts.length === 1 && w.folded === 'also' && nameLike(words[start - 2]);
    if (!hesitation && !nameLike(w) && !(parts.length > 0 && NAME_PARTICLES.has(w.folded))) break;
    if (!hesitation) parts.unshift(w);
    start--;
  }
  while (parts.length > 0 && NAME_PARTICLES.has(parts[0]!.folded) && !nameLike(parts[0])) {
    parts.shift();
    start++;
  }
  return { parts, start };
}

function buildName(parts: readonly Word[], title: Word | null, named: boolean): CallerName | null {
  if (parts.length === 0) return null;
  const text = parts.map((p) => p.raw);
  let found: CallerName;
  if (parts.length === 1) {
    const only = parts[0]!;
    if (!title && !named && isCalendarWord(only.folded)) return null;
    const full = repairCapitalisation(only.raw);
    found = !title && isFirstName(only.folded) ? { firstName: full, full } : { lastName: full, full };
  } else {
    const particle = parts.findIndex((p, idx) => idx > 0 && NAME_PARTICLES.has(p.folded));
    const split = particle > 0 ? particle : parts.length - 1;
    const firstName = repairCapitalisation(text.slice(0, split).join(' '));
    const lastName = repairCapitalisation(text.slice(split).join(' '));
    found = { firstName, lastName, full: `${firstName} ${lastName}` };
  }
  return title ? { ...found, title: title.folded === 'frau' ? 'Frau' : 'Herr' } : found;
}

function startsWith(words: readonly Word[], i: number, seq: readonly string[]): boolean {
  return seq.every((s, k) => words[i + k]?.folded === s);
}

/** True when a clause begins at index i: only greetings, "ja", "also" before it since the start or a comma. */
function clauseStart(words: readonly Word[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && LEADING_NOISE.has(words[k]!.folded)) k--;
  return k < 0 || words[k]!.stop;
}

/** "bei Herrn Spitzer", "für die Frau Weber": the title at index i names someone other than the caller. */
function titleForSomeoneElse(words: readonly Word[], i: number): boolean {
  const before = words[i - 1]?.folded ?? '';
  const beforeArticle = ARTICLES.has(before) || before === 'dem' || before === 'den' ? (words[i - 2]?.folded ?? '') : before;
  return OTHER_PERSON_BEFORE_TITLE.has(before) || OTHER_PERSON_BEFORE_TITLE.has(beforeArticle);
}

/** The name after a frame's last word, at index k: an optional article, an optional title, the name words. */
function nameAt(words: readonly Word[], k: number, strength: Strength, mode: Mode): CallerName | null {
  if (words[k]?.stop) k++;
  const article = ARTICLES.has(words[k]?.folded ?? '');
  if (article) k++;
  const title = TITLES.has(words[k]?.folded ?? '') ? words[k]! : null;
  if (title) k++;
  const parts = collect(words, k);
  // "hier ist die Frage", "ich bin flexibel": after an article, and after a weak frame outside an answer, only a
  // title or a first name makes the words a name.
  if ((article || (strength === 'weak' && mode === 'introduced')) && !title && !isFirstName(parts[0]?.folded ?? '')) return null;
  return buildName(parts, title, strength === 'naming');
}

function afterIntros(words: readonly Word[], mode: Mode): CallerName[] {
  const found: CallerName[] = [];
  for (let i = 0; i < words.length; i++) {
    for (const intro of INTROS) {
      if ((intro.answerOnly && mode === 'introduced') || !startsWith(words, i, intro.words)) continue;
      const name = nameAt(words, i + intro.words.length, intro.strength, mode);
      // "Das ist Mia Klein" introduces the caller; "das ist die Emma?" asks about someone.
      if (!name || (mode === 'introduced' && intro.words[0] === 'das' && !name.lastName)) continue;
      found.push(name);
    }
  }
  return found;
}

function beforeOutros(words: readonly Word[], mode: Mode): CallerName[] {
  const found: CallerName[] = [];
  for (let i = 1; i < words.length; i++) {
    const outro = OUTROS.find((o) => startsWith(words, i, o.words));
    if (!outro) continue;
    const { parts, start } = collectBack(words, i);
    if (parts.length === 0) continue;
    const title = start > 0 && TITLES.has(words[start - 1]!.folded) ? words[start - 1]! : null;
    if (title && titleForSomeoneElse(words, start - 1)) continue;
    // "ich bin neu hier": "hier" after a word is a name only at the start of a clause, after a title or a first name.
    const at = title ? start - 1 : start;
    if (outro.weak && mode === 'introduced' && !title && !isFirstName(parts[0]!.folded) && !clauseStart(words, at)) continue;
    // "Ist Sandra hier?" asks about someone.
    if (outro.weak && (words[i + 1]?.raw === '?' || ASKING_VERBS.has(words[at - 1]?.folded ?? ''))) continue;
    const name = buildName(parts, title, false);
    if (!name) continue;
    // "Klein mein Name, Mia Klein": the whole name said right after.
    const after = i + outro.words.length + (words[i + outro.words.length]?.stop ? 1 : 0);
    const whole = parts.length === 1 ? surnameRepeated(words, start, after) : null;
    found.push(whole ? whole.name : name);
  }
  return found;
}

/** "Klein, Mia Klein", "braun tobias braun": the surname, then the whole name (from index `from`, else right after). */
function surnameRepeated(words: readonly Word[], i: number, from?: number): { name: CallerName; end: number } | null {
  const first = words[i];
  let k = from ?? i + 1;
  if (from === undefined && words[k]?.stop) k++;
  const given = words[k];
  const again = words[k + 1];
  if (!nameLike(first) || !nameLike(given) || !isFirstName(given!.folded) || again?.folded !== first!.folded) return null;
  const firstName = repairCapitalisation(given!.raw);
  const lastName = repairCapitalisation(first!.raw);
  return { name: { firstName, lastName, full: `${firstName} ${lastName}` }, end: k + 2 };
}

/**
 * A name said first, before the greeting or the wish: "Ja, Lisa Meyer, guten Tag", "Meyer, guten Tag", "Lisa Meyer,
 * ich hätte gern …". Alone in a sentence that is no name answer, it must be a first and last name or be followed
 * by a greeting.
 */
function nameFirst(words: readonly Word[], from = 0): CallerName | null {
  let s = from;
  while (s < words.length && (LEADING_NOISE.has(words[s]!.folded) || words[s]!.stop)) s++;
  const repeated = surnameRepeated(words, s);
  if (repeated) return repeated.name;
  // "Herrn Becker" is whom the caller wants; a caller says "Frau Meyer" or "Herr Meyer" of themselves.
  const title = words[s]?.folded === 'frau' || words[s]?.folded === 'herr' ? words[s]! : null;
  const parts = collect(words, title ? s + 1 : s).slice(0, 3);
  if (parts.length === 0) return null;
  let next = (title ? s + 1 : s) + parts.length;
  const ended = next >= words.length || words[next]!.stop;
  if (words[next]?.stop) next++;
  const greets = GREETING_WORDS.has(words[next]?.folded ?? '');
  const fullName = parts.length >= 2 && isFirstName(parts[0]!.folded);
  const goesOn = ['ich', 'wir', 'und'].includes(words[next]?.folded ?? '');
  if (!greets && !((fullName || title) && (ended || goesOn))) return null;
  return buildName(parts, title, false);
}

/** A first candidate made fuller by a later one: "Klein mein Name, Mia Klein" is Mia Klein. */
function fullest(candidates: readonly CallerName[]): CallerName | null {
  const [first] = candidates;
  if (!first) return null;
  if (first.firstName && first.lastName) return first;
  const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && fold(a) === fold(b);
  const fuller = candidates.find((c) => c.firstName && c.lastName && (same(c.lastName, first.lastName) || same(c.firstName, first.firstName)));
  return fuller ?? first;
}

/** "…, um halb drei, Zimmermann, Nina Zimmermann": the surname, then the whole name, anywhere in the sentence. */
function spelledOut(words: readonly Word[]): CallerName[] {
  const found: CallerName[] = [];
  for (let i = 0; i < words.length; i++) {
    const repeated = surnameRepeated(words, i);
    if (repeated) found.push(repeated.name);
  }
  return found;
}

/** A name the caller introduces themselves with, anywhere in a sentence; bare words are never taken for a name here. */
export function findIntroducedName(text: string): CallerName | null {
  const words = toWords(text);
  // A name said first in a later clause too: "Freitag, Petra hier … äh, Petra Freitag".
  const first = [0, ...words.flatMap((w, i) => (w.stop && i > 0 ? [i + 1] : []))].flatMap((i) => nameFirst(words, i) ?? []);
  return fullest([...afterIntros(words, 'introduced'), ...beforeOutros(words, 'introduced'), ...first, ...spelledOut(words)]);
}

function titled(words: readonly Word[]): CallerName | null {
  for (let i = 0; i < words.length - 1; i++) {
    if (!TITLES.has(words[i]!.folded) || titleForSomeoneElse(words, i)) continue;
    const found = buildName(collect(words, i + 1), words[i]!, false);
    if (found) return found;
  }
  return null;
}

function bare(words: readonly Word[]): CallerName | null {
  let start = 0;
  while (start < words.length && (LEADING_NOISE.has(words[start]!.folded) || words[start]!.stop)) start++;
  let end = words.length;
  while (end > start && (TRAILING_NOISE.has(words[end - 1]!.folded) || words[end - 1]!.stop)) end--;
  const rest = words.slice(start, end);
  const repeated = surnameRepeated(rest, 0);
  if (repeated && repeated.end === rest.length) return repeated.name;
  // "Schmidt, Maria": surname first, then a known first name after a comma.
  if (rest.length === 3 && rest[1]!.stop && nameLike(rest[0]) && nameLike(rest[2]) && isFirstName(rest[2]!.folded) && !isFirstName(rest[0]!.folded)) {
    const lastName = repairCapitalisation(rest[0]!.raw);
    const firstName = repairCapitalisation(rest[2]!.raw);
    return { firstName, lastName, full: `${firstName} ${lastName}` };
  }
  const plain = rest.filter((w) => w.folded !== 'also');
  if (plain.length === 0 || plain.length > 4) return null;
  const parts = collect(plain, 0);
  return parts.length === plain.length ? buildName(parts, null, false) : null;
}

/** The caller's name in an answer to the name question (a bare name counts), or null when the text holds none. */
export function extractCallerName(text: string): CallerName | null {
  const words = toWords(text);
  const framed = fullest([...afterIntros(words, 'answer'), ...beforeOutros(words, 'answer')]);
  return framed ?? nameFirst(words) ?? titled(words) ?? bare(words);
}
