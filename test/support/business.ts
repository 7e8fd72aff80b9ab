import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database.js';
import { demoSalon, demoServiceIds, demoStaffIds, type DemoBusiness } from '../../src/db/seed/demo-data.js';
import { seedBusiness } from '../../src/db/seed/seed-business.js';

type StaffKey = 'emma' | 'fabian' | 'oliver';
type ServiceKey = 'damenhaarschnitt' | 'herrenhaarschnitt' | 'waschenFoehnen' | 'ansatzfaerbung' | 'straehnchen';

export interface TestBusiness {
  id: string;
  definition: DemoBusiness;
  staff: Record<StaffKey, string>;
  services: Record<ServiceKey, string>;
}

/**
 * A copy of the demo salon with fresh ids, slug and phone number, so every test works on its own business
 * inside the shared test database and never sees another test's rows.
 */
export async function createTestSalon(db: Db, change: (b: DemoBusiness) => DemoBusiness = (b) => b): Promise<TestBusiness> {
  const staffIds = { emma: randomUUID(), fabian: randomUUID(), oliver: randomUUID() };
  const serviceIds = {
    damenhaarschnitt: randomUUID(),
    herrenhaarschnitt: randomUUID(),
    waschenFoehnen: randomUUID(),
    ansatzfaerbung: randomUUID(),
    straehnchen: randomUUID(),
  };
  const serviceMap = new Map<string, string>(Object.entries(demoServiceIds).flatMap(([k, v]) => (k in serviceIds ? [[v, serviceIds[k as ServiceKey]]] : [])));
  const staffMap = new Map<string, string>(Object.entries(demoStaffIds).flatMap(([k, v]) => (k in staffIds ? [[v, staffIds[k as StaffKey]]] : [])));
  const suffix = randomUUID().slice(0, 8);
  const definition = change({
    ...demoSalon,
    id: randomUUID(),
    slug: `test-salon-${suffix}`,
    phoneNumbers: [`+4930${Math.floor(10_000_000 + Math.random() * 89_999_999)}`],
    services: demoSalon.services.map((s) => ({ ...s, id: serviceMap.get(s.id)! })),
    staff: demoSalon.staff.map((m) => ({ ...m, id: staffMap.get(m.id)!, serviceIds: m.serviceIds.map((id) => serviceMap.get(id)!) })),
  });
  await seedBusiness(db, definition);
  return { id: definition.id, definition, staff: staffIds, services: serviceIds };
}
