import { sign, verify } from 'retell-sdk';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_TOLERANCE_MS, signRetellBody, verifyRetellSignature } from './retell-signature.js';

const KEY = 'test-api-key';
const T = 1_700_000_000_000;

describe('Retell signature', () => {
  it('matches the known answer from Retell’s SDK tests', () => {
    expect(signRetellBody('{"event":"call_ended"}', KEY, T)).toBe('v=1700000000000,d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e');
    expect(
      verifyRetellSignature('{"event":"call_ended"}', KEY, 'v=1700000000000,d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e', T),
    ).toEqual({ ok: true, timestampMs: T });
  });

  it('accepts upper-case hex and surrounding whitespace', () => {
    const header = signRetellBody('{}', KEY, T).replace(/d=(.*)$/, (_, hex: string) => `d=${hex.toUpperCase()}`);
    expect(verifyRetellSignature('{}', KEY, ` ${header} `, T).ok).toBe(true);
  });

  it('agrees with the official SDK in both directions', async () => {
    const body = '{"event":"call_started","call":{"call_id":"abc","transcript":"Grüß Gott, ich möchte einen Termin für Strähnchen"}}';
    const theirs = await sign(body, KEY);
    expect(verifyRetellSignature(body, KEY, theirs, Date.now()).ok).toBe(true);
    expect(await verify(body, KEY, signRetellBody(body, KEY, Date.now()))).toBe(true);
  });

  it('verifies the raw UTF-8 bytes the same as their string', () => {
    const body = '{"name":"Jürgen Größe","note":"ß → ü"}';
    const header = signRetellBody(body, KEY, T);
    expect(verifyRetellSignature(new TextEncoder().encode(body), KEY, header, T).ok).toBe(true);
  });

  it('rejects a body that differs only in escaping or whitespace', () => {
    const body = '{"name":"Jürgen"}';
    const header = signRetellBody(body, KEY, T);
    expect(verifyRetellSignature('{"name":"J\\u00fcrgen"}', KEY, header, T)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyRetellSignature('{ "name": "Jürgen" }', KEY, header, T)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('rejects another key', () => {
    expect(verifyRetellSignature('{}', 'other-key', signRetellBody('{}', KEY, T), T)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts exactly five minutes of skew either way, not one millisecond more', () => {
    const header = signRetellBody('{}', KEY, T);
    expect(verifyRetellSignature('{}', KEY, header, T + SIGNATURE_TOLERANCE_MS).ok).toBe(true);
    expect(verifyRetellSignature('{}', KEY, header, T - SIGNATURE_TOLERANCE_MS).ok).toBe(true);
    expect(verifyRetellSignature('{}', KEY, header, T + SIGNATURE_TOLERANCE_MS + 1)).toEqual({ ok: false, reason: 'stale' });
    expect(verifyRetellSignature('{}', KEY, header, T - SIGNATURE_TOLERANCE_MS - 1)).toEqual({ ok: false, reason: 'stale' });
  });

  it.each([
    ['empty', '', 'missing'],
    ['absent', undefined, 'missing'],
    ['digest only', '07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e', 'malformed'],
    ['short digest', 'v=1700000000000,d=07024cabe7dd', 'malformed'],
    ['long digest', 'v=1700000000000,d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e00', 'malformed'],
    ['non-hex digest', `v=1700000000000,d=${'g'.repeat(64)}`, 'malformed'],
    ['swapped order', 'd=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e,v=1700000000000', 'malformed'],
    ['negative timestamp', 'v=-1,d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e', 'malformed'],
    ['huge timestamp', `v=${'9'.repeat(30)},d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e`, 'malformed'],
    ['seconds instead of ms', 'v=1700000000,d=07024cabe7dd8f6d1c6e4a8324ca92c812e6ad4a7ee506c04f7e462e3321823e', 'stale'],
  ])('rejects a %s header', (_name, header, reason) => {
    expect(verifyRetellSignature('{"event":"call_ended"}', KEY, header, T)).toEqual({ ok: false, reason });
  });
});
