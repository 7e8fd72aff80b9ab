import Holidays from 'date-holidays';

/**
 * Public holidays close the business for the whole local day. date-holidays builds its rule
 * set on construction and evaluates a year at a time, both slow next to the slot scan, so the
 * result is memoised per region and year. The memo holds immutable facts of the calendar (no
 * configuration, no clock), which is why a module-level cache is safe here.
 */
const cache = new Map<string, ReadonlyMap<string, string>>();
const dateSets = new Map<string, ReadonlySet<string>>();
const calendars = new Map<string, Holidays>();

function calendarFor(region: string): Holidays {
  let calendar = calendars.get(region);
  if (!calendar) {
    // "DE-BE" → country DE, state BE; "DE" alone gives the nationwide holidays.
    const [country = '', state, subRegion] = region.toUpperCase().split('-');
    calendar = state === undefined ? new Holidays(country) : subRegion === undefined ? new Holidays(country, state) : new Holidays(country, state, subRegion);
    calendars.set(region, calendar);
  }
  return calendar;
}

/**
 * The public holidays of `region` in `year`: local date ("YYYY-MM-DD") → the holiday's German name ("Neujahr",
 * "1. Weihnachtstag"). Only type `public` closes the business: "bank" (Heiligabend from 14:00) and observances
 * (Rosenmontag) do not.
 */
function publicHolidays(region: string, year: number): ReadonlyMap<string, string> {
  const key = `${region}:${year}`;
  let dates = cache.get(key);
  if (!dates) {
    const found = new Map<string, string>();
    // German names whatever the process locale: they are said to German-speaking callers.
    for (const holiday of calendarFor(region).getHolidays(year, 'de')) {
      // `date` is the local wall-clock start, e.g. "2026-12-25 00:00:00"; public holidays are whole days.
      if (holiday.type === 'public' && !found.has(holiday.date.slice(0, 10))) found.set(holiday.date.slice(0, 10), holiday.name);
    }
    dates = found;
    cache.set(key, dates);
  }
  return dates;
}

/** Local dates ("YYYY-MM-DD") of the public holidays of `region` in `year`. */
export function publicHolidayDates(region: string, year: number): ReadonlySet<string> {
  const key = `${region}:${year}`;
  let dates = dateSets.get(key);
  if (!dates) {
    dates = new Set(publicHolidays(region, year).keys());
    dateSets.set(key, dates);
  }
  return dates;
}

/** True when the local date "YYYY-MM-DD" is a public holiday of `region` (null region: never). */
export function isPublicHoliday(region: string | null, date: string): boolean {
  return publicHolidayName(region, date) !== null;
}

/** The name of the public holiday on the local date "YYYY-MM-DD" in `region`, or null (null region: none). */
export function publicHolidayName(region: string | null, date: string): string | null {
  if (region === null) return null;
  return publicHolidays(region, Number(date.slice(0, 4))).get(date) ?? null;
}
