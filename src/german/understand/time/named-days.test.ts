import { describe, expect, it } from 'vitest';
import { formatDay } from './calendar.js';
import { easterSunday } from './named-days.js';
import { parseDateTime } from './parse-date-time.js';

const at = (instant: string) => ({ instant, zone: 'Europe/Berlin' });

describe('named days', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('knows Easter Sunday %i', (year, date) => {
    expect(formatDay(easterSunday(year))).toBe(date);
  });

  it.each([
    ['an Heiligabend', '2026-12-24'],
    ['am ersten Weihnachtsfeiertag', '2026-12-25'],
    ['am zweiten Weihnachtsfeiertag', '2026-12-26'],
    ['an Silvester', '2026-12-31'],
    ['an Neujahr', '2027-01-01'],
    ['am Nikolaustag', '2026-12-06'],
    ['an Nikolaus', '2026-12-06'],
    ['Rosenmontag', '2027-02-08'],
    ['Aschermittwoch', '2027-02-10'],
    ['Gründonnerstag', '2027-03-25'],
    ['Karfreitag', '2027-03-26'],
    ['Ostersonntag', '2027-03-28'],
    ['Ostermontag', '2027-03-29'],
    ['Christi Himmelfahrt', '2027-05-06'],
    ['Pfingstmontag', '2027-05-17'],
    ['Fronleichnam', '2027-05-27'],
    ['Tag der Arbeit', '2027-05-01'],
    ['am Tag der Deutschen Einheit', '2027-10-03'],
    ['Reformationstag', '2027-10-31'],
  ])('reads "%s" said on 19 November 2026 as %s', (text, date) => {
    expect(parseDateTime(text, at('2026-11-19T09:00:00+01:00')).date).toBe(date);
  });

  it.each([
    [2026, '2026-11-29', '2026-12-20'],
    [2023, '2023-12-03', '2023-12-24'],
    [2027, '2027-11-28', '2027-12-19'],
  ])('counts the Sundays of Advent in %i back from Christmas Eve', (year, first, fourth) => {
    const ref = at(`${year}-11-01T09:00:00+01:00`);
    expect(parseDateTime('am ersten Advent', ref).date).toBe(first);
    expect(parseDateTime('am 4. Advent', ref).date).toBe(fourth);
  });

  it("takes this year's feast while it is ahead, and next year's once it passed", () => {
    expect(parseDateTime('Ostermontag', at('2026-03-01T09:00:00+01:00')).date).toBe('2026-04-06');
    expect(parseDateTime('Ostermontag', at('2026-04-07T09:00:00+02:00')).date).toBe('2027-03-29');
    expect(parseDateTime('an Heiligabend', at('2026-12-24T09:00:00+01:00')).date).toBe('2026-12-24');
  });

  it.each(['kurz vor Weihnachten', 'nach Ostern', 'bis Pfingsten', 'Nikolaus Schmidt hier', 'über Ostern bin ich weg', 'nach der Arbeit'])(
    'names no day in "%s"',
    (text) => {
      expect(parseDateTime(text, at('2026-11-19T09:00:00+01:00')).date).toBeNull();
    },
  );
});
