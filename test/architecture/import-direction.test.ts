import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Data flows one way: transports (voice/transport, http/, tools/, cli/) → the conversation → reception/ →
 * booking/, calls/, … → db/ and locks/; german/ is a library beside them and the only place German is read.
 * This test reads every source file's imports and names each arrow that points the wrong way.
 */

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const DOMAIN = ['booking', 'reception', 'calls', 'customers', 'access', 'business-file', 'db', 'locks'];
const TRANSPORTS = ['voice', 'http', 'cli', 'tools'];
/** Pure modules at the root that any layer may use: time units, the window of dates a request may name, the parts of the day. */
const PURE_SHARED = ['clock', 'date-window', 'parts-of-day'];

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The src-relative imports of every file under src/ ("booking/book-appointment", without ".js"). */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const from = relative(SRC, file).replace(/\.ts$/, '');
  const found: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[2] ?? m[3];
    if (!spec?.startsWith('.')) continue;
    const target = relative(SRC, resolve(dirname(file), spec)).replace(/\.js$/, '');
    if (target.startsWith('..')) continue;
    found.push({ from, to: target, typeOnly: m[1] !== undefined });
  }
  return found;
}

const area = (path: string) => path.split('/')[0] ?? '';
const under = (path: string, ...prefixes: string[]) => prefixes.some((p) => path === p || path.startsWith(`${p}/`));

const RULES: Array<{ name: string; breaks: (i: Import) => boolean }> = [
  { name: 'a domain module imports a transport', breaks: (i) => DOMAIN.includes(area(i.from)) && TRANSPORTS.includes(area(i.to)) },
  { name: 'tools/ imports voice/', breaks: (i) => under(i.from, 'tools') && under(i.to, 'voice') },
  {
    name: 'db/ imports a domain module',
    breaks: (i) => under(i.from, 'db') && (DOMAIN.includes(area(i.to)) || TRANSPORTS.includes(area(i.to)) || area(i.to) === 'german') && !under(i.to, 'db'),
  },
  {
    name: 'booking/, reception/ or db/ import german/ (no German in the domain)',
    breaks: (i) => under(i.from, 'booking', 'reception', 'db') && under(i.to, 'german'),
  },
  {
    name: 'german/ uses a module outside german/ (only types may come in; it does no I/O)',
    breaks: (i) => under(i.from, 'german') && !under(i.to, 'german', ...PURE_SHARED) && !i.typeOnly,
  },
  { name: 'the conversation calls the function endpoints instead of the reception', breaks: (i) => under(i.from, 'voice/dialogue') && under(i.to, 'tools') },
  {
    name: 'german/understand internals imported from outside german/',
    breaks: (i) => !under(i.from, 'german') && under(i.to, 'german/understand') && i.to !== 'german/understand/index' && !i.from.endsWith('.test'),
  },
];

/** Words only German parsing puts in a pattern. */
const GERMAN_WORDS =
  /[äöüß]|\b(uhr|halb|viertel|morgen|heute|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|termin(?!-agent)|absagen|stornier|verschieb|erste|zweite|dritte|letzte|bitte|nein)/i;
const REGEX_LITERAL = /(?<![\w)\]])\/(?![*/\s])((?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\n\\])+)\/[dgimsuvy]*/g;

/** Regular expressions over German words in a file outside german/: German parsing that belongs in german/. */
function germanPatternsIn(file: string): string[] {
  const code = readFileSync(file, 'utf8')
    .split('\n')
    // Comments and import paths are not patterns.
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && !/^\s*(import|export)\b.*\bfrom\s/.test(line))
    .join('\n');
  return [...code.matchAll(REGEX_LITERAL)].map((m) => m[1] ?? '').filter((source) => GERMAN_WORDS.test(source));
}

describe('import direction', () => {
  const files = sourceFiles(SRC);
  const imports = files.flatMap(importsOf);

  const violations = [
    ...imports.flatMap((i) => RULES.filter((r) => r.breaks(i)).map((r) => `${r.name}: ${i.from} → ${i.to}`)),
    ...files
      .filter((f) => !under(relative(SRC, f), 'german') && !f.endsWith('.test.ts'))
      .filter((f) => germanPatternsIn(f).length > 0)
      .map((f) => `German parsing outside german/: ${relative(SRC, f).replace(/\.ts$/, '')}`),
  ];

  it('reads the imports of the source tree', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.from === 'tools/check-availability' && i.to === 'german/speak/phrase-offer' && !i.typeOnly)).toBe(true);
    expect(imports.some((i) => i.from === 'reception/create-reception' && i.to === 'reception/offer-slots')).toBe(true);
  });

  it('has no arrow against the one-way rule', () => {
    expect(violations).toEqual([]);
  });

  it('recognises each kind of wrong arrow', () => {
    const wrong = (from: string, to: string, typeOnly = false) => RULES.filter((r) => r.breaks({ from, to, typeOnly })).map((r) => r.name);
    expect(wrong('booking/book-appointment', 'http/errors')).toEqual(['a domain module imports a transport']);
    expect(wrong('tools/run-tool', 'voice/conversation')).toEqual(['tools/ imports voice/']);
    expect(wrong('db/schema', 'booking/calendar-model', true)).toEqual(['db/ imports a domain module']);
    expect(wrong('db/create-database', 'config', true)).toEqual([]);
    expect(wrong('reception/offer-slots', 'german/speak/wording')).toEqual(['booking/, reception/ or db/ import german/ (no German in the domain)']);
    expect(wrong('german/speak/wording', 'booking/load-directory', true)).toEqual([]);
    expect(wrong('german/speak/wording', 'db/database')).toHaveLength(1);
    expect(wrong('german/understand/resolve-when', 'date-window')).toEqual([]);
    expect(wrong('cli/parse', 'german/understand/time/clock')).toEqual(['german/understand internals imported from outside german/']);
    expect(germanPatternsIn(fileURLToPath(import.meta.url)).length).toBeGreaterThan(0);
  });
});
