import type { Directory } from '../../src/booking/load-directory.js';
import { demoPractice, demoSalon, demoServiceIds, demoStaffIds, type DemoBusiness } from '../../src/business-file/demo-businesses.js';

/**
 * A business's directory built from its seed data, as `loadDirectory` reads it after the seed: services and staff
 * by name, and each service's grammar as the seed stores it (no gender: null, not plural: false), so the lines a
 * test hears are the lines a caller hears.
 */
export function directoryOf(b: DemoBusiness, change: (d: Directory) => Directory = (d) => d): Directory {
  const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, c) => (a.name < c.name ? -1 : a.name > c.name ? 1 : 0));
  return change({
    business: {
      id: b.id,
      name: b.name,
      kind: b.kind,
      timeZone: b.timeZone,
      transferNumber: b.transferNumber,
      openingHours: b.openingHours,
      address: b.address,
      answers: b.answers ?? {},
    },
    services: byName(b.services).map((s) => ({
      id: s.id,
      name: s.name,
      synonyms: s.synonyms,
      description: s.description,
      durationMinutes: s.durationMinutes,
      priceCents: s.priceCents,
      segments: s.segments,
      grammaticalGender: s.grammaticalGender ?? null,
      plural: s.plural ?? false,
    })),
    staff: byName(b.staff).map((m) => ({ id: m.id, name: m.name, aliases: m.aliases, serviceIds: m.serviceIds })),
  });
}

/** The demo salon in Berlin (Emma, Fabian, Oliver), without a database. */
export const SALON = directoryOf(demoSalon);
export const PRACTICE = directoryOf(demoPractice);
export const STAFF = demoStaffIds;
export const SERVICES = demoServiceIds;
