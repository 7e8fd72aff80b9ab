import { describe, expect, it } from 'vitest';
import { namesWeekdayOf } from './weekday-named.js';

const ref = { instant: '2026-11-19T09:00', zone: 'Europe/Berlin' };

describe('namesWeekdayOf', () => {
  // 2026-11-20 is a Friday, 2026-11-21 a Saturday.
  it.each([
    ['am Freitag um zehn', '2026-11-20', true],
    ['freitach so gegen elfe', '2026-11-20', true],
    ['Freitagnachmittag bitte', '2026-11-20', true],
    ['Fr. 10 Uhr', '2026-11-20', true],
    ['morgen um zehn', '2026-11-20', false],
    ['am 20. um zehn', '2026-11-20', false],
    ['Sonnabend früh', '2026-11-21', true],
    // A surname that is a weekday names no day; the day asked for was named otherwise.
    ['Petra Freitag, am Samstag um zehn', '2026-11-21', true],
    ['Petra Freitag, morgen um zehn', '2026-11-20', false],
  ])('"%s" names %s by its weekday: %s', (text, date, named) => {
    expect(namesWeekdayOf(text, date, ref)).toBe(named);
  });
});
