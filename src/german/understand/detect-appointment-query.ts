import { foldWithoutHesitations } from './normalize.js';

/**
 * "Wann ist mein Termin?", "hab ich nächste Woche was bei Ihnen?", "können Sie mir sagen, wann ich dran bin?",
 * "ich weiß nicht mehr, wann ich komme": the caller asks about their booked appointments, to be read out without
 * changing anything. One pattern per way of asking, on folded text.
 */
const QUERIES: readonly RegExp[] = [
  // "wann ist (denn eigentlich) mein Termin", "wann war der Termin nochmal"
  /\bwann\s+(ist|is|sind|war|waere)\s+(denn\s+|eigentlich\s+|nochmal\s+|noch\s+mal\s+|gleich\s+|das\s+)*(der|die|den|mein\w*|unser\w*)\s+(naechste\w*\s+)?termin\w*\b/,
  /\bwann\b.{0,30}\bmein\w*\s+(\w+\s+)?termin\w*\b/,
  // "um wie viel Uhr war mein Termin", "an welchem Tag ist mein Termin"
  /\b(um wie ?viel uhr|welche uhrzeit|an welchem tag|welcher tag|welchen tag)\b.{0,30}\b(mein\w*|der|den)\s+termin\w*\b/,
  // "ob ich (noch) einen Termin habe", "ob ich bei Ihnen was eingetragen habe"
  /\bob ich\b.{0,30}\b(termin|was|etwas)\b.{0,20}\b(habe|hab|hatte|habe|gebucht|eingetragen)\b/,
  /\bob\b.{0,10}\b(fuer mich|auf meinen namen|unter meiner nummer)\b.{0,25}\b(termin|was|etwas)\b/,
  // "wann bin ich dran", "wann komme ich dran"
  /\bwann\s+(bin|komme|komm)\s+ich\s+(denn\s+|eigentlich\s+|nochmal\s+|noch\s+mal\s+|bei\s+(ihnen|euch)\s+)*(dran|eingetragen|gebucht|an der reihe)\b/,
  // "wann ich (bei Ihnen) dran bin / komme / kommen soll" said inside another sentence
  /\bwann ich\b.{0,25}\b(dran bin|drankomme|dran komme|eingetragen bin|gebucht bin|an der reihe bin|termin (habe|hab|hatte)|komme|kommen (soll|muss|sollte)|da sein (soll|muss|sollte)|vorbeikommen (soll|muss))\b/,
  /\bwann\s+(ist|war|hab|habe|hatte)\s+ich\b.{0,20}\btermin\b/,
  // "hab ich noch einen Termin", "hab ich nächste Woche was bei Ihnen", "habe ich bei euch n termin"
  /\b(hab|habe|hatte|haette)\s+ich\b.{0,25}\b(noch\s+)?(einen|nen|'nen|n|ein|irgendeinen|irgendwann\s+einen)\s+termin\b/,
  /\b(hab|habe|hatte)\s+ich\b.{0,30}\b(was|etwas|irgendwas)\b.{0,20}\b(bei (ihnen|euch|dir)|eingetragen|gebucht|ausgemacht|vereinbart|offen)\b/,
  /\bwelche\w*\s+termin\w*\s+(hab|habe|habe ich|hab ich|hatte|sind|stehen)\b/,
  // "meinen Termin nachschauen / sagen / vergessen", "mein Termin ist mir entfallen"
  /\bmein\w*\s+termin\w*\b.{0,30}\b(nachschauen|nachsehen|schauen|gucken|sagen|bestaetigen|wissen|vergessen|erinnern|nennen|durchgeben|entfallen|verlegt|verschlampt)\b/,
  /\b(vergessen|entfallen|nicht mehr|weiss nicht)\b.{0,25}\bwann\b.{0,25}\b(termin|ich\s+(komme|kommen|da sein|dran))\b/,
  /\b(wann|um wie viel uhr|welche uhrzeit)\s+(muss|soll|sollte|darf)\s+ich\b.{0,20}\b(kommen|da sein|vorbeikommen|dort sein)\b/,
  /\b(steht|ist|gilt)\s+mein\w*\s+termin\w*\b.{0,20}\b(noch|eigentlich|wann|aktuell|fest)\b/,
  /\bwie war\s+(das|mein termin|der termin)\s+(noch|nochmal)\b/,
  /\bbin ich\b.{0,25}\b(eingetragen|gebucht|vorgemerkt|angemeldet)\b/,
];
/**
 * A wish for a new appointment ("wann hätte ich einen Termin frei", "wann kann ich kommen") is no question about
 * booked ones.
 */
const WANTS_NEW =
  /\b(frei|freie\w*|bekommen|kriegen|moeglich|buchen|vereinbaren|ausmachen|neuen termin|weiteren termin|zweiten termin)\b|\b(kann|koennte|koennten|darf|duerfte)\s+ich\b.{0,25}\b(kommen|vorbeikommen|termin)\b|\b(moechte|moechten|haette|haetten|wuerde|wuerden|will|wollte)\s+(gern\w*\s+|gerne\s+)?(einen|nen|'nen|ein)\s+termin\b/;

/** True when the caller asks when their appointments are. */
export function asksForOwnAppointments(text: string): boolean {
  const t = foldWithoutHesitations(text);
  return QUERIES.some((q) => q.test(t)) && !WANTS_NEW.test(t);
}
