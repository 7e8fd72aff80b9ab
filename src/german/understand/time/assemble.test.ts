import { describe, expect, it } from 'vitest';
import { resolveClock } from './assemble.js';
import type { ClockMention } from './scan.js';

const clock = (h: number, m = 0, more: Partial<ClockMention> = {}): ClockMention => ({
  kind: 'time',
  start: 0,
  end: 1,
  h,
  m,
  lead0: false,
  idiom: false,
  ...more,
});

describe('rule 7: am/pm from business hours', () => {
  it('reads 1–7 as afternoon and 8–12 as stated', () => {
    expect(resolveClock(clock(1), null)).toEqual({ minutes: 13 * 60 });
    expect(resolveClock(clock(6), null)).toEqual({ minutes: 18 * 60 });
    expect(resolveClock(clock(8), null)).toEqual({ minutes: 8 * 60 });
    expect(resolveClock(clock(12), null)).toEqual({ minutes: 12 * 60 });
  });

  it('flags seven as ambiguous between morning and evening', () => {
    expect(resolveClock(clock(7, 30), null)).toEqual({ minutes: 19 * 60 + 30, alt: 7 * 60 + 30 });
  });

  it('lets a part of day override', () => {
    expect(resolveClock(clock(7), 'morgens')).toEqual({ minutes: 7 * 60 });
    expect(resolveClock(clock(8), 'abends')).toEqual({ minutes: 20 * 60 });
    expect(resolveClock(clock(1), 'mittags')).toEqual({ minutes: 13 * 60 });
    expect(resolveClock(clock(11), 'mittags')).toEqual({ minutes: 11 * 60 });
  });

  it('takes 13–23 and zero-padded times literally', () => {
    expect(resolveClock(clock(14), 'morgens')).toEqual({ minutes: 14 * 60 });
    expect(resolveClock(clock(7, 30, { lead0: true }), null)).toEqual({ minutes: 7 * 60 + 30 });
  });

  it('reads the idiom hour zero as half past twelve', () => {
    expect(resolveClock(clock(0, 30, { idiom: true }), null)).toEqual({ minutes: 12 * 60 + 30 });
  });
});
