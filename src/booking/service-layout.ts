import type { Interval, ServiceDef } from './calendar-model.js';
import { mergeIntervals } from './intervals.js';

const MINUTE_MS = 60_000;

/**
 * A service's shape relative to its start instant (offsets in ms, may be negative for the
 * buffer before). Computed once per query so the slot scan only adds numbers.
 */
export interface ServiceLayout {
  /** Total customer time: sum of the segments, or `durationMinutes` without segments. */
  visitMs: number;
  /** Work phases and blocked gaps without buffers, merged: the staff member's own working time. */
  core: Interval[];
  /** `core` with the buffers applied: the rows a booking inserts. */
  busy: Interval[];
}

/** Lays a service out on an offset axis starting at 0 (the customer's arrival). */
export function layoutService(service: ServiceDef): ServiceLayout {
  const segments = service.segments.length > 0 ? service.segments : [{ kind: 'work' as const, minutes: service.durationMinutes }];
  const pieces: Interval[] = [];
  let offset = 0;
  for (const segment of segments) {
    const length = Math.max(0, segment.minutes) * MINUTE_MS;
    // A free gap is the only phase the staff member can hand to someone else.
    const occupies = segment.kind === 'work' || segment.policy === 'blocked';
    if (occupies && length > 0) pieces.push({ startsAt: offset, endsAt: offset + length });
    offset += length;
  }
  const core = mergeIntervals(pieces);
  const busy = core.map((piece) => ({ ...piece }));
  const first = busy[0];
  const last = busy[busy.length - 1];
  if (first && last) {
    // Buffers belong to the staff member (prepare the chair, clean up), so they stretch the
    // first and last busy piece; merging again joins pieces a buffer now touches.
    first.startsAt -= Math.max(0, service.bufferBeforeMinutes) * MINUTE_MS;
    last.endsAt += Math.max(0, service.bufferAfterMinutes) * MINUTE_MS;
  }
  return { visitMs: offset, core, busy: mergeIntervals(busy) };
}

/** Shifts layout offsets to instants for a booking that starts at `startMs`. */
export function placeAt(offsets: readonly Interval[], startMs: number): Interval[] {
  return offsets.map((piece) => ({ startsAt: startMs + piece.startsAt, endsAt: startMs + piece.endsAt }));
}
