/**
 * Whom a booking is for, as callers say it: "für mich (selbst)", "für meine Tochter Lena", "für meinen Mann",
 * "für Frau Weber", "für uns beide". One number may belong to a household, so the conversation books under the
 * person the appointment is for, never under whoever called last.
 */
import { isFirstName } from './first-names.js';
import { repairCapitalisation } from './extract-caller-name.js';
import { fold } from './normalize.js';

/** A family member or other person by how the caller names them, as a folded noun ("tochter", "mann"). */
export type Relation = string;

export type BookingFor =
  | { kind: 'self' }
  /** For someone else; `name` when the caller said it ("für meine Tochter Lena", "für Frau Weber"). */
  | { kind: 'other'; relation: Relation | null; name: string | null }
  /** For the caller and one more person ("für uns beide", "für mich und meinen Sohn"). */
  | { kind: 'both'; relation: Relation | null };

const RELATIONS = [
  'tochter',
  'sohn',
  'frau',
  'mann',
  'ehefrau',
  'ehemann',
  'mutter',
  'vater',
  'mama',
  'papa',
  'mutti',
  'oma',
  'opa',
  'kind',
  'kleine',
  'kleinen',
  'kleiner',
  'freundin',
  'freund',
  'partnerin',
  'partner',
  'lebensgefaehrtin',
  'lebensgefaehrte',
  'lebensgefaehrten',
  'schwester',
  'bruder',
  'enkelin',
  'enkel',
  'enkelsohn',
  'enkeltochter',
  'nichte',
  'neffe',
  'neffen',
  'tante',
  'onkel',
  'schwiegermutter',
  'schwiegervater',
  'schwiegertochter',
  'schwiegersohn',
  'cousine',
  'cousin',
  'kollegin',
  'kollege',
  'kollegen',
  'nachbarin',
  'nachbar',
  'nachbarn',
  'verlobte',
  'verlobten',
  'gattin',
  'gatten',
  'stieftochter',
  'stiefsohn',
  'juengste',
  'juengsten',
  'aelteste',
  'aeltesten',
];
const REL = RELATIONS.join('|');
const POSSESSIVE = '(?:meine[nmr]?|unsere[nmr]?|die|den|der)';

// Words that end a name: what follows a relation that is not a name ("für meine Tochter am Freitag").
const NOT_NAME = new Set([
  'am',
  'um',
  'einen',
  'eine',
  'termin',
  'bitte',
  'zum',
  'zur',
  'fuer',
  'und',
  'oder',
  'noch',
  'auch',
  'morgen',
  'heute',
  'naechste',
  'naechsten',
  'naechsten',
  'diese',
  'diesen',
  'haarschnitt',
  'den',
  'die',
  'der',
  'das',
  'ist',
  'sie',
  'er',
  'ihr',
  'ihre',
  'sein',
  'seine',
  'name',
  'namen',
  'ich',
  'wir',
  'bei',
  'mit',
  'nicht',
  'so',
  'gegen',
  'ab',
  'in',
  'an',
  'vormittags',
  'nachmittags',
  'abends',
  'morgens',
  'mittags',
  'buchen',
  'machen',
  'haben',
  'hat',
  'moechte',
  'braucht',
  'brauchte',
  'wuerde',
  'gerne',
  'gern',
  'aeh',
  'aehm',
  'also',
  'ja',
  'nein',
  'da',
  'dann',
  'was',
  'frei',
  'einmal',
  'mal',
  'selbst',
  'selber',
  'herrenhaarschnitt',
  'damenhaarschnitt',
  'kinderhaarschnitt',
  'schneiden',
  'waschen',
  'foehnen',
  'kontrolle',
  'untersuchung',
  'zahnreinigung',
  'anmelden',
  'vorbeikommen',
  'braeuchte',
  'braeuchten',
  'moechten',
  'haette',
  'haetten',
  'will',
  'wollte',
  'soll',
  'sollte',
  'kommt',
  'kommen',
  'geht',
  'muss',
  'musste',
  'wuerden',
  'hatte',
  'war',
  'waere',
  'kann',
  'koennte',
  'sucht',
  'heisst',
  'hiess',
  'also',
  'eben',
  'halt',
  'doch',
  'denn',
  'wieder',
  'jetzt',
]);

const BOTH = new RegExp(
  `\\bfuer uns (?:beide|zwei|beiden)\\b|\\bfuer uns\\b(?! (?:selbst|selber))|\\bwir (?:beide|zwei)\\b|\\bzu zweit\\b|\\bfuer mich und ${POSSESSIVE} (${REL})\\b|\\bfuer ${POSSESSIVE} (${REL}) und (?:fuer )?mich\\b|\\bmich und ${POSSESSIVE} (${REL})\\b`,
);
const SELF = /\bfuer mich\b|\bich selbst\b|\bich selber\b|\bist fuer mich\b|\bmir selbst\b|\bfuer meine wenigkeit\b|\bnur ich\b/;
const NOT_SELF = /\bnicht (fuer mich|fuer mich selbst|fuer mich selber|mich)\b/;
const OTHER = new RegExp(
  `\\b(?:fuer|von|mit) ${POSSESSIVE} (${REL})\\b((?:[ ,]+[\\p{L}'-]+){0,3})|\\b(?:meine[nmr]?) (${REL}) ((?:[\\p{L}'-]+ ?){0,3})\\b(?:braucht|brauchte|moechte|moechte|will|wuerde|soll|haette|bräuchte|braeuchte)`,
  'u',
);
const FOR_TITLE = /\bfuer (frau|herrn?) ([\p{L}'-]+)/u;
const FOR_NAME = /\bfuer (?:die |den )?([\p{L}'-]+)(?: ([\p{L}'-]+))?/u;

/** Reads whom the booking is for, or null when the utterance does not say. */
export function detectBookingFor(text: string): BookingFor | null {
  const t = fold(text)
    .replace(/[.!?;:]/g, ' ')
    .replace(/\s+/g, ' ');
  const both = BOTH.exec(t);
  if (both) return { kind: 'both', relation: both[1] ?? both[2] ?? both[3] ?? null };
  const other = OTHER.exec(t);
  if (other) {
    const relation = other[1] ?? other[3] ?? null;
    return { kind: 'other', relation, name: nameIn(text, other[2] ?? other[4] ?? '') };
  }
  const titled = FOR_TITLE.exec(t);
  if (titled && titled[2] && !NOT_NAME.has(titled[2]))
    return { kind: 'other', relation: null, name: `${titled[1] === 'frau' ? 'Frau' : 'Herr'} ${original(text, titled[2])}` };
  if (SELF.test(t) && !NOT_SELF.test(t)) return { kind: 'self' };
  // "für Lena", "für Lena Schmidt": a first name after "für" is a person, not a service or a day.
  const named = FOR_NAME.exec(t);
  if (named && named[1] && isFirstName(named[1])) {
    const last = named[2] && !NOT_NAME.has(named[2]) && !isFirstName(named[2]) ? ` ${original(text, named[2])}` : '';
    return { kind: 'other', relation: null, name: `${original(text, named[1])}${last}` };
  }
  if (NOT_SELF.test(t)) return { kind: 'other', relation: null, name: null };
  return null;
}

/** The name words after a relation ("Lena", "Lena Schmidt"), written as names; null when they are no name. */
function nameIn(text: string, tail: string): string | null {
  const words = tail.split(/[ ,]+/).filter(Boolean);
  const name: string[] = [];
  for (const w of words) {
    if (NOT_NAME.has(w) || w.length < 2) break;
    name.push(original(text, w));
    if (name.length === 2) break;
  }
  if (name.length === 0) return null;
  // One word that is no known first name is a guess ("für meine Tochter morgens"): kept only when it looks like one.
  if (name.length === 1 && !isFirstName(fold(name[0]!)) && !/^\p{Lu}/u.test(name[0]!)) return null;
  return name.join(' ');
}

/** The word as the caller's text spelled it (umlauts back), capitalised as a name. */
function original(text: string, folded: string): string {
  const match = text.split(/[^\p{L}'-]+/u).find((w) => fold(w) === folded);
  return repairCapitalisation(match ?? folded);
}
