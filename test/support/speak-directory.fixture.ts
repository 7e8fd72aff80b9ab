import type { Directory } from '../../src/booking/load-directory.js';
import { demoPractice, demoSalon, demoStaffIds, type DemoBusiness } from '../../src/db/seed/demo-data.js';

export { demoStaffIds };

/** A demo business as `loadDirectory` reads it after the seed, for phrasing tests without a database. */
export function directoryOf(b: DemoBusiness): Directory {
  return {
    business: { id: b.id, name: b.name, kind: b.kind, timeZone: b.timeZone, transferNumber: b.transferNumber, openingHours: b.openingHours, address: b.address, answers: b.answers ?? {} },
    services: [...b.services]
      .sort((x, y) => x.name.localeCompare(y.name))
      .map((s) => ({ id: s.id, name: s.name, synonyms: s.synonyms, description: s.description, durationMinutes: s.durationMinutes, priceCents: s.priceCents, segments: s.segments, grammaticalGender: s.grammaticalGender ?? null, plural: s.plural ?? false })),
    staff: b.staff.map((m) => ({ id: m.id, name: m.name, aliases: m.aliases, serviceIds: m.serviceIds })),
  };
}

export const SALON = directoryOf(demoSalon);
export const PRACTICE = directoryOf(demoPractice);

/** A service of the demo salon or practice by name. */
export function serviceNamed(name: string): Directory['services'][number] {
  const found = [...SALON.services, ...PRACTICE.services].find((s) => s.name === name);
  if (!found) throw new Error(`no demo service ${name}`);
  return found;
}
