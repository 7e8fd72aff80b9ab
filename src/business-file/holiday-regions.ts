import Holidays from 'date-holidays';

const holidays = new Holidays();

/**
 * Null when `region` names a date-holidays region ("DE", "DE-HH", "AT-9", "CH-ZH", "DE-BY-A"); else what is wrong,
 * with the codes that would be right.
 */
export function describeHolidayRegion(region: string): string | null {
  const [country = '', state, sub, ...rest] = region.split('-');
  const countries = holidays.getCountries('en') ?? {};
  if (!(country in countries) || rest.length > 0)
    return `'${region}' is no holiday region: write a country and state as date-holidays names them, e.g. DE-HH, AT-9, CH-ZH`;
  if (state === undefined) return null;
  const states = holidays.getStates(country, 'en') ?? {};
  if (!(state in states))
    return `'${region}': ${country} has no region '${state}'; one of ${Object.keys(states)
      .map((s) => `${country}-${s}`)
      .join(', ')}`;
  if (sub === undefined) return null;
  const regions = holidays.getRegions(country, state, 'en') ?? {};
  if (!(sub in regions))
    return `'${region}': ${country}-${state} has no region '${sub}'${
      Object.keys(regions).length
        ? `; one of ${Object.keys(regions)
            .map((r) => `${country}-${state}-${r}`)
            .join(', ')}`
        : ''
    }`;
  return null;
}
