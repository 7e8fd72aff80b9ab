import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export interface RedisLockClientOptions {
  commandTimeoutMs: number;
  connectTimeoutMs: number;
  /** Upper bound of the delay between reconnect attempts. */
  reconnectMaxDelayMs: number;
  logger: Logger;
}

/** One fail-fast client per independent Redis node, plus the promise of their first connection attempts. */
export interface RedisLockClients {
  clients: Redis[];
  /** Settles once every node answered or failed its first connection attempt (bounded by connectTimeoutMs). */
  connecting: Promise<void>;
  /** true when at least `needed` nodes answer PING. */
  pingQuorum(needed: number): Promise<boolean>;
  /** Quits every client and clears reconnect timers; leaves no open handles. */
  close(): Promise<void>;
}

/**
 * Creates the clients the way Redlock needs them: a dead node must cost nothing.
 * Without an offline queue and request retries, a command to a node that is down fails at once instead of
 * waiting for a reconnect (default ioredis settings stalled some Redlock packages for 5 to 43 s with one node
 * of three dead). Reconnects continue in the background with a bounded delay, so a node that returns is used again.
 * Nodes are logged by index only: URLs can carry passwords.
 */
export function createRedisLockClients(urls: readonly string[], options: RedisLockClientOptions): RedisLockClients {
  const { logger } = options;
  let closing = false;

  const clients = urls.map((url, node) => {
    const client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs,
      connectTimeout: options.connectTimeoutMs,
      retryStrategy: (attempt) => Math.min(attempt * 100, options.reconnectMaxDelayMs),
    });
    let up = false;
    let everUp = false;
    client.on('ready', () => {
      up = true;
      if (everUp) logger.info({ node }, 'lock node reachable again');
      everUp = true;
    });
    client.on('close', () => {
      if (up && !closing) logger.warn({ node }, 'lock node connection lost');
      up = false;
    });
    // Without a listener ioredis prints every reconnect failure itself; the up/down transitions above are the signal.
    client.on('error', (error: Error) => logger.debug({ node, err: error }, 'lock node error'));
    return client;
  });

  const connecting = Promise.all(
    clients.map((client, node) =>
      client.connect().catch((error: unknown) => {
        if (!closing) logger.warn({ node, err: error }, 'lock node unreachable at startup');
      }),
    ),
  ).then(() => undefined);

  return {
    clients,
    connecting,
    async pingQuorum(needed) {
      const answers = await Promise.all(
        clients.map((client) =>
          client.ping().then(
            () => 1,
            () => 0,
          ),
        ),
      );
      return answers.reduce<number>((sum, n) => sum + n, 0) >= needed;
    },
    async close() {
      closing = true;
      await Promise.all(clients.map(closeClient));
    },
  };
}

async function closeClient(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  if (client.status === 'ready') {
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
    try {
      // QUIT lets replies in flight (a release, say) arrive; the server then closes the connection.
      await client.quit();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000)))]);
      clearTimeout(timer);
    } catch {
      // The node went away during QUIT; drop the connection below.
    }
  }
  // Also clears a pending reconnect timer, which would otherwise keep the process alive.
  if (!hasEnded(client)) client.disconnect();
}

// A function, so the compiler does not carry the narrowing of `status` across the awaits above.
function hasEnded(client: Redis): boolean {
  return client.status === 'end';
}
