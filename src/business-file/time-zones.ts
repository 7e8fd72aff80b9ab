import { IANAZone } from 'luxon';

// The zones of the countries a German-speaking business is most likely in, for a city that is no zone.
const COUNTRY_ZONES: Record<string, string> = { DE: 'Europe/Berlin', AT: 'Europe/Vienna', CH: 'Europe/Zurich', LI: 'Europe/Vaduz', LU: 'Europe/Luxembourg' };

const ZONES_EXPLAINED = 'zones are named for one city per region: Germany is Europe/Berlin, Austria Europe/Vienna, Switzerland Europe/Zurich';

/** The zone a file means: its own when it is an IANA zone, else one it can only mean (with a note), else a problem. */
export type ZoneReading = { zone: string; note?: string } | { problem: string };

/**
 * Owners write the city they are in ("Europe/Hamburg"), which is no IANA zone. When the holiday region names a
 * country with one zone, that zone is the only one the file can mean: it is taken, and a note says what to write.
 * Otherwise the file is refused with the zone to write instead.
 */
export function readTimeZone(zone: string, holidayRegion?: string | null): ZoneReading {
  if (IANAZone.isValidZone(zone)) return { zone };
  const country = holidayRegion?.split('-')[0]?.toUpperCase();
  const ofCountry = country ? COUNTRY_ZONES[country] : undefined;
  if (ofCountry)
    return { zone: ofCountry, note: `'${zone}' is no IANA time zone; taken as ${ofCountry}, the zone of ${country}: write that (${ZONES_EXPLAINED})` };
  const suggestion = closestZone(zone);
  return { problem: `'${zone}' is no IANA time zone${suggestion ? `, write ${suggestion}` : ''} (${ZONES_EXPLAINED})` };
}

function closestZone(zone: string): string | undefined {
  const wanted = zone.toLowerCase();
  return Intl.supportedValuesOf('timeZone').find((z) => z.toLowerCase() === wanted || z.toLowerCase().endsWith(`/${wanted}`));
}
