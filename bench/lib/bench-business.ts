import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/database.js';
import type { DemoBusiness } from '../../src/db/seed/demo-data.js';
import { seedBusiness } from '../../src/db/seed/seed-business.js';

const every = (start: string, end: string) => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start, end }]]));

/** A business with `staffCount` stylists who work every day 06:00–22:00 and all perform one 15-minute service. */
export async function createBenchBusiness(db: Db, staffCount: number, options: { lunch?: boolean } = {}) {
  const serviceIds = { quick: randomUUID(), cut: randomUUID(), colour: randomUUID() };
  const staffIds = Array.from({ length: staffCount }, () => randomUUID());
  const hours = options.lunch
    ? Object.fromEntries(
        ['1', '2', '3', '4', '5', '6', '7'].map((d) => [
          d,
          [
            { start: '06:00', end: '12:00' },
            { start: '13:00', end: '22:00' },
          ],
        ]),
      )
    : every('06:00', '22:00');
  const business: DemoBusiness = {
    id: randomUUID(),
    slug: `bench-${randomUUID().slice(0, 8)}`,
    name: 'Bench Salon',
    kind: 'salon',
    timeZone: 'Europe/Berlin',
    holidayRegion: null as unknown as string,
    phoneNumbers: [],
    transferNumber: '+493000000000',
    address: '',
    openingHours: every('06:00', '22:00'),
    services: [
      {
        id: serviceIds.quick,
        name: 'Kurz',
        synonyms: [],
        description: '',
        durationMinutes: 15,
        priceCents: 0,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        segments: [],
      },
      {
        id: serviceIds.cut,
        name: 'Schnitt',
        synonyms: [],
        description: '',
        durationMinutes: 45,
        priceCents: 0,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        segments: [],
      },
      {
        id: serviceIds.colour,
        name: 'Farbe',
        synonyms: [],
        description: '',
        durationMinutes: 120,
        priceCents: 0,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        segments: [
          { kind: 'work', minutes: 30 },
          { kind: 'gap', minutes: 45, policy: 'free' },
          { kind: 'work', minutes: 45 },
        ],
      },
    ],
    staff: staffIds.map((id, i) => ({ id, name: `Stylist ${i + 1}`, aliases: [], workingHours: hours, serviceIds: Object.values(serviceIds) })),
  };
  await seedBusiness(db, business);
  return { businessId: business.id, staffIds, serviceIds };
}
