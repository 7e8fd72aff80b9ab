import { startHoldSweeper } from './booking/hold-sweeper.js';
import { RulesCache } from './booking/rules-cache.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { bookingDepsOf, type AppContext } from './context.js';
import { createDatabase } from './db/create-database.js';
import type { Database } from './db/database.js';
import { isEmpty, seedDemo } from './business-file/seed-demo.js';
import { businesses } from './db/schema.js';
import { publicHolidayDates } from './booking/holidays.js';
import { createApp } from './http/app.js';
import { startControlChannel } from './http/control-channel.js';
import { listen } from './http/listen.js';
import { createLockService } from './locks/index.js';
import { createLogger, type Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { createBookingConversations } from './voice/dialogue/booking-conversation.js';
import { attachLlmWebSocket } from './voice/transport/index.js';
import { TRANSPORT_LINES } from './german/speak/lines.js';

export interface RunningService {
  ctx: AppContext;
  port: number;
  url: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  clock?: Clock;
  /** An already open database (tests); otherwise one is opened from the config. */
  database?: Database;
}

/** Opens the database, migrates and seeds it, and brings the resources a running service needs. */
export async function buildContext(config: Config, options: StartOptions = {}): Promise<AppContext> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = createMetrics({ defaultMetrics: config.metricsEnabled });
  const database = options.database ?? (await createDatabase(config));
  try {
    await database.migrate();
    await seedIfWanted(config, database, logger, options.clock ?? systemClock);
    await warmHolidays(database, options.clock ?? systemClock);
    const locks = createLockService({ redisUrls: config.redisUrls, lockTtlMs: config.lockTtlMs }, { logger, metrics: metrics.registry });
    return { config, database, locks, logger, clock: options.clock ?? systemClock, metrics, rules: new RulesCache() };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}

/** Computing a year of holidays costs tens of milliseconds once; pay it at startup, not in a caller's turn. */
async function warmHolidays(database: Database, clock: Clock): Promise<void> {
  const rows = await database.db.selectDistinct({ region: businesses.holidayRegion }).from(businesses);
  const year = clock.now().getUTCFullYear();
  for (const { region } of rows) if (region) for (const y of [year, year + 1]) publicHolidayDates(region, y);
}

async function seedIfWanted(config: Config, database: Database, logger: Logger, clock: Clock): Promise<void> {
  const wanted = config.seedDemo === 'always' || (config.seedDemo === 'auto' && database.kind === 'pglite' && (await isEmpty(database.db)));
  if (!wanted) return;
  const results = await seedDemo(database.db, clock.now());
  for (const { slug, outcome } of results) {
    if (outcome === 'refused') logger.warn({ slug }, "the demo's file would leave booked appointments behind; the demo business is left as it is");
  }
  logger.info('seeded the demo businesses from their files (Salon Haarmonie, Zahnarztpraxis Dr. Berger)');
}

/** Starts the whole service: context, HTTP server, background work. `stop()` shuts it down in order. */
export async function startService(config: Config, options: StartOptions = {}): Promise<RunningService> {
  const ctx = await buildContext(config, options);
  // The embedded database opens in this process only: the operator's commands come to it. Started before the
  // public port, so a service that answers /healthz already takes them.
  const control = config.database.kind === 'pglite' && !options.database ? await startControlChannel(ctx, config.database.dataDir) : null;
  const app = createApp(ctx);
  const listening = await listen(app, config.port, config.host).catch(async (error: unknown) => {
    await control?.close();
    throw error;
  });
  const sweeper = startHoldSweeper({ db: ctx.database.db, clock: ctx.clock, logger: ctx.logger });
  const voice = attachLlmWebSocket(listening.server, {
    conversations: createBookingConversations(bookingDepsOf(ctx)),
    logger: ctx.logger,
    lines: TRANSPORT_LINES,
    metrics: ctx.metrics.registry,
    secret: config.llmWebSocketSecret,
    ipAllowlist: config.retellIpAllowlist,
    trustProxy: config.trustProxy,
    idleTimeoutMs: config.llmWebSocketIdleTimeoutMs,
    maxFrameBytes: config.llmWebSocketMaxFrameBytes,
  });
  if (!config.llmWebSocketSecret)
    ctx.logger.warn('LLM_WEBSOCKET_SECRET is not set: the call socket at /llm-websocket/<call_id> accepts anyone who can reach this port');
  ctx.logger.info(
    { port: listening.port, database: ctx.database.kind, locks: config.redisUrls.length > 0 ? 'redlock' : 'in-process' },
    'termin-agent listening',
  );
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      ctx.logger.info('shutting down');
      // Calls first: open WebSockets would keep the HTTP server from closing.
      await voice.close();
      await listening.close(config.shutdownTimeoutMs);
      await control?.close();
      await sweeper.stop();
      await ctx.locks.close();
      if (!options.database) await ctx.database.close();
      ctx.logger.info('stopped');
    })());
  return { ctx, port: listening.port, url: `http://127.0.0.1:${listening.port}`, stop };
}
