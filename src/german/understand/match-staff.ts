/**
 * Staff preference: "bei Emma", "bei der Emma", "Frau Williams", "Herr Spitzer", "bei Fabian oder
 * Oliver" (both, in order), or no preference ("egal", "wer Zeit hat", "ist mir gleich"). Names
 * match whole words only ("Dilemma" holds no Emma), and common words never match a name by
 * fuzziness ("morgen" is not "Morgan").
 */
import { isFirstName } from './first-names.js';
import { allowedEdits, editDistance } from './fuzzy.js';
import { foldedWords, phraseMatcher } from './normalize.js';
import { HABITUAL_WEEKDAYS, MONTHS, PARTS_OF_DAY, WEEKDAYS } from './time/lexicon.js';

export interface StaffEntry {
  id: string;
  name: string;
  aliases: string[];
}

export type StaffMatch = { kind: 'named'; staffIds: string[]; excludedStaffIds?: string[] } | { kind: 'any'; excludedStaffIds?: string[] } | null;

const TITLES = new Set(['frau', 'herr', 'herrn', 'der', 'die', 'dem', 'den', 'bei', 'mit', 'zu', 'zur', 'zum', 'dr', 'doktor']);
const NEGATORS = new Set(['nicht', 'ohne', 'ausser', 'kein', 'keine', 'keinesfalls', 'statt', 'anstatt']);
const COMMON_WORDS = new Set([
  'morgen',
  'heute',
  'abend',
  'termin',
  'termine',
  'danke',
  'bitte',
  'gerne',
  'hallo',
  'halbe',
  'uhr',
  'immer',
  'einmal',
  'nochmal',
  'leider',
  'schon',
  'genau',
  'frage',
  'sagen',
  'haben',
  'kommen',
  'machen',
  'gehen',
  'passt',
  'wieder',
  'wollen',
  'moechte',
  'spaeter',
  'frueher',
  'lieber',
  'sonst',
  'jemand',
  'andere',
  'anderen',
  'niemand',
  'oliven',
  'emmas',
]);
const ANY = phraseMatcher([
  'egal',
  'wer zeit hat',
  'wer frei ist',
  'wer gerade frei',
  'ist mir gleich',
  'mir gleich',
  'ganz gleich',
  'irgendwer',
  'irgendjemand',
  'irgendeine',
  'irgendeinen',
  'irgendeiner',
  'beliebig',
  'spielt keine rolle',
  'keine praeferenz',
  'keinen wunsch',
  'keine vorliebe',
  'wer auch immer',
  'bei wem auch immer',
  'wurscht',
  'wurst',
  'jeder',
  'hauptsache',
  'keine rolle',
]);
const EGAL_NOT_STAFF = new Set(['wann', 'welcher', 'welche', 'welchen', 'wie', 'um', 'am', 'ob', 'uhrzeit', 'tag']);

interface Variant {
  staffId: string;
  words: string[];
  /** Single-word variants may match with small misspellings. */
  fuzzy: boolean;
}

function isCommon(w: string): boolean {
  return COMMON_WORDS.has(w) || WEEKDAYS.has(w) || HABITUAL_WEEKDAYS.has(w) || MONTHS.has(w) || PARTS_OF_DAY.has(w);
}

function variantsOf(staff: readonly StaffEntry[]): Variant[] {
  const out: Variant[] = [];
  for (const s of staff) {
    const full = foldedWords(s.name).filter((w) => !TITLES.has(w));
    if (full.length > 1) out.push({ staffId: s.id, words: full, fuzzy: false });
    for (const w of full) out.push({ staffId: s.id, words: [w], fuzzy: true });
    for (const alias of s.aliases) {
      const words = foldedWords(alias).filter((w) => !TITLES.has(w));
      if (words.length > 0) out.push({ staffId: s.id, words, fuzzy: words.length === 1 });
    }
  }
  // Longest variants first so that "Emma Williams" is read as one mention.
  return out.sort((a, b) => b.words.length - a.words.length);
}

function matchesAt(words: readonly string[], i: number, v: Variant): boolean {
  for (let k = 0; k < v.words.length; k++) {
    const w = words[i + k];
    const target = v.words[k]!;
    if (w === undefined) return false;
    if (w === target) continue;
    // Another real first name ("Mario" beside a "Marion") is someone else, never a slip of the tongue.
    if (!v.fuzzy || isCommon(w) || w.length < 5 || isFirstName(w)) return false;
    // One slip at most: names are short, and two edits turn "kretschmer" into unrelated words.
    const allowed = Math.min(1, allowedEdits(Math.min(w.length, target.length)));
    if (editDistance(w, target, allowed) > allowed) return false;
  }
  return true;
}

function negatedAt(words: readonly string[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = words[k]!;
    if (NEGATORS.has(w)) return true;
    if (!TITLES.has(w) && w !== 'bloss' && w !== 'lieber') return false;
  }
  return false;
}

function saysAny(words: readonly string[]): boolean {
  if (!ANY(words)) return false;
  const egal = words.indexOf('egal');
  if (egal >= 0 && words.length > egal + 1 && EGAL_NOT_STAFF.has(words[egal + 1]!) && !words.includes('wer') && !words.includes('wem')) return false;
  return true;
}

/** Reads a staff preference from caller text: named staff in order, "any", or null. */
export function matchStaff(text: string, staff: readonly StaffEntry[]): StaffMatch {
  const words = foldedWords(text);
  const variants = variantsOf(staff);
  const named: string[] = [];
  const excluded: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const hits = new Set<string>();
    let len = 0;
    for (const v of variants) {
      if (len > v.words.length) break;
      if (!matchesAt(words, i, v)) continue;
      hits.add(v.staffId);
      len = v.words.length;
    }
    if (hits.size === 0) continue;
    const target = negatedAt(words, i) ? excluded : named;
    for (const id of hits) if (!target.includes(id)) target.push(id);
    i += len - 1;
  }
  const kept = named.filter((id) => !excluded.includes(id));
  const extra = excluded.length > 0 ? { excludedStaffIds: excluded } : {};
  if (kept.length > 0) return { kind: 'named', staffIds: kept, ...extra };
  if (excluded.length > 0 || saysAny(words)) return { kind: 'any', ...extra };
  return null;
}
