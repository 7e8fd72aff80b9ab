/**
 * Which address a request came from, and whether it may reach the Retell endpoints. Pure, so the HTTP routes and
 * the call socket's upgrade (which never passes through Hono) decide by the same rules.
 */

export interface ClientAddressInput {
  /** The TCP peer's address, if the runtime exposes one. */
  remoteAddress: string | undefined;
  /** The X-Forwarded-For header as received (several headers joined with commas). */
  forwardedFor: string | undefined;
  /** One trusted proxy sits in front and appends the real client to X-Forwarded-For. */
  trustProxy: boolean;
}

/**
 * The client's address. Behind one trusted proxy it is the last X-Forwarded-For entry, the one the proxy appended
 * itself; earlier entries are whatever the client chose to send and prove nothing. `unknown` without any.
 */
export function clientAddress(input: ClientAddressInput): string {
  if (input.trustProxy) {
    const last = input.forwardedFor
      ?.split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0)
      .pop();
    if (last) return normalizeAddress(last);
  }
  return input.remoteAddress ? normalizeAddress(input.remoteAddress) : 'unknown';
}

/** Whether `address` may send Retell traffic: any address when no allowlist is configured. */
export function isAllowedAddress(allowlist: readonly string[], address: string): boolean {
  return allowlist.length === 0 || allowlist.includes(address);
}

/** IPv4 clients on a dual-stack socket show up as ::ffff:a.b.c.d. */
function normalizeAddress(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
