import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallEvent, CallEventKind } from './call-event.js';
import { deriveCallOutcome } from './derive-call-outcome.js';
import { mergeCallEvent, type CallState } from './merge-call-event.js';

const empty: CallState = {
  agentId: null,
  callType: null,
  direction: null,
  fromNumber: null,
  toNumber: null,
  status: 'registered',
  startedAt: null,
  endedAt: null,
  durationMs: null,
  disconnectionReason: null,
  transcript: null,
  transcriptText: null,
  recordingUrl: null,
  analysis: null,
  latency: null,
};

const start = new Date('2030-03-05T09:00:00Z');
const end = new Date('2030-03-05T09:03:20Z');

/** The three events of one call as Retell sends them: each stage carries what the earlier ones did, and more. */
function eventsOf(opts: { status?: 'ended' | 'error'; reason?: string } = {}): Record<CallEventKind, CallEvent> {
  const base = {
    callId: 'call_1',
    agentId: 'agent_1',
    callType: 'phone_call',
    direction: 'inbound' as const,
    fromNumber: '+4917612345678',
    toNumber: '+493012345670',
    startedAt: start,
    endedAt: null,
    durationMs: null,
    disconnectionReason: null,
    transcript: [] as CallEvent['transcript'],
    transcriptText: null,
    recordingUrl: null,
    analysis: null,
    latency: null,
  };
  const full = {
    ...base,
    endedAt: end,
    durationMs: 200_000,
    disconnectionReason: opts.reason ?? 'user_hangup',
    transcript: [
      { role: 'agent', content: 'Salon Haarmonie, guten Tag!' },
      { role: 'user', content: 'Ich hätte gern einen Termin.' },
    ],
    transcriptText: 'Agent: Salon Haarmonie, guten Tag!\nUser: Ich hätte gern einen Termin.',
    recordingUrl: 'https://example.test/r.wav',
    latency: { e2e: { p50: 800 } },
  };
  return {
    call_started: { ...base, kind: 'call_started', status: 'ongoing' },
    call_ended: { ...full, kind: 'call_ended', status: opts.status ?? 'ended' },
    call_analyzed: {
      ...full,
      kind: 'call_analyzed',
      status: opts.status ?? 'ended',
      analysis: { call_summary: 'Termin gewünscht', user_sentiment: 'Neutral' },
    },
  };
}

describe('mergeCallEvent', () => {
  it('builds the full row from the events in order', () => {
    const e = eventsOf();
    const row = [e.call_started, e.call_ended, e.call_analyzed].reduce(mergeCallEvent, empty);
    expect(row).toMatchObject({
      status: 'ended',
      startedAt: start,
      endedAt: end,
      durationMs: 200_000,
      disconnectionReason: 'user_hangup',
      analysis: { call_summary: 'Termin gewünscht' },
    });
    expect(row.transcript).toHaveLength(2);
  });

  it('does not let a late call_started regress an ended call', () => {
    const e = eventsOf();
    const row = mergeCallEvent(mergeCallEvent(empty, e.call_ended), e.call_started);
    expect(row.status).toBe('ended');
    expect(row.transcript).toHaveLength(2);
    expect(row.endedAt).toEqual(end);
  });

  it('keeps the analysis when call_ended arrives after call_analyzed', () => {
    const e = eventsOf();
    const row = mergeCallEvent(mergeCallEvent(empty, e.call_analyzed), e.call_ended);
    expect(row.analysis).toEqual({ call_summary: 'Termin gewünscht', user_sentiment: 'Neutral' });
  });

  it('computes the duration from the timestamps when Retell sends none', () => {
    const e = eventsOf();
    expect(mergeCallEvent(empty, { ...e.call_ended, durationMs: null }).durationMs).toBe(200_000);
  });

  it('never reads an earlier state from a reported status that lags the event', () => {
    const e = eventsOf();
    expect(mergeCallEvent(empty, { ...e.call_ended, status: 'ongoing' }).status).toBe('ended');
  });

  it('ends in the same row whatever order the events arrive in (and with repeats)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'ended' | 'error'>('ended', 'error'),
        fc.array(fc.constantFrom<CallEventKind>('call_started', 'call_ended', 'call_analyzed'), { maxLength: 6 }).chain((extra) => {
          const all: CallEventKind[] = ['call_started', 'call_ended', 'call_analyzed', ...extra];
          return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
        }),
        (status, order) => {
          const e = eventsOf({ status });
          const inOrder = (['call_started', 'call_ended', 'call_analyzed'] as const).map((k) => e[k]).reduce(mergeCallEvent, empty);
          expect(order.map((k) => e[k]).reduce(mergeCallEvent, empty)).toEqual(inOrder);
        },
      ),
    );
  });

  it('never moves the status back, for any sequence of events', () => {
    const rank = (s: string) => ({ registered: 0, ongoing: 1 })[s] ?? 2;
    fc.assert(
      fc.property(fc.array(fc.constantFrom<CallEventKind>('call_started', 'call_ended', 'call_analyzed'), { maxLength: 8 }), (kinds) => {
        const e = eventsOf();
        let row = empty;
        for (const k of kinds) {
          const next = mergeCallEvent(row, e[k]);
          expect(rank(next.status)).toBeGreaterThanOrEqual(rank(row.status));
          row = next;
        }
      }),
    );
  });
});

describe('deriveCallOutcome', () => {
  const spoke = [{ role: 'user', content: 'Hallo?' }];
  it.each([
    ['user_hangup', 'ended', null, 'abandoned'],
    ['user_hangup', 'ended', spoke, 'abandoned'],
    ['inactivity', 'ended', null, 'abandoned'],
    ['agent_hangup', 'ended', [], 'abandoned'],
    ['agent_hangup', 'ended', spoke, 'information'],
    ['call_transfer', 'ended', spoke, 'transferred'],
    ['error_llm_websocket_open', 'ended', null, 'failed'],
    ['error_unknown', 'error', null, 'failed'],
    ['dial_no_answer', 'not_connected', null, 'failed'],
    [null, 'error', null, 'failed'],
  ] as const)('reason %s, status %s, transcript %j: %s', (reason, status, transcript, expected) => {
    expect(deriveCallOutcome(reason, status, transcript === null ? null : [...transcript])).toBe(expected);
  });
});
