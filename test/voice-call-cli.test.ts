import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCallCommand } from '../src/cli/call.js';
import { memoryIo } from './support/cli-io.js';
import { FakeConversations, type FakeScript } from './support/fake-conversation.js';
import { startVoiceServer, type VoiceServer } from './support/voice-server.js';

const servers: VoiceServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

const salon: FakeScript = {
  greet: (details) => `Salon Test, guten Tag! Sie rufen von ${details?.fromNumber ?? 'unbekannt'} an.`,
  respond: (request, io) => {
    const said = request.transcript.at(-1)?.content ?? '';
    if (said.includes('Termin')) {
      io.say('Einen Moment, ich buche. ');
      io.toolCallInvocation('tc1', 'book_appointment', { datum: '2026-11-20', uhrzeit: '14:00' });
      io.toolCallResult('tc1', 'Gebucht: Freitag, 20. November, 14 Uhr.', true);
      io.say('Ihr Termin am Freitag um 14 Uhr ist gebucht.');
    } else if (said.includes('tschüss')) {
      io.say('Auf Wiederhören!', { endCall: true, noInterruptionAllowed: true });
    } else {
      io.say('Wie bitte?');
    }
  },
};

async function runCall(args: string[], stdin: NodeJS.ReadableStream, server?: VoiceServer) {
  const io = memoryIo({}, stdin);
  const url = server ? ['--url', `${server.url.replace('http', 'ws')}/llm-websocket`] : [];
  const code = await runCallCommand([...url, ...args], io.streams, { greetingTimeoutMs: 2_000, responseTimeoutMs: 2_000 });
  return { code, out: io.out(), err: io.err() };
}

async function salonServer() {
  const fakes = new FakeConversations(salon);
  const server = await startVoiceServer(fakes.factory);
  servers.push(server);
  return { fakes, server };
}

describe('termin-agent call', () => {
  it('plays a scripted call: greeting, a booking with its tool call, and the agent hanging up', async () => {
    const { fakes, server } = await salonServer();
    const stdin = Readable.from(['Ich möchte einen Termin am Freitag\n', '\n', 'Danke, tschüss\n', 'Das kommt nie an\n']);
    const r = await runCall(['--call-id', 'cli_test_1', '--from', '+4915112345678'], stdin, server);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n')).toEqual([
      'Agent: Salon Test, guten Tag! Sie rufen von +4915112345678 an.',
      'Caller: Ich möchte einen Termin am Freitag',
      'Agent: Einen Moment, ich buche.',
      '[book_appointment {"datum":"2026-11-20","uhrzeit":"14:00"}]',
      '[book_appointment → Gebucht: Freitag, 20. November, 14 Uhr.]',
      'Agent: Ihr Termin am Freitag um 14 Uhr ist gebucht.',
      'Caller: Danke, tschüss',
      'Agent: Auf Wiederhören!',
      '[end_call]',
    ]);
    const call = fakes.call('cli_test_1');
    expect(call.greetings[0]).toMatchObject({ fromNumber: '+4915112345678', toNumber: '+493012345670', direction: 'inbound', callType: 'phone_call' });
    expect(call.requests.map((q) => q.responseId)).toEqual([1, 2]);
    expect(call.requests[1]!.transcript).toEqual([
      { role: 'agent', content: 'Salon Test, guten Tag! Sie rufen von +4915112345678 an.' },
      { role: 'user', content: 'Ich möchte einen Termin am Freitag' },
      { role: 'agent', content: 'Einen Moment, ich buche. Ihr Termin am Freitag um 14 Uhr ist gebucht.' },
      { role: 'user', content: 'Danke, tschüss' },
    ]);
  });

  it('hangs up with exit code 0 when input ends, using a random call id by default', async () => {
    const { fakes, server } = await salonServer();
    const r = await runCall([], Readable.from(['Hallo?\n']), server);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Agent: Wie bitte?');
    expect(r.err).not.toContain('closed by the server');
    const [callId] = [...fakes.calls.keys()];
    expect(callId).toMatch(/^call_[0-9a-f]{16}$/);
    await expect.poll(() => server.transport.registry.find(callId!)?.connected).toBe(false);
    expect(fakes.call(callId!).ended).toEqual([]);
  });

  it('warns when the agent leaves a response open instead of hanging', async () => {
    const fakes = new FakeConversations({ respond: () => new Promise(() => undefined) });
    const server = await startVoiceServer(fakes.factory, { turnTimeoutMs: 10_000 });
    servers.push(server);
    const stdin = new PassThrough();
    const running = runCall([], stdin, server);
    stdin.write('Hallo?\n');
    setTimeout(() => stdin.end(), 100);
    const r = await running;
    expect(r.code).toBe(0);
    expect(r.err).toContain('[no complete response 1 within 2 s]');
  });

  it('explains itself with --help and rejects bad options with exit code 2', async () => {
    const help = await runCall(['--help'], Readable.from([]));
    expect(help.code).toBe(0);
    expect(help.out).toContain('termin-agent call');
    expect((await runCall(['--frobnicate'], Readable.from([]))).code).toBe(2);
    expect((await runCall(['--call-id', 'not valid!'], Readable.from([]))).code).toBe(2);
    expect((await runCall(['--url', 'ftp://x'], Readable.from([]))).code).toBe(2);
  });

  it('exits with 1 when the server closes the call with an error', async () => {
    const server = await startVoiceServer(() => {
      throw new Error('no conversation for this call');
    });
    servers.push(server);
    const r = await runCall([], Readable.from(['Hallo?\n']), server);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[connection closed by the server: 1011]');
  });

  it('exits with 1 when the server cannot be reached, saying only that', async () => {
    const r = await runCall(['--url', 'ws://127.0.0.1:1/llm-websocket'], Readable.from([]));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Could not connect to ws:\/\/127\.0\.0\.1:1\/llm-websocket\/call_[0-9a-f]+: /);
    expect(r.err).not.toContain('connection closed');
  });

  it('calls the port the service was started with (PORT) when no --url is given', async () => {
    const { server } = await salonServer();
    const io = memoryIo({ PORT: new URL(server.url).port }, Readable.from(['Tschüss\n']));
    expect(await runCallCommand([], io.streams, { greetingTimeoutMs: 2_000, responseTimeoutMs: 2_000 })).toBe(0);
    expect(io.err()).toContain(`Connected to ws://localhost:${new URL(server.url).port}/llm-websocket/`);
  });

  it('calls a service that requires LLM_WEBSOCKET_SECRET, with --secret or the same variable, never printing it', async () => {
    const secret = 'cli-secret-0123456789abcdef';
    const fakes = new FakeConversations(salon);
    const server = await startVoiceServer(fakes.factory, { secret });
    servers.push(server);
    const url = ['--url', `${server.url.replace('http', 'ws')}/llm-websocket`];
    const byFlag = memoryIo({}, Readable.from(['Danke, tschüss\n']));
    expect(await runCallCommand([...url, '--secret', secret], byFlag.streams, { greetingTimeoutMs: 2_000, responseTimeoutMs: 2_000 })).toBe(0);
    expect(byFlag.out()).toContain('[end_call]');
    const byEnv = memoryIo({ LLM_WEBSOCKET_SECRET: secret, PORT: new URL(server.url).port }, Readable.from(['Danke, tschüss\n']));
    expect(await runCallCommand([], byEnv.streams, { greetingTimeoutMs: 2_000, responseTimeoutMs: 2_000 })).toBe(0);
    expect(byEnv.err()).toContain(`Connected to ws://localhost:${new URL(server.url).port}/llm-websocket/<secret>/call_`);
    const without = memoryIo({}, Readable.from([]));
    expect(await runCallCommand(url, without.streams, { greetingTimeoutMs: 2_000, responseTimeoutMs: 2_000 })).toBe(1);
    expect(without.err()).toContain('HTTP 401');
    expect(without.err()).toContain('--secret');
    for (const io of [byFlag, byEnv, without]) expect(io.out() + io.err()).not.toContain(secret);
    expect(fakes.calls.size).toBe(2);
  });
});
