import { PassThrough } from 'node:stream';
import { inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../src/db/database.js';
import { appointments, calls } from '../src/db/schema.js';
import { createLogger } from '../src/logger.js';
import { createBookingConversations } from '../src/voice/dialogue/booking-conversation.js';
import { bookingDeps } from './support/booking.js';
import { createTestSalon, type TestBusiness } from './support/business.js';
import { openTestPostgres } from './support/databases.js';
import { RetellTestClient, randomCallId } from './support/retell-client.js';
import { startVoiceServer, type VoiceServer } from './support/voice-server.js';

/** Calls per run; `SOCKET_FUZZ_RUNS=500 npx vitest run test/voice-socket-fuzz.test.ts` for a longer hunt. */
const RUNS = Number(process.env.SOCKET_FUZZ_RUNS ?? 20);

type Sent = { text: string } | { binary: Buffer };

/** Strings as hostile as JSON allows: NUL, lone surrogates, control characters, emoji, German words. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '\u0000',
    '\ud800',
    '\udfff',
    'Herrenschnitt am Dienstag um halb drei',
    'ja',
    'tschüss',
    '(unintelligible audio)',
    '__proto__',
    'constructor',
    '',
  ),
  fc.string({ unit: fc.constantFrom('a', '\u0000', '\ud83d', '\ude00', 'ä', ' '), maxLength: 30 }),
);
const utterance = fc.record({ role: fc.oneof(fc.constantFrom('user', 'agent', 'transfer_target'), nasty), content: nasty }, { requiredKeys: [] });
const oddValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nasty, fc.constantFrom(-1, 1.5, 2 ** 53, Number.MAX_VALUE, 'true', null));

/** One frame: mostly the shapes Retell sends with odd contents, some with wrong types, some not JSON at all. */
const frame: fc.Arbitrary<Sent> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({ id: fc.nat(50), transcript: fc.array(utterance, { maxLength: 6 }), kind: fc.constantFrom('response_required', 'reminder_required') })
      .map(({ id, transcript, kind }) => ({ text: JSON.stringify({ interaction_type: kind, response_id: id, transcript }) })),
  },
  {
    weight: 2,
    arbitrary: fc.array(utterance, { maxLength: 6 }).map((transcript) => ({ text: JSON.stringify({ interaction_type: 'update_only', transcript }) })),
  },
  {
    weight: 2,
    arbitrary: fc.dictionary(nasty, oddValue, { maxKeys: 6 }).map((call) => ({ text: JSON.stringify({ interaction_type: 'call_details', call }) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record(
        {
          interaction_type: fc.oneof(fc.constantFrom('response_required', 'update_only', 'call_details', 'ping_pong'), nasty),
          response_id: oddValue,
          transcript: oddValue,
          call: oddValue,
          timestamp: oddValue,
        },
        { requiredKeys: [] },
      )
      .map((f) => ({ text: JSON.stringify(f) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('{', '[]', 'null', '{"interaction_type":', '"\\u0000"'))
      .map((text) => ({ text })),
  },
  {
    weight: 1,
    arbitrary: fc
      .nat(40_000)
      .map((depth) => ({ text: `{"interaction_type":"call_details","call":{"metadata":${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}}}` })),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 32 }).map((bytes) => ({ binary: Buffer.from(bytes) })) },
  {
    weight: 1,
    arbitrary: fc.constant({ text: JSON.stringify({ interaction_type: 'update_only', transcript: [{ role: 'user', content: 'x'.repeat(1_100_000) }] }) }),
  },
);

/**
 * Hostile frames against the real booking conversation on a real socket and database: the server never crashes,
 * keeps serving, and every call it recorded ends with an outcome; none is left `ongoing`.
 */
describe('the call socket under hostile frames', () => {
  let database: Database;
  let salon: TestBusiness;
  let server: VoiceServer;
  let logText = '';
  const callIds: string[] = [];

  beforeAll(async () => {
    database = openTestPostgres(4);
    salon = await createTestSalon(database.db);
    await createTestSalon(database.db, (b) => ({ ...b, name: 'Salon Nebenan' }));
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (logText += chunk.toString()));
    const { deps } = bookingDeps(database, { now: '2026-11-19T08:00:00Z' });
    // A short reconnect grace: a closed socket ends its call at once, so every outcome can be checked.
    server = await startVoiceServer(createBookingConversations(deps), { graceMs: 50, callDetailsTimeoutMs: 100, logger: createLogger('info', stream) });
  });
  afterAll(async () => {
    await server.stop();
    await database.close();
  });

  it(
    `serves ${RUNS} calls of random frames without a crash, and ends every one of them`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.boolean(), fc.array(frame, { minLength: 1, maxLength: 8 }), async (routed, frames) => {
          const callId = randomCallId('fuzz');
          callIds.push(callId);
          const client = await RetellTestClient.connect(server.url, { callId, timeoutMs: 5_000 });
          await client.waitFor((f) => f.response_type === 'config', { what: 'config' });
          if (routed) client.sendCallDetails({ call_id: callId, to_number: salon.definition.phoneNumbers[0] });
          for (const sent of frames) {
            if (!client.open) break;
            if ('binary' in sent) client.sendRaw(sent.binary, true);
            else client.sendRaw(sent.text);
          }
          // Still alive: a keepalive is echoed (unless a frame closed this socket, as binary and oversized ones do).
          if (client.open) {
            client.ping(42);
            await client
              .waitFor((f) => f.response_type === 'ping_pong', { what: 'the echo', timeoutMs: 5_000 })
              .catch((error: unknown) => {
                if (client.open) throw error;
              });
            await client.close();
          }
          await vi.waitFor(() => expect(server.transport.registry.find(callId)).toBeNull(), { timeout: 10_000, interval: 20 });
          expect(client.violations).toEqual([]);
        }),
        { numRuns: RUNS },
      );
      // Every recorded call ended with an outcome, its holds given back; nothing crashed on the way.
      await vi.waitFor(
        async () => {
          const rows = await database.db.select({ id: calls.id, status: calls.status, outcome: calls.outcome }).from(calls).where(inArray(calls.id, callIds));
          const bad = rows.filter((r) => r.status !== 'ended' || r.outcome === null);
          // On failure, the transport's log of the first such call says what happened to it.
          const story = bad[0]
            ? logText
                .split('\n')
                .filter((line) => line.includes(bad[0]!.id))
                .join('\n')
            : '';
          expect(bad, story).toEqual([]);
        },
        { timeout: 10_000, interval: 100 },
      );
      const left = await database.db.select({ status: appointments.status }).from(appointments).where(inArray(appointments.callId, callIds));
      expect(left.filter((a) => a.status === 'held')).toEqual([]);
      const faults = logText
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as { level: number })
        .filter((l) => l.level >= 50);
      expect(faults).toEqual([]);
      // And the server still serves an ordinary call.
      const client = await RetellTestClient.connect(server.url);
      expect((await client.handshake({ to_number: salon.definition.phoneNumbers[0] })).text).toContain('Salon Haarmonie');
      await client.close();
    },
    30_000 + RUNS * 1_000,
  );
});
