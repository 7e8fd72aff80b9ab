import type { WebSocket } from 'ws';
import type { Logger } from '../../logger.js';
import type { ConversationFactory } from '../conversation.js';
import { CallSession } from './call-session.js';
import type { TransportLines } from './run-turn.js';
import { CloseCode } from './close-codes.js';
import type { TransportMetrics } from './transport-metrics.js';

export interface CallRegistryOptions {
  conversations: ConversationFactory;
  logger: Logger;
  /** How long a call outlives its closed socket, waiting for Retell to reconnect (default 60 s). */
  graceMs?: number;
  /** How long to wait for call_details before greeting without them (default 1.5 s). */
  callDetailsTimeoutMs?: number;
  /** Longest a turn may stay open before it is closed with an apology (default 30 s). */
  turnTimeoutMs?: number;
  /** What the transport says on its own (a fallback greeting, an apology). */
  lines: TransportLines;
  /** How long a new turn waits for the superseded one to wind down (default 2 s). */
  supersedeWaitMs?: number;
  /** A socket silent this long, keepalives included, is closed and its call ended (default 30 s). */
  idleTimeoutMs?: number;
  /** How long after the goodbye is spoken the server closes a socket the agent hung up on (default 3 s). */
  hangUpCloseMs?: number;
  /** Estimated speaking time per character of the goodbye (default 70 ms, a calm pace). */
  speechMsPerChar?: number;
  metrics?: TransportMetrics | undefined;
}

const DEFAULT_GRACE_MS = 60_000;
const DEFAULT_CALL_DETAILS_TIMEOUT_MS = 1_500;
const DEFAULT_TURN_TIMEOUT_MS = 30_000;
const DEFAULT_SUPERSEDE_WAIT_MS = 2_000;
/**
 * Retell sends a keepalive every 2 s (we ask for it in every config frame) and itself gives up on a socket after
 * 5 s without ours, so a live call is never silent for more than a moment. 30 s is fifteen missed keepalives: no
 * pause or hiccup of a live call comes near it, and a dead or hoarding socket gives its held slots back within half
 * a minute instead of the five-minute hold expiry.
 */
const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
const DEFAULT_HANG_UP_CLOSE_MS = 3_000;
/** About 14 characters a second: slower than the usual text-to-speech pace, so the goodbye is never cut off. */
const DEFAULT_SPEECH_MS_PER_CHAR = 70;

/** Call id → session. A socket for a known call id joins its session, so call state survives reconnects. */
export class CallRegistry {
  private readonly sessions = new Map<string, CallSession>();
  private readonly options: CallRegistryOptions;
  private stopping: Promise<void> | null = null;

  constructor(options: CallRegistryOptions) {
    this.options = options;
  }

  /** Calls with a session, including those waiting for a reconnect. */
  get size(): number {
    return this.sessions.size;
  }

  /** The session of a call id, or null. */
  find(callId: string): CallSession | null {
    return this.sessions.get(callId) ?? null;
  }

  /** Joins `socket` to the call's session, creating the session (and its Conversation) for a new call id. */
  attach(callId: string, socket: WebSocket): CallSession | null {
    if (this.stopping) {
      socket.close(CloseCode.goingAway, 'server shutting down');
      return null;
    }
    let session = this.sessions.get(callId);
    if (!session) {
      const logger = this.options.logger.child({ call_id: callId });
      try {
        session = new CallSession({
          callId,
          conversation: this.options.conversations(callId),
          logger,
          graceMs: this.options.graceMs ?? DEFAULT_GRACE_MS,
          callDetailsTimeoutMs: this.options.callDetailsTimeoutMs ?? DEFAULT_CALL_DETAILS_TIMEOUT_MS,
          turnTimeoutMs: this.options.turnTimeoutMs ?? DEFAULT_TURN_TIMEOUT_MS,
          lines: this.options.lines,
          supersedeWaitMs: this.options.supersedeWaitMs ?? DEFAULT_SUPERSEDE_WAIT_MS,
          idleTimeoutMs: this.options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
          hangUpCloseMs: this.options.hangUpCloseMs ?? DEFAULT_HANG_UP_CLOSE_MS,
          speechMsPerChar: this.options.speechMsPerChar ?? DEFAULT_SPEECH_MS_PER_CHAR,
          metrics: this.options.metrics,
          onEnd: (ended) => void this.end(ended, 'closed'),
        });
      } catch (error) {
        logger.error({ err: error }, 'could not create the conversation');
        socket.close(CloseCode.internalError, 'internal error');
        return null;
      }
      this.sessions.set(callId, session);
      this.options.metrics?.openCalls.set(this.sessions.size);
      logger.info('call opened');
    }
    session.attach(socket);
    return session;
  }

  /** Ends every call (`end('shutdown')`) and refuses new ones. Idempotent. */
  shutdown(): Promise<void> {
    this.stopping ??= Promise.all([...this.sessions.values()].map((s) => this.end(s, 'shutdown'))).then(() => undefined);
    return this.stopping;
  }

  private async end(session: CallSession, reason: 'closed' | 'shutdown'): Promise<void> {
    // Dropped first, so a socket arriving while the conversation winds down starts a fresh call, not a dead one.
    if (this.sessions.get(session.callId) === session) this.sessions.delete(session.callId);
    this.options.metrics?.openCalls.set(this.sessions.size);
    await session.close(reason);
  }
}
