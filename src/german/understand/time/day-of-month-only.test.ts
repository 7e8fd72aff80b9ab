import { describe, expect, it } from 'vitest';
import { namesOnlyDayOfMonth } from './day-of-month-only.js';

describe('namesOnlyDayOfMonth', () => {
  it.each([
    ['dann den 24.', true],
    ['am neunundzwanzigsten bei Emma', true],
    ['den 24. Dezember', false],
    ['am 24.12.', false],
    ['Donnerstag, den 24.', false],
    ['morgen um zehn', false],
    ['um 10 Uhr', false],
  ])('"%s": %s', (text, only) => {
    expect(namesOnlyDayOfMonth(text)).toBe(only);
  });
});
