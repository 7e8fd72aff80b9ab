import { describe, expect, it } from 'vitest';
import type { Calendar, Slot } from './calendar-model.js';
import { at, book, clock, demoSalon, labels, wholeDay } from '../../test/support/demo-salon.fixture.js';
import { findOpenSlots } from './find-open-slots.js';

const MONDAY_MORNING = at('2026-06-08', '10:00');
const TUESDAY = '2026-06-09';
const SATURDAY = '2026-06-13';

function slotsOn(calendar: Calendar, date: string, serviceId: string, staffId?: string, now = MONDAY_MORNING): Slot[] {
  const { startsAt, endsAt } = wholeDay(date);
  return findOpenSlots(calendar, { serviceId, staffId, from: startsAt, to: endsAt, now });
}

const times = (slots: Slot[]) => slots.map((s) => clock(s.startsAt));
const morning = (slots: Slot[]) => times(slots).filter((t) => t < '12:00');

describe('findOpenSlots in the demo salon', () => {
  it('offers a Herrenhaarschnitt in the free gap of Emma’s Ansatzfärbung but not over a work phase', () => {
    const salon = demoSalon();
    book(salon, 'emma', 'ansatz', at(TUESDAY, '10:00')); // busy 10:00–10:30 and 11:15–12:00
    expect(morning(slotsOn(salon, TUESDAY, 'herren', 'emma'))).toEqual(['09:00', '09:15', '09:30', '10:30', '10:45']);
  });

  it('never offers a Damenhaarschnitt that would run past Saturday’s 14:00 closing', () => {
    const saturday = times(slotsOn(demoSalon(), SATURDAY, 'damen', 'emma'));
    expect(saturday.at(-1)).toBe('13:15');
    expect(saturday).not.toContain('13:45');
  });

  it('keeps the stylists’ lunch 12:00–13:00 free', () => {
    const tuesday = times(slotsOn(demoSalon(), TUESDAY, 'damen', 'emma'));
    expect(tuesday).toContain('11:15');
    expect(tuesday.filter((t) => t > '11:15' && t < '13:00')).toEqual([]);
    expect(tuesday).toContain('13:00');
  });

  it('lets a free gap span the stylist’s lunch while the customer waits in the open salon', () => {
    const salon = demoSalon();
    salon.services.push({
      id: 'dauerwelle',
      name: 'Dauerwelle',
      durationMinutes: 120,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      segments: [
        { kind: 'work', minutes: 30 },
        { kind: 'gap', minutes: 60, policy: 'free' },
        { kind: 'work', minutes: 30 },
      ],
    });
    salon.staff[0]!.serviceIds.push('dauerwelle');
    expect(times(slotsOn(salon, TUESDAY, 'dauerwelle', 'emma'))).toContain('11:30');
  });

  it('offers nothing on the Christmas holidays but opens on Heiligabend', () => {
    const salon = demoSalon();
    const now = at('2026-12-20', '10:00');
    expect(slotsOn(salon, '2026-12-25', 'herren', undefined, now)).toEqual([]);
    expect(slotsOn(salon, '2026-12-26', 'herren', undefined, now)).toEqual([]);
    expect(slotsOn(salon, '2026-12-24', 'herren', undefined, now).length).toBeGreaterThan(0);
  });

  it('offers nothing on Monday, the salon’s closed day', () => {
    expect(slotsOn(demoSalon(), '2026-06-15', 'herren')).toEqual([]);
  });

  it('respects a closure in the afternoon', () => {
    const salon = demoSalon();
    salon.business.closures.push({ startsAt: at(TUESDAY, '14:00'), endsAt: at(TUESDAY, '18:00') });
    const tuesday = times(slotsOn(salon, TUESDAY, 'damen', 'emma'));
    expect(tuesday.at(-1)).toBe('13:15');
  });

  it('only offers the named staff member (“bei Emma”) and skips someone on time off', () => {
    const salon = demoSalon();
    salon.staff[1]!.timeOff.push(wholeDay(TUESDAY));
    expect(new Set(slotsOn(salon, TUESDAY, 'herren', 'emma').map((s) => s.staffId))).toEqual(new Set(['emma']));
    expect(new Set(slotsOn(salon, TUESDAY, 'herren').map((s) => s.staffId))).toEqual(new Set(['emma', 'oliver']));
  });

  it('never offers a service to staff who do not perform it', () => {
    expect(new Set(slotsOn(demoSalon(), TUESDAY, 'ansatz').map((s) => s.staffId))).toEqual(new Set(['emma', 'fabian']));
    expect(slotsOn(demoSalon(), TUESDAY, 'ansatz', 'oliver')).toEqual([]);
  });

  it('sorts by start, then staff id', () => {
    expect(labels(slotsOn(demoSalon(), TUESDAY, 'herren')).slice(0, 4)).toEqual(['09:00 emma', '09:00 fabian', '09:00 oliver', '09:15 emma']);
  });

  it('keeps the minimum notice and the horizon', () => {
    const salon = demoSalon();
    expect(times(slotsOn(salon, TUESDAY, 'herren', 'emma', at(TUESDAY, '09:05')))[0]).toBe('10:15');
    salon.business.horizonDays = 2; // Monday + Tuesday
    expect(slotsOn(salon, TUESDAY, 'herren', 'emma').length).toBeGreaterThan(0);
    expect(slotsOn(salon, '2026-06-10', 'herren', 'emma')).toEqual([]);
  });

  it('lets buffers reach past closing but never into another booking', () => {
    const salon = demoSalon();
    salon.services.push({
      id: 'buffered',
      name: 'Schnitt mit Vorbereitung',
      durationMinutes: 45,
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
      segments: [],
    });
    salon.staff[0]!.serviceIds.push('buffered');
    book(salon, 'emma', 'herren', at(TUESDAY, '10:00'));
    const tuesday = times(slotsOn(salon, TUESDAY, 'buffered', 'emma'));
    expect(tuesday).toContain('17:15'); // cleaning until 18:15
    expect(tuesday).toContain('09:00'); // preparing from 08:45
    expect(tuesday).not.toContain('10:30'); // preparation 10:15 collides with the cut until 10:30
    expect(tuesday).not.toContain('09:15'); // cleaning 10:00–10:15 collides as well
    expect(tuesday).toContain('10:45');
    const slot = slotsOn(salon, TUESDAY, 'buffered', 'emma').find((s) => clock(s.startsAt) === '10:45')!;
    expect(slot.segments).toEqual([{ startsAt: at(TUESDAY, '10:30'), endsAt: at(TUESDAY, '11:45') }]);
    expect(slot.endsAt).toBe(at(TUESDAY, '11:30'));
  });

  it('reports the customer’s departure as endsAt and the busy rows as segments', () => {
    const [slot] = slotsOn(demoSalon(), TUESDAY, 'ansatz', 'emma');
    expect(clock(slot!.startsAt)).toBe('09:00');
    expect(clock(slot!.endsAt)).toBe('11:00');
    expect(slot!.segments.map((s) => `${clock(s.startsAt)}–${clock(s.endsAt)}`)).toEqual(['09:00–09:30', '10:15–11:00']);
  });

  it('never offers time outside the span the busy list was read for', () => {
    const salon = demoSalon();
    salon.busyCoverage = { startsAt: at(TUESDAY, '00:00'), endsAt: at(TUESDAY, '12:00') };
    const tuesday = times(slotsOn(salon, TUESDAY, 'damen', 'emma'));
    expect(tuesday.at(-1)).toBe('11:15'); // ends 12:00, the edge of what is known
    expect(slotsOn(salon, '2026-06-10', 'damen', 'emma')).toEqual([]);
  });

  it('returns nothing for an unknown service or an empty range', () => {
    expect(slotsOn(demoSalon(), TUESDAY, 'nope')).toEqual([]);
    expect(findOpenSlots(demoSalon(), { serviceId: 'herren', from: at(TUESDAY, '12:00'), to: at(TUESDAY, '11:00'), now: MONDAY_MORNING })).toEqual([]);
  });
});
