import type { Interval } from './calendar-model.js';

/**
 * Interval arithmetic on half-open [startsAt, endsAt) instants. "Normalised" lists are sorted,
 * non-empty and non-touching; the search helpers below rely on that (their end times ascend too).
 */

/** Sorts and unions intervals; touching intervals are joined, so [9,12) + [12,13) is one range. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.endsAt > i.startsAt).sort((a, b) => a.startsAt - b.startsAt || a.endsAt - b.endsAt);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last && next.startsAt <= last.endsAt) {
      if (next.endsAt > last.endsAt) last.endsAt = next.endsAt;
    } else {
      merged.push({ startsAt: next.startsAt, endsAt: next.endsAt });
    }
  }
  return merged;
}

/** Removes `cut` (normalised) from `base` (normalised) in one sweep. */
export function subtractIntervals(base: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let c = 0;
  for (const range of base) {
    let start = range.startsAt;
    while (c < cut.length && cut[c]!.endsAt <= start) c++;
    let k = c;
    while (k < cut.length && cut[k]!.startsAt < range.endsAt) {
      const hole = cut[k]!;
      if (hole.startsAt > start) result.push({ startsAt: start, endsAt: hole.startsAt });
      start = Math.max(start, hole.endsAt);
      k++;
    }
    if (start < range.endsAt) result.push({ startsAt: start, endsAt: range.endsAt });
  }
  return result;
}

/** Index of the first interval of a normalised list that ends after `instant`, or `list.length`. */
function firstEndingAfter(list: readonly Interval[], instant: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.endsAt > instant) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** True when [startsAt, endsAt) lies entirely inside one interval of the normalised list. */
export function isInsideOne(list: readonly Interval[], startsAt: number, endsAt: number): boolean {
  const candidate = list[firstEndingAfter(list, startsAt)];
  return candidate !== undefined && candidate.startsAt <= startsAt && endsAt <= candidate.endsAt;
}

/** True when [startsAt, endsAt) shares any instant with the normalised list. */
export function overlapsAny(list: readonly Interval[], startsAt: number, endsAt: number): boolean {
  const candidate = list[firstEndingAfter(list, startsAt)];
  return candidate !== undefined && candidate.startsAt < endsAt;
}

/** Total milliseconds of the normalised list that fall inside [startsAt, endsAt). */
export function coveredMs(list: readonly Interval[], startsAt: number, endsAt: number): number {
  let total = 0;
  for (let i = firstEndingAfter(list, startsAt); i < list.length; i++) {
    const item = list[i]!;
    if (item.startsAt >= endsAt) break;
    total += Math.min(item.endsAt, endsAt) - Math.max(item.startsAt, startsAt);
  }
  return total;
}
