import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { EnvSchema } from '../../src/config.js';
import { findFreePort } from '../../test/support/free-port.js';
import { InstanceLog } from './instance-log.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 90_000;
/** The key the instances check Retell signatures with; whoever calls their functions signs with it. */
export const INSTANCE_RETELL_KEY = 'soak-test-key';

export interface ServerInstance {
  index: number;
  /** `http://127.0.0.1:<port>` */
  url: string;
  pid: number;
  readonly alive: boolean;
  log: InstanceLog;
  /** SIGKILL at once: the fault. */
  kill(): void;
  /** SIGTERM (the service finishes its calls and closes), SIGKILL when it takes longer than `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface InstanceSettings {
  databaseUrl: string;
  redisUrls: string[];
}

// Processes still running when the harness exits (a crash, a second Ctrl-C) go down with it.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `termin-agent serve` as its own OS process, exactly as `npm start` runs it (the CLI under tsx's loader,
 * but in one process: the tsx launcher would put a second process in between, and a SIGKILL to the launcher
 * would leave the server running). Resolves once `/readyz` reports the database and Redis reachable.
 */
export async function startServerInstance(index: number, settings: InstanceSettings): Promise<ServerInstance> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await findFreePort();
    try {
      return await launch(index, port, settings);
    } catch (error) {
      // Another process may take the port between probing and binding: try a fresh one.
      lastError = error;
      if (!(error instanceof Error && error.message.includes('EADDRINUSE'))) break;
    }
  }
  throw lastError;
}

async function launch(index: number, port: number, settings: InstanceSettings): Promise<ServerInstance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: REPO_ROOT,
    env: serverEnv(port, settings),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const log = new InstanceLog();
  child.stdout?.on('data', (chunk: Buffer) => log.write(chunk));
  child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
  let alive = true;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      alive = false;
      running.delete(child);
      resolve();
    });
  });
  child.once('error', () => undefined);

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (!alive) throw new Error(`server instance ${index} exited during startup:\n${log.lastLines()}`);
    if (await isReady(url, settings.redisUrls.length > 0)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`server instance ${index} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${log.lastLines()}`);
    }
    await sleep(200);
  }

  return {
    index,
    url,
    pid: child.pid ?? -1,
    get alive() {
      return alive;
    },
    log,
    kill() {
      if (alive) child.kill('SIGKILL');
    },
    async stop(timeoutMs = 20_000) {
      if (!alive) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The harness's own environment minus every variable the service reads, plus the ones this run sets. */
function serverEnv(port: number, settings: InstanceSettings): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(EnvSchema.shape)) delete env[key];
  return {
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: settings.databaseUrl,
    ...(settings.redisUrls.length > 0 ? { REDIS_URLS: settings.redisUrls.join(',') } : {}),
    LOG_LEVEL: 'warn',
    SEED_DEMO: 'false',
    RETELL_API_KEY: INSTANCE_RETELL_KEY,
  };
}

async function isReady(url: string, withRedis: boolean): Promise<boolean> {
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
    if (response.status !== 200) return false;
    const body = (await response.json()) as { checks?: { redis?: string } };
    return !withRedis || body.checks?.redis === 'ok';
  } catch {
    return false;
  }
}
