import { parseArgs } from 'node:util';
import { CATEGORIES, type Category } from './call-plan.js';
import { simulateCallers } from './simulate.js';
import { categoryTable, failureKinds, writeReport } from './write-report.js';

const USAGE = `npm run callers -- [--seed 1] [--calls 190] [--max-seconds 600] [--categories plain,staff,…] [--every-call]

Simulated German callers with goals over the real Retell WebSocket protocol, against the whole service on a free
port and an in-memory embedded database. Each call gets its own copy of the demo salon; afterwards the database
is checked against what the caller wanted. Prints the share of calls that ended exactly right per category and
writes every failing call's transcript (phone numbers masked) to a report file in the temp directory.

Categories: ${CATEGORIES.join(', ')}`;

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    calls: { type: 'string', default: String(CATEGORIES.length * 10) },
    'max-seconds': { type: 'string', default: '600' },
    categories: { type: 'string' },
    'every-call': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const seed = Number(values.seed);
const calls = Number(values.calls);
const maxSeconds = Number(values['max-seconds']);
const categories = (values.categories ? values.categories.split(',') : [...CATEGORIES]) as Category[];
const unknown = categories.filter((c) => !CATEGORIES.includes(c));
if (!Number.isInteger(seed) || !Number.isInteger(calls) || calls < 1 || calls > 5000 || !(maxSeconds > 0) || unknown.length > 0) {
  console.error(unknown.length > 0 ? `unknown categories: ${unknown.join(', ')}` : USAGE);
  process.exit(2);
}

const report = await simulateCallers({
  seed,
  calls,
  categories,
  maxSeconds,
  onCall: (r, done, total) => {
    if (done % 20 === 0 || done === total) console.error(`${done}/${total} calls`);
    if (!r.verdict.ok) console.error(`  #${r.plan.index} ${r.plan.category}: ${r.verdict.failures[0] ?? ''}`);
  },
});
const command = `npm run callers -- --seed ${seed} --calls ${calls}${values.categories ? ` --categories ${values.categories}` : ''}`;
const file = await writeReport(report, command, values['every-call']);
console.log(categoryTable(report));
console.log('\nMost common failure kinds:');
for (const { kind, count } of failureKinds(report).slice(0, 15)) console.log(`  ${count}× ${kind}`);
console.log(`\nReport with the failing calls' transcripts: ${file}`);
