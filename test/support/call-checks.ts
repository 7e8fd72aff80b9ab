import { DateTime } from 'luxon';
import { expect } from 'vitest';
import type { Directory } from '../../src/booking/load-directory.js';
import { isInPartOfDay, type PartOfDay } from '../../src/parts-of-day.js';
import { SALON } from './demo-directory.js';

/**
 * Checks on a whole scripted call beyond its lines: which appointments it leaves in the calendar, whether what the
 * agent said can be spoken, and where the times it offered lie.
 */

interface ToolRecord {
  name: string;
  args: Record<string, unknown>;
  result?: string;
}

/** An appointment as a test names it: the service and staff member by name, the local start, the customer's name. */
export interface Left {
  service: string;
  staff: string;
  local: string;
  name?: string;
}

/**
 * The appointments a call leaves, replayed from what the agent asked the reception for (its tool calls) and what
 * the reception answered: bookings it made, moved as it moved them, without those it cancelled.
 */
export function appointmentsLeft(turns: ReadonlyArray<{ tools: ToolRecord[] }>, directory: Directory = SALON): Left[] {
  const zone = directory.business.timeZone;
  const local = (instant: string) => DateTime.fromISO(instant, { zone }).toFormat('yyyy-MM-dd HH:mm');
  const staffName = (id: unknown) => directory.staff.find((m) => m.id === id)?.name ?? String(id);
  const left = new Map<string, Left>();
  for (const tool of turns.flatMap((t) => t.tools)) {
    const outcome = tool.result ? (JSON.parse(tool.result) as { kind: string; appointment?: { id: string }; previousId?: string }) : null;
    if (tool.name === 'book_appointment' && outcome?.kind === 'booked' && outcome.appointment) {
      const customer = tool.args.customer as { name: string };
      left.set(outcome.appointment.id, {
        service: String(tool.args.service),
        staff: staffName(tool.args.staffId),
        local: local(String(tool.args.startsAt)),
        name: customer.name,
      });
    }
    if (tool.name === 'reschedule_appointment' && outcome?.kind === 'rescheduled' && outcome.appointment && outcome.previousId) {
      const before = left.get(outcome.previousId);
      if (!before) continue;
      left.delete(outcome.previousId);
      const staff = tool.args.staffId ? staffName(tool.args.staffId) : before.staff;
      left.set(outcome.appointment.id, { ...before, staff, local: local(String(tool.args.startsAt)) });
    }
    if (tool.name === 'cancel_appointment' && outcome?.kind === 'cancelled' && outcome.appointment) left.delete(outcome.appointment.id);
  }
  return [...left.values()];
}

/** What a listener must never hear: a word twice in a row, a slash or ampersand, a table's key, a sentence without an end. */
export function expectSpeakable(line: string, where = 'line'): void {
  expect(line, `${where}: a word twice in a row`).not.toMatch(/(?<![\p{L}])(\p{L}+)\s+\1(?![\p{L}])/iu);
  expect(line, `${where}: written for the eye`).not.toMatch(/[/&_]|\bz\. ?B\.|\bca\.|\bDr\./);
  if (line) expect(line, `${where}: an unfinished sentence`).toMatch(/[.?!]$/);
}

const HOUR_WORDS: Record<string, number> = { eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12 };

/**
 * The clock times an agent's line names, as minutes of the day: "um 14 Uhr", "um halb drei", "um Viertel nach
 * zehn", "um Viertel vor vier". Half and quarter hours are spoken with the twelve-hour words; the salon's day
 * (8 to 20 o'clock) tells morning from afternoon, as it does for a listener.
 */
export function spokenTimes(line: string): number[] {
  const inDay = (h: number) => (h < 8 ? h + 12 : h);
  const times: number[] = [];
  const re = /\bum (?:(\d{1,2}) Uhr(?: (\d{1,2}))?|halb (\p{L}+)|Viertel nach (\p{L}+)|Viertel vor (\p{L}+))/gu;
  for (const m of line.matchAll(re)) {
    if (m[1]) times.push(Number(m[1]) * 60 + Number(m[2] ?? 0));
    else if (m[3]) times.push(inDay((HOUR_WORDS[m[3]] ?? 0) - 1) * 60 + 30);
    else if (m[4]) times.push(inDay(HOUR_WORDS[m[4]] ?? 0) * 60 + 15);
    else if (m[5]) times.push(inDay((HOUR_WORDS[m[5]] ?? 0) - 1) * 60 + 45);
  }
  return times;
}

/**
 * The rule of an offer for a part of the day: every time it names lies inside that part (src/parts-of-day.ts), or it
 * says first, plainly, that nothing is free then.
 */
export function expectInPartOfDay(line: string, part: PartOfDay, where = 'offer'): void {
  const times = spokenTimes(line);
  expect(times.length, `${where}: names no time`).toBeGreaterThan(0);
  const outside = times.filter((t) => !isInPartOfDay(part, t));
  if (outside.length > 0) expect(line, `${where}: offers ${outside.join(', ')} without saying so`).toMatch(/leider nichts mehr frei\./);
}
