import { describe, expect, it } from 'vitest';
import { PARTS_OF_DAY } from '../../parts-of-day.js';
import { resolveWhen } from './resolve-when.js';

const NOW = new Date('2026-11-19T08:00:00Z');

describe('resolveWhen', () => {
  it.each(PARTS_OF_DAY)('reads back the part of the day "%s" that the conversation passes on as uhrzeit', (part) => {
    expect(resolveWhen(undefined, part, NOW, 'Europe/Berlin')).toEqual({ kind: 'ok', when: { date: null, time: null, partOfDay: part, earliest: false } });
  });

  it('searches a stretch of days from its first day when a function call names only the week', () => {
    expect(resolveWhen('nächste Woche', undefined, NOW, 'Europe/Berlin')).toMatchObject({ kind: 'ok', when: { date: '2026-11-23' } });
    expect(resolveWhen('im Dezember', 'nachmittags', NOW, 'Europe/Berlin')).toMatchObject({
      kind: 'ok',
      when: { date: '2026-12-01', partOfDay: 'nachmittags' },
    });
  });

  it('reads the new day forms in datum', () => {
    expect(resolveWhen('erster Dienstag im Dezember', 'nach der Arbeit', NOW, 'Europe/Berlin')).toMatchObject({
      kind: 'ok',
      when: { date: '2026-12-01', partOfDay: 'nach_der_arbeit' },
    });
    expect(resolveWhen('Heiligabend', '10h30', NOW, 'Europe/Berlin')).toMatchObject({ kind: 'ok', when: { date: '2026-12-24', time: '10:30' } });
  });
});
