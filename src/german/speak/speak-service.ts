import type { GrammaticalGender } from '../../db/schema.js';
import { forSpeech } from './for-speech.js';

/** A service's name with the grammar a sentence needs; no gender means the name is said without an article. */
export interface ServiceWords {
  name: string;
  grammaticalGender?: GrammaticalGender | null | undefined;
  plural?: boolean | undefined;
}

export type GrammaticalCase = 'nom' | 'acc' | 'dat';
export type ArticleKind = 'definite' | 'indefinite' | 'none';
/** The prepositions our sentences put before a service, each with the case it takes here. */
export type Preposition = 'bei' | 'für' | 'mit' | 'zu' | 'von';

const GOVERNS: Record<Preposition, GrammaticalCase> = { bei: 'dat', für: 'acc', mit: 'dat', zu: 'dat', von: 'dat' };

type Form = GrammaticalGender | 'pl';
const DEFINITE: Record<Form, Record<GrammaticalCase, string>> = {
  m: { nom: 'der', acc: 'den', dat: 'dem' },
  f: { nom: 'die', acc: 'die', dat: 'der' },
  n: { nom: 'das', acc: 'das', dat: 'dem' },
  pl: { nom: 'die', acc: 'die', dat: 'den' },
};
/** A plural has no indefinite article: "für Strähnchen". */
const INDEFINITE: Record<GrammaticalGender, Record<GrammaticalCase, string>> = {
  m: { nom: 'ein', acc: 'einen', dat: 'einem' },
  f: { nom: 'eine', acc: 'eine', dat: 'einer' },
  n: { nom: 'ein', acc: 'ein', dat: 'einem' },
};
/** Preposition and article merge in speech: "beim Herrenhaarschnitt", "zur Kontrolluntersuchung". */
const CONTRACTED: Record<string, string> = { 'bei dem': 'beim', 'zu dem': 'zum', 'zu der': 'zur', 'von dem': 'vom' };

/** The name as a voice should say it: "Waschen/Föhnen" → "Waschen und Föhnen". */
export function spokenServiceName(service: ServiceWords | string): string {
  return forSpeech(typeof service === 'string' ? service : service.name);
}

/**
 * The service as a phrase of a sentence, with the article its gender, number and case need:
 * `speakService(herren, { article: 'indefinite', case: 'acc' })` → "einen Herrenhaarschnitt",
 * `speakService(ansatz, { article: 'definite', preposition: 'bei' })` → "bei der Ansatzfärbung",
 * `speakService(straehnchen, { article: 'definite', preposition: 'bei' })` → "bei den Strähnchen",
 * and without a known gender just the name ("für Waschen und Föhnen"), which every sentence here allows.
 */
export function speakService(service: ServiceWords | string, options: { article: ArticleKind; case?: GrammaticalCase; preposition?: Preposition }): string {
  const words: ServiceWords = typeof service === 'string' ? { name: service } : service;
  const grammaticalCase = options.preposition ? GOVERNS[options.preposition] : (options.case ?? 'nom');
  const form: Form | null = words.plural ? 'pl' : (words.grammaticalGender ?? null);
  let article = '';
  if (form && options.article === 'definite') article = DEFINITE[form][grammaticalCase];
  else if (form && form !== 'pl' && options.article === 'indefinite') article = INDEFINITE[form][grammaticalCase];
  let name = spokenServiceName(words);
  // The dative plural ends in -n: "bei den Nägeln"; names ending in -n or -s keep theirs ("den Strähnchen").
  if (form === 'pl' && grammaticalCase === 'dat' && !/[ns]$/.test(name)) name = `${name}n`;
  const head = [options.preposition, article].filter((w) => w).join(' ');
  const merged = CONTRACTED[head] ?? head;
  return merged ? `${merged} ${name}` : name;
}

/** The verb that agrees with the service as subject: `agree(straehnchen, 'kostet', 'kosten')` → "kosten". */
export function agree(service: ServiceWords | string, singular: string, plural: string): string {
  return typeof service !== 'string' && service.plural ? plural : singular;
}
