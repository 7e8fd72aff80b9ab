import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { dative, speakClock, speakDay, speakInstant, speakList, speakPrice, speakStaff } from './speak.js';

const berlin = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' }).toJSDate();
const day = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Berlin' });

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
    expect(speakInstant(berlin('2026-11-26T10:00'), 'Europe/Berlin', ref, { weekdayNamed: true })).toBe('am Donnerstag, dem 26. November, um 10 Uhr');
    expect(speakInstant(berlin('2026-11-21T10:00'), 'Europe/Berlin', ref, { weekdayNamed: true })).toBe('am Samstag um 10 Uhr');
  });

  // Reference: Thursday, 19 November 2026.
  it.each([
    ['2026-11-19', {}, 'heute'],
    ['2026-11-20', {}, 'morgen'],
    // No "übermorgen": the listener would have to count; the weekday and date say it at once.
    ['2026-11-21', {}, 'am Samstag, dem 21. November'],
    ['2026-11-25', {}, 'am Mittwoch, dem 25. November'],
    // The caller said the weekday: say it back, also for tomorrow; from a week on the date is needed again.
    ['2026-11-20', { weekdayNamed: true }, 'am Freitag'],
    ['2026-11-21', { weekdayNamed: true }, 'am Samstag'],
    ['2026-11-25', { weekdayNamed: true }, 'am Mittwoch'],
    ['2026-11-26', { weekdayNamed: true }, 'am Donnerstag, dem 26. November'],
    ['2026-11-19', { weekdayNamed: true }, 'heute'],
    // The read-back of a booking: the caller's weekday and the date to remember.
    ['2026-11-20', { weekdayNamed: true, withDate: true }, 'am Freitag, dem 20. November'],
    // Only the day the caller named by its weekday is said by it; another day of the offer as usual.
    ['2026-11-20', { weekdayNamed: true, day: '2026-11-24' }, 'morgen'],
    ['2026-11-21', { weekdayNamed: true, day: '2026-11-24' }, 'am Samstag, dem 21. November'],
    ['2026-11-24', { weekdayNamed: true, day: '2026-11-24' }, 'am Dienstag'],
    ['2027-01-05', {}, 'am Dienstag, dem 5. Januar 2027'],
  ])('says %s as "%s" (%o)', (date, wording, words) => {
    expect(speakDay(day(date), day('2026-11-19T09:00'), wording)).toBe(words);
  });

  it('says prices as they are spoken, and lists', () => {
    expect(speakPrice(4900)).toBe('49 Euro');
    expect(speakPrice(2950)).toBe('29 Euro 50');
    expect(speakPrice(2905)).toBe('29 Euro 5');
    expect(speakList(['A', 'B', 'C'])).toBe('A, B oder C');
    expect(speakList(['A', 'B'], 'und')).toBe('A und B');
    // An item with its own "und" at the end: "sowie" keeps the items apart.
    expect(speakList(['Strähnchen', 'Waschen und Föhnen'], 'und')).toBe('Strähnchen sowie Waschen und Föhnen');
    expect(speakList(['Waschen und Föhnen', 'Strähnchen'], 'und')).toBe('Waschen und Föhnen und Strähnchen');
  });

  it('names staff as callers do, without titles a voice would spell', () => {
    expect(speakStaff({ name: 'Emma Williams', aliases: ['Emma', 'Frau Williams'] })).toBe('Emma');
    expect(speakStaff({ name: 'Dr. Anna Berger', aliases: ['Frau Berger'] })).toBe('Frau Berger');
    expect(speakStaff({ name: 'Dr. Lukas Hoffmann', aliases: [] })).toBe('Lukas');
    expect(speakStaff({ name: 'Anna Berger', aliases: ['Dr. Berger'] })).toBe('Doktor Berger');
  });

  it('says "bei Herrn Hoffmann" after a preposition, and leaves Frau and first names as they are', () => {
    expect(`bei ${dative(speakStaff({ name: 'Lukas Hoffmann', aliases: ['Herr Hoffmann'] }))}`).toBe('bei Herrn Hoffmann');
    expect(`bei ${dative('Frau Berger')}`).toBe('bei Frau Berger');
    expect(`zu ${dative('Herrmann')}`).toBe('zu Herrmann');
  });
});
