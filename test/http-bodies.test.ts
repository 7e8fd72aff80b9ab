import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from '../src/db/schema.js';
import { API_MAX_BODY_BYTES } from '../src/http/api/index.js';
import { listen, type Listening } from '../src/http/listen.js';
import { MAX_RETELL_BODY_BYTES } from '../src/http/middleware/retell-auth.js';
import { signRetellBody } from '../src/http/retell-signature.js';
import { TEST_RETELL_KEY, bearer, createTestApp, postSigned, type TestApp } from './support/app.js';
import { createApiWorld, type ApiWorld } from './support/api-fixture.js';
import { createTestSalon } from './support/business.js';

interface RawAnswer {
  status: number;
  body: string;
  connection: string | undefined;
}

/** One POST over a real socket; the body is written in 64 KiB pieces, chunked unless `length` is declared. */
function post(port: number, agent: Agent, path: string, body: Buffer, headers: Record<string, string>, declareLength: boolean): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        port,
        host: '127.0.0.1',
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', ...(declareLength ? { 'content-length': String(body.length) } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), connection: res.headers.connection }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    let sent = 0;
    const write = () => {
      while (sent < body.length) {
        const part = body.subarray(sent, sent + 65_536);
        sent += part.length;
        if (!req.write(part)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

/** A call_analyzed of a long call as Retell sends it: transcript, word timings, the woven transcript, analysis. */
function longCallAnalyzed(callId: string, toNumber: string, minutes: number): string {
  const utterances = Array.from({ length: minutes * 8 }, (_, i) => {
    const content =
      i % 2
        ? 'Ja, das passt mir gut, dann nehme ich den Termin am Dienstag um halb drei bei Emma.'
        : 'Gern, ich schaue nach, was bei uns in der nächsten Woche noch frei ist.';
    const words = content.split(' ').map((word, j) => ({ word, start: i * 7.5 + j * 0.4, end: i * 7.5 + j * 0.4 + 0.35 }));
    return { role: i % 2 ? 'user' : 'agent', content, words };
  });
  return JSON.stringify({
    event: 'call_analyzed',
    call: {
      call_id: callId,
      call_type: 'phone_call',
      direction: 'inbound',
      from_number: '+4917612345678',
      to_number: toNumber,
      call_status: 'ended',
      start_timestamp: Date.now() - minutes * 60_000,
      end_timestamp: Date.now(),
      disconnection_reason: 'user_hangup',
      transcript: utterances.map((u) => `${u.role === 'agent' ? 'Agent' : 'User'}: ${u.content}`).join('\n'),
      transcript_object: utterances,
      transcript_with_tool_calls: utterances,
      scrubbed_transcript_with_tool_calls: utterances,
      call_analysis: { call_summary: 'Termin gebucht', user_sentiment: 'Positive', call_successful: true },
    },
  });
}

describe('request bodies', () => {
  let t: TestApp;
  let w: ApiWorld;
  let server: Listening;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createApiWorld(t);
    server = await listen(t.app, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await server.close(1_000);
    await t.close();
  });

  /** A body that fails the request if anyone reads it. */
  function unreadable(): { stream: ReadableStream<Uint8Array>; pulled: () => boolean } {
    let pulled = false;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.error(new Error('the body was read'));
        },
        // Pulled only when someone reads, not to fill a queue ahead.
      },
      { highWaterMark: 0 },
    );
    return { stream, pulled: () => pulled };
  }

  it.each([
    ['no signature header', undefined],
    ['a malformed header', 'v=1,d=nothex'],
    ['a header six minutes old', signRetellBody('{}', TEST_RETELL_KEY, Date.now() - 6 * 60_000)],
  ])('refuses %s with 401 before reading the body', async (_name, signature) => {
    for (const path of ['/retell/webhook', '/retell/functions/check_availability']) {
      const body = unreadable();
      const res = await t.app.request(path, {
        method: 'POST',
        body: body.stream,
        duplex: 'half',
        headers: { 'content-type': 'application/json', ...(signature ? { 'x-retell-signature': signature } : {}) },
      } as RequestInit);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
      expect(body.pulled()).toBe(false);
    }
  });

  it.each([
    ['chunked', false],
    ['with a declared length', true],
  ])('answers a too-large signed webhook (%s) with 413 over a real socket, and the connection’s next request is answered too', async (_name, declareLength) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = Buffer.from(JSON.stringify({ event: 'call_ended', call: { call_id: randomUUID(), transcript: 'ä'.repeat(MAX_RETELL_BODY_BYTES) } }));
      const refused = await post(
        server.port,
        agent,
        '/retell/webhook',
        big,
        { 'x-retell-signature': signRetellBody(big, TEST_RETELL_KEY, Date.now()) },
        declareLength,
      );
      expect(refused.status).toBe(413);
      expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'payload_too_large' } });
      expect(refused.connection).toBe('close');

      const id = randomUUID();
      const small = Buffer.from(JSON.stringify({ event: 'call_started', call: { call_id: id, call_status: 'ongoing' } }));
      const next = await post(
        server.port,
        agent,
        '/retell/webhook',
        small,
        { 'x-retell-signature': signRetellBody(small, TEST_RETELL_KEY, Date.now()) },
        declareLength,
      );
      expect(next.status).toBe(204);
      expect((await t.database.db.select({ status: calls.status }).from(calls).where(eq(calls.id, id)))[0]?.status).toBe('ongoing');
    } finally {
      agent.destroy();
    }
  });

  it('accepts the call_analyzed of a two-hour call with word timings', async () => {
    const salon = await createTestSalon(t.database.db);
    const id = randomUUID();
    const body = longCallAnalyzed(id, salon.definition.phoneNumbers[0]!, 120);
    // The fixture must be what it claims: a few megabytes, as a long call's full payload is.
    expect(Buffer.byteLength(body)).toBeGreaterThan(2 * 1024 * 1024);
    expect((await postSigned(t.app, '/retell/webhook', body)).status).toBe(204);
    expect((await t.database.db.select({ status: calls.status }).from(calls).where(eq(calls.id, id)))[0]?.status).toBe('ended');
  });

  it('answers an API body over its limit with 413 and the envelope, changing nothing', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const body = Buffer.from(JSON.stringify({ reason: 'x'.repeat(API_MAX_BODY_BYTES) }));
      for (const declareLength of [true, false]) {
        const res = await post(server.port, agent, `/api/appointments/${w.appointments.emmaWed}/cancel`, body, bearer(w.tokens.admin), declareLength);
        expect(res.status).toBe(413);
        expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'payload_too_large', message: expect.any(String) } });
      }
      const detail = await t.app.request(`/api/appointments/${w.appointments.emmaWed}`, { headers: bearer(w.tokens.admin) });
      expect(await detail.json()).toMatchObject({ status: 'booked' });
    } finally {
      agent.destroy();
    }
  });
});
