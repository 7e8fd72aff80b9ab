import type { Prng } from '../soak/prng.js';

/**
 * How callers say numbers, days and times. Every function draws one of several ways a person would say the same
 * thing, so two runs with one seed say the same words and two seeds say different ones.
 */

const UNITS = [
  'null',
  'eins',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'elf',
  'zwölf',
  'dreizehn',
  'vierzehn',
  'fünfzehn',
  'sechzehn',
  'siebzehn',
  'achtzehn',
  'neunzehn',
];
const TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig'];
/** Hours as said with the spoken -e of the north and east ("um achte", "halb neune"). */
const HOURS_WITH_E: Record<number, string> = {
  1: 'eins',
  2: 'zweie',
  3: 'dreie',
  4: 'viere',
  5: 'fünfe',
  6: 'sechse',
  7: 'siebene',
  8: 'achte',
  9: 'neune',
  10: 'zehne',
  11: 'elfe',
  12: 'zwölfe',
};

/** 0–59 in words ("vierundzwanzig"). */
export function numberWord(n: number): string {
  if (n < 20) return UNITS[n]!;
  const ten = TENS[Math.floor(n / 10)]!;
  const unit = n % 10;
  if (unit === 0) return ten;
  return `${unit === 1 ? 'ein' : UNITS[unit]}und${ten}`;
}

/** "vierundzwanzigsten": the dative ordinal of a day of the month. */
export function ordinalWord(n: number): string {
  const special: Record<number, string> = { 1: 'ersten', 3: 'dritten', 7: 'siebten', 8: 'achten' };
  if (special[n]) return special[n];
  return n < 20 ? `${numberWord(n)}ten` : `${numberWord(n)}sten`;
}

/** A digit string said digit by digit, as words ("null eins sieben sechs"). */
export function digitsAsWords(digits: string): string {
  return digits
    .replace(/\D/g, '')
    .split('')
    .map((d) => (d === '2' ? 'zwei' : UNITS[Number(d)]!))
    .join(' ');
}

const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
/** The same days as Berliners and northerners say them. */
const WEEKDAYS_SPOKEN = ['Montach', 'Dienstach', 'Mittwoch', 'Donnerstach', 'Freitach', 'Sonnabend', 'Sonntach'];
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** A local calendar day in the caller's reach, with what "today" is, to choose words that mean exactly it. */
export interface DayInReach {
  /** yyyy-MM-dd */
  date: string;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  /** Days from today (0 = today). */
  daysAhead: number;
}

export function weekdayName(weekday: number, regional = false): string {
  return (regional ? WEEKDAYS_SPOKEN : WEEKDAYS)[weekday - 1]!;
}

/**
 * One way to name the day unambiguously: a weekday alone only when it is the next one of its name (and not
 * today), "nächste Woche …" only for days of the next calendar week, a date always.
 */
export function sayDay(day: DayInReach, prng: Prng, regional = false): string {
  const [, month, dom] = day.date.split('-').map(Number) as [number, number, number];
  const name = weekdayName(day.weekday, regional);
  const options: string[] = [
    `am ${dom}.${month}.`,
    `am ${ordinalWord(dom)}`,
    `am ${dom}. ${MONTHS[month - 1]}`,
    `den ${ordinalWord(dom)} ${MONTHS[month - 1]}`,
  ];
  if (day.daysAhead === 1) options.push('morgen');
  if (day.daysAhead === 2) options.push('übermorgen');
  if (day.daysAhead >= 1 && day.daysAhead <= 6) options.push(`am ${name}`, name, `diesen ${name}`, `kommenden ${name}`);
  const todayWeekday = ((((day.weekday - 1 - day.daysAhead) % 7) + 7) % 7) + 1;
  const daysToNextMonday = (8 - todayWeekday) % 7 || 7;
  if (day.daysAhead >= daysToNextMonday && day.daysAhead < daysToNextMonday + 7)
    options.push(`nächste Woche ${name}`, `${name} nächste Woche`, `nächste Woche am ${name}`);
  return prng.pick(options);
}

/** One way to say a clock time "HH:mm" in the salon's day (9–18 h) so it can mean only that time. */
export function sayTime(hhmm: string, prng: Prng, regional = false): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const h12 = h > 12 ? h - 12 : h;
  const next12 = (h12 % 12) + 1;
  const options: string[] = [`um ${h}:${String(m).padStart(2, '0')} Uhr`, `um ${numberWord(h)} Uhr${m ? ` ${numberWord(m)}` : ''}`];
  if (m === 0) {
    options.push(`um ${h} Uhr`, `um ${numberWord(h12)}`, `um ${numberWord(h12)} Uhr`);
    if (h >= 13) options.push(`um ${numberWord(h12)} am Nachmittag`, `nachmittags um ${numberWord(h12)}`);
    if (regional) options.push(`um ${HOURS_WITH_E[h12]}`, `so um ${HOURS_WITH_E[h12]}`, `um a ${HOURS_WITH_E[h12]}`);
    if (regional && h12 === 5) options.push('um fümfe');
  }
  if (m === 30) {
    options.push(`um halb ${numberWord(next12)}`, `halb ${numberWord(next12)}`);
    if (regional) options.push(`um halb ${HOURS_WITH_E[next12]}`);
    if (regional && next12 === 5) options.push('um halb fümfe');
  }
  if (m === 15) {
    options.push(`um Viertel nach ${numberWord(h12)}`);
    if (regional) options.push(`um viertel ${numberWord(next12)}`, `viertel ${HOURS_WITH_E[next12]}`);
  }
  if (m === 45) {
    options.push(`um Viertel vor ${numberWord(next12)}`);
    if (regional) options.push(`um dreiviertel ${numberWord(next12)}`, `dreiviertel ${HOURS_WITH_E[next12]}`);
  }
  return prng.pick(options);
}

/** A German phone number said the way people do: in groups, sometimes digit by digit. */
export function sayPhone(national: string, prng: Prng): string {
  const digits = national.replace(/\D/g, '');
  const prefix = digits.slice(0, 4);
  const rest = digits.slice(4);
  return prng.pick([
    `${prefix} ${rest}`,
    `${prefix} ${rest.slice(0, 3)} ${rest.slice(3)}`,
    `${prefix} ${rest.replace(/(\d\d)(?=\d)/g, '$1 ')}`,
    digits.split('').join(' '),
  ]);
}

const FILLERS = ['äh', 'ähm', 'also', 'äh also', 'hm'];

/**
 * A line as a speech recogniser writes it: lower case, no punctuation, numbers as words, now and then an "äh".
 * Digit runs of a phone number are spoken digit by digit; a clock time "14:30" becomes "vierzehn uhr dreißig".
 */
export function asRecognised(line: string, prng: Prng): string {
  let text = line.replace(
    /(\d{1,2}):(\d{2})(?: Uhr)?/g,
    (_, h: string, m: string) => `${numberWord(Number(h))} uhr${m === '00' ? '' : ` ${numberWord(Number(m))}`}`,
  );
  text = text.replace(/(\d{1,2})\.(\d{1,2})\./g, (_, d: string, mo: string) => `${ordinalWord(Number(d))} ${MONTHS[Number(mo) - 1]}`);
  text = text.replace(/(\d{1,2})\.\s/g, (_, d: string) => `${ordinalWord(Number(d))} `);
  text = text.replace(/\d{5,}|\d{3,4}(?=\s\d)|(?<=\d\s)\d{2,}/g, (run) => digitsAsWords(run));
  text = text.replace(/\d+/g, (n) => (n.length <= 2 ? numberWord(Number(n)) : digitsAsWords(n)));
  text = text
    .toLowerCase()
    .replace(/[.,!?;:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const words = text.split(' ');
  if (words.length > 2 && prng.chance(0.6)) words.splice(prng.int(0, 1), 0, prng.pick(FILLERS));
  return words.join(' ');
}
