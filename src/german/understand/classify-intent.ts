/**
 * The caller's intent for the dialogue, as a closed union. Spoken short forms count as the full ones
 * ("ich hätt gern nen Termin", "i bräucht an Termin"), and so do the regions' yes-words ("freilich", "passt scho",
 * "jut, nehm ick", the Saxon "nu"); greetings ("Moin", "Servus", "Grüß Gott") carry no intent. Specific requests (a human, cancel,
 * move, opening hours, a new booking) win over the yes/no particles that often open a sentence
 * ("Ja, ich möchte den Termin absagen" is a cancellation).
 */
import { foldWithoutHesitations, standardSpoken } from './normalize.js';
import { isRefusal } from './read-booking-cues.js';

export type Intent = 'yes' | 'no' | 'cancel_appointment' | 'reschedule_appointment' | 'book' | 'human' | 'repeat' | 'goodbye' | 'opening_hours' | 'unknown';

const HUMAN =
  /\b(mitarbeiter\w*|menschen?|person|kolleg\w*|chef\w*|jemandem?|rezeption|inhaber\w*|frau \w+|herrn? \w+)\b.{0,30}\b(sprechen|reden|verbinden|verbunden|durchstellen)\b|\b(verbinden|stellen) sie mich\b|\bweiterleiten\b|\bdurchstellen\b|\becht\w* (menschen?|person)\b|\b(mit )?(einem|einer|einen) menschen?\b|\bkein\w* (roboter|maschine|computer|bot)\b|\bmit (einem|einer) (roboter|maschine|computer|bot)\b|\bpersoenlich sprechen\b|\bmensch\b/;
const CANCEL =
  /\b(absagen|abzusagen|abgesagt|stornier\w*|canceln|cancel|annullier\w*|streichen|loeschen|abmelden)\b|\b(kann|koennen|werde|schaffe)\b.{0,25}\bnicht kommen\b|\btermin\b.{0,25}\bnicht wahrnehmen\b|\bnicht wahrnehmen\b/;
const RESCHEDULE =
  /\b(verschieben|verschoben|verlegen|verlegt|umlegen|umbuchen|umbuchung|umzubuchen|umplanen|tauschen)\b|\btermin\b.{0,25}\b(aendern|anpassen)\b|\b(anderen|neuen) (termin|tag|zeitpunkt)\b.{0,25}\b(statt|stattdessen|anstatt|anstelle)\b|\bauf (einen )?(anderen|spaeteren|frueheren) (tag|termin|zeitpunkt)\b/;
const OPENING =
  /\boeffnungszeit\w*\b|\bwann\b.{0,25}\b(geoeffnet|offen|auf|zu|oeffnen|schliessen|aufmachen|zumachen)\b|\b(haben|hat|habt|sind) (sie|ihr)\b.{0,25}\b(geoeffnet|offen|auf)\b|\bbis wann\b|\bab wann\b.{0,20}\b(offen|auf|geoeffnet)\b|\bwie lange\b.{0,20}\b(offen|auf|geoeffnet)\b/;
const BOOK =
  /\btermin\w*\b.{0,30}\b(vereinbaren|machen|buchen|ausmachen|haben|bekommen|kriegen|reservieren|frei|moeglich)\b|\b(moechte|moechten|moecht|haette|haetten|haett|braeuchte|braeucht|brauche|brauch|wollte|wollt|will|wuerde|wuerd|suche|gibt es|gibts)\b.{0,60}(termin|schnitt|faerbung|straehn|foehnen|behandlung|untersuchung|checkup|check-up|kontrolle)|\b(anmelden|einbuchen|neuen termin|termin buchen|einen termin|nen termin|an termin)\b|\bhaare\b.{0,20}\b(schneiden|faerben|machen)\b/;
/** "es geht nicht um einen Termin", "ich brauche keinen Termin": the booking words are denied. */
const NOT_BOOK = /\b(nicht|kein\w*) (um |wegen )?(einen |nen |den |eines |einem )?termin\w*\b/;
const GOODBYE =
  /\b(tschuess|tschues|tschuessi|tschoe|tschau|ciao|bye|ade|adieu|baba|pfiat (di|eich|enk|eana))\b|\bmach'?s gut\b|\bbis denne\b|\bschoenen tach\b|\bauf wieder(hoeren|sehen|schauen)\b|\bwiederhoeren\b|\bdas wa(r|er)'?s\b|\bdas wa(r|ere) (es|alles)\b|\bschoenen (tag|abend|nachmittag|abend|sonntag|wochenende) noch\b|\bbis (dann|bald|spaeter)\b|\bmehr (brauche|wollte) ich nicht\b|\bsonst nichts\b|\bnichts weiter\b|\bdanke,? das (war|wars)\b/;
const REPEAT =
  /\bwie bitte\b|\bwiederholen\b|\bnicht verstanden\b|\b(hab|habe) (ich|das) nicht (verstanden|mitbekommen)\b|\bwas haben sie gesagt\b|\bwas sagten sie\b|\bnoch ?(mal|einmal)\b.{0,15}\b(sagen|wiederholen|bitte)\b|^\W*(bitte|was|hae|haeh|sorry|entschuldigung|nochmal|noch einmal|noch mal)\W*$|\bakustisch\b|\bschlecht zu verstehen\b/;
const NO =
  /^\W*(nein|nee|ne|noe|naa|nah|nope|no)\b|\blieber nicht\b|\beher nicht\b|\bauf keinen fall\b|\bkeinesfalls\b|\bnein danke\b|\b(passt|geht|klappt|funktioniert) (leider |mir |bei mir |da )*(nicht|nie|schlecht)\b|\bleider nicht\b|\bnicht (so )?gut\b|\bdas (passt|geht) nicht\b|\bnicht wirklich\b|\bbesser nicht\b|\bach nee\b|\bfalsch\b|\bstimmt nicht\b|\bgar nicht\b|\bnicht richtig\b|\bnein\b/;
const YES =
  /^\W*(sehr |ganz |na )?(ja+|jo|jep|jup|yes|jawohl|jawoll|joa|klar|genau|richtig|korrekt|stimmt|passt|gerne?|okay|ok|oki|einverstanden|super|perfekt|prima|sicher|natuerlich|selbstverstaendlich|unbedingt|gut|bestens|mhm|aha|exakt|absolut|top|sehr gut|alles klar|in ordnung|auf jeden fall|freilich|gebongt|jut|jenau|jawoll|logo)\b|^\W*nu\W*$|^\W*nu,? (klar|freilich|gerne?|passt|sicher|genau)\b|\bdas (passt|geht|klappt)\b(?! nicht)|\bnehm(e)? i(ch|ck)\b|\b(passt|geht|klappt) (gut|super|prima|perfekt|wunderbar)\b|\bmachen wir (so)?\b|\bbuchen sie\b|\bnehme ich\b|\bklingt gut\b|\bhoert sich gut an\b|\bgeht klar\b|\bja\b/;

/** Classifies what the caller wants from the dialogue. */
export function classifyIntent(text: string): Intent {
  const t = standardSpoken(foldWithoutHesitations(text));
  if (t === '') return 'unknown';
  if (HUMAN.test(t)) return 'human';
  if (CANCEL.test(t) && !/\bnicht (absagen|stornieren)\b/.test(t)) return 'cancel_appointment';
  if (RESCHEDULE.test(t)) return 'reschedule_appointment';
  if (OPENING.test(t)) return 'opening_hours';
  if (BOOK.test(t) && !NOT_BOOK.test(t)) return 'book';
  if (GOODBYE.test(t)) return 'goodbye';
  if (REPEAT.test(t)) return 'repeat';
  if (NO.test(t) || isRefusal(t)) return 'no';
  if (YES.test(t)) return 'yes';
  return 'unknown';
}
