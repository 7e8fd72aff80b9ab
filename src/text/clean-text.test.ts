import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanJson, cleanText, findUncleanText, isCleanText } from './clean-text.js';

describe('cleanText', () => {
  it('drops NUL characters and replaces unpaired surrogates, keeping pairs and umlauts', () => {
    expect(cleanText('Jü\u0000rgen \ud800 \udc00 😀 ß')).toBe('Jürgen \ufffd \ufffd 😀 ß');
  });

  it('always yields clean text that encodes to UTF-8 and back unchanged, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)) }), (s) => {
        const cleaned = cleanText(s);
        expect(isCleanText(cleaned)).toBe(true);
        expect(new TextDecoder().decode(new TextEncoder().encode(cleaned))).toBe(cleaned);
        expect(cleanText(cleaned)).toBe(cleaned);
      }),
    );
  });
});

describe('cleanJson', () => {
  it('cleans every string and key, and keeps a key named __proto__ a key', () => {
    const cleaned = cleanJson(JSON.parse('{"a\\u0000":["x\\ud800"],"__proto__":{"b":1}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(Object.keys(cleaned)).toEqual(['a', '__proto__']);
    expect(cleaned.a).toEqual(['x\ufffd']);
  });

  it('gives up on values nested deeper than its bound instead of walking them', () => {
    expect(cleanJson(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)))).toBeUndefined();
    expect(cleanJson([[['ok']]], 3)).toEqual([[['ok']]]);
  });
});

describe('findUncleanText', () => {
  it('names where the first unclean string sits, never what it holds', () => {
    expect(findUncleanText({ reason: 'ok', items: ['fine', 'b\u0000d'] })).toBe('items.1');
    expect(findUncleanText({ ['k\ud800']: 'v' })).toBe('body');
    expect(findUncleanText('\u0000')).toBe('body');
    expect(findUncleanText({ a: ['x'], b: 1 })).toBeNull();
  });
});
