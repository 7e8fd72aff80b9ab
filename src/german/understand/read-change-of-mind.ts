import { detectCorrection } from './detect-correction.js';
import { fold, standardSpoken } from './normalize.js';
import { cardinalValue } from './numbers.js';

/** What a caller says about an appointment just made: they reject it, give it up, or want another one beside it. */
export interface ChangeOfMind {
  /** "nein, doch lieber Donnerstag", "oh, das passt doch nicht": the booking just made is not what they want. */
  rejects: boolean;
  /** "dann lassen wir das", "vergessen Sie's", "ich ruf wieder an": they want none. */
  givesUp: boolean;
  /** "noch einen Termin", "und für meine Tochter auch": a second appointment, not a change of the first. */
  another: boolean;
  /** "eine Stunde später", "eine halbe Stunde früher": minutes to move by, relative to the appointment. */
  shiftMinutes: number | null;
  /**
   * "nee, eigentlich Freitag um elf", "nein, Samstag": a no or an "eigentlich" that, with a new day or time, takes the
   * booking back (alone it is only a no to "anything else?").
   */
  negates: boolean;
}

const REJECTS =
  /\b(passt|geht|klappt|ginge|passen|funktioniert)\b.{0,25}\bdoch\s+nicht\b|\bdoch\s+nicht\b|\bdoch\s+(lieber|besser|eher|anders|noch)\b|\blieber\s+doch\b|\bdas\s+(passt|geht|klappt)\s+(mir\s+|so\s+|leider\s+|da\s+|dann\s+)*(nicht|schlecht)\b|\bstimmt\s+(so\s+)?nicht\b|\bfalsch\b|\bwarten\s+sie\b|\bmoment\s+mal\b|\bstopp?\b|\bach\s+(nee|nein|ne|noe|mist)\b|\boh\s+(nein|nee|mist)\b|\bumentschieden\b|\banders\s+ueberlegt\b|\bverhoert\b|\bversprochen\b|\bgeht\s+(bei\s+mir\s+)?(gar\s+)?nicht\b|\bpasst\s+(mir\s+)?(gar\s+)?nicht\b|\bkann\s+ich\s+(da\s+)?(doch\s+)?nicht\b|\b(etwas|bisschen|wenig)\s+(frueher|spaeter|eher)\b|\b(den|das|ihn|es)\b.{0,30}\b(legen|verlegen|setzen|schieben|tauschen)\b/;
const GIVES_UP =
  /\blass(en)?\s+(wir\s+)?(es|das|das\s+ganze|'?s)\b|\blassen\s+wir'?s\b|\bvergessen\s+(sie|se)\s*('?s|es|das|des)\b|\bdann\s+(eben|halt|doch|lieber)?\s*(nicht|keinen|gar\s+nicht)\b|\b(brauche|brauch)\s+(ich\s+)?(doch\s+)?keinen\b|\bdoch\s+keinen\b|\bich\s+(ruf|rufe|melde)\s+(mich\s+)?(wieder|nochmal|noch\s+mal|spaeter|ein\s+andermal)\b|\b(absagen|stornieren|streichen|wegmachen|rausnehmen|loeschen)\b|\bganz\s+lassen\b|\bsein\s+lassen\b|\bbleiben\s+lassen\b/;
const ANOTHER =
  /\bnoch\s+(einen|nen|'nen|ein|eine)\b|\b(zweite[nr]?|weitere[nr]?)\s+termin\b|\bzusaetzlich\b|\bausserdem\b|\bauch\s+noch\b|\bfuer\s+(meine[nrm]?|unsere[nrm]?)\b|\bund\s+(dann\s+)?(fuer|mein\w*)\b.{0,20}\bauch\b/;
const NEGATES = /^(\W*(hm+|aeh+m*|oh|ach|also)\b)*\W*(nee|nein|ne|noe|nö)\b|\beigentlich\b/;
const SHIFT = /(?:\b([a-z']+|\d+)\s+)?(halbe\s+|viertel\s+)?\b(stunden?|viertelstunde|dreiviertelstunde|minuten)\s+(spaeter|frueher|eher)\b/;

function shiftOf(t: string): number | null {
  const m = SHIFT.exec(t);
  if (!m) return null;
  const [, count, fraction, unit, direction] = m;
  const sign = direction === 'spaeter' ? 1 : -1;
  if (unit === 'viertelstunde') return sign * 15;
  if (unit === 'dreiviertelstunde') return sign * 45;
  const said = !count || /^(eine|ein|ne|'ne|einer)$/.test(count) ? 1 : /^(anderthalb|eineinhalb)$/.test(count) ? 1.5 : (cardinalValue(count) ?? Number(count));
  // "die halbe Stunde später", "lieber Stunde später": a word before a singular hour is no count.
  const n = Number.isFinite(said) ? said : unit === 'stunde' || unit === 'viertelstunde' || unit === 'dreiviertelstunde' ? 1 : NaN;
  if (!Number.isFinite(n) || n <= 0) return null;
  if (unit === 'minuten') return count ? sign * n : null;
  const hours = fraction?.trim() === 'halbe' ? n * 0.5 : fraction?.trim() === 'viertel' ? n * 0.25 : n;
  return sign * Math.round(hours * 60);
}

/** Reads what the caller says about an appointment just made in this call. */
export function readChangeOfMind(text: string): ChangeOfMind {
  const t = standardSpoken(fold(text));
  const shiftMinutes = shiftOf(t);
  return {
    rejects: REJECTS.test(t) || detectCorrection(text) || shiftMinutes !== null,
    givesUp: GIVES_UP.test(t),
    another: ANOTHER.test(t),
    shiftMinutes,
    negates: NEGATES.test(t),
  };
}
