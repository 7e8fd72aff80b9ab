import Holidays from 'date-holidays';

/**
 * Public holidays close the business for the whole local day. date-holidays builds its rule
 * set on construction and evaluates a year at a time, both slow next to the slot scan, so the
 * result is memoised per region and year. The memo holds immutable facts of the calendar (no
 * configuration, no clock), which is why a module-level cache is safe here.
 */
const cache = new Map<string, ReadonlySet<string>>();
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
 * Local dates ("YYYY-MM-DD") of the public holidays of `region` in `year`. Only type `public`
 * closes the business: "bank" (Heiligabend from 14:00) and observances (Rosenmontag) do not.
 */
export function publicHolidayDates(region: string, year: number): ReadonlySet<string> {
  const key = `${region}:${year}`;
  let dates = cache.get(key);
  if (!dates) {
    const found = new Set<string>();
    for (const holiday of calendarFor(region).getHolidays(year)) {
      // `date` is the local wall-clock start, e.g. "2026-12-25 00:00:00"; public holidays are whole days.
      if (holiday.type === 'public') found.add(holiday.date.slice(0, 10));
    }
    dates = found;
    cache.set(key, dates);
  }
  return dates;
}

/** True when the local date "YYYY-MM-DD" is a public holiday of `region` (null region: never). */
export function isPublicHoliday(region: string | null, date: string): boolean {
  if (region === null) return false;
  return publicHolidayDates(region, Number(date.slice(0, 4))).has(date);
}
