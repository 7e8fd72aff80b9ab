import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { speakClock, speakDuration, speakInstant, speakList, speakPrice } from './speak.js';

const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).toJSDate();

describe('speaking times in German', () => {
  it.each([
    [14, 30, 'halb drei'],
    [9, 30, 'halb zehn'],
    [12, 30, 'halb eins'],
    [10, 0, '10 Uhr'],
    [14, 15, 'Viertel nach zwei'],
    [10, 45, 'Viertel vor elf'],
    [11, 45, 'Viertel vor zwölf'],
    [14, 10, '14 Uhr 10'],
  ])('says %i:%i as "%s"', (h, m, words) => {
    expect(speakClock(h, m)).toBe(words);
  });

  it('reads back a day and time the way the salon says it', () => {
    const ref = berlin('2026-11-19T09:00');
    expect(speakInstant(berlin('2026-11-24T14:30'), 'Europe/Berlin', ref)).toBe('am Dienstag, dem 24. November, um halb drei');
    expect(speakInstant(berlin('2026-11-20T10:00'), 'Europe/Berlin', ref)).toBe('morgen um 10 Uhr');
    expect(speakInstant(berlin('2026-11-19T16:15'), 'Europe/Berlin', ref)).toBe('heute um Viertel nach vier');
    expect(speakInstant(berlin('2027-01-05T09:00'), 'Europe/Berlin', ref)).toBe('am Dienstag, dem 5. Januar 2027, um 9 Uhr');
  });

  it('says durations, prices and lists naturally', () => {
    expect(speakDuration(45)).toBe('45 Minuten');
    expect(speakDuration(60)).toBe('eine Stunde');
    expect(speakDuration(90)).toBe('eineinhalb Stunden');
    expect(speakDuration(120)).toBe('zwei Stunden');
    expect(speakDuration(105)).toBe('etwa zwei Stunden');
    expect(speakPrice(4900)).toBe('49 Euro');
    expect(speakPrice(2950)).toBe('29,50 Euro');
    expect(speakList(['A', 'B', 'C'])).toBe('A, B oder C');
  });
});
