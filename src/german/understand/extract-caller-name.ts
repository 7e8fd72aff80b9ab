/**
 * The caller's name from an answer to "Wie ist Ihr Name?": "Schmidt", "Maria Schmidt", "mein Name
 * ist …", "hier ist Frau Schmidt", "ich heiße …", "Schmidt, Maria", "Müller-Lüdenscheidt".
 * Capitalisation is repaired; greetings and booking phrases ("ja", "ich möchte einen Termin") are
 * not names.
 */
import { NAME_PARTICLES, NOT_NAME_WORDS } from './caller-name-words.js';
import { isFirstName } from './first-names.js';
import { fold } from './normalize.js';
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
}

const WORD_RE = /[\p{L}\p{M}][\p{L}\p{M}'’-]*|,|\d+/gu;
const INTROS: readonly (readonly string[])[] = [
  ['mein', 'name', 'ist'],
  ['mein', 'name', 'lautet'],
  ['mein', 'nachname', 'ist'],
  ['der', 'name', 'ist'],
  ['der', 'name', 'lautet'],
  ['name', 'ist'],
  ['ich', 'heisse'],
  ['ich', 'bin', 'der'],
  ['ich', 'bin', 'die'],
  ['ich', 'bin'],
  ['hier', 'ist'],
  ['hier', 'spricht'],
  ['es', 'spricht'],
  ['am', 'apparat', 'ist'],
  ['am', 'telefon', 'ist'],
  ['auf', 'den', 'namen'],
  ['unter', 'dem', 'namen'],
  ['unter', 'namen'],
  ['auf', 'namen'],
  ['name'],
  ['nachname'],
];
const OUTROS: readonly (readonly string[])[] = [['ist', 'mein', 'name'], ['mein', 'name'], ['hier'], ['am', 'apparat'], ['am', 'telefon']];
const TITLES = new Set(['frau', 'herr', 'herrn']);
const LEADING_NOISE = new Set([
  'ja',
  'jaa',
  'also',
  'aeh',
  'aehm',
  'ehm',
  'hallo',
  'guten',
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
  'hm',
  'oehm',
]);

function isCalendarWord(w: string): boolean {
  return WEEKDAYS.has(w) || HABITUAL_WEEKDAYS.has(w) || MONTHS.has(w);
}

function nameLike(w: Word): boolean {
  return /^[\p{L}]/u.test(w.raw) && !NOT_NAME_WORDS.has(w.folded) && w.folded.length >= 2;
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

/** Up to three name words from index i on; particles are allowed inside ("von der Leyen"). */
function collect(words: readonly Word[], i: number): Word[] {
  const out: Word[] = [];
  for (let k = i; k < words.length && out.length < 4; k++) {
    const w = words[k]!;
    if (out.length > 0 && NAME_PARTICLES.has(w.folded)) {
      let j = k + 1;
      while (words[j] && NAME_PARTICLES.has(words[j]!.folded)) j++;
      if (words[j] && nameLike(words[j]!) && j - k <= 2) {
        out.push(w);
        continue;
      }
    }
    if (!nameLike(w)) break;
    out.push(w);
  }
  return out;
}

/** Intros after which even a weekday or a month is a name: "Mein Name ist Freitag", "hier ist Sonntag". */
const NAMING_INTROS: readonly (readonly string[])[] = INTROS.filter(
  (intro) => intro.length >= 2 && !(intro[0] === 'ich' && intro[1] === 'bin') && intro[0] !== 'auf' && intro[0] !== 'unter',
);

function build(parts: readonly Word[], title: Word | null, named = false): CallerName | null {
  const found = buildName(parts, title !== null, named);
  if (!found || title === null) return found;
  return { ...found, title: title.folded === 'frau' ? 'Frau' : 'Herr' };
}

function buildName(parts: readonly Word[], title: boolean, named: boolean): CallerName | null {
  if (parts.length === 0) return null;
  const text = parts.map((p) => p.raw);
  if (parts.length === 1) {
    const only = parts[0]!;
    if (!title && !named && isCalendarWord(only.folded)) return null;
    const full = repairCapitalisation(only.raw);
    return !title && isFirstName(only.folded) ? { firstName: full, full } : { lastName: full, full };
  }
  const particle = parts.findIndex((p, idx) => idx > 0 && NAME_PARTICLES.has(p.folded));
  const split = particle > 0 ? particle : parts.length - 1;
  const firstName = repairCapitalisation(text.slice(0, split).join(' '));
  const lastName = repairCapitalisation(text.slice(split).join(' '));
  return { firstName, lastName, full: `${firstName} ${lastName}` };
}

function startsWith(words: readonly Word[], i: number, seq: readonly string[]): boolean {
  return seq.every((s, k) => words[i + k]?.folded === s);
}

function afterIntro(words: readonly Word[]): CallerName | null {
  for (let i = 0; i < words.length; i++) {
    for (const intro of INTROS) {
      if (!startsWith(words, i, intro)) continue;
      let k = i + intro.length;
      if (words[k]?.raw === ',') k++;
      const title = TITLES.has(words[k]?.folded ?? '') ? words[k]! : null;
      if (title) k++;
      const found = build(collect(words, k), title, NAMING_INTROS.includes(intro));
      if (found) return found;
    }
  }
  return null;
}

function beforeOutro(words: readonly Word[]): CallerName | null {
  for (let i = 1; i < words.length; i++) {
    if (!OUTROS.some((o) => startsWith(words, i, o))) continue;
    let start = i;
    while (start > 0 && (nameLike(words[start - 1]!) || NAME_PARTICLES.has(words[start - 1]!.folded))) start--;
    const title = start > 0 && TITLES.has(words[start - 1]!.folded) ? words[start - 1]! : null;
    const found = build(words.slice(start, i), title);
    if (found) return found;
  }
  return null;
}

function titled(words: readonly Word[]): CallerName | null {
  for (let i = 0; i < words.length - 1; i++) {
    if (!TITLES.has(words[i]!.folded)) continue;
    const found = build(collect(words, i + 1), words[i]!);
    if (found) return found;
  }
  return null;
}

function bare(words: readonly Word[]): CallerName | null {
  let start = 0;
  while (start < words.length && (LEADING_NOISE.has(words[start]!.folded) || words[start]!.raw === ',')) start++;
  let end = words.length;
  while (end > start && (words[end - 1]!.folded === 'bitte' || words[end - 1]!.folded === 'danke' || words[end - 1]!.raw === ',')) end--;
  const rest = words.slice(start, end);
  // "Schmidt, Maria": surname first, then a known first name after a comma.
  if (rest.length === 3 && rest[1]!.raw === ',' && nameLike(rest[0]!) && nameLike(rest[2]!) && isFirstName(rest[2]!.folded) && !isFirstName(rest[0]!.folded)) {
    const lastName = repairCapitalisation(rest[0]!.raw);
    const firstName = repairCapitalisation(rest[2]!.raw);
    return { firstName, lastName, full: `${firstName} ${lastName}` };
  }
  if (rest.length === 0 || rest.length > 4) return null;
  const parts = collect(rest, 0);
  return parts.length === rest.length ? build(parts, null) : null;
}

/** Extracts the caller's name, or null when the text holds none. */
export function extractCallerName(text: string): CallerName | null {
  const words: Word[] = (text.match(WORD_RE) ?? []).map((raw) => ({ raw: raw.replace(/^[-'’]+|[-'’]+$/g, ''), folded: fold(raw) }));
  return afterIntro(words) ?? beforeOutro(words) ?? titled(words) ?? bare(words);
}
