import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from. Behind one trusted proxy it is the last X-Forwarded-For entry, the one the
 * proxy appended itself; earlier entries are whatever the client chose to send and prove nothing.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded?.split(',').map((part) => part.trim()).filter((part) => part.length > 0).pop();
    if (last) return normalizeIp(last);
  }
  try {
    const address = getConnInfo(c).remote.address;
    return address ? normalizeIp(address) : 'unknown';
  } catch {
    // No socket behind the request (in-process requests, other runtimes).
    return 'unknown';
  }
}

/** IPv4 clients on a dual-stack socket show up as ::ffff:a.b.c.d. */
function normalizeIp(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
