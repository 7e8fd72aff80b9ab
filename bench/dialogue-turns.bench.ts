/**
 * Turn latency of the real German dialogue over the real transport, with the database behind it: plain turns
 * (understanding and an answer, no tool) and tool turns (availability check, holds written), at 500 concurrent
 * calls on one process. First frame is what the caller waits for in silence; a tool turn's first frame is its
 * filler, and the complete response includes the database work.
 */
import { RulesCache } from '../src/booking/rules-cache.js';
import { createFixedClock } from '../src/clock.js';
import { seedDemo } from '../src/business-file/seed-demo.js';
import { createInProcessLocks } from '../src/locks/in-process-locks.js';
import { createLogger } from '../src/logger.js';
import { createBookingConversations } from '../src/voice/dialogue/booking-conversation.js';
import { agent, user, type TestUtterance } from '../test/support/retell-client.js';
import type { BenchResult } from './lib/measure.js';
import { benchDatabase } from './lib/services.js';
import { benchTurns } from './voice-turns.bench.js';

const GREETING = agent('Salon Haarmonie, guten Tag! Hier ist der digitale Assistent. Wie kann ich Ihnen helfen?');
const QUESTIONS = ['Was kostet ein Herrenhaarschnitt?', 'Wann haben Sie geöffnet?', 'Wie lange dauert eine Ansatzfärbung?', 'Was kostet ein Damenhaarschnitt?'];
const WISHES = [
  'Herrenhaarschnitt am Mittwoch um zehn',
  'Damenhaarschnitt am Donnerstag um elf',
  'Waschen und Föhnen am Freitag um drei',
  'Herrenhaarschnitt nächsten Dienstag vormittags',
];

/** A new caller sentence every turn, so the dialogue never short-cuts a repeated request. */
const plain = (turn: number): TestUtterance[] => [GREETING, user(`${QUESTIONS[turn % QUESTIONS.length]} (${turn})`)];
const withTool = (turn: number): TestUtterance[] => [GREETING, user(WISHES[turn % WISHES.length]!)];

export async function run(): Promise<BenchResult[]> {
  const { database, dispose } = await benchDatabase(20);
  try {
    await seedDemo(database.db, new Date());
    const deps = {
      db: database.db,
      locks: createInProcessLocks(),
      logger: createLogger('silent'),
      clock: createFixedClock('2026-11-19T08:00:00Z'),
      holdTtlSeconds: 300,
      rules: new RulesCache(),
    };
    const conversations = createBookingConversations(deps);
    return [
      ...(await benchTurns('dialogue plain turn, 500 calls, a turn per call every ~1 s: first frame', conversations, {
        calls: 500,
        iterations: 3_000,
        warmup: 500,
        thinkMs: 1_000,
        transcript: plain,
        target: 'p99 < 30 ms',
      })),
      // A tool turn every ~10 s per call is already several times what real callers do (they talk between lookups).
      ...(await benchTurns('dialogue tool turn (availability + holds), 500 calls, every ~10 s: first frame', conversations, {
        calls: 500,
        iterations: 2_000,
        warmup: 500,
        thinkMs: 10_000,
        transcript: withTool,
        target: 'p99 < 60 ms',
        complete: 'dialogue tool turn, 500 calls: complete response incl. database',
      })),
      // Back to back: the figure is the throughput of availability lookups with holds on one process.
      ...(await benchTurns('dialogue tool turns back to back, 50 calls (saturation): first frame', conversations, {
        calls: 50,
        iterations: 1_000,
        warmup: 100,
        transcript: withTool,
        complete: 'dialogue tool turns back to back, 50 calls: complete response',
      })),
    ];
  } finally {
    await dispose();
  }
}
