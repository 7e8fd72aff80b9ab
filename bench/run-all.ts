// Runs every benchmark of the project and prints one table; `--json <file>` also writes the figures.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { printTable, type BenchResult } from './lib/measure.js';

const suites: Record<string, () => Promise<{ run(): Promise<BenchResult[]> }>> = {
  parser: () => import('./parser.bench.js'),
  'availability-engine': () => import('./availability-engine.bench.js'),
  availability: () => import('./availability.bench.js'),
  locks: () => import('./locks.bench.js'),
  'voice-turns': () => import('./voice-turns.bench.js'),
  'dialogue-turns': () => import('./dialogue-turns.bench.js'),
  booking: () => import('./booking.bench.js'),
};

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
// Every run leaves its figures as JSON; bench/results/ is not committed, BENCHMARKS.md keeps the published run.
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : 'bench/results/latest.json';
const only = args.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1));

const all: Array<BenchResult & { suite: string }> = [];
for (const [name, load] of Object.entries(suites)) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n== ${name}`);
  const results = await (await load()).run();
  printTable(results);
  all.push(...results.map((r) => ({ ...r, suite: name })));
}
if (jsonFile) {
  mkdirSync(dirname(jsonFile), { recursive: true });
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30) };
  writeFileSync(jsonFile, `${JSON.stringify({ at: new Date().toISOString(), machine, results: all }, null, 2)}\n`);
  console.log(`\nwrote ${jsonFile}`);
}
