import { setTimeout as sleep } from 'node:timers/promises';
import type { CallRecord } from './call-record.js';
import { planCallers, plannedTurns, type Persona } from './caller-plan.js';
import type { FaultInjector } from './faults.js';
import type { Infrastructure } from './infrastructure.js';
import type { SoakOptions } from './options.js';
import { PersonaBook } from './persona-book.js';
import type { InstancePool, LineEvents } from './phone-line.js';
import { placeCall } from './place-call.js';
import { createPrng } from './prng.js';

/** Every call the run placed, with the turn timings the report's percentiles come from. */
export interface CallsOutcome {
  records: CallRecord[];
  /** Per request: ms to the first response frame, and to the complete response. */
  latencies: number[];
  completions: number[];
  withoutFrame: number;
  firstStart: number;
  lastEnd: number;
  peakConcurrent: number;
}

/** Starts every caller on a ramp; each caller makes their calls one after another. */
export async function driveCalls(options: SoakOptions, infra: Infrastructure, faults: FaultInjector, log: (line: string) => void): Promise<CallsOutcome> {
  const prng = createPrng(options.seed);
  const personas = planCallers(options.calls, prng);
  const totalTurns = personas.reduce((sum, p) => sum + p.calls.reduce((s, g) => s + plannedTurns(g), 0), 0);
  const rampMs = options.rampMs ?? Math.min(8_000, personas.length * 25);
  const pool: InstancePool = {
    size: infra.instances.length,
    urlOf: (i) => infra.instances[i]!.url,
    isAlive: (i) => infra.instances[i]?.alive === true,
  };
  const records: CallRecord[] = [];
  const latencies: number[] = [];
  const completions: number[] = [];
  let withoutFrame = 0;
  let turnsDone = 0;
  let placed = 0;
  let active = 0;
  let peakConcurrent = 0;
  const events: LineEvents = {
    turn(firstMs, completeMs) {
      if (firstMs === null) withoutFrame++;
      else latencies.push(firstMs);
      if (completeMs !== null) completions.push(completeMs);
      turnsDone++;
      faults.progress(turnsDone / totalTurns);
    },
  };
  log(`${personas.length} callers, ${options.calls} calls, ~${totalTurns} caller lines planned, ramp ${rampMs} ms`);
  const ticker = setInterval(() => log(`${records.length}/${options.calls} calls done, ${active} on the line, ${turnsDone}/${totalTurns} lines`), 5_000);
  ticker.unref();
  const firstStart = Date.now();

  const runPersona = async (persona: Persona, index: number) => {
    const own = createPrng(options.seed * 7_919 + persona.id);
    const book = new PersonaBook();
    await sleep(Math.round((index / personas.length) * rampMs));
    for (const [k, goal] of persona.calls.entries()) {
      // A later call of the same person: some time after the first, as people call back.
      if (k > 0) await sleep(own.int(500, 3_000));
      if (options.signal?.aborted) return;
      const n = placed++;
      active++;
      peakConcurrent = Math.max(peakConcurrent, active);
      const record = await placeCall({
        callId: `soak_${options.seed}_${persona.id}_${k}`,
        persona,
        goal,
        book,
        pool,
        instance: n % pool.size,
        prng: own,
        thinkMs: options.thinkMs,
        responseTimeoutMs: options.responseTimeoutMs,
        callTimeoutMs: options.callTimeoutMs,
        events,
      });
      active--;
      records.push(record);
    }
  };
  try {
    await Promise.all(personas.map(runPersona));
  } finally {
    clearInterval(ticker);
  }
  const lastEnd = Math.max(firstStart, ...records.map((r) => r.endedAt));
  return { records, latencies, completions, withoutFrame, firstStart, lastEnd, peakConcurrent };
}
