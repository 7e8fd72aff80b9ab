import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coarsePartOfDay, isInPartOfDay, isPartOfDay, PART_OF_DAY_RANGES, PARTS_OF_DAY } from './parts-of-day.js';

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

describe('parts of the day', () => {
  it('has one range per part, each inside the day and not empty', () => {
    for (const part of PARTS_OF_DAY) {
      const range = PART_OF_DAY_RANGES[part];
      expect(range.from).toBeGreaterThanOrEqual(0);
      expect(range.to).toBeLessThanOrEqual(24 * 60);
      expect(range.from).toBeLessThan(range.to);
      expect(isInPartOfDay(part, range.from)).toBe(true);
      expect(isInPartOfDay(part, range.to)).toBe(false);
    }
  });

  it('starts the afternoon at 13:00, not at noon', () => {
    expect(isInPartOfDay('nachmittags', 12 * 60)).toBe(false);
    expect(isInPartOfDay('nachmittags', 13 * 60)).toBe(true);
  });

  it('keeps every finer part inside the hours its coarse part allows for, or after work later', () => {
    expect(coarsePartOfDay('frueh')).toBe('morgens');
    expect(coarsePartOfDay('spaetnachmittags')).toBe('nachmittags');
    expect(coarsePartOfDay('nach_der_arbeit')).toBe('abends');
    for (const part of PARTS_OF_DAY) expect(isPartOfDay(coarsePartOfDay(part))).toBe(true);
    expect(isPartOfDay('nachts')).toBe(false);
  });

  it('is documented in the README exactly as it is', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const part of PARTS_OF_DAY) {
      const range = PART_OF_DAY_RANGES[part];
      expect(readme).toContain(`| \`${part}\` | ${hhmm(range.from)}–${hhmm(range.to)} |`);
    }
  });
});
