import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Env, Hono } from 'hono';

export interface Listening {
  server: Server;
  port: number;
  /** Stops accepting, lets in-flight requests finish, then cuts what is left after `timeoutMs`. */
  close(timeoutMs: number): Promise<void>;
}

/** Serves a Hono app on a Node HTTP server (port 0 picks a free port). */
export function listen<E extends Env>(app: Hono<E>, port: number, hostname: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
      resolve({ server, port: info.port, close: (timeoutMs) => closeServer(server, timeoutMs) });
    }) as Server;
    server.once('error', reject);
  });
}

function closeServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const timer = setTimeout(() => server.closeAllConnections(), timeoutMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
