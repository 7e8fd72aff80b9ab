import { createFixedClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { bookingDepsOf } from '../../src/context.js';
import { createPgliteDatabase } from '../../src/db/create-pglite.js';
import type { Database } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { startService } from '../../src/main.js';
import { CATEGORIES, type Category } from './call-plan.js';
import { planCalls } from './plan-calls.js';
import { runCall, type CallResult } from './run-call.js';

/** Signs the harness's webhooks; the service under test checks them with it. */
const RETELL_KEY = 'key_simulated_callers_0a1b2c3d';

export interface SimulationOptions {
  seed: number;
  /** Calls in all, spread over the categories in turn. */
  calls: number;
  categories: readonly Category[];
  /** Stop placing new calls after this long (the calls placed so far are reported). */
  maxSeconds: number;
  /** A database to use (the test Postgres); default an in-memory PGlite of the run's own. */
  database?: Database;
  responseTimeoutMs?: number;
  onCall?: (result: CallResult, done: number, total: number) => void;
}

export interface CategoryFigure {
  category: Category;
  calls: number;
  right: number;
}

export interface SimulationReport {
  seed: number;
  planned: number;
  placed: number;
  right: number;
  byCategory: CategoryFigure[];
  results: CallResult[];
  stoppedByTime: boolean;
  seconds: number;
}

/**
 * Runs simulated callers, one call after another, against a real server (the whole service on a free port,
 * the real WebSocket protocol, a real database), each call in a fresh copy of the demo salon, and judges each
 * call by what it left in the database. Calls run one at a time because each sets the salon's clock.
 */
export async function simulateCallers(options: SimulationOptions): Promise<SimulationReport> {
  const started = Date.now();
  const ownDatabase = options.database === undefined;
  const database = options.database ?? (await openPglite());
  const clock = createFixedClock('2026-11-19T08:00:00Z');
  const service = await startService(loadConfig({ PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false', METRICS_ENABLED: 'false', RETELL_API_KEY: RETELL_KEY }), {
    database,
    clock,
    logger: createLogger('silent'),
  });
  const plans = planCalls(options.seed, options.calls, options.categories);
  const results: CallResult[] = [];
  let stoppedByTime = false;
  try {
    const env = {
      url: service.url,
      db: database.db,
      deps: bookingDepsOf(service.ctx),
      clock,
      retellKey: RETELL_KEY,
      responseTimeoutMs: options.responseTimeoutMs ?? 15_000,
    };
    for (const plan of plans) {
      if (Date.now() - started > options.maxSeconds * 1000) {
        stoppedByTime = true;
        break;
      }
      const result = await runCall(env, plan, options.seed);
      results.push(result);
      options.onCall?.(result, results.length, plans.length);
    }
  } finally {
    await service.stop();
    if (ownDatabase) await database.close();
  }
  const byCategory = CATEGORIES.filter((c) => options.categories.includes(c)).map((category) => {
    const mine = results.filter((r) => r.plan.category === category);
    return { category, calls: mine.length, right: mine.filter((r) => r.verdict.ok).length };
  });
  return {
    seed: options.seed,
    planned: plans.length,
    placed: results.length,
    right: results.filter((r) => r.verdict.ok).length,
    byCategory,
    results,
    stoppedByTime,
    seconds: (Date.now() - started) / 1000,
  };
}

async function openPglite(): Promise<Database> {
  const database = await createPgliteDatabase(null);
  await database.migrate();
  return database;
}
