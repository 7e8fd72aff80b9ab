/** What a soak run does; every field has a default, so `runSoak({})` is the full default run. */
export const FAULTS = ['redis', 'instance', 'db'] as const;
export type Fault = (typeof FAULTS)[number];

export interface SoakOptions {
  /** Phone calls to place in total (follow-up calls of a caller included). Default 200, at most 1000. */
  calls: number;
  /** Server instances, each its own OS process. Default 3. */
  instances: number;
  /** Independent Redis nodes for Redlock. Default 3. */
  redis: number;
  /** Faults to inject while the calls run. Default all three. */
  faults: Fault[];
  seed: number;
  /** Over how long the first calls of all callers start. Default: 25 ms per caller, at most 8 s. */
  rampMs?: number;
  /** A caller's pause before each line, drawn between these bounds (ms). Default 150–900. */
  thinkMs: [number, number];
  /** Longest wait for a complete response before the turn counts as timed out. Default 35 s (the server closes a turn after 30 s). */
  responseTimeoutMs: number;
  /** Longest a single call may take before the caller hangs up. Default 180 s. */
  callTimeoutMs: number;
  /** Leave the run's database in place (its URL is printed) to look into a violation. */
  keepDatabase: boolean;
  /** Where to write the report as JSON (CLI only). */
  json?: string;
  /** Print progress lines while running. Default true on the CLI, false from runSoak callers that pass nothing. */
  verbose: boolean;
  /** Aborting stops every process the run started and drops its database. */
  signal?: AbortSignal;
}

export const DEFAULT_OPTIONS: SoakOptions = {
  calls: 200,
  instances: 3,
  redis: 3,
  faults: [...FAULTS],
  seed: 1,
  thinkMs: [150, 900],
  responseTimeoutMs: 35_000,
  callTimeoutMs: 180_000,
  keepDatabase: false,
  verbose: false,
};

/** Fills in defaults and rejects impossible settings. */
export function resolveOptions(partial: Partial<SoakOptions>): SoakOptions {
  const options = { ...DEFAULT_OPTIONS, ...partial };
  if (!Number.isInteger(options.calls) || options.calls < 1 || options.calls > 1000) throw new Error('--calls must be an integer from 1 to 1000');
  if (!Number.isInteger(options.instances) || options.instances < 1 || options.instances > 8) throw new Error('--instances must be an integer from 1 to 8');
  if (!Number.isInteger(options.redis) || options.redis < 1 || options.redis > 7) throw new Error('--redis must be an integer from 1 to 7');
  if (options.faults.includes('instance') && options.instances < 2)
    throw new Error('the instance fault needs at least 2 instances (callers reconnect to another one)');
  if (options.faults.includes('redis') && options.redis < 3) throw new Error('the redis fault needs at least 3 nodes, so a quorum survives it');
  if (!Number.isInteger(options.seed)) throw new Error('--seed must be an integer');
  return options;
}

const USAGE = `npx tsx bench/soak/run-soak.ts [--calls 200] [--instances 3] [--redis 3] [--faults redis,instance,db|none] [--seed N] [--json out.json] [--keep-db]

Starts a throwaway database, Redis nodes and server instances, places simulated Retell phone calls against them
while injecting faults, then checks the database for double bookings and for bookings the callers were not told
about. Exits 1 on any violation.`;

/** Reads the command line; returns a message (usage or error) instead of options when the run should not start. */
export function parseSoakArgs(argv: string[]): { options: Partial<SoakOptions> } | { message: string; exitCode: number } {
  const out: Partial<SoakOptions> = {};
  const integer = (flag: string, raw: string | undefined): number => {
    const value = Number(raw);
    if (raw === undefined || raw === '' || !Number.isInteger(value)) throw new Error(`${flag} needs an integer`);
    return value;
  };
  try {
    for (let i = 0; i < argv.length; i++) {
      const arg = argv[i]!;
      const eq = arg.indexOf('=');
      const flag = eq > 0 ? arg.slice(0, eq) : arg;
      const value = () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
      switch (flag) {
        case '--help':
        case '-h':
          return { message: USAGE, exitCode: 0 };
        case '--calls':
          out.calls = integer(flag, value());
          break;
        case '--instances':
          out.instances = integer(flag, value());
          break;
        case '--redis':
          out.redis = integer(flag, value());
          break;
        case '--seed':
          out.seed = integer(flag, value());
          break;
        case '--faults':
          out.faults = parseFaults(value());
          break;
        case '--keep-db':
          out.keepDatabase = true;
          break;
        case '--json': {
          const file = value();
          if (!file) throw new Error('--json needs a file name');
          out.json = file;
          break;
        }
        default:
          throw new Error(`unknown argument ${arg}`);
      }
    }
  } catch (error) {
    return { message: `${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, exitCode: 2 };
  }
  return { options: out };
}

function parseFaults(raw: string | undefined): Fault[] {
  if (raw === undefined || raw === '') throw new Error('--faults needs a list (redis,instance,db) or none');
  if (raw === 'none') return [];
  const names = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) if (!(FAULTS as readonly string[]).includes(name)) throw new Error(`unknown fault ${name} (redis, instance, db, none)`);
  return [...new Set(names)] as Fault[];
}
