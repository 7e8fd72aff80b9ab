import { count } from 'drizzle-orm';
import type { Db } from '../database.js';
import { businesses, services, staff, staffServices } from '../schema.js';
import { demoPractice, demoSalon, type DemoBusiness } from './demo-data.js';

/** Inserts a business with its services and staff; rows that already exist are left as they are. */
export async function seedBusiness(db: Db, b: DemoBusiness): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(businesses)
      .values({
        id: b.id,
        slug: b.slug,
        name: b.name,
        kind: b.kind,
        timeZone: b.timeZone,
        holidayRegion: b.holidayRegion,
        phoneNumbers: b.phoneNumbers,
        transferNumber: b.transferNumber,
        address: b.address,
        answers: b.answers ?? {},
        openingHours: b.openingHours,
      })
      .onConflictDoNothing();
    await tx
      .insert(services)
      .values(b.services.map((svc) => ({ ...svc, businessId: b.id })))
      .onConflictDoNothing();
    await tx
      .insert(staff)
      .values(b.staff.map(({ serviceIds: _ignored, ...member }) => ({ ...member, businessId: b.id })))
      .onConflictDoNothing();
    await tx
      .insert(staffServices)
      .values(b.staff.flatMap((member) => member.serviceIds.map((serviceId) => ({ staffId: member.id, serviceId }))))
      .onConflictDoNothing();
  });
}

/** Seeds the demo salon and the demo practice; running it twice changes nothing. */
export async function seedDemo(db: Db): Promise<void> {
  await seedBusiness(db, demoSalon);
  await seedBusiness(db, demoPractice);
}

/** True when no business exists yet (a fresh database). */
export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(businesses);
  return (row?.n ?? 0) === 0;
}
