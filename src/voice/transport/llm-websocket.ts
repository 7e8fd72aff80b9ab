import { createHash, timingSafeEqual } from 'node:crypto';
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Registry } from 'prom-client';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { clientAddress, isAllowedAddress } from '../../access/client-address.js';
import type { Logger } from '../../logger.js';
import type { ConversationFactory } from '../conversation.js';
import { CallRegistry } from './call-registry.js';
import type { TransportLines } from './run-turn.js';
import type { CallSession } from './call-session.js';
import { CloseCode } from './close-codes.js';
import { parseInbound, pingPongFrame, toUtterances, type InboundFrame } from './frames.js';
import { createTransportMetrics } from './transport-metrics.js';

export interface LlmWebSocketOptions {
  conversations: ConversationFactory;
  logger: Logger;
  /** Base path Retell is configured with; it appends `/{call_id}`. Default `/llm-websocket`. */
  path?: string;
  /** How long a call waits for Retell to reconnect after its socket closed (default 60 s). */
  graceMs?: number;
  /** How long to wait for call_details before greeting without them (default 1.5 s). */
  callDetailsTimeoutMs?: number;
  /** Longest a turn may stay open before it is closed with an apology (default 30 s). */
  turnTimeoutMs?: number;
  /** What the transport says on its own when the conversation cannot (in the callers' language). */
  lines: TransportLines;
  /**
   * Set: only `{path}/<secret>/<call_id>` is served and every other upgrade is refused with 401 before a socket
   * exists. Unset: `{path}/<call_id>` is served to anyone (local use).
   */
  secret?: string | null;
  /** Addresses an upgrade must come from (the same list as Retell's HTTP routes); empty or unset: any. */
  ipAllowlist?: readonly string[];
  /** Take the client address from the last X-Forwarded-For entry (one trusted proxy in front). */
  trustProxy?: boolean;
  /** The largest frame accepted; a larger one closes that socket with 1009 (default 1 MiB). */
  maxFrameBytes?: number;
  /** A socket silent this long, keepalives included, is closed and its call ended (default 30 s). */
  idleTimeoutMs?: number;
  /** How long after the goodbye is spoken a socket the agent hung up on is closed by the server (default 3 s). */
  hangUpCloseMs?: number;
  /** Estimated speaking time per character of the goodbye (default 70 ms). */
  speechMsPerChar?: number;
  metrics?: Registry;
}

export interface LlmWebSocket {
  registry: CallRegistry;
  /** Stops accepting upgrades, ends every call, and closes the sockets. */
  close(): Promise<void>;
}

const CALL_ID = /^[A-Za-z0-9_-]{1,128}$/;
/**
 * Retell resends the whole transcript on every event, yet an hour of talk is a few hundred kilobytes even with word
 * timings: 1 MiB leaves room and keeps a hundred hostile sockets from holding gigabytes.
 */
const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;
const CLOSE_WAIT_MS = 1_000;

type UpgradeRefusal = { status: 400 | 401 | 403 | 404; reason: 'not_found' | 'address' | 'secret' | 'call_id' };

/** Serves Retell's custom-LLM WebSocket at `{path}/:call_id` on an existing HTTP server. */
export function attachLlmWebSocket(server: Server, options: LlmWebSocketOptions): LlmWebSocket {
  const base = (options.path ?? '/llm-websocket').replace(/\/+$/, '');
  const logger = options.logger.child({ component: 'llm-websocket' });
  const metrics = options.metrics ? createTransportMetrics(options.metrics) : undefined;
  const registry = new CallRegistry({
    conversations: options.conversations,
    logger: options.logger,
    graceMs: options.graceMs,
    callDetailsTimeoutMs: options.callDetailsTimeoutMs,
    turnTimeoutMs: options.turnTimeoutMs,
    lines: options.lines,
    idleTimeoutMs: options.idleTimeoutMs,
    hangUpCloseMs: options.hangUpCloseMs,
    speechMsPerChar: options.speechMsPerChar,
    metrics,
  });
  // ws closes a socket whose frame exceeds maxPayload with 1009 and drops what it buffered; other sockets go on.
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES });
  const admit = createAdmission(base, options);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
    const admitted = admit(req);
    if ('status' in admitted) {
      // Never the path itself in the log: it carries whatever secret was tried.
      if (admitted.reason !== 'not_found') logger.warn({ reason: admitted.reason, status: admitted.status }, 'call socket upgrade refused');
      metrics?.upgradesRefused.inc({ reason: admitted.reason });
      return rejectUpgrade(socket, admitted.status);
    }
    wss.handleUpgrade(req, socket, head, (ws) => openCall(ws, admitted.callId));
  };

  const openCall = (ws: WebSocket, callId: string) => {
    const session = registry.attach(callId, ws);
    if (!session) return;
    // Any frame counts as life, keepalives and control frames included; only total silence is idle.
    ws.on('ping', () => session.heard(ws));
    ws.on('pong', () => session.heard(ws));
    ws.on('message', (data, isBinary) => {
      session.heard(ws);
      if (isBinary) {
        session.logger.warn('binary frame received; closing');
        ws.close(CloseCode.binaryFrame, 'binary frames are not supported');
        return;
      }
      try {
        routeFrame(session, ws, textOf(data));
      } catch (error) {
        session.logger.error({ err: error }, 'frame handling failed');
        ws.close(CloseCode.internalError, 'internal error');
      }
    });
    ws.on('close', (code) => session.detach(ws, code));
    ws.on('error', (error) => session.logger.warn({ err: error }, 'socket error'));
  };

  server.on('upgrade', onUpgrade);

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      server.off('upgrade', onUpgrade);
      await registry.shutdown();
      await closeClients(wss);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    })());

  return { registry, close };
}

/**
 * Acts on one text frame. Nothing here awaits: a turn runs on its own, so a ping that arrives while a slow turn is
 * generating is echoed at once (a starved keepalive makes Retell drop the socket).
 */
function routeFrame(session: CallSession, ws: WebSocket, text: string): void {
  const parsed = parseInbound(text);
  if (parsed.kind === 'unknown_type') {
    session.logger.debug({ interaction_type: parsed.interactionType }, 'unknown interaction type ignored');
    return;
  }
  if (parsed.kind === 'invalid') {
    session.logger.warn({ reason: parsed.reason, issues: parsed.issues.slice(0, 5), bytes: text.length }, 'frame ignored');
    return;
  }
  const frame: InboundFrame = parsed.frame;
  if (frame.interaction_type === 'ping_pong') {
    // Answered on the socket it came in on, whichever that is; Retell's own timestamp is echoed, as its demos do.
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(pingPongFrame(frame.timestamp ?? Date.now())));
    return;
  }
  if (!session.isCurrentSocket(ws)) return;
  switch (frame.interaction_type) {
    case 'call_details':
      session.receiveCallDetails(frame.call);
      return;
    case 'update_only':
      session.observe(toUtterances(frame.transcript));
      return;
    case 'response_required':
    case 'reminder_required':
      void session.respond({ kind: frame.interaction_type, responseId: frame.response_id, transcript: toUtterances(frame.transcript) });
      return;
    default:
      assertNever(frame);
  }
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/**
 * Decides an upgrade before any WebSocket exists, in the order the HTTP routes use: the source address (403), then
 * the path secret (401), then the call id (400). The secret is compared as a hash, in constant time.
 */
function createAdmission(base: string, options: LlmWebSocketOptions): (req: IncomingMessage) => { callId: string } | UpgradeRefusal {
  const secretHash = options.secret ? digest(options.secret) : null;
  const allowlist = options.ipAllowlist ?? [];
  return (req) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith(`${base}/`)) return { status: 404, reason: 'not_found' };
    if (allowlist.length > 0) {
      const forwarded = req.headers['x-forwarded-for'];
      const address = clientAddress({
        remoteAddress: req.socket.remoteAddress,
        forwardedFor: Array.isArray(forwarded) ? forwarded.join(',') : forwarded,
        trustProxy: options.trustProxy === true,
      });
      if (!isAllowedAddress(allowlist, address)) return { status: 403, reason: 'address' };
    }
    let rest = pathname.slice(base.length + 1);
    if (secretHash) {
      const slash = rest.indexOf('/');
      if (slash < 0 || !timingSafeEqual(digest(rest.slice(0, slash)), secretHash)) return { status: 401, reason: 'secret' };
      rest = rest.slice(slash + 1);
    }
    return CALL_ID.test(rest) ? { callId: rest } : { status: 400, reason: 'call_id' };
  };
}

/** Equal-length digests, so comparing them takes the same time whatever was tried. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function rejectUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404): void {
  const body = STATUS_CODES[status] ?? '';
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${body}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** Sockets were asked to close by the registry; give them a moment for the closing handshake, then cut them. */
async function closeClients(wss: WebSocketServer): Promise<void> {
  const open = [...wss.clients];
  for (const ws of open) if (ws.readyState === ws.OPEN) ws.close(CloseCode.goingAway, 'server shutting down');
  await Promise.all(
    open.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === ws.CLOSED) return resolve();
          const timer = setTimeout(() => {
            ws.terminate();
            resolve();
          }, CLOSE_WAIT_MS);
          ws.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
        }),
    ),
  );
}

function assertNever(_value: never): never {
  // Never the frame itself in the message: it carries the transcript.
  throw new Error('unhandled interaction type');
}
