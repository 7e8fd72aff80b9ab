import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimulationReport } from './simulate.js';

const DIGIT_WORDS = '(?:null|eins|zwei|zwo|drei|vier|fünf|sechs|sieben|acht|neun)';

/**
 * Hides phone numbers in a line: runs of five or more digits (spaces allowed between them), four digits read
 * back one by one, and four or more digits said as words. Times ("10:30") and dates ("24.11.") stay.
 */
export function maskNumbers(text: string): string {
  return text
    .replace(/\+?\d(?:[\s/-]?\d){4,}/g, '<Nummer>')
    .replace(/\b\d(?: \d){3,}\b/g, '<Nummer>')
    .replace(new RegExp(`\\b${DIGIT_WORDS}(?:\\s+${DIGIT_WORDS}\\b){3,}`, 'gi'), '<Nummer>');
}

/** The figures per category as a Markdown table. */
export function categoryTable(report: SimulationReport): string {
  const rows = report.byCategory.map(
    (c) => `| ${c.category} | ${c.calls} | ${c.right} | ${c.calls === 0 ? '–' : `${Math.round((100 * c.right) / c.calls)} %`} |`,
  );
  const total = `| **all** | ${report.placed} | ${report.right} | ${report.placed === 0 ? '–' : `${Math.round((100 * report.right) / report.placed)} %`} |`;
  return ['| category | calls | ended exactly right | share |', '|---|---|---|---|', ...rows, total].join('\n');
}

/** The most frequent failure kinds, numbers and names stripped so that like counts with like. */
export function failureKinds(report: SimulationReport): Array<{ kind: string; count: number }> {
  const counts = new Map<string, number>();
  for (const r of report.results) {
    for (const f of r.verdict.failures) {
      const kind = `${r.plan.category}: ${f
        .replace(/;.*$/, '')
        .replace(/\(.*?\)/g, '')
        .replace(/matching .*$/, 'matching the wish')
        .replace(/reply \d+/, 'reply N')
        .replace(/did not want: .*$/, 'did not want')
        .replace(/called .* works/, 'called so works')
        .replace(/^\d+ hold/, 'a hold')
        .trim()}`;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
  }
  return [...counts.entries()].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count);
}

/** Writes the report (figures, failure kinds, every failing call's transcript with numbers masked) into a temp dir. */
export async function writeReport(report: SimulationReport, command: string, everyCall = false): Promise<string> {
  const dir = join(tmpdir(), `termin-callers-${report.seed}-${Date.now().toString(36)}`);
  await mkdir(dir, { recursive: true });
  const lines: string[] = [
    `# Simulated callers, seed ${report.seed}`,
    '',
    `\`${command}\``,
    '',
    `${report.placed} of ${report.planned} calls placed in ${report.seconds.toFixed(0)} s${report.stoppedByTime ? ' (stopped by the time bound)' : ''}.`,
    '',
    categoryTable(report),
    '',
    '## Failure kinds',
    '',
  ];
  for (const { kind, count } of failureKinds(report)) lines.push(`- ${count}× ${kind}`);
  lines.push('', everyCall ? '## All calls' : '## Failing calls', '');
  for (const r of report.results.filter((x) => everyCall || !x.verdict.ok)) {
    const step = r.plan.script.correction
      ? ` (correction at ${r.plan.script.correction.at})`
      : r.plan.script.bargeIn
        ? ` (barge-in at ${r.plan.script.bargeIn.at})`
        : '';
    lines.push(
      `### #${r.plan.index} ${r.plan.category}${step}${r.verdict.ok ? ' ✔' : ''}${r.plan.recognised ? ' (speech-recogniser style)' : ''}${r.interrupted ? ' (barged in)' : ''}`,
      '',
    );
    for (const f of r.verdict.failures) lines.push(`- ${maskNumbers(f)}`);
    if (r.gaveUp) lines.push(`- the caller gave up: ${r.gaveUp}`);
    lines.push('', '```', `Agent:  ${maskNumbers(r.greeting)}`);
    for (const t of r.turns) {
      lines.push(`Caller: ${maskNumbers(t.caller)}`);
      const tools = t.tools.length > 0 ? `  [${t.tools.map((x) => `${x.name}${x.ok ? '' : ' ✗'}`).join(', ')}]` : '';
      lines.push(`Agent:  ${maskNumbers(t.agent)}${tools}${t.transfer ? ' [transfer]' : ''}${t.endCall ? ' [ends the call]' : ''}`);
    }
    lines.push('```', '');
  }
  const file = join(dir, 'report.md');
  await writeFile(file, lines.join('\n'));
  return file;
}
