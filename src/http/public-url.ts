import type { Context } from 'hono';

export interface PublicBaseInput {
  /** PUBLIC_URL, when configured: it decides. */
  publicUrl: string | null;
  /** One trusted proxy in front: its X-Forwarded-Proto and X-Forwarded-Host describe the client's request. */
  trustProxy: boolean;
  /** The request's URL as the server saw it (its scheme). */
  requestUrl: string;
  host: string | undefined;
  forwardedProto: string | undefined;
  forwardedHost: string | undefined;
}

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The last entry of a forwarded header: the one the trusted proxy added itself (the same rule as X-Forwarded-For). */
function lastEntry(header: string | undefined): string | undefined {
  return header
    ?.split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .pop();
}

/**
 * The base URL clients reach the service at, for the absolute URLs it hands out: PUBLIC_URL, else the request's
 * own scheme and host (the forwarded ones only behind a trusted proxy, as for the client address). Null when the
 * host is no host name: nothing a client sent is put into a URL unchecked.
 */
export function publicBase(input: PublicBaseInput): string | null {
  if (input.publicUrl) return input.publicUrl;
  const forwardedProto = input.trustProxy ? lastEntry(input.forwardedProto)?.toLowerCase() : undefined;
  const proto = forwardedProto === 'http' || forwardedProto === 'https' ? forwardedProto : new URL(input.requestUrl).protocol.replace(/:$/, '');
  const host = (input.trustProxy ? lastEntry(input.forwardedHost) : undefined) ?? input.host ?? new URL(input.requestUrl).host;
  return HOST.test(host) ? `${proto}://${host.toLowerCase()}` : null;
}

/** `publicBase` of a Hono request. */
export function publicBaseOf(c: Context, config: { publicUrl: string | null; trustProxy: boolean }): string | null {
  return publicBase({
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    requestUrl: c.req.url,
    host: c.req.header('host'),
    forwardedProto: c.req.header('x-forwarded-proto'),
    forwardedHost: c.req.header('x-forwarded-host'),
  });
}
