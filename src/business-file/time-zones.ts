import { IANAZone } from 'luxon';

// The zones of the countries a German-speaking business is most likely in, to suggest for a city that is no zone.
const COUNTRY_ZONES: Record<string, string> = { DE: 'Europe/Berlin', AT: 'Europe/Vienna', CH: 'Europe/Zurich', LI: 'Europe/Vaduz', LU: 'Europe/Luxembourg' };

/** Null when `zone` is an IANA time zone; else what is wrong, in plain words, with the zone to write instead. */
export function describeTimeZone(zone: string, holidayRegion?: string | null): string | null {
  if (IANAZone.isValidZone(zone)) return null;
  const country = holidayRegion?.split('-')[0]?.toUpperCase();
  const suggestion = (country && COUNTRY_ZONES[country]) ?? closestZone(zone);
  return `'${zone}' is no IANA time zone${suggestion ? `, write ${suggestion}` : ''} (zones are named for one city per region: Germany is Europe/Berlin, Austria Europe/Vienna, Switzerland Europe/Zurich)`;
}

function closestZone(zone: string): string | undefined {
  const wanted = zone.toLowerCase();
  return Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === wanted || z.toLowerCase().endsWith(`/${wanted}`));
}
