import { describe, expect, it } from 'vitest';
import type { ServiceDef } from './calendar-model.js';
import { busySegmentsFor } from './busy-segments.js';
import { MINUTE_MS, SERVICES } from '../../test/support/demo-salon.fixture.js';

const m = (minutes: number) => minutes * MINUTE_MS;
const service = (id: string): ServiceDef => SERVICES.find((s) => s.id === id)!;
const spans = (s: ServiceDef, start = 0) => busySegmentsFor(s, start).map((i) => [i.startsAt / MINUTE_MS, i.endsAt / MINUTE_MS]);

describe('busySegmentsFor', () => {
  it('occupies one work phase of durationMinutes when a service has no segments', () => {
    expect(spans(service('damen'))).toEqual([[0, 45]]);
  });

  it('leaves the free colour gap of an Ansatzfärbung unoccupied and joins the two back-to-back work phases', () => {
    expect(spans(service('ansatz'))).toEqual([
      [0, 30],
      [75, 120],
    ]);
  });

  it('keeps a blocked gap busy, so the pieces around it merge', () => {
    const perm: ServiceDef = {
      ...service('damen'),
      segments: [
        { kind: 'work', minutes: 20 },
        { kind: 'gap', minutes: 25, policy: 'blocked' },
        { kind: 'work', minutes: 10 },
      ],
    };
    expect(spans(perm)).toEqual([[0, 55]]);
  });

  it('stretches the first busy piece back by the buffer before and the last forward by the buffer after', () => {
    const buffered: ServiceDef = { ...service('straehnen'), bufferBeforeMinutes: 10, bufferAfterMinutes: 15 };
    expect(spans(buffered)).toEqual([
      [-10, 45],
      [75, 120],
    ]);
  });

  it('places the pieces on instants relative to the start, in elapsed time', () => {
    const start = Date.UTC(2026, 2, 29, 0, 30);
    expect(busySegmentsFor(service('ansatz'), start)).toEqual([
      { startsAt: start, endsAt: start + m(30) },
      { startsAt: start + m(75), endsAt: start + m(120) },
    ]);
  });

  it('ignores zero-length phases instead of emitting empty intervals', () => {
    const odd: ServiceDef = {
      ...service('damen'),
      segments: [
        { kind: 'work', minutes: 0 },
        { kind: 'gap', minutes: 5, policy: 'free' },
        { kind: 'work', minutes: 30 },
      ],
    };
    expect(spans(odd)).toEqual([[5, 35]]);
  });
});
