import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a signature's timestamp may lie from our clock, in either direction (Retell's SDK uses the same). */
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

const SIGNATURE_FORMAT = /^v=(\d+),d=([0-9a-f]{64})$/i;

export type SignatureCheck = { ok: true; timestampMs: number } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

function digestOf(body: string | Uint8Array, apiKey: string, timestampMs: number): Buffer {
  // Plain concatenation of the body bytes and the decimal timestamp, no separator: Retell's scheme.
  return createHmac('sha256', apiKey).update(body).update(String(timestampMs)).digest();
}

/** The `x-retell-signature` value Retell sends for this body: `v=<timestamp_ms>,d=<hex HMAC-SHA256>`. */
export function signRetellBody(body: string | Uint8Array, apiKey: string, timestampMs: number): string {
  return `v=${timestampMs},d=${digestOf(body, apiKey, timestampMs).toString('hex')}`;
}

/**
 * Checks an `x-retell-signature` header against the exact bytes received. Re-serialised JSON would not match
 * (key order, whitespace, escaping of umlauts), so the caller must pass the raw body.
 */
export function verifyRetellSignature(body: string | Uint8Array, apiKey: string, header: string | undefined, nowMs: number): SignatureCheck {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
  const match = SIGNATURE_FORMAT.exec(header.trim());
  if (!match) return { ok: false, reason: 'malformed' };
  const timestampMs = Number(match[1]);
  if (!Number.isSafeInteger(timestampMs)) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowMs - timestampMs) > SIGNATURE_TOLERANCE_MS) return { ok: false, reason: 'stale' };
  const expected = digestOf(body, apiKey, timestampMs);
  const given = Buffer.from(match[2]!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) ? { ok: true, timestampMs } : { ok: false, reason: 'mismatch' };
}
