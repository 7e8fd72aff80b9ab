import { performance } from 'node:perf_hooks';
import { buildReport } from './build-report.js';
import { Cleanup } from './cleanup.js';
import { driveCalls } from './drive-calls.js';
import { FaultInjector } from './faults.js';
import { FunctionBurst } from './function-burst.js';
import { startInfrastructure } from './infrastructure.js';
import { monitorLoad } from './load-monitor.js';
import { resolveOptions, type SoakOptions } from './options.js';
import { runChecks } from './run-checks.js';
import type { RunFacts } from './run-context.js';
import type { SoakReport } from './soak-report.js';

export type { SoakReport } from './soak-report.js';
export type { SoakOptions } from './options.js';

/**
 * The soak run: starts its own database, Redis nodes and server processes, places the calls while injecting
 * the faults, shuts the surviving instances down gracefully, checks the database, and tears everything down
 * (also when it fails or is aborted). Resolves with the report; `report.violations` empty means the run passed.
 */
export async function runSoak(partial: Partial<SoakOptions> = {}): Promise<SoakReport> {
  const options = resolveOptions(partial);
  const log = (line: string) => {
    if (options.verbose) console.log(`[soak +${((performance.now() - t0) / 1000).toFixed(1)}s] ${line}`);
  };
  const t0 = performance.now();
  const startedAt = new Date();
  const load = monitorLoad();
  const cleanup = new Cleanup();
  let faults: FaultInjector | null = null;
  const onAbort = () => {
    faults?.stop();
    void cleanup.run();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const interrupted = () => {
    if (options.signal?.aborted) throw new Error('the soak run was interrupted');
  };
  try {
    interrupted();
    const infra = await startInfrastructure({ instances: options.instances, redis: options.redis, keepDatabase: options.keepDatabase }, cleanup, log);
    interrupted();
    const burst = options.faults.includes('instance') ? new FunctionBurst(infra, log, options.seed) : null;
    faults = new FaultInjector(options.faults, infra, log, burst);
    const calls = await driveCalls(options, infra, faults, log);
    await faults.settle();
    interrupted();
    // Retell's retries of the function calls the kill cut off, while the survivors still run.
    const functionBurst = burst ? await burst.settle() : null;
    interrupted();

    // A graceful stop ends every session still waiting out its reconnect grace period, so each call gets its
    // final record from the process that held it.
    log('calls done; stopping the surviving instances gracefully');
    await Promise.all(infra.instances.filter((i) => i.alive).map((i) => i.stop(30_000)));
    const killedAt = faults.events.find((e) => e.fault === 'instance')?.at ?? null;
    const facts: RunFacts = { records: calls.records, killedInstance: faults.killedInstance, killedAt, functionBurst };
    interrupted();
    const checks = await runChecks(infra.databaseUrl, facts);
    return buildReport({ options, startedAt, t0, calls, faults, checks, infra, machine: load.stop() });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    load.stop();
    const problems = await cleanup.run();
    for (const p of problems) log(`cleanup: ${p}`);
  }
}
