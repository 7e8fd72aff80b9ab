import { describe, expect, it } from 'vitest';
import { at, demoSalon, wholeDay } from '../../test/support/demo-salon.fixture.js';
import type { Calendar } from './calendar-model.js';
import { explainEmptyDay } from './explain-empty-day.js';
import { findOpenSlots } from './find-open-slots.js';
import { localDayOf } from './local-days.js';

const NOW = at('2026-06-08', '10:00'); // a Monday; the salon is closed
const TUESDAY = '2026-06-09';

const explain = (calendar: Calendar, date: string, staffId?: string, now = NOW) =>
  explainEmptyDay(calendar, 'herren', staffId, localDayOf('Europe/Berlin', date)!, now);

describe('explainEmptyDay', () => {
  it('says a day is fully booked when every working hour is taken', () => {
    const calendar = demoSalon();
    for (const staffId of ['emma', 'fabian', 'oliver']) calendar.busy.push({ staffId, ...wholeDay(TUESDAY) });
    const tuesday = wholeDay(TUESDAY);
    expect(findOpenSlots(calendar, { serviceId: 'herren', from: tuesday.startsAt, to: tuesday.endsAt, now: NOW })).toEqual([]);
    expect(explain(calendar, TUESDAY)).toEqual({ code: 'fully_booked' });
  });

  it('tells time off from the weekly day off', () => {
    const calendar = demoSalon();
    calendar.staff.find((s) => s.id === 'emma')!.timeOff.push(wholeDay(TUESDAY));
    expect(explain(calendar, TUESDAY, 'emma')).toEqual({ code: 'staff_absent', timeOff: true });
    expect(explain(calendar, '2026-06-14', 'emma')).toMatchObject({ code: 'closed' });
  });

  it('says nobody performs a service that no one is assigned', () => {
    const calendar = demoSalon();
    for (const member of calendar.staff) member.serviceIds = member.serviceIds.filter((id) => id !== 'herren');
    expect(explain(calendar, TUESDAY)).toEqual({ code: 'no_staff' });
    expect(explain(calendar, TUESDAY, 'emma')).toEqual({ code: 'staff_does_not_offer_service' });
  });

  it('says a day past the horizon is beyond it and names the last bookable day', () => {
    expect(explain(demoSalon(), '2026-08-11')).toEqual({ code: 'beyond_horizon', lastDate: '2026-08-06' });
  });
});
