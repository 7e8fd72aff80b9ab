import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BusinessDefinition, ServiceDefinition, StaffDefinition } from './business-definition.js';
import { formatIssue, parseBusinessFile } from './parse-business-file.js';
import { businessIdFor, rowIdFor } from './stable-ids.js';

/**
 * The demo salon and the demo practice. Their files in `examples/demo/` are the truth: `seed` (and the first start
 * of the embedded mode) applies them, and the objects below are read from the same files, with the ids applying
 * gives their rows (`stable-ids.ts`), so tests and scripts can name the demo's rows without a database.
 */
export const DEMO_FILES = {
  salon: fileURLToPath(new URL('../../examples/demo/salon-haarmonie-berlin.yaml', import.meta.url)),
  practice: fileURLToPath(new URL('../../examples/demo/praxis-dr-berger-berlin.yaml', import.meta.url)),
} as const;

/** A business definition with the ids its rows get when it is applied to a database where it is new. */
export interface DemoBusiness extends BusinessDefinition {
  id: string;
  services: Array<ServiceDefinition & { id: string }>;
  staff: Array<StaffDefinition & { id: string; serviceIds: string[] }>;
}

/** A definition with the ids applying it creates (for a business that does not exist yet). */
export function withIds(definition: BusinessDefinition): DemoBusiness {
  const serviceId = (key: string) => rowIdFor(definition.slug, 'service', key);
  return {
    ...definition,
    id: businessIdFor(definition.slug),
    services: definition.services.map((s) => ({ ...s, id: serviceId(s.key) })),
    staff: definition.staff.map((m) => ({ ...m, id: rowIdFor(definition.slug, 'staff', m.key), serviceIds: m.serviceKeys.map(serviceId) })),
  };
}

function readDemo(path: string): DemoBusiness {
  const parsed = parseBusinessFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`the demo's file is invalid:\n${parsed.errors.map((e) => formatIssue(path, e)).join('\n')}`);
  return withIds(parsed.definition);
}

export const demoSalon: DemoBusiness = readDemo(DEMO_FILES.salon);
export const demoPractice: DemoBusiness = readDemo(DEMO_FILES.practice);

export const DEMO_SALON_ID = demoSalon.id;
export const DEMO_PRACTICE_ID = demoPractice.id;

const idOf = (b: DemoBusiness, list: 'services' | 'staff', key: string) => {
  const row = b[list].find((r) => r.key === key);
  if (!row) throw new Error(`the demo has no ${list} key ${key}`);
  return row.id;
};

/** The demo's staff ids by first name (the practice's doctors by surname). */
export const demoStaffIds = {
  emma: idOf(demoSalon, 'staff', 'emma'),
  fabian: idOf(demoSalon, 'staff', 'fabian'),
  oliver: idOf(demoSalon, 'staff', 'oliver'),
  berger: idOf(demoPractice, 'staff', 'berger'),
  hoffmann: idOf(demoPractice, 'staff', 'hoffmann'),
} as const;

export const demoServiceIds = {
  damenhaarschnitt: idOf(demoSalon, 'services', 'damenhaarschnitt'),
  herrenhaarschnitt: idOf(demoSalon, 'services', 'herrenhaarschnitt'),
  waschenFoehnen: idOf(demoSalon, 'services', 'waschen-foehnen'),
  ansatzfaerbung: idOf(demoSalon, 'services', 'ansatzfaerbung'),
  straehnchen: idOf(demoSalon, 'services', 'straehnchen'),
  kontrolle: idOf(demoPractice, 'services', 'kontrolluntersuchung'),
  zahnreinigung: idOf(demoPractice, 'services', 'zahnreinigung'),
  schmerzbehandlung: idOf(demoPractice, 'services', 'schmerzbehandlung'),
} as const;
