import { Document, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { BusinessFile } from './business-file-schema.js';

export type FileFormat = 'yaml' | 'json';

export interface RenderOptions {
  format: FileFormat;
  /** Where editors find the JSON Schema, relative to the file or a URL; written into the file. */
  schemaRef: string;
}

/**
 * A business file as text: YAML with the editor's schema line first (`# yaml-language-server: $schema=…`), short
 * lists on one line (`[Jan, Herr Petersen]`, `{ work: 30 }`), or JSON with a `$schema` key. Keys the owner would
 * leave out (no phases, no time off, buffers of 0) are left out; lists a caller's words go in stay visible.
 */
export function renderBusinessFile(file: BusinessFile, options: RenderOptions): string {
  const pruned = prune(file);
  if (options.format === 'json') return `${JSON.stringify({ $schema: options.schemaRef, ...pruned }, null, 2)}\n`;
  const doc = new Document(pruned);
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || !isSeq(pair.value)) return;
      const key = String(pair.key.value);
      // Lists of words and of ranges read best on one line; so do phases and closures, one map per line.
      if (pair.value.items.every((item) => isScalar(item))) pair.value.flow = true;
      if (key === 'segments' || key === 'closures' || key === 'time_off') for (const item of pair.value.items) if (isMap(item)) item.flow = true;
    },
  });
  // Section breaks between the top-level keys, as a person lays such a file out.
  if (isMap(doc.contents)) doc.contents.items.forEach((item, i) => i > 0 && isPair(item) && isScalar(item.key) && (item.key.spaceBefore = true));
  const body = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return `# yaml-language-server: $schema=${options.schemaRef}\n${body}`;
}

function prune(file: BusinessFile): Record<string, unknown> {
  const { $schema: _schema, ...rest } = file;
  return {
    business: { ...file.business, ...(Object.keys(file.business.answers).length === 0 ? { answers: undefined } : {}) },
    opening_hours: rest.opening_hours,
    ...(rest.closures.length > 0 ? { closures: rest.closures } : {}),
    services: rest.services.map((s) => dropDefaults(s, { segments: [], buffer_before_minutes: 0, buffer_after_minutes: 0, plural: false })),
    staff: rest.staff.map((m) => dropDefaults(m, { time_off: [] })),
  };
}

function dropDefaults<T extends object>(entry: T, defaults: Record<string, unknown>): Partial<T> {
  return Object.fromEntries(
    Object.entries(entry).filter(([key, value]) => value !== undefined && !(key in defaults && JSON.stringify(defaults[key]) === JSON.stringify(value))),
  ) as Partial<T>;
}
