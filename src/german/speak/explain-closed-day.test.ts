import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ClosedDay } from '../../reception/outcomes.js';
import { explainClosedDay, speakHolidayName } from './explain-closed-day.js';

const ZONE = 'Europe/Berlin';
// Thursday, 19 November 2026.
const NOW = DateTime.fromISO('2026-11-19T09:00', { zone: ZONE }).toJSDate();
const MONDAY_NOW = DateTime.fromISO('2026-11-23T09:00', { zone: ZONE }).toJSDate();

describe('explainClosedDay: which day is closed, and why', () => {
  it.each<[string, ClosedDay, Date, string]>([
    ['a Sunday', { cause: 'weekday', date: '2026-11-22', weekday: 7 }, NOW, 'Sonntags haben wir leider geschlossen.'],
    ['a Monday', { cause: 'weekday', date: '2026-11-23', weekday: 1 }, NOW, 'Montags haben wir leider geschlossen.'],
    [
      'today, the day off',
      { cause: 'weekday', date: '2026-11-23', weekday: 1 },
      MONDAY_NOW,
      'Heute haben wir leider geschlossen, montags ist bei uns Ruhetag.',
    ],
    [
      'tomorrow, the day off',
      { cause: 'weekday', date: '2026-11-22', weekday: 7 },
      DateTime.fromISO('2026-11-21T10:00', { zone: ZONE }).toJSDate(),
      'Morgen ist Sonntag, da haben wir leider geschlossen.',
    ],
    [
      'Christmas',
      { cause: 'holiday', date: '2026-12-25', weekday: 5, name: '1. Weihnachtstag' },
      NOW,
      'Am 25. Dezember ist erster Weihnachtstag, da haben wir geschlossen.',
    ],
    [
      'Boxing Day',
      { cause: 'holiday', date: '2026-12-26', weekday: 6, name: '2. Weihnachtstag' },
      NOW,
      'Am 26. Dezember ist zweiter Weihnachtstag, da haben wir geschlossen.',
    ],
    [
      'New Year, tomorrow',
      { cause: 'holiday', date: '2027-01-01', weekday: 5, name: 'Neujahr' },
      DateTime.fromISO('2026-12-31T10:00', { zone: ZONE }).toJSDate(),
      'Morgen ist Neujahr, da haben wir geschlossen.',
    ],
    [
      'a holiday today',
      { cause: 'holiday', date: '2026-11-19', weekday: 4, name: 'Tag der Deutschen Einheit' },
      NOW,
      'Heute ist Tag der Deutschen Einheit, da haben wir geschlossen.',
    ],
    [
      'a closure with its reason',
      { cause: 'closure', date: '2026-11-24', weekday: 2, reason: 'Betriebsurlaub' },
      NOW,
      'Am Dienstag, dem 24. November, haben wir wegen Betriebsurlaub geschlossen.',
    ],
    ['a closure today', { cause: 'closure', date: '2026-11-19', weekday: 4, reason: 'Inventur' }, NOW, 'Heute haben wir wegen Inventur geschlossen.'],
    [
      'a closure without a reason',
      { cause: 'closure', date: '2026-11-24', weekday: 2, reason: null },
      NOW,
      'Am Dienstag, dem 24. November, haben wir leider geschlossen.',
    ],
    // A note that does not fit "wegen …" is not read out.
    [
      'a closure with a note',
      { cause: 'closure', date: '2026-11-24', weekday: 2, reason: 'wir sind auf der Messe in Köln, ab Mittwoch wieder da' },
      NOW,
      'Am Dienstag, dem 24. November, haben wir leider geschlossen.',
    ],
  ])('%s', (_, closed, now, words) => {
    expect(explainClosedDay(closed, ZONE, now)).toBe(words);
  });

  it('says holiday names without digits a voice would read as numbers', () => {
    expect(speakHolidayName('1. Weihnachtstag')).toBe('erster Weihnachtstag');
    expect(speakHolidayName('Internationaler Frauentag')).toBe('Internationaler Frauentag');
  });
});
