import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { PARTS_OF_DAY, type PartOfDay } from '../../parts-of-day.js';
import { nothingFreeInPartOfDay, slotsFitPartOfDay, speakPartOfDay } from './speak-part-of-day.js';

const ZONE = 'Europe/Berlin';
// Thursday, 19 November 2026.
const NOW = DateTime.fromISO('2026-11-19T09:00', { zone: ZONE }).toJSDate();
const at = (local: string) => ({ staffId: 's', startsAt: DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO()! });

describe('speakPartOfDay', () => {
  it('says every part of the day in words, never the key of the table', () => {
    for (const part of PARTS_OF_DAY) expect(speakPartOfDay(part)).toMatch(/^[a-zäöüß ]+$/iu);
    expect(speakPartOfDay('nach_der_arbeit')).toBe('nach der Arbeit');
    expect(speakPartOfDay('spaetnachmittags')).toBe('am späten Nachmittag');
  });
});

describe('slotsFitPartOfDay', () => {
  it.each<[string, PartOfDay, string, boolean]>([
    ['an afternoon slot on the day', 'nachmittags', '2026-11-26T14:00', true],
    ['noon is no afternoon', 'nachmittags', '2026-11-26T12:30', false],
    ['the afternoon of another day', 'nachmittags', '2026-11-27T14:00', false],
    ['half past eleven is "über Mittag"', 'mittags', '2026-11-26T11:30', true],
    ['five is not yet "abends"', 'abends', '2026-11-26T16:30', false],
    ['half past four is "nach der Arbeit"', 'nach_der_arbeit', '2026-11-26T16:30', true],
  ])('%s', (_what, part, local, fits) => {
    expect(slotsFitPartOfDay([at(local)], { date: '2026-11-26', partOfDay: part }, ZONE)).toBe(fits);
  });
});

describe('nothingFreeInPartOfDay', () => {
  it.each<[string, PartOfDay, string]>([
    ['2026-11-20', 'nachmittags', 'Morgen ist nachmittags leider nichts mehr frei.'],
    ['2026-11-24', 'mittags', 'Am Dienstag, dem 24. November, ist über Mittag leider nichts mehr frei.'],
    ['2026-11-25', 'nach_der_arbeit', 'Am Mittwoch, dem 25. November, ist nach der Arbeit leider nichts mehr frei.'],
  ])('%s %s: "%s"', (date, part, words) => {
    expect(nothingFreeInPartOfDay({ date, partOfDay: part }, ZONE, NOW)).toBe(words);
  });

  it('says the weekday the caller named', () => {
    expect(nothingFreeInPartOfDay({ date: '2026-11-20', partOfDay: 'frueh' }, ZONE, NOW, { weekdayNamed: true, day: '2026-11-20' })).toBe(
      'Am Freitag ist früh am Morgen leider nichts mehr frei.',
    );
  });
});
