import type { Directory } from '../../booking/load-directory.js';
import { forSpeech } from './for-speech.js';
import { capitalise, speakDuration, speakList, speakPrice, type DayWording } from './speak.js';
import { agree, speakService, spokenServiceName, type ServiceWords } from './speak-service.js';
import { speakSlot, type SpokenSlot } from './wording.js';

// Everything the agent says on its own, in one place: short, natural, Sie-form.

export const FILLER = 'Einen Moment, ich schaue kurz nach.';
export const FILLER_BOOKING = 'Einen Moment, ich trage das ein.';
export const NOT_UNDERSTOOD = 'Entschuldigung, das habe ich akustisch nicht verstanden. Könnten Sie das bitte wiederholen?';
export const STILL_THERE = 'Sind Sie noch da? Ich helfe Ihnen gern weiter.';
export const SILENT_GOODBYE = 'Ich höre Sie leider nicht mehr. Rufen Sie gern noch einmal an. Auf Wiederhören!';
export const GOODBYE = 'Vielen Dank für Ihren Anruf. Auf Wiederhören!';
/** The called number belongs to no business here: nobody can be booked, so the call ends at once. */
export const NOT_CONNECTED =
  'Guten Tag! Diese Nummer ist bei uns leider keinem Geschäft zugeordnet, daher kann ich hier keine Termine vergeben. Auf Wiederhören!';
export const ANYTHING_ELSE = 'Kann ich sonst noch etwas für Sie tun?';
export const WHAT_ELSE = 'Gern, was kann ich für Sie tun?';
export const ASK_TIME = 'Wann hätten Sie denn Zeit? Sagen Sie mir gern einen Tag und eine Uhrzeit.';
export const ASK_OTHER_TIME = 'Kein Problem. Wann würde es Ihnen stattdessen passen?';
const ASK_WHICH_OFFER = 'Welcher der Termine passt Ihnen?';

/** Asks which of the offered slots, for one offer or several: "einen der Termine" only when there are several. */
export function askWhichOffer(count: number): string {
  return count > 1 ? ASK_WHICH_OFFER : 'Passt Ihnen der Termin?';
}

/** After answering a question while slots are on offer: "Soll ich Ihnen den Termin / einen der Termine eintragen?" */
export function askToBookOffered(count: number): string {
  return count > 1 ? 'Soll ich Ihnen einen der Termine eintragen?' : 'Soll ich Ihnen den Termin eintragen?';
}
export const ASK_NAME = 'Auf welchen Namen darf ich den Termin eintragen?';
export const ASK_PHONE = 'Unter welcher Telefonnummer erreichen wir Sie?';
export const TRANSFER = 'Einen Moment bitte, ich verbinde Sie mit einer Kollegin.';
export const NO_TRANSFER = 'Im Moment kann ich Sie leider nicht verbinden. Eine Kollegin ruft Sie gern zurück. Kann ich Ihnen sonst weiterhelfen?';
export const ASK_RESCHEDULE_TIME = 'Gern. Auf welchen Tag und welche Uhrzeit soll ich Ihren Termin verschieben?';
export const ASK_QUESTION_SERVICE = 'Für welche Leistung möchten Sie das wissen?';
export const OFFER_AN_APPOINTMENT = 'Möchten Sie dafür einen Termin?';
export const ASK_NAME_AGAIN = 'Wie war Ihr Name, bitte?';
export const BOOKED_INTRO = 'Wunderbar.';
export const KEEP_IT = 'In Ordnung, dann bleibt alles, wie es ist.';
export const ASK_WHICH_TO_MOVE = 'Welchen der Termine soll ich verschieben?';
export const ASK_MOVE_DAY = 'An welchem Tag soll der Termin stattfinden?';
export const ASK_MOVE_TIME = 'Und um welche Uhrzeit?';

export function greeting(directory: Directory, knownName: string | null): string {
  const hello = knownName ? `guten Tag, ${knownName}! Schön, dass Sie wieder anrufen.` : 'guten Tag!';
  return `${forSpeech(directory.business.name)}, ${hello} Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?`;
}

export function askService(directory: Directory): string {
  return `Gern. Welche Leistung wünschen Sie? Wir bieten ${speakList(
    directory.services.map((s) => spokenServiceName(s)),
    'und',
  )} an.`;
}

export function askConfirmPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').slice(-4).split('').join(' ');
  return `Darf ich den Termin unter der Nummer eintragen, von der Sie anrufen, mit den Endziffern ${digits}?`;
}

/**
 * The slot a caller agreed to, said back: "Gut, also der Herrenhaarschnitt morgen um 10 Uhr bei Emma." ("am Freitag"
 * when the caller named the weekday). With a bare name (no grammar known) the name alone: "Gut, also Waschen und
 * Föhnen …".
 */
export function confirmSlot(slot: SpokenSlot, service: ServiceWords | string, directory: Directory, now: Date, wording: DayWording = {}): string {
  return `Gut, also ${speakService(service, { article: 'definite' })} ${speakSlot(slot, directory, now, wording)}.`;
}

/**
 * Price, duration or what a service involves, with the article and verb its name needs ("Ein Herrenhaarschnitt
 * kostet …", "Strähnchen kosten …", "Bei der Ansatzfärbung sind Sie …"); composite services explain their phases
 * only when asked. The duration is the whole visit, said exactly ("eindreiviertel Stunden", never rounded).
 */
export function answerServiceQuestion(question: 'price' | 'duration' | 'what', service: Directory['services'][number]): string {
  const visit = service.segments.length > 0 ? service.segments.reduce((sum, s) => sum + s.minutes, 0) : service.durationMinutes;
  const hasGap = service.segments.some((s) => s.kind === 'gap');
  const subject = capitalise(speakService(service, { article: 'indefinite' }));
  switch (question) {
    case 'price':
      return service.priceCents
        ? `${subject} ${agree(service, 'kostet', 'kosten')} bei uns ${speakPrice(service.priceCents)}.`
        : `Zum Preis ${speakService(service, { article: 'indefinite', preposition: 'für' })} berät Sie gern eine Kollegin vor Ort.`;
    case 'duration':
      return hasGap
        ? `${capitalise(speakService(service, { article: 'definite', preposition: 'bei' }))} sind Sie etwa ${speakDuration(visit)} bei uns, mit Einwirkzeit dazwischen.`
        : `${subject} ${agree(service, 'dauert', 'dauern')} etwa ${speakDuration(visit)}.`;
    case 'what':
      return `${forSpeech(service.description ?? spokenServiceName(service))}${hasGap ? ` Insgesamt sind Sie etwa ${speakDuration(visit)} bei uns.` : ''}`;
  }
}

const WEEKDAY_NAMES = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];

/** "Wir haben Dienstag bis Freitag von 9 bis 18 Uhr und Samstag von 9 bis 14 Uhr geöffnet." */
export function openingHours(directory: Directory): string {
  const hours = directory.business.openingHours;
  const groups: Array<{ days: number[]; text: string }> = [];
  for (let d = 1; d <= 7; d++) {
    const ranges = hours[String(d) as '1'];
    if (!ranges || ranges.length === 0) continue;
    const text = ranges.map((r) => `von ${clock(r.start)} bis ${clock(r.end)} Uhr`).join(' und ');
    const last = groups[groups.length - 1];
    if (last && last.text === text && last.days[last.days.length - 1] === d - 1) last.days.push(d);
    else groups.push({ days: [d], text });
  }
  if (groups.length === 0) return 'Unsere Öffnungszeiten kann ich Ihnen leider gerade nicht sagen.';
  const parts = groups.map((g) => {
    const first = WEEKDAY_NAMES[g.days[0]! - 1]!;
    const last = WEEKDAY_NAMES[g.days[g.days.length - 1]! - 1]!;
    return `${g.days.length === 1 ? first : `${first} bis ${last}`} ${g.text}`;
  });
  return `Wir haben ${speakList(parts, 'und')} geöffnet.`;
}

function clock(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  return m === '00' ? String(Number(h)) : `${Number(h)}:${m}`;
}

/**
 * What the transport says on its own when the conversation cannot answer: the begin message Retell needs before the
 * agent may speak, and the apology for a turn that failed or hung, so the caller is never left in silence.
 */
export const TRANSPORT_LINES = {
  fallbackGreeting: 'Guten Tag, wie kann ich Ihnen helfen?',
  apology: 'Entschuldigung, da ist etwas schiefgelaufen. Einen Moment bitte.',
} as const;
