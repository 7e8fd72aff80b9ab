import { describe, expect, it } from 'vitest';
import { answerWish } from './answer-wish.js';
import { at, clock, local, MINUTE_MS, sevenDaySalon, utc, wholeDay } from '../../test/support/demo-salon.fixture.js';
import { findOpenSlots } from './find-open-slots.js';

const SPRING = '2026-03-29'; // clocks jump 02:00 → 03:00
const AUTUMN = '2026-10-25'; // clocks fall back 03:00 → 02:00

function slotsOn(date: string, serviceId: string, ranges?: [string, string][]) {
  const calendar = sevenDaySalon(ranges);
  const day = wholeDay(date);
  return findOpenSlots(calendar, { serviceId, staffId: 'emma', from: day.startsAt, to: day.endsAt, now: day.startsAt - 3 * 86_400_000 });
}

describe('slots across daylight saving time', () => {
  it('keeps the 09:00–18:00 day at 09:00–18:00 local on the spring-forward Sunday', () => {
    const slots = slotsOn(SPRING, 'herren');
    expect(utc(slots[0]!.startsAt)).toBe('2026-03-29T07:00Z');
    expect(clock(slots[0]!.startsAt)).toBe('09:00');
    expect(clock(slots.at(-1)!.startsAt)).toBe('17:30');
    expect(utc(slots.at(-1)!.endsAt)).toBe('2026-03-29T16:00Z');
    expect(slots).toHaveLength(35);
  });

  it('keeps the 09:00–18:00 day at 09:00–18:00 local on the fall-back Sunday', () => {
    const slots = slotsOn(AUTUMN, 'herren');
    expect(utc(slots[0]!.startsAt)).toBe('2026-10-25T08:00Z');
    expect(utc(slots.at(-1)!.endsAt)).toBe('2026-10-25T17:00Z');
    expect(slots.every((s) => Number(clock(s.startsAt).slice(3)) % 15 === 0)).toBe(true);
  });

  it('skips the nonexistent hour of the night shift and runs a 120-minute colour in 120 real minutes', () => {
    const slots = slotsOn(SPRING, 'ansatz', [['00:00', '06:00']]);
    const starts = slots.map((s) => clock(s.startsAt));
    expect(starts.some((t) => t.startsWith('02:'))).toBe(false);
    expect(starts).toContain('01:45');
    expect(starts).toContain('03:00');
    const across = slots.find((s) => clock(s.startsAt) === '01:30')!;
    expect(across.endsAt - across.startsAt).toBe(120 * MINUTE_MS);
    expect(clock(across.endsAt)).toBe('04:30'); // 01:30 CET + 2 h elapsed = 04:30 CEST
    expect(across.segments.map((s) => `${utc(s.startsAt)}–${utc(s.endsAt)}`)).toEqual([
      '2026-03-29T00:30Z–2026-03-29T01:00Z',
      '2026-03-29T01:45Z–2026-03-29T02:30Z',
    ]);
    // 5 real hours of night shift (00:00 CET–06:00 CEST): last 120-minute start is 04:00 local.
    expect(starts.at(-1)).toBe('04:00');
  });

  it('offers 02:00–02:45 twice on the fall-back night, once per offset, on the local quarter-hour grid', () => {
    const slots = slotsOn(AUTUMN, 'straehnen', [['00:00', '06:00']]);
    const twos = slots.filter((s) => clock(s.startsAt).startsWith('02:')).map((s) => utc(s.startsAt));
    expect(twos).toEqual([
      '2026-10-25T00:00Z',
      '2026-10-25T00:15Z',
      '2026-10-25T00:30Z',
      '2026-10-25T00:45Z',
      '2026-10-25T01:00Z',
      '2026-10-25T01:15Z',
      '2026-10-25T01:30Z',
      '2026-10-25T01:45Z',
    ]);
    const across = slots.find((s) => utc(s.startsAt) === '2026-10-25T00:00Z')!;
    expect(across.endsAt - across.startsAt).toBe(105 * MINUTE_MS);
    expect(local(across.endsAt)).toBe('2026-10-25 02:45'); // 02:00 CEST + 105 min = 02:45 CET
    // 7 real hours of night shift: the last 105-minute start is 04:15 local.
    expect(clock(slots.at(-1)!.startsAt)).toBe('04:15');
  });

  it('says the wished 02:30 does not exist on the spring-forward night and offers what is nearest', () => {
    const calendar = sevenDaySalon([['00:00', '06:00']]);
    const answer = answerWish(calendar, { serviceId: 'herren', date: SPRING, time: '02:30' }, at('2026-03-27', '12:00'));
    expect(answer.kind).toBe('alternatives');
    if (answer.kind !== 'alternatives') return;
    expect(answer.reason).toBe('time_does_not_exist');
    expect(answer.alternatives.map((s) => clock(s.startsAt))).toEqual(['03:00', '01:45', '03:15']);
  });

  it('reads a wished 02:30 on the fall-back night as its first occurrence (summer time)', () => {
    const calendar = sevenDaySalon([['00:00', '06:00']]);
    const answer = answerWish(calendar, { serviceId: 'herren', date: AUTUMN, time: '02:30' }, at('2026-10-23', '12:00'));
    expect(answer.kind).toBe('exact');
    if (answer.kind === 'exact') expect(utc(answer.slot.startsAt)).toBe('2026-10-25T00:30Z');
  });

  it('reaches the second 02:30 of the fall-back night through an instant', () => {
    const calendar = sevenDaySalon([['00:00', '06:00']]);
    const second = Date.UTC(2026, 9, 25, 1, 30); // 02:30 winter time
    const answer = answerWish(calendar, { serviceId: 'herren', startsAt: second }, at('2026-10-23', '12:00'));
    expect(answer.kind === 'exact' && utc(answer.slot.startsAt)).toBe('2026-10-25T01:30Z');
  });
});
