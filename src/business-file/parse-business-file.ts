import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { BusinessDefinition } from './business-definition.js';
import { BusinessFile } from './business-file-schema.js';
import { businessJsonSchema } from './business-json-schema.js';
import { closestWord } from './closest-word.js';
import { defineBusiness } from './define-business.js';
import { formatPath, type FileIssue } from './file-issue.js';
import { lineOf } from './file-positions.js';
import { knownKeysAt } from './known-keys.js';

/** A problem (or a note) found in a file, where it is: `line` is 1-based, null when the file has no such place. */
export interface LocatedIssue {
  line: number | null;
  /** "staff[1].hours.tue"; empty for the file as a whole. */
  path: string;
  message: string;
}

export type ParsedBusinessFile =
  | {
      ok: true;
      definition: BusinessDefinition;
      notes: LocatedIssue[];
      /** Places a problem found later (a number another business has) at its line. */
      locate: (issue: FileIssue) => LocatedIssue;
    }
  | { ok: false; errors: LocatedIssue[] };

/**
 * Reads a business file (YAML, or JSON, which YAML reads too) into a checked definition, or every problem in it
 * with its line. YAML 1.2's core schema reads 2027-07-12 and 09:00 as text, not as a date or a number of minutes.
 */
export function parseBusinessFile(text: string): ParsedBusinessFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, schema: 'core', prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({ line: lines.linePos(e.pos[0]).line, path: '', message: plainYamlError(e.code, e.message) })),
    };
  }
  const parsed = BusinessFile.safeParse(doc.toJS({ maxAliasCount: 100 }), { reportInput: true, error: plainMessage });
  const locate = (issue: FileIssue): LocatedIssue => ({
    line: lineOf(doc, lines, issue.path),
    path: formatPath(issue.path),
    message: issue.message,
  });
  if (!parsed.success) {
    const schema = businessJsonSchema();
    const errors = parsed.error.issues.flatMap((issue): LocatedIssue[] => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code !== 'unrecognized_keys') return [locate({ path, message: issue.message })];
      const known = knownKeysAt(schema, path);
      return issue.keys.map((key) => {
        const near = closestWord(key, known);
        const hint = near ? `; did you mean '${near}'?` : known.length > 0 ? ` (known here: ${known.join(', ')})` : '';
        return locate({ path: [...path, key], message: `unknown key '${key}'${hint}` });
      });
    });
    return { ok: false, errors: errors.sort(byLine) };
  }
  const defined = defineBusiness(parsed.data);
  if (!defined.ok) return { ok: false, errors: defined.issues.map((i) => locate(i)).sort(byLine) };
  return { ok: true, definition: defined.definition, notes: defined.notes.map((n) => locate(n)).sort(byLine), locate: (issue) => locate(issue) };
}

/** One problem a line: "salon.yaml:14: staff[1].hours.tue: '9-18' is no time range, write 09:00-18:00". */
export function formatIssue(fileName: string, issue: LocatedIssue, label?: string): string {
  return `${fileName}${issue.line === null ? '' : `:${issue.line}`}: ${label ? `${label}: ` : ''}${issue.path ? `${issue.path}: ` : ''}${issue.message}`;
}

const byLine = (a: LocatedIssue, b: LocatedIssue) => (a.line ?? 0) - (b.line ?? 0);

function plainYamlError(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'a key is given twice in the same place';
  // The library's message names the line again and quotes the source after it; the line is ours to say.
  return `this is no valid YAML: ${message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
}

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a map of keys',
};

function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map of keys';
  if (typeof value === 'string') return `the text '${value}'`;
  return `${String(value)}`;
}

/**
 * Plain words for the issues the schema does not word itself. A number where text belongs is how YAML reads an
 * unquoted phone number (04012345600 becomes 4012345600), hence the advice to quote.
 */
function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      if (issue.expected === 'string' && typeof issue.input === 'number') return `is the number ${issue.input}; write it in quotes ("…") to keep it as written`;
      return `expected ${KINDS[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    case 'invalid_value': {
      const values = issue.values.map(String);
      const near = typeof issue.input === 'string' ? closestWord(issue.input, values) : undefined;
      return `${describeValue(issue.input)} is none of ${values.join(', ')}${near ? `; did you mean ${near}?` : ''}`;
    }
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      return `is ${String(issue.input)}, must be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'string') return `is longer than ${String(issue.maximum)} characters`;
      if (issue.origin === 'array') return `has more than ${String(issue.maximum)} entries`;
      return `is ${String(issue.input)}, must be at most ${String(issue.maximum)}`;
    default:
      return undefined;
  }
}
