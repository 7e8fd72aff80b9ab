import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from './free-port.js';

export interface RedisServer {
  url: string;
  port: number;
  /** Shuts the server down (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. Idempotent. */
  stop(): Promise<void>;
  /** SIGKILL at once, for fault injection; `stop()` afterwards just waits for the exit. */
  kill(): void;
}

export interface StartRedisServerOptions {
  /** Reuse a port, e.g. to bring a killed node back at the address its clients know. Default: a free port. */
  port?: number;
  /** Give up when the server does not answer PING within this time. Default 10 s. */
  readyTimeoutMs?: number;
}

// Servers still running when the test process exits are killed with it, so a crashed run leaves none behind.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts a throwaway redis-server (no persistence, loopback only) on a free port and waits until it answers PING. */
export async function startRedisServer(options: StartRedisServerOptions = {}): Promise<RedisServer> {
  const attempts = options.port === undefined ? 5 : 1;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const port = options.port ?? (await findFreePort());
    try {
      return await launch(port, options.readyTimeoutMs ?? 10_000);
    } catch (error) {
      // Another process may take the port between probing and binding; try a fresh one.
      lastError = error;
    }
  }
  throw lastError;
}

async function launch(port: number, readyTimeoutMs: number): Promise<RedisServer> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmpdir(), '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-2_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const spawnFailed = once(child, 'error').then(([error]: unknown[]) => {
    throw new Error(`redis-server could not be started: ${error instanceof Error ? error.message : String(error)}`);
  });
  spawnFailed.catch(() => {});

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (hasExited) throw new Error(`redis-server on port ${port} exited during startup: ${output.trim()}`);
    if (await Promise.race([answersPing(port), spawnFailed])) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`redis-server on port ${port} did not answer PING within ${readyTimeoutMs} ms: ${output.trim()}`);
    }
    await sleep(20);
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
    kill() {
      if (!hasExited) child.kill('SIGKILL');
    },
  };
}

/** true when a Redis server on the port replies +PONG; never rejects, gives up after one second. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
  });
}
