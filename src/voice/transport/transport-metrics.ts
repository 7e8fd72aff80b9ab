import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type TurnKind = 'response_required' | 'reminder_required';
export type TurnOutcome = 'completed' | 'ended_call' | 'superseded' | 'failed' | 'timed_out' | 'abandoned';

/** The transport's Prometheus series. */
export interface TransportMetrics {
  /** Calls with a session, including those waiting out the reconnect grace period. */
  openCalls: Gauge;
  turns: Counter<'kind' | 'outcome'>;
  /** From receiving response_required/reminder_required to sending the first response frame of that id. */
  firstResponse: Histogram<'kind'>;
  /** Upgrades refused before a socket existed: wrong or missing path secret, address not allowed, bad call id. */
  upgradesRefused: Counter<'reason'>;
  /** Calls whose conversation refused the call id (it ended, or belongs to another business). */
  refused: Counter<'reason'>;
  /** Sockets closed because nothing arrived for longer than the idle limit. */
  idleClosed: Counter;
}

/** Registers the transport's series on `registry`, reusing them when they are already there. */
export function createTransportMetrics(registry: Registry): TransportMetrics {
  const existing = <T>(name: string) => registry.getSingleMetric(name) as T | undefined;
  return {
    openCalls:
      existing<Gauge>('termin_voice_open_calls') ??
      new Gauge({ name: 'termin_voice_open_calls', help: 'Calls with an open or reconnect-pending LLM WebSocket session', registers: [registry] }),
    turns:
      existing<Counter<'kind' | 'outcome'>>('termin_voice_turns_total') ??
      new Counter({
        name: 'termin_voice_turns_total',
        help: 'Retell turn requests by kind and outcome',
        labelNames: ['kind', 'outcome'],
        registers: [registry],
      }),
    firstResponse:
      existing<Histogram<'kind'>>('termin_voice_first_response_seconds') ??
      new Histogram({
        name: 'termin_voice_first_response_seconds',
        help: 'Time from a turn request to the first response frame sent for it',
        labelNames: ['kind'],
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
        registers: [registry],
      }),
    upgradesRefused:
      existing<Counter<'reason'>>('termin_voice_upgrades_refused_total') ??
      new Counter({
        name: 'termin_voice_upgrades_refused_total',
        help: 'LLM WebSocket upgrades refused before a socket existed, by reason',
        labelNames: ['reason'],
        registers: [registry],
      }),
    refused:
      existing<Counter<'reason'>>('termin_voice_calls_refused_total') ??
      new Counter({
        name: 'termin_voice_calls_refused_total',
        help: 'Calls refused because their call id ended or belongs to another business',
        labelNames: ['reason'],
        registers: [registry],
      }),
    idleClosed:
      existing<Counter>('termin_voice_idle_closed_total') ??
      new Counter({
        name: 'termin_voice_idle_closed_total',
        help: 'LLM WebSockets closed after sending nothing for longer than the idle limit',
        registers: [registry],
      }),
  };
}
