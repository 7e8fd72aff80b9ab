/**
 * Postgres refuses NUL in text and jsonb, and jsonb refuses lone UTF-16 surrogates: a frame carrying either (in a
 * transcript, a number, a metadata key) would make a later write throw and leave the call `ongoing`. Both can only
 * enter through JSON escapes (`\u0000`, `\ud800`; raw control characters are not valid JSON, and invalid UTF-8
 * is already decoded to U+FFFD), so frames without such an escape skip the walk entirely.
 */

const SUSPECT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/;
const NUL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Nesting beyond this is no frame Retell sends; walking it would only cost stack. */
export const MAX_FRAME_DEPTH = 64;

/** Whether the raw frame text may contain NUL or a lone surrogate once parsed. */
export function needsCleaning(text: string): boolean {
  return SUSPECT_ESCAPE.test(text);
}

/** The string without NUL, with every lone surrogate replaced by U+FFFD. */
export function cleanString(value: string): string {
  return value.replace(NUL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** A parsed JSON value with every string and key cleaned; null when it is nested deeper than MAX_FRAME_DEPTH. */
export function cleanJson(value: unknown, depth = 0): { value: unknown } | null {
  if (typeof value === 'string') return { value: cleanString(value) };
  if (value === null || typeof value !== 'object') return { value };
  if (depth >= MAX_FRAME_DEPTH) return null;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const cleaned = cleanJson(item, depth + 1);
      if (!cleaned) return null;
      out.push(cleaned.value);
    }
    return { value: out };
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const cleaned = cleanJson(item, depth + 1);
    if (!cleaned) return null;
    // defineProperty: a cleaned key may spell `__proto__`, which plain assignment would treat as the prototype.
    Object.defineProperty(out, cleanString(key), { value: cleaned.value, enumerable: true, writable: true, configurable: true });
  }
  return { value: out };
}
