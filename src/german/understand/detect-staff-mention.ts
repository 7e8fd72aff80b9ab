/**
 * People the caller names: a request to speak to someone now ("Kann ich Emma kurz sprechen?", "Ist der Fabian
 * da?", "ich muss Oliver was fragen"), as opposed to a staff preference for a booking ("bei Emma"); and a person's
 * name used like a staff member's that is none of the staff ("bei der Mandy", "bei Frau Schulze").
 */
import { isFirstName } from './first-names.js';
import { fold, foldedWords, foldWithoutHesitations } from './normalize.js';
import { HABITUAL_WEEKDAYS, MONTHS, PARTS_OF_DAY, WEEKDAYS } from './time/lexicon.js';

/** Asks to talk to someone: whatever day is named around it, this is about the phone, not a booking. */
const TALK: readonly RegExp[] = [
  /\b(kann|koennte|darf|moechte|wuerde|will|wollte) ich\b.{0,30}\b(sprechen|ans telefon|an den apparat|am telefon)\b/,
  /\bich (moechte|wuerde|will|wollte|muss|muesste|haette|würd|wuerd) (gern|gerne|bitte|kurz|mal|nur|einmal|dringend|noch |\s)*(mit )?(der |dem |die |den |frau |herrn? )?[\p{L}-]+ (kurz |mal |bitte |selbst |persoenlich |noch |direkt )*(sprechen|reden|telefonieren)\b/u,
  /\b(verbinden|stellen|leiten) sie mich\b.{0,25}\b(mit|zu|weiter|durch)\b/,
  /\bmit (der |dem |frau |herrn? )?[\p{L}-]+ (kurz |mal |bitte |selbst |persoenlich |noch |gern |gerne |direkt )*(sprechen|reden|telefonieren)\b/u,
  /\b(geben|holen|reichen) sie mir (mal |bitte |kurz |doch )*(die |den |frau |herrn? )?[\p{L}-]+\b/u,
  /\b[\p{L}-]+ (kurz |mal |bitte )*(am|ans) telefon\b/u,
  /\b(muss|moechte|will|wollte|wuerde|soll|muesste)\b.{0,30}\b(was|etwas|kurz|eine frage|dringend)\s+(fragen|sagen|besprechen|klaeren|ausrichten)\b/,
];
/** Asks whether someone is there: a person request unless a day other than today is named ("Ist Emma morgen da?"). */
const PRESENCE =
  /\b(ist|waere) (die |der |frau |herr )?[\p{L}-]+ (gerade |heute |mal |zufaellig |denn |jetzt |noch |auch |schon )*(da|im haus|im laden|im salon|in der praxis|zu sprechen|erreichbar|zu erreichen|ans telefon)\b/u;
const STAFF_CUE = /\b(bei|beim|zu|zur|zum|von|mit) (der |dem |die |den )?(frau |herrn |herr )?(doktor |dr\.? )?([\p{L}-]+)/giu;
const TITLED = /\b(frau|herrn?) (doktor |dr\.? )?([\p{L}-]+)/giu;
/** Words that follow a title or a staff cue without being anyone's name. */
const NOT_NAMES = new Set([
  'und',
  'oder',
  'bitte',
  'mal',
  'doch',
  'auch',
  'gern',
  'gerne',
  'termin',
  'kollegin',
  'kollegen',
  'chefin',
  'chef',
  'mir',
  'ihnen',
  'uns',
]);

function dayNamed(words: readonly string[]): boolean {
  return words.some(
    (w) => WEEKDAYS.has(w) || HABITUAL_WEEKDAYS.has(w) || MONTHS.has(w) || /^\d{1,2}$/.test(w) || /^(morgen|uebermorgen|wochenende|woche)$/.test(w),
  );
}

/** True when the caller asks to speak to someone now (the name itself is read by the staff matcher). */
export function asksForPerson(text: string): boolean {
  const t = foldWithoutHesitations(text);
  if (TALK.some((re) => re.test(t))) return true;
  return PRESENCE.test(t) && !dayNamed(foldedWords(text));
}

function isNameWord(word: string): boolean {
  return !NOT_NAMES.has(word) && !WEEKDAYS.has(word) && !HABITUAL_WEEKDAYS.has(word) && !PARTS_OF_DAY.has(word) && !(MONTHS.has(word) && !isFirstName(word));
}

function titled(title: string, raw: string): string {
  const name = raw.charAt(0).toUpperCase() + raw.slice(1);
  return `${/^frau/i.test(title) ? 'Frau' : 'Herr'} ${name}`;
}

/**
 * A name used like a staff member's that none of the staff has: "bei der Mandy" (a first name), "bei Frau Schulze"
 * (any surname after a title, also as a recogniser writes it: "bei frau schulze"), or, in a request to speak to
 * someone, such a name anywhere ("Kann ich Sandra sprechen?"). Titled names come back titled ("Frau Schulze").
 * `exclude`: words of the caller's own name, which is nobody to be booked with.
 */
export function unknownStaffName(
  text: string,
  staff: readonly { name: string; aliases: string[] }[],
  personRequest: boolean,
  exclude: readonly string[] = [],
): string | null {
  const known = new Set(staff.flatMap((m) => [...foldedWords(m.name), ...m.aliases.flatMap((a) => foldedWords(a))]));
  const skip = new Set(exclude.map(fold));
  const unknown = (word: string) => !known.has(word) && !skip.has(word) && isNameWord(word);
  const normalised = text.normalize('NFC');
  for (const m of normalised.matchAll(STAFF_CUE)) {
    const raw = m[5]!;
    const word = fold(raw);
    if (!unknown(word)) continue;
    if (m[3]) return titled(m[3], raw);
    // "bei Jan" is a person; "bei der Arbeit" is not (no first name), and "im Jan" never gets here.
    if (isFirstName(word)) return raw.charAt(0).toUpperCase() + raw.slice(1);
  }
  if (!personRequest) return null;
  for (const m of normalised.matchAll(TITLED)) if (unknown(fold(m[3]!))) return titled(m[1]!, m[3]!);
  const name = (normalised.match(/[\p{L}-]+/gu) ?? []).find((raw) => isFirstName(fold(raw)) && unknown(fold(raw)));
  return name ? name.charAt(0).toUpperCase() + name.slice(1) : null;
}
