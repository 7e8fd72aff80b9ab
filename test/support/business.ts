import { randomUUID } from 'node:crypto';
import { applyBusinessDefinition } from '../../src/business-file/apply-business-file.js';
import type { BusinessDefinition } from '../../src/business-file/business-definition.js';
import { demoSalon, withIds, type DemoBusiness } from '../../src/business-file/demo-businesses.js';
import type { Db } from '../../src/db/database.js';

type StaffKey = 'emma' | 'fabian' | 'oliver';
type ServiceKey = 'damenhaarschnitt' | 'herrenhaarschnitt' | 'waschenFoehnen' | 'ansatzfaerbung' | 'straehnchen';

export interface TestBusiness {
  id: string;
  definition: DemoBusiness;
  staff: Record<StaffKey, string>;
  services: Record<ServiceKey, string>;
}

/**
 * A copy of the demo salon under a fresh slug and phone number, applied as its file would be, so every test works
 * on its own business inside the shared test database and never sees another test's rows. Its ids follow from the
 * slug (as for every business applied from a file).
 */
export async function createTestSalon(db: Db, change: (b: BusinessDefinition) => BusinessDefinition = (b) => b): Promise<TestBusiness> {
  const definition = withIds(
    change({
      ...demoSalon,
      slug: `test-salon-${randomUUID().slice(0, 8)}`,
      phoneNumbers: [`+4930${Math.floor(10_000_000 + Math.random() * 89_999_999)}`],
    }),
  );
  const outcome = await applyBusinessDefinition(db, definition, { now: new Date() });
  if (outcome.kind !== 'applied') throw new Error(`the test salon was not created: ${outcome.kind}`);
  const id = (list: 'services' | 'staff', key: string) => definition[list].find((r) => r.key === key)!.id;
  return {
    id: definition.id,
    definition,
    staff: { emma: id('staff', 'emma'), fabian: id('staff', 'fabian'), oliver: id('staff', 'oliver') },
    services: {
      damenhaarschnitt: id('services', 'damenhaarschnitt'),
      herrenhaarschnitt: id('services', 'herrenhaarschnitt'),
      waschenFoehnen: id('services', 'waschen-foehnen'),
      ansatzfaerbung: id('services', 'ansatzfaerbung'),
      straehnchen: id('services', 'straehnchen'),
    },
  };
}
