/**
 * Service recognition tolerant of speech-to-text: compounds split or joined ("Ansatz Färbung",
 * "Ansatzfaerbung"), small misspellings and plurals ("Strähnen"), verbs for nouns ("Haare
 * schneiden"), and several services in one sentence. A generic request that fits several services
 * ("Haarschnitt" with both Damen- and Herrenhaarschnitt) returns all of them with lower confidence,
 * unless a hint (from the text or the caller) decides.
 */
import { allowedEdits, editDistance } from './fuzzy.js';
import { foldedWords } from './normalize.js';

/** Below this confidence a match is a guess: ask the caller rather than book the wrong service. */
export const SERVICE_MATCH_THRESHOLD = 0.6;

export interface ServiceEntry {
  id: string;
  name: string;
  synonyms: string[];
}

export interface ServiceMatch {
  serviceId: string;
  /** 1 for an exact name or synonym, lower for fuzzy or partial matches. */
  confidence: number;
}

export interface MatchServicesOptions {
  /** A word that decides between generic matches, e.g. "herren" when the caller is known to be male. */
  hint?: string;
}

const STOPWORDS = new Set([
  'und',
  'oder',
  'mit',
  'bitte',
  'einen',
  'eine',
  'ein',
  'einer',
  'die',
  'der',
  'das',
  'den',
  'dem',
  'mal',
  'nur',
  'auch',
  'sowie',
  'plus',
  'dazu',
  'noch',
  'gerne',
  'gern',
  'ich',
  'moechte',
  'haette',
  'wuerde',
  'lassen',
  'machen',
  'mir',
  'meine',
  'meinen',
  'fuer',
  'aeh',
  'aehm',
  'also',
  'so',
  'halt',
  'ja',
  'termin',
  'gerade',
  'bei',
  'zum',
  'zur',
  'am',
  'um',
  'es',
  'wie',
  'was',
]);
/** Verbs callers use for a service, mapped to the noun that service names contain. */
const CANONICAL = new Map([
  ['schneiden', 'schnitt'],
  ['geschnitten', 'schnitt'],
  ['abschneiden', 'schnitt'],
  ['kuerzen', 'schnitt'],
  ['gekuerzt', 'schnitt'],
  ['faerben', 'faerbung'],
  ['gefaerbt', 'faerbung'],
  ['nachfaerben', 'ansatzfaerbung'],
  ['toenen', 'toenung'],
  ['getoent', 'toenung'],
  ['haare', 'haar'],
  ['haaren', 'haar'],
  ['foehn', 'foehnen'],
  ['geföhnt', 'foehnen'],
  ['gefoehnt', 'foehnen'],
  ['gewaschen', 'waschen'],
  ['straehnen', 'straehnchen'],
  ['highlights', 'straehnchen'],
]);
const FEMALE = ['damen', 'dame', 'frau', 'frauen', 'tochter', 'maedchen'];
const MALE = ['herren', 'herr', 'mann', 'maenner', 'sohn', 'junge', 'bart'];

interface Key {
  serviceId: string;
  order: number;
  key: string;
}

interface Candidate {
  start: number;
  end: number;
  serviceId: string;
  order: number;
  confidence: number;
  partial: boolean;
}

function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const w of foldedWords(text)) if (!STOPWORDS.has(w)) out.push(CANONICAL.get(w) ?? w);
  return out;
}

function stem(w: string): string {
  return w.replace(/(en|er|n|e|s)$/, '');
}

function buildKeys(services: readonly ServiceEntry[]): Key[] {
  const keys: Key[] = [];
  services.forEach((s, order) => {
    for (const label of [s.name, ...s.synonyms]) {
      const key = contentWords(label).join('');
      if (key.length >= 3) keys.push({ serviceId: s.id, order, key });
    }
  });
  return keys;
}

function score(g: string, key: string): { confidence: number; partial: boolean } | null {
  if (g === key) return { confidence: 1, partial: false };
  if (stem(g) === stem(key)) return { confidence: 0.95, partial: false };
  const d = editDistance(g, key, 2);
  if (d <= allowedEdits(Math.min(g.length, key.length))) return { confidence: 0.9 - 0.05 * d, partial: false };
  if (g.length >= 6 && key.length > g.length) {
    // "Haarschnitt" is the tail of "Damenhaarschnitt": the caller named the kind, not the variant.
    if (key.endsWith(g) || editDistance(key.slice(-g.length), g, 1) <= allowedEdits(g.length) - 1) return { confidence: 0.6, partial: true };
    if (key.startsWith(g)) return { confidence: 0.5, partial: true };
  }
  return null;
}

function hintFor(words: readonly string[], explicit: string | undefined): string | null {
  if (explicit) return explicit.toLowerCase();
  if (words.some((w) => FEMALE.includes(w))) return 'damen';
  if (words.some((w) => MALE.includes(w))) return 'herren';
  return null;
}

/** Finds the services named in the text, in the order they were said. */
export function matchServices(text: string, services: readonly ServiceEntry[], options: MatchServicesOptions = {}): ServiceMatch[] {
  const words = contentWords(text);
  const keys = buildKeys(services);
  const candidates: Candidate[] = [];
  for (let i = 0; i < words.length; i++) {
    let g = '';
    for (let len = 1; len <= 4 && i + len <= words.length; len++) {
      g += words[i + len - 1]!;
      if (g.length < 4) continue;
      for (const k of keys) {
        const sc = score(g, k.key);
        if (sc) candidates.push({ start: i, end: i + len, serviceId: k.serviceId, order: k.order, ...sc });
      }
    }
  }
  // Strongest and longest first; a span is taken once, except that equally good partial matches share it.
  candidates.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken = new Uint8Array(words.length);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    let free = true;
    for (let i = c.start; i < c.end; i++) if (taken[i]) free = false;
    const sharing = !free && c.partial && chosen.some((x) => x.partial && x.start === c.start && x.end === c.end && x.confidence === c.confidence);
    if (!free && !sharing) continue;
    if (chosen.some((x) => x.serviceId === c.serviceId)) continue;
    for (let i = c.start; i < c.end; i++) taken[i] = 1;
    chosen.push(c);
  }
  const hint = hintFor(foldedWords(text), options.hint);
  const byName = new Map(services.map((s) => [s.id, contentWords(s.name).join('')]));
  const out: Array<ServiceMatch & { start: number; order: number }> = [];
  const groups = new Map<string, Candidate[]>();
  for (const c of chosen) {
    const id = `${c.start}:${c.end}`;
    groups.set(id, [...(groups.get(id) ?? []), c]);
  }
  for (const group of groups.values()) {
    const hinted = hint && group.length > 1 ? group.filter((c) => (byName.get(c.serviceId) ?? '').includes(hint)) : [];
    if (hinted.length === 1) {
      out.push({ serviceId: hinted[0]!.serviceId, confidence: 0.8, start: hinted[0]!.start, order: hinted[0]!.order });
      continue;
    }
    const share = group.length > 1 ? 0.5 : 1;
    for (const c of group) out.push({ serviceId: c.serviceId, confidence: round(c.confidence * share), start: c.start, order: c.order });
  }
  out.sort((a, b) => a.start - b.start || a.order - b.order);
  return out.map(({ serviceId, confidence }) => ({ serviceId, confidence }));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
