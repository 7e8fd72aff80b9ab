import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUSINESS_SCHEMA_FILE, businessJsonSchema } from '../src/business-file/business-json-schema.js';
import { formatIssue, parseBusinessFile } from '../src/business-file/parse-business-file.js';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
const exampleFiles = [...readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')), ...readdirSync(join(EXAMPLES, 'demo')).map((f) => join('demo', f))];

describe('the published business file schema and the examples', () => {
  it('commits the JSON Schema generated from the zod schema apply parses with', () => {
    // After a change to the file's schema: npx termin-agent business schema > schema/business.schema.json
    expect(JSON.parse(readFileSync(BUSINESS_SCHEMA_FILE, 'utf8'))).toEqual(businessJsonSchema());
  });

  it.each(exampleFiles)('%s reads without a problem and points editors at the schema', (name) => {
    const text = readFileSync(join(EXAMPLES, name), 'utf8');
    const depth = name.split('/').length;
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${'../'.repeat(depth)}schema/business.schema.json`);
    const parsed = parseBusinessFile(text);
    expect(parsed.ok ? [] : parsed.errors.map((e) => formatIssue(name, e))).toEqual([]);
    expect(parsed.ok && parsed.notes).toEqual([]);
  });

  it('has a barbershop and a practice in a zone other than Berlin, with composite services and closures', () => {
    const definitions = exampleFiles.filter((f) => !f.startsWith('demo')).map((f) => parseBusinessFile(readFileSync(join(EXAMPLES, f), 'utf8')));
    const kinds = definitions.map((p) => p.ok && [p.definition.kind, p.definition.timeZone]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['salon', 'Europe/Berlin'],
        ['practice', 'Europe/Vienna'],
      ]),
    );
    for (const p of definitions) {
      if (!p.ok) throw new Error('example');
      expect(p.definition.services.some((s) => s.segments.some((x) => x.kind === 'gap'))).toBe(true);
      expect(p.definition.closures.length).toBeGreaterThan(0);
    }
  });
});
