import { once } from 'node:events';
import { createServer } from 'node:net';

/** A port the OS just handed out on loopback; free unless another process takes it before ours binds. */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not determine a free port');
  return address.port;
}
