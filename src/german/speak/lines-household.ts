import type { Directory } from '../../booking/load-directory.js';
import { forSpeech } from './for-speech.js';
import { addressByName } from './salutation.js';

/**
 * The greeting, by who the calling number belongs to:
 * - exactly one customer whose salutation is certain: by surname, "guten Tag, Frau Weber!";
 * - exactly one customer whose salutation is not (a first name given to both, or not known): by full name, so the
 *   caller hears whom the agent takes them for and can say so if someone else of the household is calling;
 * - several customers (a household) or nobody known: no name, and the name is asked before booking.
 */
export function greetCaller(directory: Directory, caller: { knownName: string | null; household: boolean }): string {
  const name = caller.household ? null : caller.knownName;
  const addressed = name ? (addressByName(name) ?? name) : null;
  const hello = addressed
    ? `guten Tag, ${addressed}! Schön, dass Sie wieder anrufen.`
    : caller.household
      ? 'guten Tag! Schön, dass Sie wieder anrufen.'
      : 'guten Tag!';
  return `${forSpeech(directory.business.name)}, ${hello} Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?`;
}

const ACCUSATIVE: Readonly<Record<string, string>> = {
  tochter: 'Ihre Tochter',
  sohn: 'Ihren Sohn',
  frau: 'Ihre Frau',
  ehefrau: 'Ihre Frau',
  mann: 'Ihren Mann',
  ehemann: 'Ihren Mann',
  mutter: 'Ihre Mutter',
  vater: 'Ihren Vater',
  mama: 'Ihre Mutter',
  mutti: 'Ihre Mutter',
  papa: 'Ihren Vater',
  oma: 'Ihre Oma',
  opa: 'Ihren Opa',
  kind: 'Ihr Kind',
  kleine: 'Ihre Kleine',
  kleinen: 'Ihren Kleinen',
  kleiner: 'Ihren Kleinen',
  freundin: 'Ihre Freundin',
  freund: 'Ihren Freund',
  partnerin: 'Ihre Partnerin',
  partner: 'Ihren Partner',
  schwester: 'Ihre Schwester',
  bruder: 'Ihren Bruder',
  enkelin: 'Ihre Enkelin',
  enkel: 'Ihren Enkel',
  enkelsohn: 'Ihren Enkel',
  enkeltochter: 'Ihre Enkelin',
  nichte: 'Ihre Nichte',
  neffe: 'Ihren Neffen',
  neffen: 'Ihren Neffen',
  tante: 'Ihre Tante',
  onkel: 'Ihren Onkel',
  schwiegermutter: 'Ihre Schwiegermutter',
  schwiegervater: 'Ihren Schwiegervater',
  kollegin: 'Ihre Kollegin',
  kollege: 'Ihren Kollegen',
  kollegen: 'Ihren Kollegen',
  nachbarin: 'Ihre Nachbarin',
  nachbar: 'Ihren Nachbarn',
  nachbarn: 'Ihren Nachbarn',
};

/** "Auf welchen Namen darf ich den Termin für Ihre Tochter eintragen?"; without a known relation: "für die andere Person". */
export function askNameFor(relation: string | null): string {
  const whom = (relation && ACCUSATIVE[relation]) ?? 'die andere Person';
  return `Gern. Auf welchen Namen darf ich den Termin für ${whom} eintragen? Bitte mit Vor- und Nachnamen.`;
}

/** After a booking for someone else, a further one might be for anyone of the household: ask, never assume. */
export const ASK_WHOSE_NEXT = 'Für wen ist dieser Termin, und auf welchen Namen darf ich ihn eintragen?';

/** "für uns beide": the second person's booking follows the first. */
export function askSecondBooking(relation: string | null): string {
  const whom = (relation && ACCUSATIVE[relation]) ?? 'die zweite Person';
  return `Dann jetzt noch der Termin für ${whom}: Welche Leistung darf es sein, und wann?`;
}
