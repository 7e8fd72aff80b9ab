/**
 * `termin-agent parse`: shows what the understanding layer reads in a German sentence, or, with
 * `--jsonl`, reads `{"text","ref"}` lines from stdin and writes one
 * `{"date","time","part_of_day","ambiguous"}` line per input line (a bad line yields an "error"
 * field, never a crash).
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import {
  coarsePartOfDay,
  readCallerUtterance,
  resolveReference,
  DEFAULT_ZONE,
  type CallerUtterance,
  type ServiceEntry,
  type StaffEntry,
} from '../german/understand/index.js';

export interface ParseCommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface ParseCommandOptions {
  /** The business's services and staff; defaults to the demo salon. */
  services?: ServiceEntry[];
  staff?: StaffEntry[];
  /** Clock for the default reference instant. */
  now?: () => Date;
}

/** The demo salon's catalogue, used when no business is given. */
export const DEMO_SERVICES: ServiceEntry[] = [
  { id: 'damenhaarschnitt', name: 'Damenhaarschnitt', synonyms: ['Damenschnitt', 'Haarschnitt Damen'] },
  { id: 'herrenhaarschnitt', name: 'Herrenhaarschnitt', synonyms: ['Herrenschnitt', 'Männerhaarschnitt'] },
  { id: 'waschen-foehnen', name: 'Waschen/Föhnen', synonyms: ['Waschen und Föhnen', 'Föhnen'] },
  { id: 'ansatzfaerbung', name: 'Ansatzfärbung', synonyms: ['Ansatz färben', 'Ansatz nachfärben'] },
  { id: 'straehnchen', name: 'Strähnchen', synonyms: ['Highlights'] },
];
/** The demo salon's staff with the names callers use for them. */
export const DEMO_STAFF: StaffEntry[] = [
  { id: 'emma', name: 'Emma Williams', aliases: ['Frau Williams'] },
  { id: 'fabian', name: 'Fabian Spitzer', aliases: ['Herr Spitzer'] },
  { id: 'oliver', name: 'Oliver Kretschmer', aliases: ['Herr Kretschmer'] },
];

const USAGE = `Usage:
  termin-agent parse "<sentence>" [--ref <ISO instant>] [--zone <IANA zone>]
  termin-agent parse --jsonl [--ref <ISO instant>] [--zone <IANA zone>]  < lines.jsonl

Shows what the agent understands in a German caller sentence: date, time, part of day,
ambiguity, and services, staff, name, phone number and intent of the demo salon. It reads
the sentence with the same function as the phone conversation.

  --ref    reference instant (default: now), e.g. 2026-11-19T09:00:00+01:00
  --zone   business time zone (default: ${DEFAULT_ZONE})
  --jsonl  read {"text": "...", "ref": "<ISO>"} lines from stdin, write one JSON line each:
           {"date", "time", "part_of_day", "ambiguous"} (+ "error" for a bad line;
           + "period" {"from","to"} when a stretch of days but no single day was named)
  --help   this text
`;

const JsonlInput = z.object({ text: z.string(), ref: z.string().optional(), zone: z.string().optional() });
type JsonlInput = z.infer<typeof JsonlInput>;

interface Args {
  help: boolean;
  jsonl: boolean;
  ref?: string;
  zone?: string;
  text: string[];
}

function parseArgs(args: string[]): Args | string {
  const out: Args = { help: false, jsonl: false, text: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--help' || flag === '-h') out.help = true;
    else if (flag === '--jsonl') out.jsonl = true;
    else if (flag === '--ref' || flag === '--zone') {
      const value = inline ?? args[++i];
      if (value === undefined) return `${flag} needs a value`;
      if (flag === '--ref') out.ref = value;
      else out.zone = value;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else out.text.push(a);
  }
  return out;
}

const WEEKDAY_NAMES = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];

function weekdayOf(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const wd = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return WEEKDAY_NAMES[wd] ?? '';
}

const show = (date: string | null) => (date ? `${date} (${weekdayOf(date)})` : '–');
const slot = (o: { date: string | null; time: string | null }) => [o.date ? show(o.date) : null, o.time].filter(Boolean).join(' ') || '–';

const catalogue = (options: ParseCommandOptions) => ({ services: options.services ?? DEMO_SERVICES, staff: options.staff ?? DEMO_STAFF });
const PICK_NAMES: Record<number, string> = { [-1]: 'the last offer', 0: 'the first offer', 1: 'the second offer', 2: 'the third offer' };

function describe(ref: string, zone: string, u: CallerUtterance, options: ParseCommandOptions): string[] {
  const { services, staff } = catalogue(options);
  const r = u.when;
  const lines: Array<[string, string]> = [
    ['text', u.text],
    ['reference', `${ref} (${zone})`],
    ['date', show(r.date)],
    ['time', r.time ?? '–'],
    ['part of day', r.partOfDay ?? '–'],
    ['ambiguous', r.ambiguous && r.alternative ? `yes, or ${slot(r.alternative)}` : 'no'],
  ];
  if (r.period) lines.push(['period', `${show(r.period.from)} to ${show(r.period.to)} (no single day)`]);
  if (r.earliest) lines.push(['earliest', 'yes (so früh wie möglich)']);
  if (r.alternatives) lines.push(['alternatives', r.alternatives.map(slot).join('; ')]);
  if (r.excludedWeekdays) lines.push(['excluded days', r.excludedWeekdays.map((d) => WEEKDAY_NAMES[d - 1]).join(', ')]);
  if (u.services.length > 0)
    lines.push([
      'services',
      u.services.map((m) => `${services.find((s) => s.id === m.serviceId)?.name ?? m.serviceId} (${m.confidence.toFixed(2)})`).join(', '),
    ]);
  if (u.question) lines.push(['question', u.question]);
  const who = u.staff;
  const staffName = (id: string) => staff.find((s) => s.id === id)?.name ?? id;
  if (who?.kind === 'named') lines.push(['staff', who.staffIds.map(staffName).join(' or ')]);
  if (who?.kind === 'any') lines.push(['staff', 'any']);
  if (who?.excludedStaffIds) lines.push(['not staff', who.excludedStaffIds.map(staffName).join(', ')]);
  if (u.name) lines.push(['caller name', u.name.full]);
  if (u.phone) lines.push(['phone', u.phone]);
  if (u.pick !== null) lines.push(['picks', PICK_NAMES[u.pick] ?? String(u.pick)]);
  lines.push(['intent', u.intent]);
  if (u.correction) lines.push(['correction', 'yes']);
  const width = Math.max(...lines.map(([k]) => k.length));
  return lines.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
}

function jsonlLine(line: string, defaults: { ref: string; zone: string }, options: ParseCommandOptions): string {
  const empty = { date: null, time: null, part_of_day: null, ambiguous: false };
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return JSON.stringify({ ...empty, error: 'invalid JSON' });
  }
  const input = JsonlInput.safeParse(raw);
  if (!input.success) return JSON.stringify({ ...empty, error: 'expected {"text": string, "ref"?: ISO instant, "zone"?: IANA zone}' });
  const { text, ref = defaults.ref, zone = defaults.zone }: JsonlInput = input.data;
  try {
    const r = readCallerUtterance(text, catalogue(options), { instant: ref, zone }).when;
    return JSON.stringify({
      // A stretch said alone ("nächste Woche", "im Januar") reads as its first day, as ranges reduce to their start;
      // the conversation does not book that day but asks which one (it reads `period` instead).
      date: r.date ?? r.period?.from ?? null,
      time: r.time,
      // The contract's five parts of the day; the finer one the reader heard comes beside it.
      part_of_day: r.partOfDay && coarsePartOfDay(r.partOfDay),
      ambiguous: r.ambiguous,
      ...(r.partOfDay && r.partOfDay !== coarsePartOfDay(r.partOfDay) ? { part_of_day_detail: r.partOfDay } : {}),
      ...(r.period ? { period: r.period } : {}),
      ...(r.alternative ? { alternative: r.alternative } : {}),
      ...(r.earliest ? { earliest: true } : {}),
      ...(r.alternatives ? { alternatives: r.alternatives } : {}),
      ...(r.excludedWeekdays ? { excluded_weekdays: r.excludedWeekdays } : {}),
    });
  } catch (err) {
    return JSON.stringify({ ...empty, error: err instanceof Error ? err.message : 'cannot read this line' });
  }
}

/** Runs `termin-agent parse`; returns the process exit code. */
export async function runParseCommand(args: string[], io: ParseCommandIo, options: ParseCommandOptions = {}): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`termin-agent parse: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const zone = parsed.zone ?? DEFAULT_ZONE;
  const ref = parsed.ref ?? (options.now ?? (() => new Date()))().toISOString();
  try {
    resolveReference({ instant: ref, zone });
  } catch (err) {
    io.stderr.write(`termin-agent parse: ${err instanceof Error ? err.message : 'invalid --ref or --zone'}\n`);
    return 2;
  }
  if (parsed.jsonl) {
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of lines) io.stdout.write(`${jsonlLine(line, { ref, zone }, options)}\n`);
    return 0;
  }
  const text = parsed.text.join(' ').trim();
  if (text === '') {
    io.stderr.write(`termin-agent parse: no sentence given\n\n${USAGE}`);
    return 2;
  }
  const utterance = readCallerUtterance(text, catalogue(options), { instant: ref, zone });
  io.stdout.write(`${describe(ref, zone, utterance, options).join('\n')}\n`);
  return 0;
}
