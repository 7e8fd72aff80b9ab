import { randomUUID } from 'node:crypto';
import { applyBusinessDefinition } from '../../src/business-file/apply-business-file.js';
import { withIds } from '../../src/business-file/demo-businesses.js';
import type { Db } from '../../src/db/database.js';

const every = (start: string, end: string) => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start, end }]]));

const service = (
  key: string,
  name: string,
  durationMinutes: number,
  segments: Array<{ kind: 'work'; minutes: number } | { kind: 'gap'; minutes: number; policy: 'free' }> = [],
) => ({
  key,
  name,
  synonyms: [],
  description: null,
  durationMinutes,
  priceCents: 0,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  segments,
  grammaticalGender: null,
  plural: false,
});

/** A business with `staffCount` stylists who work every day 06:00–22:00 and all perform one 15-minute service. */
export async function createBenchBusiness(db: Db, staffCount: number, options: { lunch?: boolean } = {}) {
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
  const keys = ['quick', 'cut', 'colour'];
  const business = withIds({
    slug: `bench-${randomUUID().slice(0, 8)}`,
    name: 'Bench Salon',
    kind: 'salon',
    timeZone: 'Europe/Berlin',
    holidayRegion: null,
    phoneNumbers: [],
    retellAgentIds: [],
    transferNumber: '+493000000000',
    address: null,
    answers: {},
    slotStepMinutes: 15,
    minNoticeMinutes: 60,
    horizonDays: 60,
    openingHours: every('06:00', '22:00'),
    closures: [],
    services: [
      service('quick', 'Kurz', 15),
      service('cut', 'Schnitt', 45),
      service('colour', 'Farbe', 120, [
        { kind: 'work', minutes: 30 },
        { kind: 'gap', minutes: 45, policy: 'free' },
        { kind: 'work', minutes: 45 },
      ]),
    ],
    staff: Array.from({ length: staffCount }, (_, i) => ({
      key: `stylist-${i + 1}`,
      name: `Stylist ${i + 1}`,
      aliases: [],
      serviceKeys: keys,
      workingHours: hours,
      timeOff: [],
    })),
  });
  await applyBusinessDefinition(db, business, { now: new Date() });
  const serviceId = (key: string) => business.services.find((s) => s.key === key)!.id;
  return {
    businessId: business.id,
    staffIds: business.staff.map((m) => m.id),
    serviceIds: { quick: serviceId('quick'), cut: serviceId('cut'), colour: serviceId('colour') },
  };
}
