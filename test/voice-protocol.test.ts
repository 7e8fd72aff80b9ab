import { performance } from 'node:perf_hooks';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResponseFrame } from '../src/voice/transport/frames.js';
import { TRANSPORT_LINES } from '../src/german/speak/lines.js';
import { CloseCode } from '../src/voice/transport/index.js';

const { apology: APOLOGY_LINE, fallbackGreeting: FALLBACK_GREETING } = TRANSPORT_LINES;
import { FakeConversations, sleep, type FakeScript } from './support/fake-conversation.js';
import { RetellTestClient, randomCallId, user, type ConnectOptions } from './support/retell-client.js';
import { startVoiceServer, type VoiceServer, type VoiceServerOptions } from './support/voice-server.js';

const servers: VoiceServer[] = [];
const clients: RetellTestClient[] = [];

afterEach(async () => {
  const violations = clients.flatMap((c) => c.violations);
  for (const client of clients.splice(0)) client.terminate();
  await Promise.all(servers.splice(0).map((s) => s.stop()));
  expect(violations, 'frames that Retell would reject').toEqual([]);
});

async function setup(script: FakeScript = {}, options: VoiceServerOptions = {}) {
  const fakes = new FakeConversations(script);
  const server = await startVoiceServer(fakes.factory, options);
  servers.push(server);
  const connect = async (connectOptions: ConnectOptions = {}) => {
    const client = await RetellTestClient.connect(server.url, connectOptions);
    clients.push(client);
    return client;
  };
  return { fakes, server, connect };
}

async function eventually(check: () => void, timeoutMs = 2_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await sleep(10);
    }
  }
}

const isResponse =
  (id: number) =>
  (f: { response_type: string; response_id?: number }): f is ResponseFrame =>
    f.response_type === 'response' && f.response_id === id;

describe('Retell LLM WebSocket: opening a call', () => {
  it('sends config with keepalive, call details and tool-call transcripts as the very first frame', async () => {
    const { connect } = await setup();
    const client = await connect();
    await client.waitFor((f) => f.response_type === 'config');
    expect(client.frames[0]).toEqual({ response_type: 'config', config: { auto_reconnect: true, call_details: true, transcript_with_tool_calls: true } });
  });

  it('greets once with response id 0 when call_details arrive, passing the caller details', async () => {
    const { connect, fakes } = await setup({ greet: (d) => `Hallo ${d?.fromNumber ?? 'unbekannt'}` });
    const client = await connect();
    const greeting = await client.handshake({ metadata: { business: 'salon' } });
    expect(greeting.frames).toEqual([{ response_type: 'response', response_id: 0, content: 'Hallo +4917612345678', content_complete: true }]);
    expect(fakes.call(client.callId).greetings).toEqual([
      {
        callId: client.callId,
        agentId: 'agent_test',
        fromNumber: '+4917612345678',
        toNumber: '+493012345670',
        direction: 'inbound',
        callType: 'phone_call',
        sensitiveDataOptOut: false,
        metadata: { business: 'salon' },
      },
    ]);
    client.sendCallDetails();
    await sleep(100);
    expect(client.responseFrames(0)).toHaveLength(1);
    expect(fakes.call(client.callId).greetings).toHaveLength(1);
  });

  it('greets with null details when call_details do not arrive in time', async () => {
    const { connect, fakes } = await setup({}, { callDetailsTimeoutMs: 100 });
    const client = await connect();
    const greeting = await client.collectResponse(0);
    expect(greeting.final.content).toBe('Guten Tag, Salon Test.');
    expect(fakes.call(client.callId).greetings).toEqual([null]);
  });

  it('sends a German fallback greeting when the conversation cannot greet', async () => {
    const { connect } = await setup({ greet: () => Promise.reject(new Error('no greeting')) });
    const client = await connect();
    const greeting = await client.handshake();
    expect(greeting.final).toMatchObject({ response_id: 0, content: FALLBACK_GREETING, content_complete: true });
  });

  it('skips the greeting but still greets the conversation first when the caller speaks before call_details', async () => {
    const order: string[] = [];
    const { connect, fakes } = await setup(
      {
        greet: () => (order.push('greet'), 'Guten Tag.'),
        respond: (r, io) => (order.push(`respond ${r.responseId}`), io.say('Ja?')),
      },
      { callDetailsTimeoutMs: 100 },
    );
    const client = await connect();
    await client.waitFor((f) => f.response_type === 'config');
    const reply = await client.ask(1, [user('Hallo?')]);
    expect(reply.text).toBe('Ja?');
    expect(order).toEqual(['greet', 'respond 1']);
    expect(client.responseFrames(0)).toEqual([]);
    expect(fakes.call(client.callId).greetings).toEqual([null]);
  });

  it('rejects other paths with 404 and malformed call ids with 400', async () => {
    const { server } = await setup();
    const statusOf = (options: ConnectOptions) =>
      RetellTestClient.connect(server.url, options).then(
        () => 101,
        (e: { statusCode?: number }) => e.statusCode,
      );
    expect(await statusOf({ path: '/other' })).toBe(404);
    expect(await statusOf({ path: '', callId: 'llm-websocket' })).toBe(404);
    expect(await statusOf({ callId: 'bad.id' })).toBe(400);
    expect(await statusOf({ callId: 'x'.repeat(129) })).toBe(400);
    expect(await statusOf({ callId: 'a/b' })).toBe(400);
    expect(await statusOf({ callId: `ok_${'x'.repeat(125)}` })).toBe(101);
  });
});

describe('Retell LLM WebSocket: turns', () => {
  it('streams chunks under the request id and closes the response with content_complete true', async () => {
    const { connect, fakes } = await setup({ respond: (_r, io) => (io.say('Gern. '), io.say('Wann passt es Ihnen?')) });
    const client = await connect();
    await client.handshake();
    const reply = await client.ask(1, [user('Ich hätte gern einen Termin.')]);
    expect(reply.frames.map((f) => [f.content, f.content_complete])).toEqual([
      ['Gern. ', false],
      ['Wann passt es Ihnen?', false],
      ['', true],
    ]);
    expect(fakes.call(client.callId).requests).toEqual([
      { kind: 'response_required', responseId: 1, transcript: [{ role: 'user', content: 'Ich hätte gern einen Termin.' }] },
    ]);
  });

  it('answers reminder_required like response_required and accepts unknown transcript roles', async () => {
    const { connect, fakes } = await setup();
    const client = await connect();
    await client.handshake();
    const since = client.received.length;
    client.requestResponse(4, [{ role: 'transfer_target', content: 'Hallo' }], 'reminder_required');
    const reply = await client.collectResponse(4, { since });
    expect(reply.text).toBe('Antwort 4.');
    expect(fakes.call(client.callId).requests[0]).toMatchObject({ kind: 'reminder_required', transcript: [{ role: 'transfer_target', content: 'Hallo' }] });
  });

  it('lets a newer request supersede: the old signal aborts, nothing more goes out under the old id, the new id completes', async () => {
    const { connect, fakes } = await setup({
      respond: async (request, io) => {
        if (request.responseId === 1) {
          io.say('Erster Teil. ');
          await sleep(5_000, io.signal).catch(() => undefined);
          io.say('Zu spät.');
          io.toolCallInvocation('tc-late', 'book_appointment', {});
          return;
        }
        io.say('Neue Antwort.');
      },
    });
    const client = await connect();
    await client.handshake();
    client.requestResponse(1, [user('Ich möchte')]);
    await client.waitFor(isResponse(1));
    const reply = await client.ask(2, [user('Ich möchte am Dienstag')]);
    expect(reply.frames.map((f) => [f.content, f.content_complete])).toEqual([
      ['Neue Antwort.', false],
      ['', true],
    ]);
    await sleep(100);
    expect(client.responseFrames(1)).toEqual([{ response_type: 'response', response_id: 1, content: 'Erster Teil. ', content_complete: false }]);
    expect(client.frames.filter((f) => f.response_type === 'tool_call_invocation')).toEqual([]);
    const call = fakes.call(client.callId);
    expect(call.signals.get(1)?.aborted).toBe(true);
    expect(call.signals.get(2)?.aborted).toBe(false);
  });

  it('does not answer a repeated request for the response still in flight twice', async () => {
    const { connect, fakes } = await setup({ respond: async (_r, io) => (await sleep(150), io.say('Einmal.')) });
    const client = await connect();
    await client.handshake();
    client.requestResponse(1);
    client.requestResponse(1);
    await client.collectResponse(1);
    await sleep(250);
    expect(client.responseFrames(1).filter((f) => f.content_complete)).toHaveLength(1);
    expect(fakes.call(client.callId).requests).toHaveLength(1);
  });

  it('closes the turn with an apology when respond throws, before or after it said something', async () => {
    const { connect } = await setup({
      respond: (request, io) => {
        if (request.responseId === 2) io.say('Einen Moment. ');
        throw new Error('dialogue broke');
      },
    });
    const client = await connect();
    await client.handshake();
    expect((await client.ask(1)).frames.map((f) => [f.content, f.content_complete])).toEqual([[APOLOGY_LINE, true]]);
    expect((await client.ask(2)).frames.map((f) => [f.content, f.content_complete])).toEqual([
      ['Einen Moment. ', false],
      [APOLOGY_LINE, true],
    ]);
    expect(client.open).toBe(true);
  });

  it('closes a turn that never settles with an apology at the turn deadline and aborts it', async () => {
    const { connect, fakes } = await setup(
      { respond: async (_r, io) => (await sleep(10_000, io.signal).catch(() => undefined), io.say('Zu spät.')) },
      { turnTimeoutMs: 200 },
    );
    const client = await connect();
    await client.handshake();
    const reply = await client.ask(1);
    expect(reply.frames.map((f) => [f.content, f.content_complete])).toEqual([[APOLOGY_LINE, true]]);
    await sleep(50);
    expect(client.responseFrames(1)).toHaveLength(1);
    expect(fakes.call(client.callId).signals.get(1)?.aborted).toBe(true);
  });

  it('puts end_call on the final frame of the turn and sends nothing after it', async () => {
    const { connect } = await setup({
      respond: (_r, io) => {
        io.say('Auf Wiederhören!', { endCall: true, noInterruptionAllowed: true });
        io.say('Noch etwas.');
      },
    });
    const client = await connect();
    await client.handshake();
    const reply = await client.ask(1, [user('Danke, tschüss')]);
    await sleep(50);
    expect(client.responseFrames(1)).toEqual([
      { response_type: 'response', response_id: 1, content: 'Auf Wiederhören!', content_complete: true, end_call: true, no_interruption_allowed: true },
    ]);
    expect(reply.final.end_call).toBe(true);
  });

  it('puts a transfer number on the final frame', async () => {
    const { connect } = await setup({ respond: (_r, io) => io.say('Ich verbinde Sie.', { transferNumber: '+493012345679' }) });
    const client = await connect();
    await client.handshake();
    const reply = await client.ask(1);
    expect(reply.frames).toEqual([
      { response_type: 'response', response_id: 1, content: 'Ich verbinde Sie.', content_complete: true, transfer_number: '+493012345679' },
    ]);
  });

  it('sends tool call invocations and results in order within the turn', async () => {
    const { connect } = await setup({
      respond: (_r, io) => {
        io.say('Ich schaue nach. ');
        io.toolCallInvocation('tc1', 'book_appointment', { dienstleistung: 'Damenhaarschnitt', datum: '2026-11-20' });
        io.toolCallResult('tc1', 'Gebucht: Freitag, 20. November, 14 Uhr.', true);
        io.say('Ihr Termin ist gebucht.');
      },
    });
    const client = await connect();
    await client.handshake();
    const since = client.received.length;
    await client.ask(1);
    expect(client.frames.slice(since)).toEqual([
      { response_type: 'response', response_id: 1, content: 'Ich schaue nach. ', content_complete: false },
      {
        response_type: 'tool_call_invocation',
        tool_call_id: 'tc1',
        name: 'book_appointment',
        arguments: '{"dienstleistung":"Damenhaarschnitt","datum":"2026-11-20"}',
      },
      { response_type: 'tool_call_result', tool_call_id: 'tc1', content: 'Gebucht: Freitag, 20. November, 14 Uhr.', successful: true },
      { response_type: 'response', response_id: 1, content: 'Ihr Termin ist gebucht.', content_complete: false },
      { response_type: 'response', response_id: 1, content: '', content_complete: true },
    ]);
  });

  it('passes update_only transcripts to observe without replying', async () => {
    const { connect, fakes } = await setup();
    const client = await connect();
    await client.handshake();
    const before = client.received.length;
    client.send({
      interaction_type: 'update_only',
      transcript: [{ role: 'user', content: 'Hallo', words: [{ word: 'Hallo', start: 0.1, end: 0.4 }] }],
      turntaking: 'agent_turn',
    });
    await eventually(() => expect(fakes.call(client.callId).observed).toEqual([[{ role: 'user', content: 'Hallo' }]]));
    await sleep(50);
    expect(client.received.length).toBe(before);
  });
});

describe('Retell LLM WebSocket: keepalive and bad input', () => {
  it('echoes every ping_pong while turns on many calls are still generating', async () => {
    // Every turn stays open until the test has seen all echoes: a keepalive that waited for a turn would never be
    // echoed and the test would time out, whatever the machine's speed.
    let release!: () => void;
    const turnsMayFinish = new Promise<void>((resolve) => (release = resolve));
    const { connect } = await setup({ respond: async (_r, io) => (await turnsMayFinish, io.say('Fertig.')) });
    const calls = await Promise.all(Array.from({ length: 40 }, () => connect()));
    await Promise.all(calls.map((c) => c.handshake()));
    const marks = calls.map((client) => client.received.length);
    calls.forEach((client) => client.requestResponse(1));
    await Promise.all(
      calls.map(async (client, c) => {
        for (let i = 0; i < 10; i++) {
          const timestamp = 1_700_000_000_000 + c * 100 + i;
          client.ping(timestamp);
          await client.waitForEntry((f) => f.response_type === 'ping_pong' && f.timestamp === timestamp, { since: marks[c]!, what: `echo ${timestamp}` });
        }
      }),
    );
    // No turn had answered while its call's pings were echoed.
    calls.forEach((client, c) => expect(client.received.slice(marks[c]!).some((f) => isResponse(1)(f.frame))).toBe(false));
    release();
    await Promise.all(calls.map((client, c) => client.waitForEntry((f) => isResponse(1)(f) && f.content_complete, { since: marks[c]! })));
  });

  it('closes with 1007 on a binary frame', async () => {
    const { connect } = await setup();
    const client = await connect();
    await client.handshake();
    client.sendRaw(Buffer.from([0x7b, 0x7d]), true);
    expect((await client.waitForClose()).code).toBe(CloseCode.binaryFrame);
  });

  it('ignores garbage JSON and frames failing the schema; the connection stays and still answers', async () => {
    const { connect, fakes } = await setup();
    const client = await connect();
    await client.handshake();
    client.sendRaw('{not json');
    client.sendRaw('[]');
    client.send({ interaction_type: 'response_required', response_id: '1', transcript: [] });
    client.send({ interaction_type: 'response_required', response_id: 1.5, transcript: [] });
    client.send({ interaction_type: 'response_required', transcript: [] });
    client.send({ interaction_type: 'update_only', transcript: 'nope' });
    client.ping(42);
    await client.waitFor((f) => f.response_type === 'ping_pong' && f.timestamp === 42);
    expect((await client.ask(1)).text).toBe('Antwort 1.');
    expect(client.open).toBe(true);
    expect(fakes.call(client.callId).requests.map((r) => r.responseId)).toEqual([1]);
    expect(fakes.call(client.callId).observed).toEqual([]);
  });

  it('ignores unknown interaction types', async () => {
    const { connect, fakes } = await setup();
    const client = await connect();
    await client.handshake();
    const before = client.received.length;
    client.send({ interaction_type: 'node_transition', new_node_id: 'x' });
    await sleep(50);
    expect(client.received.length).toBe(before);
    expect((await client.ask(1)).text).toBe('Antwort 1.');
    expect(fakes.call(client.callId).requests).toHaveLength(1);
  });
});

describe('Retell LLM WebSocket: reconnects and the call registry', () => {
  it('re-sends config but never greets twice when the same call id reconnects', async () => {
    const { connect, fakes } = await setup();
    const first = await connect();
    await first.handshake();
    first.terminate();
    const second = await connect({ callId: first.callId });
    await second.waitFor((f) => f.response_type === 'config');
    second.sendCallDetails();
    await sleep(150);
    expect(second.responseFrames(0)).toEqual([]);
    expect(fakes.call(first.callId).greetings).toHaveLength(1);
    expect((await second.ask(1)).text).toBe('Antwort 1.');
    expect(fakes.calls.size).toBe(1);
  });

  it('delivers a turn that was in flight when the socket dropped on the reconnected socket', async () => {
    const { connect } = await setup({ respond: async (_r, io) => (await sleep(200), io.say('Nach dem Umweg.')) });
    const first = await connect();
    await first.handshake();
    first.requestResponse(1, [user('Hallo')]);
    await sleep(50);
    first.terminate();
    const second = await connect({ callId: first.callId });
    const reply = await second.collectResponse(1);
    expect(reply.text).toBe('Nach dem Umweg.');
    expect(second.responseFrames(0)).toEqual([]);
  });

  it('closes the older socket when a second one opens for the same call id', async () => {
    const { connect } = await setup();
    const first = await connect();
    await first.handshake();
    const second = await connect({ callId: first.callId });
    expect((await first.waitForClose()).code).toBe(CloseCode.replaced);
    expect((await second.ask(1)).text).toBe('Antwort 1.');
  });

  it('ends the conversation after the grace period and not before', async () => {
    const graceMs = 300;
    const { connect, fakes, server } = await setup({}, { graceMs });
    const client = await connect();
    await client.handshake();
    const closedAt = performance.now();
    await client.close();
    await sleep(150);
    expect(fakes.call(client.callId).ended).toEqual([]);
    expect(server.transport.registry.size).toBe(1);
    const ended = await fakes.waitForEnd(client.callId);
    expect(ended.reason).toBe('closed');
    expect(ended.at - closedAt).toBeGreaterThanOrEqual(graceMs - 5);
    expect(server.transport.registry.size).toBe(0);
  });

  it('keeps the call when Retell reconnects within the grace period', async () => {
    const { connect, fakes, server } = await setup({}, { graceMs: 300 });
    const first = await connect();
    await first.handshake();
    await first.close();
    await sleep(150);
    const second = await connect({ callId: first.callId });
    await sleep(400);
    expect(fakes.call(first.callId).ended).toEqual([]);
    expect(server.transport.registry.find(first.callId)?.greeted).toBe(true);
    expect((await second.ask(1)).text).toBe('Antwort 1.');
  });

  it('ends every call with reason shutdown and closes the sockets with 1001 on close()', async () => {
    const { connect, fakes, server } = await setup();
    const calls = await Promise.all([connect(), connect()]);
    await Promise.all(calls.map((c) => c.handshake()));
    await server.transport.close();
    for (const client of calls) {
      expect(fakes.call(client.callId).ended.map((e) => e.reason)).toEqual(['shutdown']);
      expect((await client.waitForClose()).code).toBe(CloseCode.goingAway);
    }
    await expect(RetellTestClient.connect(server.url, { timeoutMs: 500 })).rejects.toThrow();
  });

  it('completes a turn on each of 200 concurrent calls', async () => {
    const { connect, fakes } = await setup();
    const calls = await Promise.all(Array.from({ length: 200 }, (_, i) => connect({ callId: randomCallId(`c${i}`) })));
    const replies = await Promise.all(
      calls.map(async (client) => {
        await client.handshake({}, 10_000);
        return client.ask(1, [user('Hallo')], { timeoutMs: 10_000 });
      }),
    );
    expect(replies.map((r) => r.text)).toEqual(calls.map(() => 'Antwort 1.'));
    expect(fakes.calls.size).toBe(200);
    for (const client of calls) expect(client.responseFrames(1).at(-1)?.content_complete).toBe(true);
  });

  it('reports open calls, turns by outcome and time to the first response frame', async () => {
    const metrics = new Registry();
    const { connect } = await setup(
      {
        respond: (r, io) => {
          if (r.responseId === 2) throw new Error('boom');
          io.say('Ok.');
        },
      },
      { metrics },
    );
    const client = await connect();
    await client.handshake();
    await client.ask(1);
    await client.ask(2);
    const text = await metrics.metrics();
    expect(text).toContain('termin_voice_open_calls 1');
    expect(text).toMatch(/termin_voice_turns_total\{kind="response_required",outcome="completed"\} 1/);
    expect(text).toMatch(/termin_voice_turns_total\{kind="response_required",outcome="failed"\} 1/);
    expect(text).toMatch(/termin_voice_first_response_seconds_count\{kind="response_required"\} 2/);
  });
});
