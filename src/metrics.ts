import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Histogram<'method' | 'route' | 'status'>;
  bookings: Counter<'outcome'>;
}

/** One registry per service instance (not prom-client's global one, so tests can build many). */
export function createMetrics(options: { defaultMetrics: boolean } = { defaultMetrics: true }): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'termin_' });
  return {
    registry,
    httpRequests: new Histogram({
      name: 'termin_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    bookings: new Counter({
      name: 'termin_booking_outcomes_total',
      help: 'Booking attempts by outcome (booked, slot_taken, ...)',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}
