import { describe, expect, it } from 'vitest';
import { parseRetellWebhook } from './retell-webhook-payload.js';

const parse = (body: unknown) => parseRetellWebhook(typeof body === 'string' ? body : JSON.stringify(body));
const eventOf = (body: unknown) => {
  const parsed = parse(body);
  if (parsed.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(parsed)}`);
  return parsed.event;
};

describe('parseRetellWebhook', () => {
  it('reads the call object into a call event with E.164 numbers and instants', () => {
    const e = eventOf({
      event: 'call_ended',
      call: {
        call_id: 'c1',
        from_number: '0176 1234567',
        to_number: '+49 30 12345670',
        start_timestamp: 1_900_000_000_000,
        call_status: 'ended',
        direction: 'inbound',
        unknown_field: { x: 1 },
      },
    });
    expect(e).toMatchObject({
      kind: 'call_ended',
      callId: 'c1',
      fromNumber: '+491761234567',
      toNumber: '+493012345670',
      status: 'ended',
      direction: 'inbound',
    });
    expect(e.startedAt?.getTime()).toBe(1_900_000_000_000);
  });

  it('prefers `call` over `data` when both are present', () => {
    expect(eventOf({ event: 'call_started', call: { call_id: 'from-call' }, data: { call_id: 'from-data' } }).callId).toBe('from-call');
  });

  it('ignores unknown call states and directions rather than rejecting the event', () => {
    expect(eventOf({ event: 'call_started', call: { call_id: 'c', call_status: 'queued', direction: 'sideways' } })).toMatchObject({
      status: null,
      direction: null,
    });
  });

  it('drops NUL characters and replaces unpaired surrogates, which Postgres cannot store', () => {
    const e = eventOf({ event: 'call_analyzed', call: { call_id: 'c\u0000d', transcript: 'a\u0000b\ud800c', call_analysis: { ['k\udc00']: ['x\u0000y'] } } });
    expect(e.callId).toBe('cd');
    expect(e.transcriptText).toBe('ab\ufffdc');
    expect(e.analysis).toEqual({ 'k\ufffd': ['xy'] });
  });

  it('never lets a key named __proto__ reach a prototype', () => {
    const e = eventOf('{"event":"call_analyzed","call":{"call_id":"c","call_analysis":{"a":{"__proto__":{"polluted":true}}}}}');
    expect(Object.getPrototypeOf(e.analysis)).toBe(Object.prototype);
    expect((e.analysis?.a as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps the rest of an event whose analysis nests deeper than it stores, and names the field', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 80; i++) deep = { d: deep };
    const parsed = parse({ event: 'call_analyzed', call: { call_id: 'c', call_status: 'ended', duration_ms: 5_000, call_analysis: deep } });
    expect(parsed).toMatchObject({
      kind: 'event',
      event: { callId: 'c', status: 'ended', durationMs: 5_000, analysis: null },
      dropped: ['call.call_analysis'],
    });
  });

  it('keeps a key named __proto__ as a key of the analysis, and ignores one on the call object', () => {
    const parsed = parse(
      '{"event":"call_analyzed","call":{"call_id":"c","__proto__":{"call_status":"error"},"call_status":"ended","call_analysis":{"__proto__":{"a":1},"call_summary":"kurz"}}}',
    );
    expect(parsed).toMatchObject({ kind: 'event', event: { status: 'ended' }, dropped: [] });
    const analysis = parsed.kind === 'event' ? parsed.event.analysis : null;
    expect(Object.getPrototypeOf(analysis)).toBe(Object.prototype);
    expect(Object.keys(analysis ?? {})).toEqual(['__proto__', 'call_summary']);
  });

  it('drops what it cannot use, field by field, naming fields without echoing values', () => {
    const parsed = parse({
      event: 'call_ended',
      call: {
        call_id: 'c',
        call_status: 'ended',
        from_number: 'call me maybe 0176',
        duration_ms: 'long',
        end_timestamp: -1,
        transcript_object: ['Hallo'],
        latency: [1],
        transcript: 'Agent: Hallo',
      },
    });
    expect(parsed).toMatchObject({
      kind: 'event',
      event: {
        callId: 'c',
        status: 'ended',
        fromNumber: null,
        durationMs: null,
        endedAt: null,
        transcript: null,
        latency: null,
        transcriptText: 'Agent: Hallo',
      },
    });
    expect(parsed.kind === 'event' && [...parsed.dropped].sort()).toEqual([
      'call.duration_ms',
      'call.end_timestamp',
      'call.from_number',
      'call.latency',
      'call.transcript_object',
    ]);
    expect(JSON.stringify(parsed.kind === 'event' && parsed.dropped)).not.toMatch(/0176|long|Hallo/);
  });

  it('refuses only an event without a usable call id', () => {
    expect(parse({ event: 'call_ended', call: { call_id: 7, call_status: 'ended' } })).toMatchObject({
      kind: 'invalid',
      problem: expect.stringContaining('call.call_id'),
    });
    expect(parse({ event: 'call_ended', data: 'x' })).toMatchObject({ kind: 'invalid', problem: 'data: expected an object' });
  });
});
