import { DateTime } from 'luxon';

const HOUR_WORDS = ['zwölf', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];
const WEEKDAYS = ['', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const MONTHS = ['', 'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

const hourWord = (h: number) => HOUR_WORDS[h % 12] ?? String(h);

/**
 * A clock time the way a German receptionist says it: "14 Uhr", "halb drei", "Viertel nach zehn",
 * "Viertel vor elf", "14 Uhr 10". Half and quarter hours use the twelve-hour words, as people do;
 * the day and the opening hours make morning or afternoon obvious.
 */
export function speakClock(hour: number, minute: number): string {
  if (minute === 0) return `${hour} Uhr`;
  if (minute === 30) return `halb ${hourWord(hour + 1)}`;
  if (minute === 15) return `Viertel nach ${hourWord(hour)}`;
  if (minute === 45) return `Viertel vor ${hourWord(hour + 1)}`;
  return `${hour} Uhr ${minute}`;
}

/** "heute", "morgen", "übermorgen", else "am Dienstag, dem 24. November" (the year only when it is not this one). */
export function speakDay(at: DateTime, reference: DateTime): string {
  const days = Math.round(at.startOf('day').diff(reference.setZone(at.zone).startOf('day'), 'days').days);
  if (days === 0) return 'heute';
  if (days === 1) return 'morgen';
  if (days === 2) return 'übermorgen';
  const year = at.year === reference.year ? '' : ` ${at.year}`;
  return `am ${WEEKDAYS[at.weekday]}, dem ${at.day}. ${MONTHS[at.month]}${year}`;
}

/** "am Dienstag, dem 24. November, um halb drei" / "morgen um 10 Uhr". */
export function speakInstant(instant: Date | number, zone: string, reference: Date | number): string {
  const at = DateTime.fromMillis(typeof instant === 'number' ? instant : instant.getTime(), { zone });
  const ref = DateTime.fromMillis(typeof reference === 'number' ? reference : reference.getTime(), { zone });
  const day = speakDay(at, ref);
  const clock = speakClock(at.hour, at.minute);
  return day.startsWith('am ') ? `${day}, um ${clock}` : `${day} um ${clock}`;
}

/** The name a caller uses for a staff member: the first spoken alias, else the first name. */
export function speakStaff(member: { name: string; aliases: string[] }): string {
  return member.aliases[0] ?? member.name.split(' ')[0] ?? member.name;
}

/** "A", "A oder B", "A, B oder C". */
export function speakList(items: string[], conjunction = 'oder'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** "45 Minuten", "eine Stunde", "etwa zwei Stunden", "eineinhalb Stunden". */
export function speakDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} Minuten`;
  const hours = minutes / 60;
  if (hours === 1) return 'eine Stunde';
  if (hours === 1.5) return 'eineinhalb Stunden';
  if (Number.isInteger(hours)) return `${hourWord(hours) === 'zwölf' ? hours : hourWord(hours)} Stunden`;
  const rounded = Math.round(hours * 2) / 2;
  return `etwa ${rounded === 1.5 ? 'eineinhalb' : Number.isInteger(rounded) ? hourWord(rounded) : String(rounded).replace('.', ',')} Stunden`;
}

/** "49 Euro", "29,50 Euro". */
export function speakPrice(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  return rest === 0 ? `${euros} Euro` : `${euros},${String(rest).padStart(2, '0')} Euro`;
}
