import { performance } from 'node:perf_hooks';

/** One benchmark figure: latency percentiles in milliseconds, with the target and floor it is read against. */
export interface BenchResult {
  name: string;
  iterations: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  opsPerSec: number;
  target?: string;
  floor?: string;
  /** Anything else measured alongside (memory per 100 calls, rounds, ...). */
  notes?: string;
}

export interface MeasureOptions {
  iterations?: number;
  warmup?: number;
  /** How many calls run at once; each worker runs its share sequentially. */
  concurrency?: number;
  target?: string;
  floor?: string;
}

/** Runs `fn` repeatedly and reports percentiles of the per-call latency. */
export async function measure(
  name: string,
  /** Called with the iteration (negative while warming up) and the worker running it (0 .. concurrency-1). */
  fn: (i: number, worker: number) => unknown | Promise<unknown>,
  options: MeasureOptions = {},
): Promise<BenchResult> {
  const { iterations = 1000, warmup = Math.min(100, iterations), concurrency = 1 } = options;
  for (let i = 0; i < warmup; i++) await fn(-1 - i, i % concurrency);
  const samples: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async (id: number) => {
    while (next < iterations) {
      const i = next++;
      const t0 = performance.now();
      await fn(i, id);
      samples.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, id) => worker(id)));
  const elapsed = performance.now() - started;
  samples.sort((a, b) => a - b);
  const pick = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return {
    name,
    iterations,
    p50Ms: round(pick(0.5)),
    p99Ms: round(pick(0.99)),
    maxMs: round(samples[samples.length - 1] ?? 0),
    opsPerSec: Math.round((iterations / elapsed) * 1000),
    ...(options.target ? { target: options.target } : {}),
    ...(options.floor ? { floor: options.floor } : {}),
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Prints results as an aligned table. */
export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [
    r.name,
    String(r.iterations),
    r.p50Ms.toFixed(3),
    r.p99Ms.toFixed(3),
    String(r.opsPerSec),
    r.target ?? '',
    r.floor ?? '',
    r.notes ?? '',
  ]);
  const head = ['benchmark', 'n', 'p50 ms', 'p99 ms', 'ops/s', 'target', 'floor', 'notes'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
