import type { Calendar, Interval, Slot } from './calendar-model.js';
import { coveredMs, mergeIntervals } from './intervals.js';
import type { LocalDay } from './local-days.js';

const MINUTE_MS = 60_000;

/** Busy minutes of a staff member on a local day. */
export type LoadMeter = (staffId: string, day: LocalDay) => number;

/** Measures how booked each staff member is per local day (memoised; built once per answer). */
export function createLoadMeter(calendar: Calendar): LoadMeter {
  const busy = new Map<string, Interval[]>();
  for (const b of calendar.busy) {
    const list = busy.get(b.staffId);
    if (list) list.push(b);
    else busy.set(b.staffId, [b]);
  }
  for (const [staffId, list] of busy) busy.set(staffId, mergeIntervals(list));
  const memo = new Map<string, number>();
  return (staffId, day) => {
    const key = `${staffId}|${day.startsAt}`;
    let minutes = memo.get(key);
    if (minutes === undefined) {
      minutes = coveredMs(busy.get(staffId) ?? [], day.startsAt, day.endsAt) / MINUTE_MS;
      memo.set(key, minutes);
    }
    return minutes;
  };
}

/**
 * For a caller who said "egal": the slot of the staff member with the fewest busy minutes
 * that day, so work spreads across the team; ties go to the smaller staff id so the same
 * calendar always gives the same answer. `slots` share one start and are non-empty.
 */
export function chooseLeastLoaded(slots: readonly Slot[], day: LocalDay, load: LoadMeter): Slot {
  let best = slots[0]!;
  let bestLoad = load(best.staffId, day);
  for (const slot of slots.slice(1)) {
    const minutes = load(slot.staffId, day);
    if (minutes < bestLoad || (minutes === bestLoad && slot.staffId < best.staffId)) {
      best = slot;
      bestLoad = minutes;
    }
  }
  return best;
}
