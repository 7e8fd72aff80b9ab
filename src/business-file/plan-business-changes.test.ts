import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { BusinessDefinition } from './business-definition.js';
import { describePlan, describeRefusal } from './describe-plan.js';
import type { AheadAppointment, BusinessState } from './load-business-state.js';
import { parseBusinessFile } from './parse-business-file.js';
import { planBusinessChanges, planChanges } from './plan-business-changes.js';
import { businessIdFor, rowIdFor } from './stable-ids.js';

const FILE = `business:
  slug: barbier-test
  name: Barbier Test
  time_zone: Europe/Berlin
opening_hours:
  tue: ["09:00-18:00"]
  wed: ["09:00-18:00"]
services:
  - { key: schnitt, name: Herrenhaarschnitt, duration_minutes: 30, price_eur: 29, article: der }
  - { key: bart, name: Bartpflege, duration_minutes: 20, article: die }
staff:
  - { key: jan, name: Jan Petersen, services: [schnitt, bart] }
  - { key: tom, name: Tom Berg, services: [schnitt] }
`;

const at = (local: string) => DateTime.fromISO(local, { zone: 'Europe/Berlin' }).toMillis();
const NOW = at('2027-03-01T08:00');

function definition(text = FILE): BusinessDefinition {
  const parsed = parseBusinessFile(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.definition;
}

/** The business as it would be stored after applying `text`, with booked appointments ahead. */
function stored(text: string, ahead: Array<Omit<AheadAppointment, 'serviceId' | 'staffId'> & { service: string; staff: string }> = []): BusinessState {
  const d = definition(text);
  const { closures: _c, services, staff, ...business } = d;
  const serviceId = (key: string) => rowIdFor(d.slug, 'service', key);
  const staffId = (key: string) => rowIdFor(d.slug, 'staff', key);
  const used = new Set(ahead.flatMap((a) => [a.service, a.staff]));
  return {
    business: { id: businessIdFor(d.slug), ...business },
    services: services.map((s, position) => ({ ...s, id: serviceId(s.key), position, active: true, referenced: used.has(s.key) })),
    staff: staff.map((m, position) => ({
      id: staffId(m.key),
      key: m.key,
      position,
      name: m.name,
      aliases: m.aliases,
      active: true,
      referenced: used.has(m.key),
      workingHours: m.workingHours,
      serviceIds: m.serviceKeys.map(serviceId),
      timeOff: m.timeOff.map((t, i) => ({ ...t, id: `t${i}` })),
    })),
    closures: d.closures.map((c, i) => ({ ...c, id: `c${i}` })),
    ahead: ahead.map(({ service, staff: member, ...a }) => ({ ...a, serviceId: serviceId(service), staffId: staffId(member) })),
  };
}

const booking = {
  id: 'a1b2c3d4-0000-4000-8000-000000000001',
  startsAt: at('2027-03-02T10:00'),
  endsAt: at('2027-03-02T10:30'),
  service: 'schnitt',
  staff: 'tom',
};

describe('planning what a business file changes', () => {
  it('plans nothing for the file that is stored', () => {
    const plan = planBusinessChanges(stored(FILE), definition(), { now: NOW, forceArchive: false });
    expect(planChanges(plan)).toBe(false);
  });

  it('refuses to remove a staff member with booked appointments ahead, naming them by time, service, staff and id', () => {
    const without = FILE.replace('  - { key: tom, name: Tom Berg, services: [schnitt] }\n', '');
    const plan = planBusinessChanges(stored(FILE, [booking]), definition(without), { now: NOW, forceArchive: false });
    expect(plan.refusals).toHaveLength(1);
    expect(describeRefusal(plan)).toEqual([
      'barbier-test: refused, nothing changed. These changes would leave booked appointments behind:',
      '  staff tom (Tom Berg) is removed, but has 1 booked appointment ahead:',
      '    Tue 2027-03-02 10:00  Herrenhaarschnitt  Tom Berg  appointment a1b2c3d4-0000-4000-8000-000000000001',
      'Move or cancel those appointments first, or apply with --force-archive: what is removed is then no longer offered,',
      'and the appointments stay booked as they are.',
    ]);
    const forced = planBusinessChanges(stored(FILE, [booking]), definition(without), { now: NOW, forceArchive: true });
    expect(forced.refusals).toEqual([]);
    expect(forced.staff).toEqual([expect.objectContaining({ kind: 'archive', key: 'tom' })]);
  });

  it('deletes what no appointment names, archives what past appointments name', () => {
    const without = FILE.replace('  - { key: bart, name: Bartpflege, duration_minutes: 20, article: die }\n', '').replace('[schnitt, bart]', '[schnitt]');
    expect(planBusinessChanges(stored(FILE), definition(without), { now: NOW, forceArchive: false }).services).toEqual([
      { kind: 'delete', id: rowIdFor('barbier-test', 'service', 'bart'), key: 'bart', name: 'Bartpflege' },
    ]);
    const state = stored(FILE);
    state.services[1]!.referenced = true;
    expect(planBusinessChanges(state, definition(without), { now: NOW, forceArchive: false }).services).toEqual([
      expect.objectContaining({ kind: 'archive', key: 'bart', appointments: [] }),
    ]);
  });

  it('changes a price in place, but a booked length only by archiving the old version with its appointments', () => {
    const dearer = FILE.replace('duration_minutes: 30, price_eur: 29', 'duration_minutes: 30, price_eur: 32');
    expect(planBusinessChanges(stored(FILE, [booking]), definition(dearer), { now: NOW, forceArchive: false }).services).toEqual([
      expect.objectContaining({ kind: 'update', changes: [{ field: 'price_eur', from: 29, to: 32 }] }),
    ]);
    const longer = FILE.replace('duration_minutes: 30, price_eur: 29', 'duration_minutes: 45, price_eur: 29');
    const refused = planBusinessChanges(stored(FILE, [booking]), definition(longer), { now: NOW, forceArchive: false });
    expect(refused.refusals).toEqual([expect.objectContaining({ subject: 'service', key: 'schnitt', change: 'changed', detail: ['duration_minutes'] })]);
    const forced = planBusinessChanges(stored(FILE, [booking]), definition(longer), { now: NOW, forceArchive: true });
    const oldId = rowIdFor('barbier-test', 'service', 'schnitt');
    const newId = rowIdFor('barbier-test', 'service', 'schnitt', 1);
    expect(forced.services).toEqual([expect.objectContaining({ kind: 'replace', oldId, id: newId })]);
    // Both staff members perform the new version.
    expect(forced.staff.map((s) => s.kind === 'update' && s.linksAdded)).toEqual([[newId], [newId]]);
    // Without booked appointments the length changes in place.
    expect(planBusinessChanges(stored(FILE), definition(longer), { now: NOW, forceArchive: false }).services).toEqual([
      expect.objectContaining({ kind: 'update', id: oldId }),
    ]);
  });

  it('refuses to take a booked service from a staff member', () => {
    const plan = planBusinessChanges(stored(FILE, [{ ...booking, staff: 'jan' }]), definition(FILE.replace('[schnitt, bart]', '[bart]')), {
      now: NOW,
      forceArchive: false,
    });
    expect(plan.refusals).toEqual([expect.objectContaining({ subject: 'staff', key: 'jan', change: 'stops_service', detail: ['Herrenhaarschnitt'] })]);
  });

  it('reports booked appointments that new hours, closures or time off no longer cover, and keeps them', () => {
    const shorter = FILE.replace('tue: ["09:00-18:00"]', 'tue: ["12:00-18:00"]').replace(
      '  - { key: tom, name: Tom Berg, services: [schnitt] }',
      '  - { key: tom, name: Tom Berg, services: [schnitt], time_off: [{ from: 2027-03-02, to: 2027-03-02, reason: krank }] }',
    );
    const plan = planBusinessChanges(stored(FILE, [booking]), definition(shorter), { now: NOW, forceArchive: false });
    expect(plan.refusals).toEqual([]);
    expect(plan.uncovered).toEqual([expect.objectContaining({ id: booking.id, reasons: ['opening_hours', 'staff_hours', 'time_off'] })]);
    expect(describePlan(plan, false)).toEqual([
      'barbier-test (Barbier Test): would change',
      '  ~ opening_hours.tue: 09:00-18:00 → 12:00-18:00',
      '  ~ staff jan: hours.tue: 09:00-18:00 → 12:00-18:00',
      '  ~ staff tom: hours.tue: 09:00-18:00 → 12:00-18:00; + time off 2027-03-02 (krank)',
      'Booked appointments the new rules no longer cover (they stay booked; move them or call the customers):',
      "  Tue 2027-03-02 10:00  Herrenhaarschnitt  Tom Berg  appointment a1b2c3d4-0000-4000-8000-000000000001: outside the opening hours, outside the staff member's hours, in the staff member's time off",
    ]);
  });

  it('keeps closures that have ended, and matches the others by their days and reason', () => {
    const withClosures = FILE.replace(
      'services:',
      'closures:\n  - { from: 2027-01-04, to: 2027-01-08, reason: Inventur }\n  - { from: 2027-07-12, to: 2027-07-25, reason: Betriebsurlaub }\nservices:',
    );
    const state = stored(withClosures);
    const moved = withClosures.replace('- { from: 2027-01-04, to: 2027-01-08, reason: Inventur }\n', '').replace('to: 2027-07-25', 'to: 2027-07-30');
    const plan = planBusinessChanges(state, definition(moved), { now: NOW, forceArchive: false });
    expect(plan.closures.removed.map((c) => c.id)).toEqual(['c1']);
    expect(plan.closures.added).toEqual([{ startsAt: at('2027-07-12T00:00'), endsAt: at('2027-07-31T00:00'), reason: 'Betriebsurlaub' }]);
  });
});
