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
    const e = eventOf({ event: 'call_ended', call: { call_id: 'c1', from_number: '0176 1234567', to_number: '+49 30 12345670', start_timestamp: 1_900_000_000_000, call_status: 'ended', direction: 'inbound', unknown_field: { x: 1 } } });
    expect(e).toMatchObject({ kind: 'call_ended', callId: 'c1', fromNumber: '+491761234567', toNumber: '+493012345670', status: 'ended', direction: 'inbound' });
    expect(e.startedAt?.getTime()).toBe(1_900_000_000_000);
  });

  it('prefers `call` over `data` when both are present', () => {
    expect(eventOf({ event: 'call_started', call: { call_id: 'from-call' }, data: { call_id: 'from-data' } }).callId).toBe('from-call');
  });

  it('ignores unknown call states and directions rather than rejecting the event', () => {
    expect(eventOf({ event: 'call_started', call: { call_id: 'c', call_status: 'queued', direction: 'sideways' } })).toMatchObject({ status: null, direction: null });
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

  it('refuses an analysis nested deeper than it stores', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 80; i++) deep = { d: deep };
    expect(parse({ event: 'call_analyzed', call: { call_id: 'c', call_analysis: deep } })).toMatchObject({ kind: 'invalid', callId: 'c', problem: expect.stringContaining('call_analysis') });
  });

  it('names what is wrong without echoing values', () => {
    const parsed = parse({ event: 'call_started', call: { call_id: 'c', from_number: 'call me maybe 0176' } });
    expect(parsed).toEqual({ kind: 'invalid', event: 'call_started', callId: 'c', problem: 'call.from_number: not a valid phone number' });
    const typed = parse({ event: 'call_started', call: { call_id: 'c', duration_ms: 'long' } });
    expect(typed.kind === 'invalid' && typed.problem).toMatch(/^call\.duration_ms: /);
    expect(typed.kind === 'invalid' && typed.problem).not.toContain('long');
  });
});
