/**
 * Text that Postgres can store. JSON and JavaScript strings may hold what Postgres refuses: a NUL character
 * (`text` and `jsonb` both reject `\u0000`) and unpaired UTF-16 surrogates (`jsonb` rejects their escapes, UTF-8
 * has no encoding for them). Pure, so every edge (HTTP, the call socket, the CLI) cleans or refuses the same way.
 */

const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// NUL and lone surrogates can enter JSON text only as escapes (raw control characters are not valid JSON, and
// invalid UTF-8 is decoded to U+FFFD), so text without such an escape needs no walk after parsing.
const SUSPECT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;

/** Whether raw JSON text may hold NUL or a lone surrogate once parsed (cheap: the hot path skips `cleanJson`). */
export function mayHoldUncleanText(json: string): boolean {
  return SUSPECT_ESCAPE.test(json);
}

/** Deeper JSON than this is never sent by Retell or an API client; walking it could exhaust the stack. */
const MAX_JSON_DEPTH = 64;

/** The string without NUL characters, each unpaired surrogate replaced by U+FFFD (as a UTF-8 encoder would). */
export function cleanText(value: string): string {
  return value.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** True when the string holds nothing `cleanText` would change. */
export function isCleanText(value: string): boolean {
  return !UNSAFE.test(value);
}

/**
 * A JSON value with `cleanText` applied to every string and key; undefined when it nests deeper than `maxDepth`.
 * Keys are defined, not assigned, so a key named `__proto__` stays a key instead of replacing the prototype.
 */
export function cleanJson(value: unknown, maxDepth = MAX_JSON_DEPTH, depth = 0): unknown {
  if (depth > maxDepth) return undefined;
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const cleaned = cleanJson(item, maxDepth, depth + 1);
      if (cleaned === undefined) return undefined;
      out.push(cleaned);
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const cleaned = cleanJson(item, maxDepth, depth + 1);
      if (cleaned === undefined) return undefined;
      Object.defineProperty(out, cleanText(key), { value: cleaned, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/**
 * The path of the first string or key that is not clean text ("reason", "items.2", "body" for the value itself),
 * or null when every string is clean. Stops at `maxDepth` and reports the path there: too deep is unusable too.
 */
export function findUncleanText(value: unknown, maxDepth = MAX_JSON_DEPTH): string | null {
  const walk = (v: unknown, path: string[], depth: number): string[] | null => {
    if (depth > maxDepth) return path;
    if (typeof v === 'string') return isCleanText(v) ? null : path;
    if (Array.isArray(v)) {
      for (const [i, item] of v.entries()) {
        const found = walk(item, [...path, String(i)], depth + 1);
        if (found) return found;
      }
      return null;
    }
    if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        // A key that is itself unclean is named by where it sits, never by its own (unprintable) text.
        if (!isCleanText(key)) return path;
        const found = walk(item, [...path, key], depth + 1);
        if (found) return found;
      }
    }
    return null;
  };
  const found = walk(value, [], 0);
  // A path names fields for an error message; a client's keys can be long, the message stays short.
  return found === null ? null : found.join('.').slice(0, 100) || 'body';
}
