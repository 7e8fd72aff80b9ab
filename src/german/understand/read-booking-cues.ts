/**
 * What a caller's sentence says about the conversation itself rather than the slot: a polite ending ("dann eben
 * nicht, trotzdem danke"), a correction ("ach nee, lieber …", "zehn ist schlecht"), a shift relative to what was on
 * the table ("eine Stunde später", "den Tag danach"), a week named without a day ("nächste Woche"), a name given
 * with an introduction ("Hier ist Lisa Meyer"), a request to speak to a person ("Kann ich Emma kurz sprechen?"),
 * a staff name the business does not know ("bei der Sandra"), a wish to be called back.
 */
import { detectCorrection } from './detect-correction.js';
import { findIntroducedName } from './extract-caller-name.js';
import { asksForPerson, unknownStaffName } from './detect-staff-mention.js';
import { fold, foldedWords, foldWithoutHesitations, standardSpoken } from './normalize.js';
import { cardinalValue, ordinalValue } from './numbers.js';
import { HABITUAL_WEEKDAYS, MONTHS, PARTS_OF_DAY, WEEKDAYS } from './time/lexicon.js';

/** A move relative to the slot on the table: minutes or days, later (positive) or earlier (negative). */
export interface Shift {
  minutes: number;
  days: number;
}

export interface BookingCues {
  /** The caller ends the call politely without a new wish ("ich ruf wieder an", "ich überleg's mir nochmal"). */
  ending: boolean;
  /** Every day or time word of the sentence belongs to the ending ("ich ruf nächste Woche wieder an"): no wish. */
  endingNamesWhen: boolean;
  /** The caller takes back or changes what was on the table ("ach nee", "doch nicht", "X ist schlecht", "lieber"). */
  correction: boolean;
  shift: Shift | null;
  /** A week named ("nächste Woche", "übernächste Woche") but no day in it. */
  weekOnly: boolean;
  /** A weekday named without a day of the month ("Mittwoch", not "Mittwoch, den 26."): it can be placed in a week. */
  bareWeekday: boolean;
  /** A name the caller introduced themselves with ("mein Name ist …", "hier ist …", "… am Apparat"). */
  introducedName: string | null;
  /** The caller asks to speak to someone ("Kann ich Emma sprechen?", "Ist Fabian da?"). */
  personRequest: boolean;
  /** A person's name used like a staff member's ("bei der Sandra") that is none of the staff; as written. */
  unknownStaffName: string | null;
  /** The caller wants to be called back ("rufen Sie mich zurück", "Rückruf"). */
  callback: boolean;
  /** The caller asks what is free rather than naming a time ("nennen Sie mir die ersten", "was haben Sie denn frei?"). */
  asksWhatIsFree: boolean;
}

/** Ways of ending the call politely without a booking, one to a line. */
const ENDINGS: readonly RegExp[] = [
  /\b(melde|rufe|ruf) ich (mich )?(dann |einfach |lieber |nochmal |noch mal |noch einmal |spaeter |morgen |naechste woche )*(wieder|nochmal|noch mal|noch einmal|spaeter|an)\b/,
  /\bich (ruf|rufe|melde|meld)\w* (mich )?(dann |einfach |lieber |nochmal |noch mal |noch einmal |wieder |spaeter |morgen |naechste woche |die tage |bei ihnen )*(wieder|nochmal|noch mal|noch einmal|spaeter|zurueck|an\b(?!,? (wegen|weil|um|fuer|bezueglich|im auftrag)\b))/,
  /\b(ich )?meld\w* mich( dann| einfach| bei ihnen| die tage)?\W*$/,
  /\b(ich )?ueberleg\w*'?s? (es )?(mir )?(das )?(noch ?mal|nochmal|noch einmal|erst|in ruhe)\b/,
  /\b(ich )?(denk|denke)\w* (noch ?mal |nochmal |erst (mal )?)?(drueber|darueber) nach\b/,
  /\bmuss (ich )?(mir )?(das )?(erst |noch |erst mal |nochmal )*(ueberlegen|nachschauen|nachsehen|klaeren|absprechen)\b/,
  /\b(versuch|versuche|probier|probiere)(\s+ich)?('?s|\s+es)?\s+(es\s+)?(dann\s+)?(lieber\s+|einfach\s+)?(ein\s*andermal|ein anderes mal|spaeter|woanders|nochmal|noch mal|morgen|naechste woche)\b/,
  /\b(dann|vielleicht|lieber) (ein ?andermal|ein anderes mal)\b/,
  /\bdann (eben|halt|lieber) (nicht|doch nicht)\b/,
  /\b(trotzdem|dennoch) (danke|vielen dank)\b|\b(danke|vielen dank) (trotzdem|dennoch|erstmal|erst mal)\b/,
  /\bdann lassen wir (es|das)\b|\blassen wir (es|das) (lieber|erstmal|erst mal|doch)?\b/,
  /\blass(e)? ich('s|s| es| das)\b(?!\s+(machen|schneiden|faerben|foehnen|waschen))/,
  /\blassen sie (mal|es|das|'?s)\b(?!\s+(machen|schneiden|faerben|foehnen|waschen))/,
  /\bvergessen (sie|se) (es|das|des)\b|\bvergessen (sie|se)'s\b|\bhat sich (dann )?erledigt\b/,
  /\bdann nicht\b\W*$/,
  /\bschau\w* (selbst|selber|erst|nochmal|noch mal) (in|im|nach)\b.{0,30}\bmelde\b/,
  /\b(frag|frage)\w* (erst|mal|nochmal|zuerst) (meinen|meine|meinem|bei)\b/,
  /\b(ich komm\w*|komm\w* ich) (dann )?(einfach |lieber |spontan |mal |direkt )*vorbei\b/,
];

/** A "no" about the thing on the table that the classifier's yes-words would otherwise hide ("passt leider beides nicht"). */
const REJECTS =
  /\b(\w+ )?(ist|waere|wär|waer) (mir )?(leider |eher |zu |ganz )*(schlecht|ungünstig|unguenstig|ungeschickt|doof|bloed|knapp)\b|\b(geht|gehts|geht's|passt|klappt)\b.{0,20}\bnicht\b|\bdoch nicht\b|\bnee\b|\bach (nee|nein|ne|noe)\b|\bwarten sie\b|\bmoment mal\b|\bstopp\b|\blieber doch\b|\bdoch lieber\b/;
const CALLBACK = /\bzurueck ?ruf\w*|\bzurueckgerufen\b|\brueckruf\w*\b|\bruf\w*\b.{0,25}\bzurueck\b/;
const WHAT_IS_FREE =
  /\b(nennen|sagen|geben) sie (mir |uns )?(einfach |mal |doch |bitte |gern |gerne )*(die ersten|was)\b|\bwas (haben|haetten|habt) (sie|ihr) (denn |so |da |noch )*(frei|da)\b|\bwas ist (denn |so |da |noch )*frei\b|^\W*(die|den) ersten\W*(bitte)?\W*$/;
const WEEK =
  /\b(naechste|naechsten|kommende|kommenden|uebernaechste|uebernaechsten|diese|dieser|diesen|in der|in zwei|in drei|in einer|in 2|in 3) ?(\w+ )?woche\b/;

/** "eine Stunde später", "halbe Stunde früher", "zwei Stunden später", "etwas später", "den Tag danach", "einen Tag früher". */
function readShift(t: string): Shift | null {
  const sign = (word: string) => (/^(spaeter|danach|darauf|drauf|nach)/.test(word) ? 1 : -1);
  const hours = /\b(eine?|einer|ein paar|zwei|drei|vier|\d+|anderthalb|eineinhalb|halbe?) ?(halbe )?(stunden?|std)\b.{0,12}\b(spaeter|frueher|eher)\b/.exec(t);
  if (hours) {
    const amount =
      /halb/.test(hours[1]!) && !hours[2]
        ? 0.5
        : /anderthalb|eineinhalb/.test(hours[1]!)
          ? 1.5
          : hours[2]
            ? 0.5
            : /ein paar/.test(hours[1]!)
              ? 2
              : (cardinalValue(hours[1]!) ?? Number(hours[1])) || 1;
    return { minutes: sign(hours[4]!) * Math.round(amount * 60), days: 0 };
  }
  const minutes = /\b(\d+|zehn|fuenfzehn|zwanzig|dreissig|fuenfundvierzig|viertel) ?(minuten|stunde)\b.{0,12}\b(spaeter|frueher|eher)\b/.exec(t);
  if (minutes) {
    const amount = minutes[1] === 'viertel' ? 15 : (cardinalValue(minutes[1]!) ?? Number(minutes[1]));
    return { minutes: sign(minutes[3]!) * amount, days: 0 };
  }
  const days = /\b(den|am|einen|ein|zwei|drei) (tag|tage|woche)\w* (spaeter|frueher|eher|danach|darauf|davor|drauf)\b/.exec(t);
  if (days) {
    const n = days[1] === 'zwei' ? 2 : days[1] === 'drei' ? 3 : 1;
    return { minutes: 0, days: sign(days[3]!) * n * (days[2]!.startsWith('woche') ? 7 : 1) };
  }
  if (/\b(tag|woche) (danach|darauf|drauf)\b/.test(t)) return { minutes: 0, days: /woche/.test(t) ? 7 : 1 };
  if (/\b(tag|woche) (davor|vorher)\b/.test(t)) return { minutes: 0, days: /woche/.test(t) ? -7 : -1 };
  // "etwas später", "ein bisschen früher", "geht's auch später?": a vague hour either way.
  const vague = /\b(etwas|bisschen|bissl|wenig|was|eher|lieber|auch|noch|doch|spaeter|frueher)\b.{0,12}\b(spaeter|frueher)\b|^\W*(spaeter|frueher)\b/.exec(t);
  if (vague) return { minutes: /spaeter\W*$|spaeter\b(?!.*frueher)/.test(vague[0]) ? 60 : -60, days: 0 };
  return null;
}

function hasDayWord(words: readonly string[]): boolean {
  return words.some(
    (w) => WEEKDAYS.has(w) || HABITUAL_WEEKDAYS.has(w) || MONTHS.has(w) || /^\d{1,2}$/.test(w) || /^(heute|morgen|uebermorgen|wochenende)$/.test(w),
  );
}

/** A day or a time named: the words that make one ("nächste Woche", "halb zehn", "Freitag"). */
function hasWhenWord(words: readonly string[]): boolean {
  return (
    hasDayWord(words) ||
    words.some((w) => PARTS_OF_DAY.has(w) || cardinalValue(w) !== null || /^(halb|viertel|dreiviertel|uhr|woche|spaeter|frueher|nachher|gleich|bald)$/.test(w))
  );
}

/**
 * The name the caller introduces themselves with ("Hier ist Lisa Meyer"), or null; bare words are never taken for a
 * name here, nor a staff member's name ("Emma Williams, hat die Freitag Zeit?" asks about her).
 */
export function readIntroducedName(text: string, staff: readonly { name: string; aliases: string[] }[]): string | null {
  const name = findIntroducedName(text);
  if (!name) return null;
  const folded = foldedWords(name.full);
  // "hier ist nächste Woche …" names nobody; "Petra Freitag" and "Jan" do.
  if (folded.some((w) => w === 'woche' || w === 'termin') || folded.every((w) => WEEKDAYS.has(w) || MONTHS.has(w))) return null;
  const known = staffWords(staff);
  if (folded.every((w) => known.has(w))) return null;
  return name.full;
}

function staffWords(staff: readonly { name: string; aliases: string[] }[]): Set<string> {
  return new Set(staff.flatMap((m) => [...foldedWords(m.name), ...m.aliases.flatMap((a) => foldedWords(a))]));
}

/** Reads the conversation cues of one utterance. `staff`: the business's staff, to tell an unknown name. */
export function readBookingCues(text: string, staff: readonly { name: string; aliases: string[] }[]): BookingCues {
  const t = standardSpoken(fold(text).replace(/[’`]/g, "'"));
  const words = foldedWords(text);
  const plain = standardSpoken(foldWithoutHesitations(text));
  const endings = ENDINGS.filter((re) => re.test(plain));
  const introduced = readIntroducedName(text, staff);
  const personRequest = asksForPerson(text);
  return {
    ending: endings.length > 0,
    endingNamesWhen: endings.length > 0 && !hasWhenWord(foldedWords(endings.reduce((rest, re) => rest.replace(re, ' '), plain))),
    correction: REJECTS.test(t) || detectCorrection(text),
    shift: readShift(t),
    weekOnly: WEEK.test(t) && !hasDayWord(words.filter((w) => w !== 'woche')),
    bareWeekday: words.some((w) => WEEKDAYS.has(w)) && !words.some((w) => MONTHS.has(w) || /^\d/.test(w) || ordinalValue(w) !== null),
    introducedName: introduced,
    personRequest,
    unknownStaffName: unknownStaffName(text, staff, personRequest, introduced ? foldedWords(introduced) : []),
    callback: CALLBACK.test(t),
    asksWhatIsFree: WHAT_IS_FREE.test(t),
  };
}

/** A plain refusal the yes-words would otherwise take for a yes ("passt leider beides nicht", "keiner davon"). */
export function isRefusal(text: string): boolean {
  const t = standardSpoken(fold(text));
  return /\b(passt|geht|klappt)\b.{0,20}\b(beides|beide|keiner|keins|keine[rs]?)\b.{0,10}\bnicht\b|\b(beides|beide|keiner|keins) (davon )?(nicht|passt nicht|geht nicht)\b|\bkeiner davon\b|\bkeins davon\b|\b(passt|geht|klappt) (leider |mir |bei mir |da |das |so |beides |beide )*nicht\b|\b(ist|waere) (mir )?(leider |eher |zu )*(schlecht|unguenstig|ungeschickt)\b/.test(
    t,
  );
}
