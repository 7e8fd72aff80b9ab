import { performance } from 'node:perf_hooks';
import type { CallRecord } from './call-record.js';
import type { CallsOutcome } from './drive-calls.js';
import type { FaultInjector } from './faults.js';
import type { Infrastructure } from './infrastructure.js';
import type { Fault, SoakOptions } from './options.js';
import { SLOW_TURN_MS, byGoal, percentile, tally, type SoakReport } from './soak-report.js';

/** Turns the calls, the faults and the checks into the report; a failed call no fault explains is a violation. */
export function buildReport(input: {
  options: SoakOptions;
  startedAt: Date;
  t0: number;
  calls: CallsOutcome;
  faults: FaultInjector;
  checks: SoakReport['checks'];
  infra: Infrastructure;
  machine: SoakReport['machine'];
}): SoakReport {
  const { options, calls, faults } = input;
  const records = calls.records;
  const blameOf = (r: CallRecord): Fault | null => {
    if (!r.failure) return null;
    // A call that lost the killed instance and could not be rebuilt elsewhere died of that fault.
    if (r.failure.kind === 'lost_connection' && faults.killedInstance !== null && r.instances.includes(faults.killedInstance)) return 'instance';
    return faults.blame(r.failure.at);
  };
  const failed = records.filter((r) => r.outcome === 'failed');
  const failedByFault: Record<Fault, number> = { redis: 0, instance: 0, db: 0 };
  let failedOther = 0;
  for (const r of failed) {
    const fault = blameOf(r);
    if (fault) failedByFault[fault]++;
    else failedOther++;
  }
  const told = records.flatMap((r) => r.told);
  const sorted = [...calls.latencies].sort((a, b) => a - b);
  const complete = [...calls.completions].sort((a, b) => a - b);
  const slow = records
    .flatMap((r) => r.timings.map((t) => ({ callId: r.callId, at: t.at, completeMs: t.completeMs ?? 0 })))
    .filter((t) => t.completeMs > SLOW_TURN_MS)
    .sort((a, b) => b.completeMs - a.completeMs)
    .map((t) => ({ callId: t.callId, atS: (t.at - input.startedAt.getTime()) / 1000, completeMs: t.completeMs, during: faults.active(t.at) }));
  const protocolViolations = records.flatMap((r) => r.violations.map((v) => `call ${r.callId}: ${v}`));
  const violations = [
    ...input.checks.flatMap((c) => c.violations.map((v) => `${c.name}: ${v}`)),
    ...failed.filter((r) => blameOf(r) === null).map((r) => `call ${r.callId} failed with no fault to blame: ${r.reason}`),
    ...protocolViolations.map((v) => `frame Retell would reject: ${v}`),
    ...faults.missed.map((f) => `fault ${f} never struck`),
  ];
  return {
    settings: { calls: options.calls, instances: options.instances, redis: options.redis, faults: options.faults, seed: options.seed },
    startedAt: input.startedAt.toISOString(),
    callsWallMs: calls.lastEnd - calls.firstStart,
    totalWallMs: performance.now() - input.t0,
    machine: input.machine,
    calls: {
      placed: records.length,
      peakConcurrent: calls.peakConcurrent,
      achieved: records.filter((r) => r.outcome === 'achieved').length,
      gaveUp: records.filter((r) => r.outcome === 'gave_up').length,
      failed: failed.length,
      failedByFault,
      failedOther,
      endedByAgent: records.filter((r) => r.endedByAgent).length,
      reconnected: records.filter((r) => r.instances.length > 1).length,
      restartsAfterReconnect: records.filter((r) => r.instances.length > 1 && r.restarts > 0).length,
      apologies: records.reduce((sum, r) => sum + r.apologies, 0),
      lateToolResults: records.reduce((sum, r) => sum + r.lateToolResults, 0),
      withEchoes: records.filter((r) => r.echoes > 0).length,
      echoes: records.reduce((sum, r) => sum + r.echoes, 0),
    },
    byGoal: byGoal(records),
    booked: told.filter((t) => t.kind === 'booked').length,
    conflictsOfferedAlternatives: records.reduce((sum, r) => sum + r.conflicts, 0),
    cancelled: told.filter((t) => t.kind === 'cancelled').length,
    moved: told.filter((t) => t.kind === 'rescheduled').length,
    latency: {
      turns: sorted.length,
      withoutFrame: calls.withoutFrame,
      p50Ms: percentile(sorted, 0.5),
      p90Ms: percentile(sorted, 0.9),
      p99Ms: percentile(sorted, 0.99),
      maxMs: sorted.at(-1) ?? 0,
    },
    completeLatency: { p50Ms: percentile(complete, 0.5), p90Ms: percentile(complete, 0.9), p99Ms: percentile(complete, 0.99), maxMs: complete.at(-1) ?? 0 },
    slowTurns: { count: slow.length, byFault: tally(slow.map((t) => (t.during.length > 0 ? t.during.join('+') : 'no fault'))), slowest: slow.slice(0, 5) },
    faults: faults.events,
    faultsMissed: faults.missed,
    gaveUpReasons: tally(records.filter((r) => r.outcome === 'gave_up').map((r) => r.reason ?? 'unknown')),
    failures: failed.map((r) => ({ callId: r.callId, reason: r.reason, blamedOn: blameOf(r) })),
    unplacedAgentLines: [...new Set(records.flatMap((r) => r.unplaced))],
    samples: records
      .filter((r) => r.outcome !== 'achieved')
      .slice(0, 5)
      .map((r) => ({
        callId: r.callId,
        outcome: r.outcome,
        reason: r.reason,
        transcript: r.transcript.map((u) => `${u.role === 'agent' ? 'Agent' : 'Caller'}: ${u.content}`),
      })),
    protocolViolations,
    checks: input.checks,
    violations,
    records,
    instanceLogs: input.infra.instances.map((i) => ({
      instance: i.index,
      killed: faults.killedInstance === i.index,
      lines: Object.fromEntries([...i.log.counts].sort((a, b) => b[1] - a[1])),
    })),
  };
}
