import { z } from 'zod';

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const RedisUrls = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(z.array(z.url({ protocol: /^rediss?$/, error: 'each entry must be a redis:// or rediss:// URL' })));

const Flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const IpList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0),
  )
  .pipe(z.array(z.union([z.ipv4(), z.ipv6()], { error: 'each entry must be an IPv4 or IPv6 address' })));

/**
 * The path secret of the call socket. Only URL-safe characters, because it is a path segment Retell sends verbatim;
 * at least 16 of them, because anyone who guesses it is served full calls.
 */
export const LlmWebSocketSecret = z
  .string()
  .regex(/^[A-Za-z0-9._~-]{16,256}$/, { error: 'must be 16-256 letters, digits or . _ ~ - (e.g. the output of `openssl rand -hex 32`)' });

/**
 * The service's address as Retell and browsers reach it (behind a proxy, the proxy's): the base of the absolute
 * URLs it hands out. A path prefix is kept (`https://example.de/termin`); a query, fragment or credentials are
 * refused, as they would end up inside every URL.
 */
const PublicUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL, e.g. https://termin.example.de' })
  .refine((value) => {
    // Runs after a failed URL check too (zod reports every problem); that one already said what is wrong.
    if (!URL.canParse(value)) return true;
    const u = new URL(value);
    return u.search === '' && u.hash === '' && u.username === '' && u.password === '';
  }, 'must be a plain base URL, without query, fragment or credentials')
  .transform((value) => value.replace(/\/+$/, ''));

/** The environment variables the service reads, with their defaults. Nothing else reads process.env. */
export const EnvSchema = z.object({
  PORT: z.coerce.number({ error: 'must be a port number (0-65535)' }).int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  DB_PREPARED_STATEMENTS: Flag.default(true),
  REDIS_URLS: RedisUrls.optional(),
  LOCK_TTL_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
  RETELL_API_KEY: z.string().min(1).optional(),
  LOG_LEVEL: LogLevel.default('info'),
  HOLD_TTL_SECONDS: z.coerce.number().int().min(30).max(3_600).default(300),
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  METRICS_ENABLED: Flag.default(true),
  RETELL_IP_ALLOWLIST: IpList.optional(),
  TRUST_PROXY: Flag.default(false),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(300),
  RETELL_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(3_000),
  API_PAGE_LIMIT_MAX: z.coerce.number().int().min(1).max(1_000).default(200),
  LLM_WEBSOCKET_SECRET: LlmWebSocketSecret.optional(),
  PUBLIC_URL: PublicUrl.optional(),
  LLM_WEBSOCKET_IDLE_TIMEOUT_MS: z.coerce.number().int().min(5_000).max(3_600_000).default(30_000),
  LLM_WEBSOCKET_MAX_FRAME_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .max(16 * 1024 * 1024)
    .default(1024 * 1024),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string; poolMax: number; statementTimeoutMs: number; preparedStatements: boolean } | { kind: 'pglite'; dataDir: string };
  redisUrls: string[];
  lockTtlMs: number;
  retellApiKey: string | null;
  logLevel: z.infer<typeof LogLevel>;
  holdTtlSeconds: number;
  /** auto: seed the demo business into an empty embedded database. */
  seedDemo: 'auto' | 'always' | 'never';
  shutdownTimeoutMs: number;
  metricsEnabled: boolean;
  /** Source addresses Retell requests must come from; empty: any (the signature alone decides). */
  retellIpAllowlist: string[];
  /** Read the client address from the last X-Forwarded-For entry (one trusted proxy in front). */
  trustProxy: boolean;
  /** Requests per minute and token (or client address without one) on /api; 0 disables. */
  rateLimitPerMinute: number;
  /** Requests per minute and client address on /retell; 0 disables. */
  retellRateLimitPerMinute: number;
  /** The largest page the staff API returns. */
  apiPageLimitMax: number;
  /** Set: the call socket is served only at `/llm-websocket/<secret>/<call_id>`; null: at `/llm-websocket/<call_id>` to anyone. */
  llmWebSocketSecret: string | null;
  /** A call socket silent this long (not even a keepalive) is closed and its call ended. */
  llmWebSocketIdleTimeoutMs: number;
  /** The largest frame a call socket accepts; a larger one closes that socket with 1009. */
  llmWebSocketMaxFrameBytes: number;
  /** The base of the absolute URLs handed out (the Retell function definitions), no trailing slash; null: taken from each request's host. */
  publicUrl: string | null;
}

/** A configuration problem, with one line per offending variable. */
export class ConfigError extends Error {
  readonly code = 'invalid_config';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration once; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as they do in most shells' `VAR= cmd` idiom.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`));
  }
  const e = parsed.data;
  // A lock that can expire while its transaction still runs would let a second writer in early.
  if (e.REDIS_URLS && e.LOCK_TTL_MS <= e.DB_STATEMENT_TIMEOUT_MS) {
    throw new ConfigError([`LOCK_TTL_MS: must be longer than DB_STATEMENT_TIMEOUT_MS (${e.DB_STATEMENT_TIMEOUT_MS})`]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          poolMax: e.DB_POOL_MAX,
          statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
          preparedStatements: e.DB_PREPARED_STATEMENTS,
        }
      : { kind: 'pglite', dataDir: e.DATA_DIR },
    redisUrls: e.REDIS_URLS ?? [],
    lockTtlMs: e.LOCK_TTL_MS,
    retellApiKey: e.RETELL_API_KEY ?? null,
    logLevel: e.LOG_LEVEL,
    holdTtlSeconds: e.HOLD_TTL_SECONDS,
    seedDemo: e.SEED_DEMO === 'true' ? 'always' : e.SEED_DEMO === 'false' ? 'never' : 'auto',
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    metricsEnabled: e.METRICS_ENABLED,
    retellIpAllowlist: e.RETELL_IP_ALLOWLIST ?? [],
    trustProxy: e.TRUST_PROXY,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    retellRateLimitPerMinute: e.RETELL_RATE_LIMIT_PER_MINUTE,
    apiPageLimitMax: e.API_PAGE_LIMIT_MAX,
    llmWebSocketSecret: e.LLM_WEBSOCKET_SECRET ?? null,
    llmWebSocketIdleTimeoutMs: e.LLM_WEBSOCKET_IDLE_TIMEOUT_MS,
    llmWebSocketMaxFrameBytes: e.LLM_WEBSOCKET_MAX_FRAME_BYTES,
    publicUrl: e.PUBLIC_URL ?? null,
  };
}
