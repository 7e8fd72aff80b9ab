/**
 * Transport latency of a turn: from sending response_required to receiving the first response frame, over real
 * WebSockets on loopback, with the server and the simulated Retell side in one process. The trivial conversation
 * isolates the transport; `benchTurns` takes any conversation factory for the dialogue's variant.
 */
import { performance } from 'node:perf_hooks';
import { Hono } from 'hono';
import { listen } from '../src/http/listen.js';
import { createLogger } from '../src/logger.js';
import type { ConversationFactory } from '../src/voice/conversation.js';
import { attachLlmWebSocket } from '../src/voice/transport/index.js';
import { RetellTestClient, agent, randomCallId, user, type TestUtterance } from '../test/support/retell-client.js';
import { measure, type BenchResult } from './lib/measure.js';
import { TRANSPORT_LINES } from '../src/german/speak/lines.js';

export interface TurnBenchOptions {
  /** Concurrent calls, each with its own socket; every call has at most one turn in flight. */
  calls: number;
  iterations: number;
  warmup: number;
  /** The transcript sent with a request (Retell resends the whole transcript each time); a function varies it per turn. */
  transcript?: TestUtterance[] | ((turn: number) => TestUtterance[]);
  /** Also report the time until the response is complete (for turns that run a tool after their filler). */
  complete?: string;
  /**
   * Mean pause before each request (uniform in 0..2×), like a caller speaking between turns. Without it every
   * call asks again the moment its answer completes: a saturation test, where latency is queueing.
   */
  thinkMs?: number;
  target?: string;
}

const TRANSCRIPT: TestUtterance[] = [
  agent('Salon Haarmonie, guten Tag, was kann ich für Sie tun?'),
  user('Ich hätte gern einen Termin zum Haareschneiden.'),
  agent('Gern. Für welchen Tag?'),
  user('Nächsten Dienstag so gegen halb drei, wenn möglich bei Emma.'),
];

/** A conversation that answers at once: the transport's share of the latency and nothing else. */
export const trivialConversations: ConversationFactory = () => ({
  greet: async () => ({ content: 'Guten Tag.' }),
  respond: async (_request, io) => io.say('Gern, einen Moment.'),
  end: async () => undefined,
});

/** Measures time to the first response frame at `options.calls` concurrent calls. */
export async function benchTurns(name: string, conversations: ConversationFactory, options: TurnBenchOptions): Promise<BenchResult[]> {
  const listening = await listen(new Hono(), 0, '127.0.0.1');
  // These simulated calls send no keepalives (unlike Retell), and a call may wait its turn in the pool for long.
  const transport = attachLlmWebSocket(listening.server, { conversations, logger: createLogger('silent'), lines: TRANSPORT_LINES, idleTimeoutMs: 60 * 60_000 });
  const url = `http://127.0.0.1:${listening.port}`;
  const clients: RetellTestClient[] = [];
  try {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < options.calls; i += 100) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(100, options.calls - i) }, () => RetellTestClient.connect(url, { callId: randomCallId('bench'), timeoutMs: 10_000 })),
      );
      await Promise.all(batch.map((c) => c.handshake({}, 10_000)));
      clients.push(...batch);
    }
    global.gc?.();
    // Server and simulated Retell share the process, so this is an upper bound for the server's share.
    const perHundredMiB = ((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20 / options.calls) * 100;
    const idle = [...clients];
    const nextId = new Map(clients.map((c) => [c, 0]));
    const samples: number[] = [];
    const completeSamples: number[] = [];
    const transcriptOf = (turn: number) => (typeof options.transcript === 'function' ? options.transcript(turn) : (options.transcript ?? TRANSCRIPT));
    const result = await measure(
      name,
      async (i) => {
        const client = idle.pop()!;
        const id = nextId.get(client)! + 1;
        nextId.set(client, id);
        // measure() warms up one call at a time; think time there would only stretch the warmup.
        if (options.thinkMs && i >= 0) await sleep(Math.random() * 2 * options.thinkMs);
        const since = client.received.length;
        const sentAt = performance.now();
        client.requestResponse(id, transcriptOf(id));
        const first = await client.waitForEntry((f) => f.response_type === 'response' && f.response_id === id, { since, timeoutMs: 10_000 });
        if (i >= 0) samples.push(first.at - sentAt);
        // The call's next request waits for this one to complete, as a caller waits for the agent.
        await client.collectResponse(id, { since, timeoutMs: 10_000 });
        if (i >= 0) completeSamples.push(performance.now() - sentAt);
        idle.push(client);
      },
      { iterations: options.iterations, warmup: options.warmup, concurrency: options.calls, ...(options.target ? { target: options.target } : {}) },
    );
    // measure() timed the whole round trip; report the first-frame latency it was run for.
    const violations = clients.reduce((n, c) => n + c.violations.length, 0);
    if (violations > 0) throw new Error(`${violations} frame(s) Retell would reject`);
    const firstFrame = {
      ...result,
      ...percentiles(samples),
      ...(options.calls >= 100 ? { notes: `heap ${perHundredMiB.toFixed(1)} MiB per 100 open calls (both sides)` } : {}),
    };
    return options.complete ? [firstFrame, { ...result, name: options.complete, ...percentiles(completeSamples), target: undefined }] : [firstFrame];
  } finally {
    for (const client of clients) client.terminate();
    await transport.close();
    await listening.close(1_000);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function percentiles(samples: number[]): { p50Ms: number; p99Ms: number; maxMs: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { p50Ms: pick(0.5), p99Ms: pick(0.99), maxMs: pick(1) };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * Time to the first response frame with a trivial conversation: one call; 500 calls each taking a turn about every
 * second (already far more turns than 500 real callers produce); and 500 calls asking back to back (saturation:
 * the figure is queueing behind ~500 turns in flight, and ops/s is the transport's turn throughput).
 */
export async function run(): Promise<BenchResult[]> {
  return [
    ...(await benchTurns('first response frame, 1 call (trivial conversation)', trivialConversations, {
      calls: 1,
      iterations: 2_000,
      warmup: 200,
      target: 'p50 < 1 ms',
    })),
    ...(await benchTurns('first response frame, 500 calls, a turn per call every ~1 s', trivialConversations, {
      calls: 500,
      iterations: 5_000,
      warmup: 500,
      thinkMs: 1_000,
      target: 'p99 < 10 ms',
    })),
    ...(await benchTurns('first response frame, 500 calls back to back (saturation)', trivialConversations, {
      calls: 500,
      iterations: 10_000,
      warmup: 1_000,
      target: 'throughput > 2000 turns/s',
    })),
  ];
}
