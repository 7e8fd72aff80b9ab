import { describe, expect, it } from 'vitest';
import { answerWish } from './answer-wish.js';
import type { Calendar, Wish, WishAnswer } from './calendar-model.js';
import { at, book, demoSalon, labels, local, sevenDaySalon, wholeDay } from '../../test/support/demo-salon.fixture.js';
import { isInPartOfDay, PART_OF_DAY_RANGES, type PartOfDay } from '../parts-of-day.js';
import { DateTime } from 'luxon';

const NOW = at('2026-06-08', '10:00'); // a Monday; the salon is closed
const TUESDAY = '2026-06-09';

function ask(calendar: Calendar, wish: Partial<Wish>, now = NOW, limit?: number): WishAnswer {
  return answerWish(calendar, { serviceId: 'herren', ...wish }, now, limit === undefined ? {} : { limit });
}

/** "reason: 09:30 emma, …" — one readable line per answer. */
function summary(answer: WishAnswer): string {
  switch (answer.kind) {
    case 'exact':
      return `exact: ${labels([answer.slot])[0]}`;
    case 'alternatives':
      return `${answer.reason}: ${labels(answer.alternatives).join(', ')}`;
    case 'none':
      return `none: ${answer.reason}`;
  }
}

describe('answerWish: granting the wish', () => {
  it('books the exact wished time with the named stylist', () => {
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY, time: '10:00' }))).toBe('exact: 10:00 emma');
  });

  it('gives an “egal” caller the least booked stylist that day, ties by id', () => {
    const salon = demoSalon();
    expect(summary(ask(salon, { date: TUESDAY, time: '15:00' }))).toBe('exact: 15:00 emma');
    book(salon, 'emma', 'damen', at(TUESDAY, '09:00'));
    book(salon, 'emma', 'damen', at(TUESDAY, '10:00'));
    book(salon, 'fabian', 'herren', at(TUESDAY, '09:00'));
    expect(summary(ask(salon, { date: TUESDAY, time: '15:00' }))).toBe('exact: 15:00 oliver');
    book(salon, 'oliver', 'damen', at(TUESDAY, '09:00'));
    book(salon, 'oliver', 'damen', at(TUESDAY, '10:00'));
    expect(summary(ask(salon, { date: TUESDAY, time: '15:00' }))).toBe('exact: 15:00 fabian');
  });

  it('reads a time without a date as its next occurrence', () => {
    expect(summary(ask(demoSalon(), { staffId: 'emma', time: '09:00' }))).toBe('exact: 09:00 emma');
    expect(local((ask(demoSalon(), { staffId: 'emma', time: '09:00' }) as { slot: { startsAt: number } }).slot.startsAt)).toBe('2026-06-09 09:00');
  });
});

describe('answerWish: why not, and what instead', () => {
  it('answers taken with the stylist’s nearest other times, ranked by distance, earlier first on ties', () => {
    const salon = demoSalon();
    book(salon, 'emma', 'damen', at(TUESDAY, '10:00'));
    expect(summary(ask(salon, { staffId: 'emma', date: TUESDAY, time: '10:00' }))).toBe('taken: 09:30 emma, 09:15 emma, 10:45 emma');
  });

  it('offers other staff at the same time when the caller named nobody', () => {
    const salon = demoSalon();
    book(salon, 'emma', 'damen', at(TUESDAY, '10:00'));
    expect(summary(ask(salon, { date: TUESDAY, time: '10:00' }))).toBe('exact: 10:00 fabian');
    book(salon, 'fabian', 'damen', at(TUESDAY, '10:00'));
    book(salon, 'oliver', 'damen', at(TUESDAY, '10:00'));
    // One offer per time, each given to whoever is least booked: nobody hears "9:30 bei Emma, 9:30 bei Fabian".
    expect(summary(ask(salon, { date: TUESDAY, time: '10:00' }))).toBe('taken: 09:30 emma, 09:15 emma, 10:45 emma');
  });

  it('answers outside_opening_hours after closing, on weekdays and on Saturday', () => {
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY, time: '18:00' }))).toBe('outside_opening_hours: 17:30 emma, 17:15 emma, 17:00 emma');
    expect(summary(ask(demoSalon(), { serviceId: 'damen', staffId: 'emma', date: '2026-06-13', time: '13:45' }))).toBe(
      'outside_opening_hours: 13:15 emma, 13:00 emma, 12:45 emma',
    );
  });

  it('offers the wished time on the nearest open days first when the day is closed, and says why it is closed', () => {
    // "Sonntag um elf": Saturday at eleven (the day before) comes before Tuesday at eleven, then the nearest times.
    const sunday = ask(demoSalon(), { staffId: 'emma', date: '2026-06-14', time: '11:00' });
    expect(sunday.kind === 'alternatives' && sunday.alternatives.map((s) => local(s.startsAt))).toEqual([
      '2026-06-13 11:00',
      '2026-06-16 11:00',
      '2026-06-13 10:45',
    ]);
    expect(sunday.kind === 'alternatives' && sunday.detail).toEqual({ closedDay: { cause: 'weekday', date: '2026-06-14', weekday: 7 } });

    const monday = ask(demoSalon(), { staffId: 'emma', date: '2026-06-15', time: '10:00' });
    expect(summary(monday)).toBe('closed_day: 10:00 emma, 10:00 emma, 09:45 emma');
    // Monday: Tuesday is the nearer open day (one after), Saturday the nearest one before.
    expect(monday.kind === 'alternatives' && monday.alternatives.map((s) => local(s.startsAt))).toEqual([
      '2026-06-16 10:00',
      '2026-06-13 10:00',
      '2026-06-16 09:45',
    ]);

    const christmas = ask(demoSalon(), { staffId: 'emma', date: '2026-12-25', time: '10:00' }, at('2026-12-20', '10:00'));
    expect(christmas.kind === 'alternatives' && christmas.reason).toBe('closed_day');
    expect(christmas.kind === 'alternatives' && christmas.detail).toEqual({
      closedDay: { cause: 'holiday', date: '2026-12-25', weekday: 5, name: '1. Weihnachtstag' },
    });
    // Heiligabend is no public holiday: the day before Christmas is the nearest open day.
    expect(christmas.kind === 'alternatives' && christmas.alternatives.map((s) => local(s.startsAt))).toEqual([
      '2026-12-24 10:00',
      '2026-12-29 10:00',
      '2026-12-24 09:45',
    ]);

    const salon = demoSalon();
    salon.business.closures.push({ ...wholeDay(TUESDAY), reason: 'Betriebsurlaub' });
    const closure = ask(salon, { date: TUESDAY, time: '10:00' });
    expect(summary(closure).startsWith('closed_day')).toBe(true);
    expect(closure.kind === 'alternatives' && closure.detail).toEqual({ closedDay: { cause: 'closure', date: TUESDAY, weekday: 2, reason: 'Betriebsurlaub' } });
  });

  it('takes other days at the wished time when the nearest open day is full then', () => {
    const salon = demoSalon();
    book(salon, 'emma', 'herren', at('2026-06-13', '11:00'));
    const sunday = ask(salon, { staffId: 'emma', date: '2026-06-14', time: '11:00' });
    expect(sunday.kind === 'alternatives' && sunday.alternatives.map((s) => local(s.startsAt))).toEqual([
      '2026-06-16 11:00',
      '2026-06-16 10:45',
      '2026-06-16 11:15',
    ]);
  });

  it('says that today is closed when the caller asks for today without a time', () => {
    const today = ask(demoSalon(), { staffId: 'emma', date: '2026-06-08' });
    expect(summary(today)).toBe('closed_day: 09:00 emma, 09:30 emma, 10:00 emma');
    expect(today.kind === 'alternatives' && today.detail?.closedDay?.cause).toBe('weekday');
    expect(today.kind === 'alternatives' && local(today.alternatives[0]!.startsAt)).toBe('2026-06-09 09:00');
    // Without a named day nothing is refused: "so früh wie möglich" just gets the first slots.
    expect(summary(ask(demoSalon(), { staffId: 'emma', earliest: true }))).toBe('no_time_given: 09:00 emma, 09:30 emma, 10:00 emma');
  });

  it('answers staff_absent during lunch and on a day off', () => {
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY, time: '12:15' }))).toBe('staff_absent: 11:30 emma, 13:00 emma, 11:15 emma');
    const salon = demoSalon();
    salon.staff[0]!.timeOff.push(wholeDay(TUESDAY));
    const away = ask(salon, { staffId: 'emma', date: TUESDAY, time: '10:00' });
    expect(away.kind === 'alternatives' && away.reason).toBe('staff_absent');
    expect(away.kind === 'alternatives' && away.alternatives.map((s) => local(s.startsAt))).toEqual([
      '2026-06-10 09:00',
      '2026-06-10 09:15',
      '2026-06-10 09:30',
    ]);
  });

  it('says when the named stylist does not do the service and offers those who do', () => {
    const answer = ask(demoSalon(), { serviceId: 'ansatz', staffId: 'oliver', date: TUESDAY, time: '10:00' });
    // 10:15 would put the last phase into Emma's lunch, so 09:30 is the third nearest.
    expect(summary(answer)).toBe('staff_does_not_offer_service: 10:00 emma, 09:45 emma, 09:30 emma');
  });

  it('answers too_soon inside the minimum notice and past for a time gone by', () => {
    const now = at(TUESDAY, '09:30');
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY, time: '10:00' }, now))).toBe('too_soon: 10:30 emma, 10:45 emma, 11:00 emma');
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY, time: '09:00' }, now))).toBe('past: 10:30 emma, 10:45 emma, 11:00 emma');
  });

  it('answers beyond_horizon with the last open times inside the horizon', () => {
    const answer = ask(demoSalon(), { staffId: 'emma', date: '2026-09-01', time: '10:00' });
    expect(answer.kind === 'alternatives' && answer.reason).toBe('beyond_horizon');
    expect(answer.kind === 'alternatives' && answer.alternatives.map((s) => local(s.startsAt))).toEqual([
      '2026-08-06 17:30',
      '2026-08-06 17:15',
      '2026-08-06 17:00',
    ]);
  });

  it('answers not_on_slot_grid for 10:10 and offers the neighbouring quarter hours', () => {
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY, time: '10:10' }))).toBe('not_on_slot_grid: 10:15 emma, 10:00 emma, 10:30 emma');
  });

  it('honours the limit option', () => {
    const answer = ask(demoSalon(), { staffId: 'emma', date: TUESDAY, time: '18:00' }, NOW, 5);
    expect(answer.kind === 'alternatives' && answer.alternatives).toHaveLength(5);
  });
});

describe('answerWish: wishes without a time', () => {
  it('offers the first times of a wished date, at least 30 minutes apart', () => {
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY }))).toBe('no_time_given: 09:00 emma, 09:30 emma, 10:00 emma');
  });

  it('spreads an “egal” date-only wish over the least booked stylists', () => {
    const salon = demoSalon();
    book(salon, 'emma', 'damen', at(TUESDAY, '15:00'));
    book(salon, 'fabian', 'herren', at(TUESDAY, '15:00'));
    expect(summary(ask(salon, { date: TUESDAY }))).toBe('no_time_given: 09:00 oliver, 09:30 oliver, 10:00 oliver');
  });

  it('fills the gaps of a busy day with the nearer quarter hours before moving to the next day', () => {
    const salon = demoSalon();
    for (const time of ['09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00']) book(salon, 'emma', 'damen', at(TUESDAY, time));
    // Emma has room for a 30-minute cut only from 16:45 on: 16:45 and 17:15 are spread, 17:00 fills up.
    expect(summary(ask(salon, { staffId: 'emma', date: TUESDAY }))).toBe('no_time_given: 16:45 emma, 17:00 emma, 17:15 emma');
  });

  it('keeps to the part of day: nachmittags starts after the lunch break, abends at 17:00', () => {
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY, partOfDay: 'nachmittags' }))).toBe('no_time_given: 13:00 emma, 13:30 emma, 14:00 emma');
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY, partOfDay: 'abends' }))).toBe('no_time_given: 17:00 emma, 17:15 emma, 17:30 emma');
  });

  it('starts nachmittags at 13:00 on a day without a lunch break, never at noon', () => {
    // Saturday 09–14 without lunch: the old noon-based afternoon offered 12:00 and 12:30.
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: '2026-06-13', partOfDay: 'nachmittags' }))).toBe(
      'no_time_given: 13:00 emma, 13:15 emma, 13:30 emma',
    );
  });

  it('keeps to the finer parts of the day of the one table', () => {
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY, partOfDay: 'spaetnachmittags' }))).toBe(
      'no_time_given: 15:30 emma, 16:00 emma, 16:30 emma',
    );
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY, partOfDay: 'nach_der_arbeit' }))).toBe(
      'no_time_given: 16:30 emma, 17:00 emma, 17:30 emma',
    );
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY, partOfDay: 'frueh' }))).toBe('no_time_given: 09:00 emma, 09:15 emma, 09:30 emma');
    expect(summary(ask(demoSalon(), { staffId: 'emma', date: TUESDAY, partOfDay: 'mittags' }))).toBe('no_time_given: 11:30 emma, 13:00 emma, 13:30 emma');
  });

  it('says taken when the wished afternoon is full and offers afternoons of other days, not that morning', () => {
    const salon = demoSalon();
    for (let minute = 13 * 60; minute < 18 * 60; minute += 30)
      book(salon, 'emma', 'herren', at(TUESDAY, `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`));
    const answer = ask(salon, { staffId: 'emma', date: TUESDAY, partOfDay: 'nachmittags' });
    expect(answer.kind === 'alternatives' && answer.reason).toBe('taken');
    expect(answer.kind === 'alternatives' && answer.alternatives.map((s) => local(s.startsAt))).toEqual([
      '2026-06-10 13:00',
      '2026-06-10 13:30',
      '2026-06-10 14:00',
    ]);
  });

  it('says taken and offers the nearest slots when no day has room in that part of the day', () => {
    // Open only 09–14: there is no evening to offer, and the answer must not pretend there is.
    const answer = ask(sevenDaySalon([['09:00', '14:00']]), { staffId: 'emma', date: TUESDAY, partOfDay: 'abends' });
    expect(answer.kind === 'alternatives' && answer.reason).toBe('taken');
    expect(answer.kind === 'alternatives' && answer.alternatives.length).toBeGreaterThan(0);
  });

  it('offers only slots inside the part of the day whenever any day has room there', () => {
    const parts = Object.keys(PART_OF_DAY_RANGES) as PartOfDay[];
    for (const partOfDay of parts) {
      for (const date of ['2026-06-09', '2026-06-12', '2026-06-13']) {
        const answer = ask(demoSalon(), { staffId: 'fabian', date, partOfDay });
        if (answer.kind !== 'alternatives' || answer.reason === 'taken') continue;
        for (const slot of answer.alternatives) {
          const wall = DateTime.fromMillis(slot.startsAt, { zone: 'Europe/Berlin' });
          expect(isInPartOfDay(partOfDay, wall.hour * 60 + wall.minute), `${partOfDay} ${date} ${local(slot.startsAt)}`).toBe(true);
        }
      }
    }
  });

  it('offers the first open slots from now for “so früh wie möglich”', () => {
    const answer = ask(demoSalon(), { staffId: 'fabian', earliest: true, time: '15:00' });
    expect(answer.kind === 'alternatives' && answer.alternatives.map((s) => local(s.startsAt))).toEqual([
      '2026-06-09 09:00',
      '2026-06-09 09:30',
      '2026-06-09 10:00',
    ]);
  });
});

describe('answerWish: nothing to offer', () => {
  it('answers none for an unknown service, an unknown stylist and an impossible date', () => {
    expect(summary(ask(demoSalon(), { serviceId: 'dauerwelle' }))).toBe('none: unknown_service');
    expect(summary(ask(demoSalon(), { staffId: 'lena' }))).toBe('none: unknown_staff');
    expect(summary(ask(demoSalon(), { date: '2026-02-30', time: '10:00' }))).toBe('none: invalid_wish');
    expect(summary(ask(demoSalon(), { date: TUESDAY, time: '25:00' }))).toBe('none: invalid_wish');
  });

  it('answers none with the reason when nothing is open within the horizon', () => {
    const salon = demoSalon();
    salon.staff[0]!.timeOff.push({ startsAt: NOW, endsAt: at('2027-01-01', '00:00') });
    expect(summary(ask(salon, { staffId: 'emma', date: TUESDAY, time: '10:00' }))).toBe('none: staff_absent');
  });
});
