import { describe, expect, it } from 'vitest';
import { at, everyDay, STYLIST_HOURS, utc, wholeDay, ZONE } from '../../test/support/demo-salon.fixture.js';
import { isPublicHoliday, publicHolidayDates } from './holidays.js';
import { workingIntervals } from './working-time.js';

const show = (list: { startsAt: number; endsAt: number }[]) => list.map((i) => `${utc(i.startsAt)}–${utc(i.endsAt)}`);

describe('workingIntervals', () => {
  it('splits a stylist day at the lunch break', () => {
    expect(show(workingIntervals(STYLIST_HOURS, ZONE, wholeDay('2026-06-09')))).toEqual([
      '2026-06-09T07:00Z–2026-06-09T10:00Z',
      '2026-06-09T11:00Z–2026-06-09T16:00Z',
    ]);
  });

  it('has no working time on a weekday without hours', () => {
    expect(workingIntervals(STYLIST_HOURS, ZONE, wholeDay('2026-06-08'))).toEqual([]);
  });

  it('keeps 09:00–18:00 local on the spring-forward Sunday (07:00Z–16:00Z, summer time)', () => {
    expect(show(workingIntervals(everyDay(['09:00', '18:00']), ZONE, wholeDay('2026-03-29')))).toEqual(['2026-03-29T07:00Z–2026-03-29T16:00Z']);
    expect(show(workingIntervals(everyDay(['09:00', '18:00']), ZONE, wholeDay('2026-03-28')))).toEqual(['2026-03-28T08:00Z–2026-03-28T17:00Z']);
  });

  it('keeps 09:00–18:00 local on the fall-back Sunday (08:00Z–17:00Z, winter time)', () => {
    expect(show(workingIntervals(everyDay(['09:00', '18:00']), ZONE, wholeDay('2026-10-25')))).toEqual(['2026-10-25T08:00Z–2026-10-25T17:00Z']);
  });

  it('gives a 00:00–06:00 night shift 5 real hours in spring and 7 in autumn', () => {
    const night = everyDay(['00:00', '06:00']);
    const [spring] = workingIntervals(night, ZONE, wholeDay('2026-03-29'));
    const [autumn] = workingIntervals(night, ZONE, wholeDay('2026-10-25'));
    expect((spring!.endsAt - spring!.startsAt) / 3_600_000).toBe(5);
    expect((autumn!.endsAt - autumn!.startsAt) / 3_600_000).toBe(7);
    expect(show([autumn!])).toEqual(['2026-10-24T22:00Z–2026-10-25T05:00Z']);
  });

  it('clamps a range starting inside the skipped hour to the switch, so it covers only times that exist', () => {
    const [range] = workingIntervals(everyDay(['02:30', '04:00']), ZONE, wholeDay('2026-03-29'));
    expect(show([range!])).toEqual(['2026-03-29T01:00Z–2026-03-29T02:00Z']);
  });

  it('joins 22:00–24:00 with the next day’s 00:00–06:00 into one continuous shift', () => {
    const hours = everyDay(['00:00', '06:00'], ['22:00', '24:00']);
    const list = workingIntervals(hours, ZONE, { startsAt: at('2026-06-09', '12:00'), endsAt: at('2026-06-10', '12:00') });
    expect(show(list)).toEqual(['2026-06-09T20:00Z–2026-06-10T04:00Z']);
  });

  it('clips to the requested range', () => {
    const list = workingIntervals(STYLIST_HOURS, ZONE, { startsAt: at('2026-06-09', '10:30'), endsAt: at('2026-06-09', '14:00') });
    expect(show(list)).toEqual(['2026-06-09T08:30Z–2026-06-09T10:00Z', '2026-06-09T11:00Z–2026-06-09T12:00Z']);
  });
});

describe('public holidays in Berlin', () => {
  it('closes on Christmas and on Frauentag, which only Berlin (and Mecklenburg-Vorpommern) observes', () => {
    expect(isPublicHoliday('DE-BE', '2026-12-25')).toBe(true);
    expect(isPublicHoliday('DE-BE', '2026-12-26')).toBe(true);
    expect(isPublicHoliday('DE-BE', '2027-03-08')).toBe(true);
    expect(isPublicHoliday('DE-BY', '2027-03-08')).toBe(false);
  });

  it('stays open on Heiligabend and Rosenmontag, which are not public holidays', () => {
    expect(isPublicHoliday('DE-BE', '2026-12-24')).toBe(false);
    expect(isPublicHoliday('DE-BE', '2026-02-16')).toBe(false);
  });

  it('knows no holidays without a region and serves a year from the memo the second time', () => {
    expect(isPublicHoliday(null, '2026-12-25')).toBe(false);
    expect(publicHolidayDates('DE-BE', 2026)).toBe(publicHolidayDates('DE-BE', 2026));
  });
});
