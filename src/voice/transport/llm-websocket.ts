import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Registry } from 'prom-client';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger } from '../../logger.js';
import type { ConversationFactory } from '../conversation.js';
import { CallRegistry } from './call-registry.js';
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
  metrics?: Registry;
}

export interface LlmWebSocket {
  registry: CallRegistry;
  /** Stops accepting upgrades, ends every call, and closes the sockets. */
  close(): Promise<void>;
}

const CALL_ID = /^[A-Za-z0-9_-]{1,128}$/;
/** Retell resends the whole transcript on every event; this bounds a frame without cutting long calls short. */
const MAX_FRAME_BYTES = 16 * 1024 * 1024;
const CLOSE_WAIT_MS = 1_000;

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
    metrics,
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (error) => logger.debug({ err: error }, 'upgrade socket error'));
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith(`${base}/`)) return rejectUpgrade(socket, 404);
    const callId = pathname.slice(base.length + 1);
    if (!CALL_ID.test(callId)) {
      logger.warn('upgrade with an invalid call id rejected');
      return rejectUpgrade(socket, 400);
    }
    wss.handleUpgrade(req, socket, head, (ws) => openCall(ws, callId));
  };

  const openCall = (ws: WebSocket, callId: string) => {
    const session = registry.attach(callId, ws);
    if (!session) return;
    ws.on('message', (data, isBinary) => {
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

function rejectUpgrade(socket: Duplex, status: 400 | 404): void {
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
