import type { Directory } from '../../booking/load-directory.js';
import type { BusinessAnswers } from '../../db/json-columns.js';
import { greeting } from './lines.js';
import { speakPrice, WEEKDAYS } from './speak.js';

// The system prompt of an agent built on Retell's own LLM, which calls our functions instead of running our
// dialogue. Everything in it comes from the business's own records; the rules keep the LLM from answering what
// only the functions know (free slots, whether a booking went through).

/** The kind of business after "für …, ": accusative. */
const KIND: Readonly<Record<string, string>> = { salon: 'einen Salon', practice: 'eine Praxis' };

function hoursOf(ranges: ReadonlyArray<{ start: string; end: string }> | undefined): string {
  if (!ranges || ranges.length === 0) return 'geschlossen';
  return `${ranges.map((r) => `${r.start}–${r.end}`).join(' und ')} Uhr`;
}

function openingHoursLines(directory: Directory): string[] {
  const hours = directory.business.openingHours;
  return WEEKDAYS.slice(1).map((day, i) => `- ${day}: ${hoursOf(hours[String(i + 1) as '1'])}`);
}

function serviceLine(service: Directory['services'][number]): string {
  const visit = service.segments.length > 0 ? service.segments.reduce((sum, s) => sum + s.minutes, 0) : service.durationMinutes;
  const withWait = service.segments.some((s) => s.kind === 'gap') ? `insgesamt ${visit} Minuten, mit Einwirkzeit dazwischen` : `${visit} Minuten`;
  const price = service.priceCents ? speakPrice(service.priceCents) : 'Preis nicht hinterlegt (dazu berät eine Kollegin vor Ort)';
  const also = service.synonyms.length > 0 ? ` (auch: ${service.synonyms.join(', ')})` : '';
  const description = service.description ? ` ${service.description.trim()}` : '';
  return `- ${service.name}${also}: ${withWait}, ${price}.${description}`;
}

function staffLine(member: Directory['staff'][number], directory: Directory): string {
  const offers = directory.services.filter((s) => member.serviceIds.includes(s.id)).map((s) => s.name);
  const called = member.aliases.length > 0 ? ` (genannt: ${member.aliases.join(', ')})` : '';
  return `- ${member.name}${called}: ${offers.length > 0 ? offers.join(', ') : 'keine Leistungen hinterlegt'}`;
}

const TOPICS: ReadonlyArray<[keyof Omit<BusinessAnswers, 'faq'>, string]> = [
  ['directions', 'Anfahrt'],
  ['payment', 'Bezahlen'],
  ['parking', 'Parken'],
  ['wifi', 'WLAN'],
  ['accessibility', 'Barrierefreiheit'],
];

function answerLines(directory: Directory): string[] {
  const { address, answers } = directory.business;
  const lines = address ? [`- Adresse: ${address}`] : [];
  for (const [topic, label] of TOPICS) {
    const value = answers[topic];
    if (value) lines.push(`- ${label}: ${value}`);
  }
  for (const entry of answers.faq ?? []) lines.push(`- Zu „${entry.keywords.join('“, „')}“: ${entry.answer}`);
  return lines.length > 0 ? lines : ['- (keine hinterlegt)'];
}

function transferRule(directory: Directory): string {
  const number = directory.business.transferNumber;
  return number
    ? `- Möchte jemand mit einem Menschen sprechen, oder kannst du nicht weiterhelfen, verbinde mit der Funktion transfer_call an ${number}.`
    : '- Verbinden kannst du nicht. Möchte jemand einen Menschen sprechen, sag freundlich, dass das gerade nicht geht, und hilf weiter, so gut du kannst.';
}

/**
 * The German system prompt for a Retell-LLM agent of this business: who it is, the rules that send every
 * availability question and every booking through the functions, and the business's own facts (hours, services
 * with durations and prices, staff, answers) as the only facts it may state.
 */
export function agentPrompt(directory: Directory): string {
  const b = directory.business;
  const kind = KIND[b.kind] ?? 'einen Betrieb';
  const where = b.address ? ` (${b.address})` : '';
  return [
    '# Rolle',
    `Du nimmst die Anrufe für ${b.name} entgegen, ${kind}${where}. Du bist der digitale Assistent und sagst das, wenn jemand fragt.`,
    'Du sprichst Deutsch, siezt die Anrufenden und antwortest kurz, freundlich und natürlich, wie am Telefon: ein bis zwei Sätze, keine Listen, keine Sonderzeichen.',
    `Begrüßung: „${greeting(directory, null)}“`,
    '',
    '# Regeln',
    '- Ob ein Termin frei ist, weißt du nur von der Funktion check_availability. Rufe sie bei jeder Frage nach einem Termin oder einer freien Zeit auf, jedes Mal neu.',
    '- Erfinde nie freie Termine, Uhrzeiten, Preise, Dauern, Personen oder andere Fakten. Was weder hier steht noch eine Funktion sagt, weißt du nicht; sag das ehrlich.',
    '- Jede Funktion antwortet im Feld "result" mit einem Satz für den Anrufer. Sag ihn so, wie er ist, und füge keine Zeiten oder Zusagen hinzu. Fragt der Satz nach etwas, das noch fehlt, stell genau diese Frage.',
    '- Gib Tag und Uhrzeit so an die Funktionen weiter, wie der Anrufer sie gesagt hat (z. B. „nächsten Dienstag“, „halb drei“, „vormittags“); rechne Daten nicht selbst um.',
    '- Nennt der Anrufer keine bestimmte Person, lass „mitarbeiter“ leer; „egal“ und „keine Präferenz“ bedeuten dasselbe.',
    '- Buche mit book_appointment erst, wenn Leistung, Tag, Uhrzeit und Name feststehen und der Anrufer einem angebotenen Termin zugestimmt hat. Die Telefonnummer nur erfragen, wenn die Funktion danach fragt: sonst gilt die Nummer, von der angerufen wird.',
    '- Sag „eingetragen“ oder „gebucht“ erst, wenn book_appointment "booked": true geantwortet hat; „abgesagt“ nur nach "cancelled": true, „verschoben“ nur nach "rescheduled": true. Ist ein Termin inzwischen vergeben, biete die Alternativen aus der Antwort an.',
    '- Absagen (cancel_appointment) und Verschieben (reschedule_appointment) gehen nur für Termine der Nummer, von der angerufen wird. Lies den Termin vorher vor, frag, ob du ihn absagen oder verschieben sollst, und ruf die Funktion erst nach einem Ja auf.',
    transferRule(directory),
    '- Ist alles erledigt, frag, ob du sonst noch helfen kannst; dann verabschiede dich („Vielen Dank für Ihren Anruf. Auf Wiederhören!“) und beende den Anruf mit end_call.',
    '',
    `# ${b.name}`,
    'Öffnungszeiten (an Feiertagen und bei Betriebsschließungen geschlossen; ob ein bestimmter Tag offen ist, sagt check_availability):',
    ...openingHoursLines(directory),
    '',
    '# Leistungen',
    ...(directory.services.length > 0 ? directory.services.map(serviceLine) : ['- (keine hinterlegt)']),
    '',
    '# Team',
    ...(directory.staff.length > 0 ? directory.staff.map((m) => staffLine(m, directory)) : ['- (niemand hinterlegt)']),
    '',
    '# Auskünfte (nur diese; zu allem anderen: „Dazu habe ich leider keine Angaben.“)',
    ...answerLines(directory),
    '',
  ].join('\n');
}
