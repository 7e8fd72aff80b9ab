import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { EnvSchema } from '../../src/config.js';
import { findFreePort } from './free-port.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The test's environment without any variable the service reads, plus `env`: what an operator's shell would pass. */
export function serviceEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(EnvSchema.shape)) delete base[key];
  return { ...base, LOG_LEVEL: 'warn', ...env };
}

export interface ServiceProcess {
  url: string;
  pid: number;
  /** What the process wrote so far. */
  output(): string;
  /** SIGTERM, as Ctrl-C on `npm start` would; resolves once it exited. */
  stop(): Promise<void>;
}

/**
 * `termin-agent serve` as its own OS process, the way `npm start` runs it (the CLI under tsx's loader in one
 * process), on a free loopback port. Resolves once /healthz answers; fails with the process's output when it exits.
 */
export async function startServiceProcess(env: Record<string, string>): Promise<ServiceProcess> {
  const port = await findFreePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: REPO_ROOT,
    env: serviceEnv({ PORT: String(port), HOST: '127.0.0.1', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the service exited during startup:\n${output}`);
    const healthy = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    await sleep(100);
  }
  return {
    url,
    pid: child.pid ?? -1,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs `termin-agent <args>` as its own process, as an operator would type it beside the running service. */
export async function runCliProcess(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: REPO_ROOT,
    env: serviceEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
