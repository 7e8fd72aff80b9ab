import type { Interval, ServiceDef } from './calendar-model.js';
import { layoutService, placeAt } from './service-layout.js';

/**
 * The busy intervals a booking of `service` starting at `startMs` occupies for its staff
 * member: work phases and blocked gaps, the buffer before stretching the first and the buffer
 * after stretching the last, adjacent pieces merged; `free` gaps are left out so the staff
 * member can serve someone else meanwhile. Sorted and non-overlapping.
 *
 * The booking code inserts exactly these rows and the database's exclusion constraint checks
 * them, so this function is the single definition of "what a booking blocks". Offsets are
 * elapsed time, not wall-clock: a 105-minute visit across a DST switch lasts 105 real minutes.
 */
export function busySegmentsFor(service: ServiceDef, startMs: number): Interval[] {
  return placeAt(layoutService(service).busy, startMs);
}
