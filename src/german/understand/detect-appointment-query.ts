import { fold } from './normalize.js';

/**
 * "Wann ist mein Termin?", "hab ich noch einen Termin bei Ihnen?", "können Sie mir sagen, wann ich kommen muss?":
 * the caller asks about their booked appointments, to be read out without changing anything.
 */
const QUERY =
  /\bwann\s+(ist|sind|war|waere)\s+(denn\s+|eigentlich\s+|nochmal\s+|noch\s+mal\s+|gleich\s+)*(der|die|mein\w*|unser\w*)\s+termin\w*\b|\bwann\b.{0,30}\bmein\w*\s+(\w+\s+)?termin\w*\b|\bob ich\b.{0,25}\btermin\b.{0,15}\b(habe|hab|hatte|habe)\b|\bwann bin ich\s+(denn\s+|eigentlich\s+|nochmal\s+)*(dran|eingetragen|gebucht)\b|\bwann\s+(ist|war|hab|habe|hatte)\s+ich\b.{0,20}\btermin\b|\b(hab|habe|hatte)\s+ich\b.{0,25}\b(noch\s+)?(einen|nen|'nen|ein|irgendeinen|irgendwann\s+einen)\s+termin\b|\bwelche\w*\s+termin\w*\s+(hab|habe|habe ich|hab ich|hatte|sind)\b|\bmein\w*\s+termin\w*\b.{0,30}\b(nachschauen|nachsehen|schauen|gucken|sagen|bestaetigen|wissen|vergessen|erinnern|nennen|durchgeben)\b|\b(wann|um wie viel uhr|welche uhrzeit)\s+(muss|soll|sollte|darf)\s+ich\b.{0,20}\b(kommen|da sein|vorbeikommen)\b|\b(steht|ist)\s+mein\w*\s+termin\w*\b.{0,20}\b(noch|eigentlich|wann)\b|\bwie war\s+(das|mein termin)\s+(noch|nochmal)\b|\bbin ich\b.{0,25}\b(eingetragen|gebucht|vorgemerkt)\b/;
/** A wish for a new appointment ("wann hätte ich einen Termin frei") is no question about booked ones. */
const WANTS_NEW = /\b(frei|freie\w*|bekommen|kriegen|moeglich|buchen|vereinbaren|machen|ausmachen|haette|haetten|moechte|wuerde)\b/;

/** True when the caller asks when their appointments are. */
export function asksForOwnAppointments(text: string): boolean {
  const t = fold(text);
  return QUERY.test(t) && !WANTS_NEW.test(t);
}
