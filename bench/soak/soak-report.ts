import type { CheckResult } from './check-result.js';
import type { CallRecord } from './call-record.js';
import type { FaultEvent } from './faults.js';
import type { Fault, SoakOptions } from './options.js';

/** Everything a run found, as printed and as written with --json. */
export interface SoakReport {
  settings: Pick<SoakOptions, 'calls' | 'instances' | 'redis' | 'faults' | 'seed'>;
  startedAt: string;
  /** From the first call to the last hang-up, and the whole run with setup and teardown. */
  callsWallMs: number;
  totalWallMs: number;
  machine: { cpus: number; load1mAtStart: number; load1mMax: number; load1mMean: number; load1mAtEnd: number };
  calls: {
    placed: number;
    /** Most calls on the line at once (a caller's later calls wait for their earlier ones). */
    peakConcurrent: number;
    achieved: number;
    gaveUp: number;
    failed: number;
    failedByFault: Record<Fault, number>;
    failedOther: number;
    endedByAgent: number;
    reconnected: number;
    restartsAfterReconnect: number;
    apologies: number;
    /** Tool results that arrived after their response had completed (see CallRecord.lateToolResults). */
    lateToolResults: number;
    /** Calls in which the agent answered a new caller line with its previous answer (see CallRecord.echoes). */
    withEchoes: number;
    echoes: number;
  };
  byGoal: Record<string, { placed: number; achieved: number; gaveUp: number; failed: number }>;
  booked: number;
  conflictsOfferedAlternatives: number;
  cancelled: number;
  moved: number;
  /** From response_required to the first response frame (what the caller waits for before hearing anything). */
  latency: { turns: number; withoutFrame: number; p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number };
  /** From response_required to the frame that completes the response (tool calls included). */
  completeLatency: { p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number };
  /** Responses that took longer than SLOW_TURN_MS to complete, by the faults whose aftermath they were asked in. */
  slowTurns: { count: number; byFault: Record<string, number>; slowest: Array<{ callId: string; atS: number; completeMs: number; during: Fault[] }> };
  faults: FaultEvent[];
  faultsMissed: Fault[];
  gaveUpReasons: Record<string, number>;
  failures: Array<{ callId: string; reason: string | null; blamedOn: Fault | null }>;
  unplacedAgentLines: string[];
  /** Transcripts of a few calls that gave up or failed, to read what went wrong. */
  samples: Array<{ callId: string; outcome: string; reason: string | null; transcript: string[] }>;
  protocolViolations: string[];
  checks: CheckResult[];
  /** Every violation, the checks' and the run's own (unexplained failures, protocol violations, missed faults). */
  violations: string[];
  instanceLogs: Array<{ instance: number; killed: boolean; lines: Record<string, number> }>;
  /** Every call in full (for --json readers; not printed). */
  records: CallRecord[];
}

/** A response slower than this is listed with the fault it coincided with. */
export const SLOW_TURN_MS = 5_000;

/** Percentile (nearest rank) of sorted samples. */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Counts per key, largest first. */
export function tally(keys: string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
}

/** The per-goal split of calls. */
export function byGoal(records: CallRecord[]): SoakReport['byGoal'] {
  const out: SoakReport['byGoal'] = {};
  for (const r of records) {
    const g = (out[r.goal] ??= { placed: 0, achieved: 0, gaveUp: 0, failed: 0 });
    g.placed++;
    if (r.outcome === 'achieved') g.achieved++;
    if (r.outcome === 'gave_up') g.gaveUp++;
    if (r.outcome === 'failed') g.failed++;
  }
  return out;
}

/** The human-readable summary. */
export function formatReport(report: SoakReport): string {
  const c = report.calls;
  const rows: Array<[string, string]> = [
    [
      'calls placed',
      `${c.placed} (${Object.entries(report.byGoal)
        .map(([g, v]) => `${g} ${v.placed}`)
        .join(', ')}), at most ${c.peakConcurrent} at once`,
    ],
    ['callers got what they called for', `${c.achieved}`],
    ['callers gave up', `${c.gaveUp}`],
    ['booked (told to callers)', `${report.booked}`],
    ['conflicts offered alternatives', `${report.conflictsOfferedAlternatives}`],
    ['cancelled', `${report.cancelled}`],
    ['moved', `${report.moved}`],
    [
      'calls failed by a fault',
      `${Object.values(c.failedByFault).reduce((a, b) => a + b, 0)} (${
        Object.entries(c.failedByFault)
          .map(([f, n]) => `${f} ${n}`)
          .join(', ') || 'no faults'
      })`,
    ],
    ['calls failed otherwise', `${c.failedOther}`],
    ['calls reconnected', `${c.reconnected} (agent asked for the wish again in ${c.restartsAfterReconnect})`],
    ['apologies heard', `${c.apologies}`],
    ['tool results after their response completed', `${c.lateToolResults}`],
    ['agent repeated itself to new words', `${c.echoes} times in ${c.withEchoes} calls`],
    [
      'first frame p50 / p90 / p99 / max',
      `${ms(report.latency.p50Ms)} / ${ms(report.latency.p90Ms)} / ${ms(report.latency.p99Ms)} / ${ms(report.latency.maxMs)} (${report.latency.turns} turns${report.latency.withoutFrame ? `, ${report.latency.withoutFrame} without a frame` : ''})`,
    ],
    [
      'complete response p50 / p90 / p99 / max',
      `${ms(report.completeLatency.p50Ms)} / ${ms(report.completeLatency.p90Ms)} / ${ms(report.completeLatency.p99Ms)} / ${ms(report.completeLatency.maxMs)}`,
    ],
    [
      'responses slower than 5 s',
      `${report.slowTurns.count}${
        report.slowTurns.count
          ? ` (${Object.entries(report.slowTurns.byFault)
              .map(([f, n]) => `${f} ${n}`)
              .join(', ')})`
          : ''
      }`,
    ],
    ['wall time', `${(report.callsWallMs / 1000).toFixed(1)} s of calls, ${(report.totalWallMs / 1000).toFixed(1)} s in all`],
    [
      'machine load (1 min)',
      `${report.machine.load1mAtStart.toFixed(2)} at start, mean ${report.machine.load1mMean.toFixed(2)}, max ${report.machine.load1mMax.toFixed(2)} on ${report.machine.cpus} cpus`,
    ],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = [
    '',
    `soak: ${report.settings.calls} calls, ${report.settings.instances} instances, ${report.settings.redis} redis nodes, faults ${report.settings.faults.join(',') || 'none'}, seed ${report.settings.seed}`,
    '',
  ];
  lines.push(...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`));
  lines.push('', 'faults:');
  for (const f of report.faults) lines.push(`  +${((f.at - Date.parse(report.startedAt)) / 1000).toFixed(1)} s  ${f.detail}`);
  for (const f of report.faultsMissed) lines.push(`  ${f}: never struck (the run ended first)`);
  if (report.faults.length === 0 && report.faultsMissed.length === 0) lines.push('  none');
  if (report.slowTurns.slowest.length > 0) {
    lines.push('', 'slowest responses:');
    for (const t of report.slowTurns.slowest)
      lines.push(`  +${t.atS.toFixed(1)} s  ${ms(t.completeMs)}  ${t.callId}${t.during.length > 0 ? `  (after ${t.during.join(', ')})` : ''}`);
  }
  lines.push('', 'checks:');
  for (const check of report.checks) {
    lines.push(
      `  ${check.violations.length === 0 ? 'ok  ' : 'FAIL'}  ${check.name}: ${Object.entries(check.facts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    for (const v of check.violations.slice(0, 20)) lines.push(`          ✗ ${v}`);
    if (check.violations.length > 20) lines.push(`          … ${check.violations.length - 20} more`);
    for (const e of check.notes.slice(0, 5)) lines.push(`          ~ ${e}`);
    if (check.notes.length > 5) lines.push(`          ~ … ${check.notes.length - 5} more`);
  }
  if (Object.keys(report.gaveUpReasons).length > 0) {
    lines.push('', 'why callers gave up:');
    for (const [reason, n] of Object.entries(report.gaveUpReasons)) lines.push(`  ${String(n).padStart(4)}  ${reason}`);
  }
  if (report.failures.length > 0) {
    lines.push('', 'failed calls:');
    for (const f of report.failures.slice(0, 15)) lines.push(`  ${f.callId}  ${f.blamedOn ? `[${f.blamedOn}]` : '[no fault]'}  ${f.reason ?? ''}`);
    if (report.failures.length > 15) lines.push(`  … ${report.failures.length - 15} more`);
  }
  if (report.unplacedAgentLines.length > 0) {
    lines.push('', 'agent lines callers could not place (first few):');
    for (const line of report.unplacedAgentLines.slice(0, 8)) lines.push(`  "${line}"`);
  }
  for (const sample of report.samples.slice(0, 3)) {
    lines.push('', `call ${sample.callId} (${sample.outcome}: ${sample.reason ?? ''}):`);
    for (const line of sample.transcript) lines.push(`  ${line}`);
  }
  lines.push('', 'instance logs (warn and above):');
  for (const log of report.instanceLogs) {
    const entries = Object.entries(log.lines);
    lines.push(`  #${log.instance}${log.killed ? ' (killed)' : ''}: ${entries.length === 0 ? 'nothing' : ''}`);
    for (const [msg, n] of entries.slice(0, 8)) lines.push(`    ${String(n).padStart(5)}  ${msg}`);
  }
  lines.push('', report.violations.length === 0 ? 'no violations' : `${report.violations.length} violation(s)`);
  return lines.join('\n');
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
