import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { coarsePartOfDay, readCallerUtterance } from '../german/understand/index.js';
import { DEMO_SERVICES, DEMO_STAFF, runParseCommand } from './parse.js';

const REF = '2026-11-19T09:00:00+01:00';

async function run(args: string[], stdinText = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => err.push(c.toString()));
  const code = await runParseCommand(args, { stdin: Readable.from([stdinText]), stdout, stderr }, { now: () => new Date(REF) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('termin-agent parse', () => {
  it('prints what it understood in a sentence', async () => {
    const r = await run(['morgen so gegen halb drei bei Emma, Ansatzfärbung', '--ref', REF]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/date\s+2026-11-20 \(Freitag\)/);
    expect(r.stdout).toMatch(/time\s+14:30/);
    expect(r.stdout).toMatch(/staff\s+Emma Williams/);
    expect(r.stdout).toMatch(/services\s+Ansatzfärbung \(1\.00\)/);
    expect(r.stdout).toMatch(/ambiguous\s+no/);
  });

  it('shows the alternative of an ambiguous reading and the zone', async () => {
    const r = await run(['um', 'sieben', `--ref=${REF}`, '--zone', 'Europe/Berlin']);
    expect(r.stdout).toMatch(/ambiguous\s+yes, or 07:00/);
    expect(r.stdout).toContain('(Europe/Berlin)');
  });

  it('shows name, phone and intent when present', async () => {
    const r = await run(['mein Name ist Maria Schmidt, meine Nummer ist 0176 1234 5678', '--ref', REF]);
    expect(r.stdout).toMatch(/caller name\s+Maria Schmidt/);
    expect(r.stdout).toMatch(/phone\s+\+4917612345678/);
    expect(r.stdout).toMatch(/intent\s+/);
  });

  it('uses a given catalogue instead of the demo salon', async () => {
    const stdout = new PassThrough();
    const chunks: string[] = [];
    stdout.on('data', (c: Buffer) => chunks.push(c.toString()));
    await runParseCommand(
      ['Kontrolle bei Dr. Weber', '--ref', REF],
      { stdin: Readable.from(['']), stdout, stderr: new PassThrough() },
      {
        services: [{ id: 'k', name: 'Kontrolluntersuchung', synonyms: ['Kontrolle'] }],
        staff: [{ id: 'w', name: 'Dr. Anna Weber', aliases: [] }],
      },
    );
    expect(chunks.join('')).toMatch(/services\s+Kontrolluntersuchung/);
    expect(chunks.join('')).toMatch(/staff\s+Dr\. Anna Weber/);
  });

  it('writes exactly one JSON line per input line with --jsonl', async () => {
    const input = [
      JSON.stringify({ text: 'morgen um 14 Uhr', ref: REF }),
      'not json',
      JSON.stringify({ text: 'nächsten Freitag', ref: REF }),
      '',
      JSON.stringify({ ref: REF }),
      JSON.stringify({ text: 'um drei', ref: 'yesterday' }),
      JSON.stringify({ text: 'übermorgen vormittags' }),
    ].join('\n');
    const r = await run(['--jsonl', '--ref', REF], `${input}\n`);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toEqual({ date: '2026-11-20', time: '14:00', part_of_day: null, ambiguous: false });
    expect(lines[1]).toMatchObject({ date: null, time: null, part_of_day: null, ambiguous: false, error: 'invalid JSON' });
    expect(lines[2]).toMatchObject({ date: '2026-11-27', ambiguous: true, alternative: { date: '2026-11-20', time: null } });
    expect(lines[3]).toMatchObject({ date: null, ambiguous: false, error: 'invalid JSON' });
    expect(lines[4]).toMatchObject({ date: null, time: null, part_of_day: null, ambiguous: false });
    expect(lines[4]!.error).toBeTypeOf('string');
    expect(lines[5]!.error).toBeTypeOf('string');
    expect(lines[6]).toEqual({ date: '2026-11-21', time: null, part_of_day: 'vormittags', ambiguous: false });
  });

  it('handles CRLF input and a missing final newline', async () => {
    const r = await run(['--jsonl'], `${JSON.stringify({ text: 'um drei', ref: REF })}\r\n${JSON.stringify({ text: 'heute', ref: REF })}`);
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { time: string | null; date: string | null }),
    ).toEqual([
      { date: null, time: '15:00', part_of_day: null, ambiguous: false },
      { date: '2026-11-19', time: null, part_of_day: null, ambiguous: false },
    ]);
  });

  it('prints help and rejects bad usage', async () => {
    expect((await run(['--help'])).stdout).toContain('termin-agent parse');
    expect((await run([])).code).toBe(2);
    expect((await run(['x', '--frobnicate'])).code).toBe(2);
    expect((await run(['morgen', '--ref', 'gestern'])).code).toBe(2);
    expect((await run(['morgen', '--ref'])).stderr).toContain('--ref needs a value');
  });

  it('defaults the reference to now', async () => {
    const r = await run(['morgen']);
    expect(r.stdout).toMatch(/date\s+2026-11-20/);
  });

  it('writes the coarse part of the day of the contract, the finer one, and a stretch of days as its first day with the stretch beside it', async () => {
    const input = ['am späten Nachmittag', 'nach der Arbeit', 'nächste Woche', 'früh'].map((text) => JSON.stringify({ text, ref: REF })).join('\n');
    const lines = (await run(['--jsonl'], `${input}\n`)).stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { date: null, time: null, part_of_day: 'nachmittags', ambiguous: false, part_of_day_detail: 'spaetnachmittags' },
      { date: null, time: null, part_of_day: 'abends', ambiguous: false, part_of_day_detail: 'nach_der_arbeit' },
      { date: '2026-11-23', time: null, part_of_day: null, ambiguous: false, period: { from: '2026-11-23', to: '2026-11-29' } },
      { date: null, time: null, part_of_day: 'morgens', ambiguous: false, part_of_day_detail: 'frueh' },
    ]);
  });
});

/** Sentences a call and the command line must read alike (the first looped in calls while it parsed right here). */
const SAME_READING = [
  'noch einen zweiten Termin, Herrenschnitt am Samstag um elf',
  'den zweiten bitte',
  'am zweiten Dezember um halb fünf',
  'ja hallo äh ich bräuchte nen termin für nen herrenschnitt am dienstach so um drei',
  'Moin, geht es Freitach um halb neune bei Emma?',
  'mein Name ist Petra Freitag, Ansatzfärbung nächste Woche',
  'erster Dienstag im Dezember, so zehn, elf Uhr rum',
  'am letzten Samstag im Monat nach der Arbeit',
  'in 2,5 Stunden',
  'Donnerstag nachmittag',
];

describe('termin-agent parse reads as the conversation does', () => {
  const catalogue = { services: DEMO_SERVICES, staff: DEMO_STAFF };

  it.each(SAME_READING)('prints the shared reading of "%s"', async (text) => {
    const u = readCallerUtterance(text, catalogue, { instant: REF, zone: 'Europe/Berlin' });
    const printed = (await run([text, '--ref', REF])).stdout;
    const field = (name: string) => new RegExp(`^${name}\\s+(.*)$`, 'm').exec(printed)?.[1];
    expect(field('date')?.slice(0, 10)).toBe(u.when.date ?? '–');
    expect(field('time')).toBe(u.when.time ?? '–');
    expect(field('part of day')).toBe(u.when.partOfDay ?? '–');
    expect(field('intent')).toBe(u.intent);
    expect(field('picks') === undefined).toBe(u.pick === null);

    const line = (await run(['--jsonl'], `${JSON.stringify({ text, ref: REF })}\n`)).stdout;
    expect(JSON.parse(line)).toMatchObject({
      date: u.when.date ?? u.when.period?.from ?? null,
      time: u.when.time,
      part_of_day: u.when.partOfDay && coarsePartOfDay(u.when.partOfDay),
      ambiguous: u.when.ambiguous,
    });
  });

  it('reads the sentence that looped in calls as a Saturday 11:00 Herrenhaarschnitt', () => {
    const u = readCallerUtterance(SAME_READING[0]!, catalogue, { instant: REF, zone: 'Europe/Berlin' });
    expect(u).toMatchObject({ pick: null, hasWhen: true, serviceIds: ['herrenhaarschnitt'], when: { date: '2026-11-21', time: '11:00' } });
  });
});
