import { DateTime } from 'luxon';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { PartOfDay } from '../../parts-of-day.js';
import { speakPartOfDay } from './speak-part-of-day.js';
import { dative, speakClock, speakDay, speakList, type DayWording } from './speak.js';
import { spokenServiceName } from './speak-service.js';

// The lines of a booking that does not go straight: a day or time to fill in, a correction, a caller who ends
// politely, a name nobody here has, a caller the agent cannot follow. Sie-form, short, each re-ask in new words.

const DIGITS = ['null', 'eins', 'zwo', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];

/** A phone number as a listener can check it: the national form, digit by digit, groups of three or four. */
export function speakPhoneDigits(phone: string): string {
  const national = parsePhoneNumberFromString(phone)?.formatNational() ?? phone;
  const [prefix, ...rest] = national
    .replace(/[^\d ]/g, ' ')
    .trim()
    .split(/\s+/);
  const subscriber = rest.join('');
  const groups: string[] = prefix ? [prefix] : [];
  // Balanced groups ("9876 5432", "123 4567"): easier to follow than one long run.
  const count = Math.ceil(subscriber.length / 4);
  for (let i = 0, start = 0; i < count; i++) {
    const size = Math.ceil((subscriber.length - start) / (count - i));
    groups.push(subscriber.slice(start, start + size));
    start += size;
  }
  return groups
    .filter(Boolean)
    .map((g) =>
      g
        .split('')
        .map((d) => DIGITS[Number(d)] ?? d)
        .join(' '),
    )
    .join(', ');
}

/** "Ich wiederhole: null eins sieben sechs, … Stimmt die Nummer?" */
export function readBackPhone(phone: string): string {
  return `Ich wiederhole die Nummer: ${speakPhoneDigits(phone)}. Ist das richtig?`;
}

export const ASK_PHONE_AGAIN = 'Dann sagen Sie mir die Nummer bitte noch einmal, gern langsam in Zweier- oder Dreiergruppen.';

/** What is known of the wish, said back before asking for the missing part. */
export interface WishSoFar {
  serviceName: string | null;
  staffName: string | null;
  /** The day as an ISO date in the business's zone, if said. */
  date: string | null;
  time: string | null;
  partOfDay: PartOfDay | null;
  /** How the caller named the day ("Freitag"), to say it back so. */
  wording?: DayWording | undefined;
}

function daySaid(date: string, zone: string, now: Date, wording: DayWording = {}): string {
  return speakDay(DateTime.fromISO(date, { zone }), DateTime.fromJSDate(now, { zone }), wording);
}

function clockSaid(time: string): string {
  const [h, m] = time.split(':').map(Number);
  return speakClock(h ?? 0, m ?? 0);
}

/** "Herrenhaarschnitt bei Emma um 10 Uhr": the parts of the wish that are known, in speaking order. */
function describe(wish: WishSoFar, zone: string, now: Date): string {
  const parts = [
    wish.serviceName,
    wish.staffName ? `bei ${dative(wish.staffName)}` : null,
    wish.date ? daySaid(wish.date, zone, now, wish.wording) : null,
    wish.time ? `um ${clockSaid(wish.time)}` : wish.partOfDay ? speakPartOfDay(wish.partOfDay) : null,
  ];
  return parts.filter(Boolean).join(' ');
}

/** A time (or part of day) without a day: "Um 10 Uhr, gern. An welchem Tag?" - never a day the caller did not say. */
export function askDayFor(wish: WishSoFar, attempt: number): string {
  const when = wish.time ? `Um ${clockSaid(wish.time)}` : wish.partOfDay ? capitalise(speakPartOfDay(wish.partOfDay)) : 'Gern';
  const asks = [
    `${when}, gern. An welchem Tag hätten Sie Zeit?`,
    `${when} habe ich notiert. Welcher Tag wäre Ihnen recht?`,
    'Sagen Sie mir bitte noch den Tag, zum Beispiel Dienstag oder den 24.',
  ];
  return asks[attempt % asks.length]!;
}

/**
 * True when the line ends by asking for a day or a time ("Wann hätten Sie denn Zeit? …", "An welchem Tag hätten Sie
 * Zeit?", the re-asks of `askWhenAgain`): a yes or a no answers no such question (unless it offers a choice, "oder
 * soll ich …?").
 */
export function asksForDayOrTime(line: string): boolean {
  const last = line.slice(line.lastIndexOf('. ', line.length - 2) + 1).trim();
  // "…, oder soll ich Ihnen die ersten freien Termine nennen?" is answered by a yes.
  if (last.includes(', oder soll ich')) return false;
  return (
    /^(Wann hätten Sie denn Zeit|Sagen Sie mir gern einen Tag|An welchem Tag|Um wie viel Uhr|Welcher Tag wäre Ihnen recht|Sagen Sie mir bitte noch den Tag|\p{L}+ soll ich für |An welchem Tag und um wie viel Uhr)/u.test(
      last,
    ) || /(hätten Sie gern|wäre Ihnen recht|schauen)\?$/.test(last)
  );
}

/** A week without a day: which day, or the first free slots of that week. */
export function askDayInWeek(weekStart: string, zone: string, now: Date): string {
  const monday = DateTime.fromISO(weekStart, { zone });
  const week = Math.round(monday.diff(DateTime.fromJSDate(now, { zone }).startOf('week'), 'weeks').weeks);
  const which = week === 1 ? 'nächste Woche' : week === 0 ? 'diese Woche' : `in der Woche ab dem ${monday.day}. ${MONTH_NAMES[monday.month]}`;
  return `Gern, ${which}. An welchem Tag passt es Ihnen, oder soll ich Ihnen die ersten freien Termine der Woche nennen?`;
}

/** Said before the first free slots of a week that the caller left open. */
export function firstFreeInWeek(weekStart: string, zone: string): string {
  const monday = DateTime.fromISO(weekStart, { zone });
  return `Die ersten freien Termine ab Montag, dem ${monday.day}. ${MONTH_NAMES[monday.month]}:`;
}

/** Nothing usable in the answer: what is known so far, and the part still missing, in new words each time. */
export function askWhenAgain(wish: WishSoFar, zone: string, now: Date, attempt: number): string {
  const known = describe(wish, zone, now);
  const missing = wish.date ? 'Um wie viel Uhr' : wish.time || wish.partOfDay ? 'An welchem Tag' : 'An welchem Tag und um wie viel Uhr';
  const asks = known
    ? [
        `Ich habe bisher ${known} verstanden. ${missing} hätten Sie gern?`,
        `Damit ich richtig suche: ${known}. ${missing} wäre Ihnen recht?`,
        `Verzeihung, noch einmal: ${missing} soll ich für ${known} schauen?`,
      ]
    : [
        'Verzeihung, das habe ich nicht ganz verstanden. Für welche Leistung und wann hätten Sie gern einen Termin?',
        'Sagen Sie mir bitte, welche Leistung Sie möchten und an welchem Tag.',
      ];
  return asks[attempt % asks.length]!;
}

/** Re-asks when an utterance could not be used; never the same words twice in a row. */
export const NOT_UNDERSTOOD_AGAIN = [
  'Entschuldigung, das habe ich akustisch nicht verstanden. Könnten Sie das bitte wiederholen?',
  'Verzeihung, die Verbindung war gerade undeutlich. Sagen Sie es bitte noch einmal?',
];
export const NAME_AGAIN = ['Wie war Ihr Name, bitte?', 'Verzeihung, den Namen habe ich nicht verstanden. Sagen Sie mir bitte Vor- und Nachnamen?'];
export const PHONE_AGAIN = [
  'Die Nummer habe ich leider nicht ganz verstanden. Könnten Sie sie bitte Ziffer für Ziffer sagen?',
  'Verzeihung, die Nummer habe ich noch nicht. Sagen Sie sie bitte langsam, Ziffer für Ziffer?',
];
export const WHICH_OFFER_AGAIN = [
  'Welcher der Termine passt Ihnen?',
  'Sagen Sie mir einfach, ob Ihnen der erste oder der zweite Termin lieber ist, oder nennen Sie mir eine andere Zeit.',
];
export const THE_ONE_AGAIN = ['Soll ich Ihnen den Termin eintragen?', 'Passt Ihnen der Termin, oder soll ich nach einer anderen Zeit schauen?'];

/** The second unusable turn in a row: a human or a callback instead of a third try. */
export function offerHelp(canTransfer: boolean, hasNumber: boolean): string {
  if (canTransfer)
    return `Entschuldigung, ich verstehe Sie gerade leider schlecht. Soll ich Sie mit einer Kollegin verbinden${hasNumber ? ', oder sollen wir Sie zurückrufen' : ''}?`;
  return hasNumber
    ? 'Entschuldigung, ich verstehe Sie gerade leider schlecht. Soll eine Kollegin Sie zurückrufen?'
    : 'Entschuldigung, ich verstehe Sie gerade leider schlecht. Sagen Sie mir gern Ihre Nummer, dann ruft eine Kollegin Sie zurück.';
}

/** A callback promised: who calls back, under which number (by its last digits). */
export function callbackPromised(who: string | null, phone: string): string {
  const digits = phone.replace(/\D/g, '').slice(-4).split('').join(' ');
  return `Gern, ich gebe es weiter: ${who ?? 'Eine Kollegin'} ruft Sie unter der Nummer mit den Endziffern ${digits} zurück. Kann ich sonst noch etwas für Sie tun?`;
}

export const ASK_CALLBACK_NUMBER = 'Gern. Unter welcher Nummer dürfen wir Sie zurückrufen?';
/** A no to the offer of a colleague: try again, with the question that was open ("Was kann ich für Sie tun?" if none). */
export function helpDeclined(question = 'Was kann ich für Sie tun?'): string {
  return `Gut, dann versuchen wir es noch einmal. ${question}`;
}

/** The caller asked for a staff member by name: hand over to the salon to reach them. */
export function transferToPerson(name: string): string {
  return `Einen Moment bitte, ich verbinde Sie, damit Sie mit ${dative(name)} sprechen können.`;
}

/** Nobody to transfer to: say so, offer a callback from the person or help right here. */
export function personNotReachable(name: string, hasNumber: boolean): string {
  return hasNumber
    ? `${name} kann ich Ihnen leider gerade nicht ans Telefon holen. Soll ${name} Sie zurückrufen, oder kann ich Ihnen selbst helfen, zum Beispiel mit einem Termin?`
    : `${name} kann ich Ihnen leider gerade nicht ans Telefon holen. Ich kann Ihnen aber gern selbst helfen, zum Beispiel mit einem Termin.`;
}

/** "Jemanden mit dem Namen Mandy", "Eine Frau Schulze", "Einen Herrn Becker" gibt es bei uns leider nicht. */
function nobodyCalled(name: string): string {
  const titled = /^(Frau|Herr) (.+)$/.exec(name);
  if (!titled) return `Jemanden mit dem Namen ${name} gibt es bei uns leider nicht.`;
  return titled[1] === 'Frau' ? `Eine Frau ${titled[2]} gibt es bei uns leider nicht.` : `Einen Herrn ${titled[2]} gibt es bei uns leider nicht.`;
}

/** A name the salon does not have, and who does work here. */
export function unknownStaff(name: string, staffNames: string[]): string {
  return `${nobodyCalled(name)} Bei uns arbeiten ${speakList(staffNames, 'und')}. Bei wem hätten Sie gern den Termin, oder ist es Ihnen egal?`;
}

/** The caller asked to speak to someone by a name nobody here has: who does work here, and a colleague instead. */
export function unknownPerson(name: string, staffNames: string[], canTransfer: boolean): string {
  const instead = canTransfer ? 'Soll ich Sie mit einer Kollegin verbinden?' : 'Soll eine Kollegin Sie zurückrufen?';
  return `${nobodyCalled(name)} Bei uns arbeiten ${speakList(staffNames, 'und')}. ${instead}`;
}

/** The caller ends the call without a booking: no pressure, a warm goodbye. */
export const ENDING_GOODBYE = [
  'Gern, melden Sie sich einfach, wenn es Ihnen passt. Vielen Dank für Ihren Anruf und auf Wiederhören!',
  'Kein Problem, rufen Sie gern wieder an. Auf Wiederhören!',
];

/** A correction with nothing left to look for: what instead? */
export const ASK_INSTEAD = 'Kein Problem. Welcher Tag oder welche Uhrzeit wäre Ihnen stattdessen lieber?';

const MONTH_NAMES = ['', 'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The service is still missing and the answer held none: the list once more, in other words. */
export function askServiceAgain(directory: { services: Array<{ name: string }> }): string[] {
  const names = speakList(
    directory.services.map((s) => spokenServiceName(s.name)),
    'oder',
  );
  return [`Verzeihung, welche Leistung darf ich für Sie eintragen? Zum Beispiel ${names}.`, `Sagen Sie mir bitte, was wir für Sie tun dürfen: ${names}?`];
}

/** Nothing left on the side the caller asked for ("etwas später") once what they turned down is left out. */
export function nothingOnThatSide(later: boolean, earlier: boolean): string {
  if (later) return 'Später ist dafür leider nichts mehr frei.';
  if (earlier) return 'Früher ist dafür leider nichts mehr frei.';
  return 'Dafür ist sonst leider nichts frei.';
}
