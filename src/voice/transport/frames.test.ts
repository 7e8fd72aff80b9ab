import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OutboundFrame, ResponseFrame, parseInbound, responseFrame, toCallDetails, toolCallInvocationFrame, toolCallResultFrame } from './frames.js';

const sayOptions = fc.record({ endCall: fc.boolean(), transferNumber: fc.string(), noInterruptionAllowed: fc.boolean() }, { requiredKeys: [] });

describe('outbound frames', () => {
  it('always builds a response Retell accepts: integer id, string content, real boolean content_complete', () => {
    fc.assert(
      fc.property(fc.nat(), fc.string(), fc.boolean(), sayOptions, (id, content, complete, options) => {
        const wire = JSON.parse(JSON.stringify(responseFrame(id, content, complete, options))) as unknown;
        const parsed = ResponseFrame.parse(wire);
        expect(parsed.content_complete).toBe(complete);
        expect(parsed.response_id).toBe(id);
        expect(parsed.end_call === true && parsed.transfer_number !== undefined).toBe(false);
      }),
    );
  });

  it('coerces what a loosely typed caller might pass into the types Retell requires', () => {
    const frame = responseFrame(3, undefined as unknown as string, 'true' as unknown as boolean);
    expect(frame).toEqual({ response_type: 'response', response_id: 3, content: '', content_complete: false });
  });

  it('refuses a response id that is not a non-negative integer', () => {
    for (const id of [1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) expect(() => responseFrame(id, 'x', true)).toThrow(TypeError);
  });

  it('stringifies tool arguments and always reports success as a boolean', () => {
    expect(OutboundFrame.parse(toolCallInvocationFrame('t1', 'book_appointment', { datum: '2026-11-20' }))).toMatchObject({
      arguments: '{"datum":"2026-11-20"}',
    });
    expect(toolCallResultFrame('t1', 'ok', true)).toEqual({ response_type: 'tool_call_result', tool_call_id: 't1', content: 'ok', successful: true });
  });
});

describe('parseInbound', () => {
  it('never throws, whatever text arrives', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          expect(['frame', 'unknown_type', 'invalid']).toContain(parseInbound(text).kind);
        },
      ),
    );
  });

  it('reads a response_required with or without the stray timestamp, keeping unknown roles', () => {
    const parsed = parseInbound(
      JSON.stringify({ interaction_type: 'response_required', response_id: 7, timestamp: 3, transcript: [{ role: 'transfer_target', content: 'Hallo' }] }),
    );
    expect(parsed).toMatchObject({ kind: 'frame', frame: { response_id: 7, transcript: [{ role: 'transfer_target', content: 'Hallo' }] } });
    expect(parseInbound('{"interaction_type":"reminder_required","response_id":8,"transcript":[]}').kind).toBe('frame');
  });

  it('requires an integer response id on response and reminder requests', () => {
    for (const id of [undefined, '1', 1.5, -2]) {
      expect(parseInbound(JSON.stringify({ interaction_type: 'response_required', response_id: id, transcript: [] })).kind).toBe('invalid');
    }
  });

  it('treats unknown interaction types as ignorable, not as errors', () => {
    expect(parseInbound('{"interaction_type":"node_transition","x":1}')).toEqual({ kind: 'unknown_type', interactionType: 'node_transition' });
  });

  it('reports why a frame was rejected without repeating its content', () => {
    const secret = '+4917612345678';
    const parsed = parseInbound(JSON.stringify({ interaction_type: 'update_only', transcript: [{ role: 'user', content: secret, words: 'x' }] }));
    expect(parsed.kind).toBe('invalid');
    expect(JSON.stringify(parsed)).not.toContain(secret);
  });
});

describe('toCallDetails', () => {
  it('maps a phone call object', () => {
    expect(
      toCallDetails('c1', {
        call_id: 'c1',
        agent_id: 'a',
        from_number: '+4917612345678',
        to_number: '+493012345670',
        direction: 'inbound',
        call_type: 'phone_call',
        metadata: { b: 1 },
      }),
    ).toEqual({
      callId: 'c1',
      agentId: 'a',
      fromNumber: '+4917612345678',
      toNumber: '+493012345670',
      direction: 'inbound',
      callType: 'phone_call',
      sensitiveDataOptOut: false,
      metadata: { b: 1 },
    });
  });

  it('gives nulls for a web call without numbers and for mistyped fields', () => {
    expect(toCallDetails('c2', { call_type: 'web_call', from_number: 49, metadata: ['x'] })).toEqual({
      callId: 'c2',
      agentId: null,
      fromNumber: null,
      toNumber: null,
      direction: null,
      callType: 'web_call',
      sensitiveDataOptOut: false,
      metadata: null,
    });
  });
});

/** Whether a string would be refused by Postgres text or jsonb: a NUL, or half a surrogate pair. */
const unstorable = (value: string) => /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)])
        : [];

describe('inbound text from the socket', () => {
  it('strips NUL and replaces lone surrogates in every string and key, keeping real pairs', () => {
    const parsed = parseInbound(
      JSON.stringify({
        interaction_type: 'response_required',
        response_id: 1,
        transcript: [{ role: 'user\u0000', content: 'Ha\u0000llo \ud800 Welt \udc00 😀' }],
        transcript_with_tool_calls: [{ 'na\u0000me': ['\ud83d'] }],
      }),
    );
    expect(parsed.kind).toBe('frame');
    if (parsed.kind !== 'frame' || parsed.frame.interaction_type !== 'response_required') return;
    expect(parsed.frame.transcript).toEqual([{ role: 'user', content: 'Hallo \uFFFD Welt \uFFFD 😀' }]);
    expect(parsed.frame.transcript_with_tool_calls).toEqual([{ name: ['\uFFFD'] }]);
  });

  it('never lets an unstorable string through, whatever the frame holds', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (role, content, key) => {
        const parsed = parseInbound(
          JSON.stringify({ interaction_type: 'call_details', call: { [key]: content, from_number: role, metadata: { [key]: [content] } } }),
        );
        expect(parsed.kind).toBe('frame');
        expect(strings(parsed).some(unstorable)).toBe(false);
      }),
    );
  });

  it('reads a call object whose own keys shadow Object.prototype (a validator once threw on them)', () => {
    expect(parseInbound('{"interaction_type":"call_details","call":{"constructor":null,"__proto__":{"x":1}}}')).toMatchObject({ kind: 'frame' });
  });

  it('refuses a frame nested deeper than any Retell sends, instead of walking it', () => {
    const deep = `{"interaction_type":"call_details","call":{"metadata":${'['.repeat(10_000)}"\\u0000"${']'.repeat(10_000)}}}`;
    expect(parseInbound(deep)).toMatchObject({ kind: 'invalid', reason: 'too_deep' });
  });

  it('drops call_details fields longer than any real number or id', () => {
    const details = toCallDetails('c3', {
      from_number: `+49${'1'.repeat(100)}`,
      to_number: '+493012345670',
      agent_id: 'a'.repeat(129),
      call_type: 'phone_call',
    });
    expect(details).toMatchObject({ fromNumber: null, toNumber: '+493012345670', agentId: null, callType: 'phone_call' });
  });
});
