import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { clientAddress } from '../access/client-address.js';

/** The address a request came from (see `clientAddress` for the proxy rule the call socket shares). */
export function clientIp(c: Context, trustProxy: boolean): string {
  let remoteAddress: string | undefined;
  try {
    remoteAddress = getConnInfo(c).remote.address;
  } catch {
    // No socket behind the request (in-process requests, other runtimes).
  }
  return clientAddress({ remoteAddress, forwardedFor: c.req.header('x-forwarded-for'), trustProxy });
}
