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

export type SignatureHeader = { ok: true; timestampMs: number; digest: Buffer } | { ok: false; reason: 'missing' | 'malformed' | 'stale' };

/**
 * Reads an `x-retell-signature` header and checks its age, without the body: a request whose header is absent,
 * malformed or stale is refused before a byte of its body is read.
 */
export function readSignatureHeader(header: string | undefined, nowMs: number): SignatureHeader {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
  const match = SIGNATURE_FORMAT.exec(header.trim());
  if (!match) return { ok: false, reason: 'malformed' };
  const timestampMs = Number(match[1]);
  if (!Number.isSafeInteger(timestampMs)) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowMs - timestampMs) > SIGNATURE_TOLERANCE_MS) return { ok: false, reason: 'stale' };
  return { ok: true, timestampMs, digest: Buffer.from(match[2]!, 'hex') };
}

/** Whether a read header's digest is the one for these exact bytes; compared in constant time. */
export function matchesSignature(body: string | Uint8Array, apiKey: string, header: Extract<SignatureHeader, { ok: true }>): boolean {
  const expected = digestOf(body, apiKey, header.timestampMs);
  return header.digest.length === expected.length && timingSafeEqual(header.digest, expected);
}

/**
 * Checks an `x-retell-signature` header against the exact bytes received. Re-serialised JSON would not match
 * (key order, whitespace, escaping of umlauts), so the caller must pass the raw body.
 */
export function verifyRetellSignature(body: string | Uint8Array, apiKey: string, header: string | undefined, nowMs: number): SignatureCheck {
  const read = readSignatureHeader(header, nowMs);
  if (!read.ok) return read;
  return matchesSignature(body, apiKey, read) ? { ok: true, timestampMs: read.timestampMs } : { ok: false, reason: 'mismatch' };
}
