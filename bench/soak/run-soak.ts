/**
 * `npx tsx bench/soak/run-soak.ts [--calls 200] [--instances 3] [--redis 3] [--faults redis,instance,db|none] [--seed N] [--json out.json]`
 * Exit code 0: no violations; 1: violations (or the run itself failed); 2: bad usage; 130: interrupted.
 */
import { writeFileSync } from 'node:fs';
import { parseSoakArgs } from './options.js';
import { formatReport } from './soak-report.js';
import { runSoak } from './soak.js';

export { runSoak, type SoakOptions, type SoakReport } from './soak.js';

async function main(): Promise<number> {
  const parsed = parseSoakArgs(process.argv.slice(2));
  if ('message' in parsed) {
    (parsed.exitCode === 0 ? console.log : console.error)(parsed.message);
    return parsed.exitCode;
  }
  const controller = new AbortController();
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error('\ninterrupted: stopping every process the run started (Ctrl-C again to exit at once)');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const report = await runSoak({ ...parsed.options, verbose: true, signal: controller.signal });
    if (interrupted) return 130;
    console.log(formatReport(report));
    if (parsed.options.json) writeFileSync(parsed.options.json, `${JSON.stringify(report, null, 2)}\n`);
    return report.violations.length === 0 ? 0 : 1;
  } catch (error) {
    if (interrupted) return 130;
    console.error(`soak run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

const invokedDirectly = process.argv[1] !== undefined && /run-soak\.(ts|js)$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = await main();
