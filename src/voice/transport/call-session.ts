import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import type { Logger } from '../../logger.js';
import type { CallDetails, Conversation, TurnRequest, Utterance } from '../conversation.js';
import { CloseCode } from './close-codes.js';
import { configFrame, responseFrame, toCallDetails, type OutboundFrame } from './frames.js';
import { TURN_ABORTED, createTurn, runTurn, type Turn, type TurnHost } from './run-turn.js';
import type { TransportMetrics } from './transport-metrics.js';

/** How long a call whose agent hung up waits for a (most unlikely) reconnect before it is finished. */
const HANGUP_GRACE_MS = 2_000;

/** Said when the dialogue cannot produce a greeting: Retell lets the agent speak only after a begin message. */
export const FALLBACK_GREETING = 'Guten Tag, wie kann ich Ihnen helfen?';

/** Frames kept while no socket is open; a reconnect flushes them. */
const MAX_OUTBOX = 256;

export interface CallSessionOptions {
  callId: string;
  conversation: Conversation;
  /** Already bound to the call id. */
  logger: Logger;
  graceMs: number;
  callDetailsTimeoutMs: number;
  turnTimeoutMs: number;
  supersedeWaitMs: number;
  metrics?: TransportMetrics | undefined;
  /** The socket closed and no new one arrived within the grace period. */
  onExpired(session: CallSession): void;
}

/**
 * One phone call: owns its Conversation, the current socket (replaced on reconnect), the latest response id, the
 * turn in flight and its timers. It outlives any single socket; `close()` ends it once.
 */
export class CallSession implements TurnHost {
  readonly callId: string;
  readonly conversation: Conversation;
  readonly logger: Logger;
  readonly metrics: TransportMetrics | undefined;
  readonly turnTimeoutMs: number;
  readonly supersedeWaitMs: number;
  readonly greetingDone: Promise<void>;

  private readonly options: CallSessionOptions;
  private readonly openedAt = performance.now();
  private socket: WebSocket | null = null;
  private outbox: OutboundFrame[] = [];
  private latest = 0;
  private turn: Turn | null = null;
  private greeting: 'waiting' | 'started' | 'done' = 'waiting';
  private resolveGreeting!: () => void;
  private callDetailsTimer: NodeJS.Timeout | null = null;
  private graceTimer: NodeJS.Timeout | null = null;
  /** The agent ended or transferred the call: a closing socket is the call's end, not a network hiccup. */
  private hangingUp = false;
  private closing: Promise<void> | null = null;
  private connections = 0;

  constructor(options: CallSessionOptions) {
    this.options = options;
    this.callId = options.callId;
    this.conversation = options.conversation;
    this.logger = options.logger;
    this.metrics = options.metrics;
    this.turnTimeoutMs = options.turnTimeoutMs;
    this.supersedeWaitMs = options.supersedeWaitMs;
    this.greetingDone = new Promise<void>((resolve) => (this.resolveGreeting = resolve));
  }

  /** The response id Retell most recently asked for (0 until the first request: the begin message). */
  get latestResponseId(): number {
    return this.latest;
  }

  get closed(): boolean {
    return this.closing !== null;
  }

  /** Whether a socket is attached (false while waiting out the grace period for a reconnect). */
  get connected(): boolean {
    return this.socket !== null;
  }

  get greeted(): boolean {
    return this.greeting === 'done';
  }

  /** Makes `socket` the call's connection: sends config, flushes what was held back, starts the greeting clock. */
  attach(socket: WebSocket): void {
    if (this.closed) {
      socket.close(CloseCode.goingAway, 'call ended');
      return;
    }
    this.clearTimer('graceTimer');
    const previous = this.socket;
    this.socket = socket;
    this.connections += 1;
    if (previous && previous !== socket && previous.readyState === WebSocket.OPEN) {
      // Retell opens a new socket only after giving up on the old one (keepalive lost or abnormal closure).
      previous.close(CloseCode.replaced, 'replaced by a newer connection');
    }
    if (this.connections > 1) this.logger.info({ connection: this.connections }, 'call reconnected');
    this.send(configFrame());
    this.flushOutbox();
    if (this.greeting === 'waiting' && this.callDetailsTimer === null) {
      this.callDetailsTimer = setTimeout(() => {
        this.callDetailsTimer = null;
        this.logger.info({ timeout_ms: this.options.callDetailsTimeoutMs }, 'no call_details in time; greeting without them');
        void this.greet(null);
      }, this.options.callDetailsTimeoutMs);
      this.callDetailsTimer.unref();
    }
  }

  /** The socket closed; if it was the current one, wait `graceMs` for Retell to reconnect before ending the call. */
  detach(socket: WebSocket, code: number): void {
    if (socket !== this.socket) return;
    this.socket = null;
    if (this.closed) return;
    // After our own hang-up Retell has no reason to reconnect: finish the call record promptly.
    const graceMs = this.hangingUp ? Math.min(HANGUP_GRACE_MS, this.options.graceMs) : this.options.graceMs;
    this.logger.info({ code, grace_ms: graceMs }, 'socket closed; waiting for a reconnect');
    this.graceTimer = setTimeout(() => {
      this.graceTimer = null;
      this.options.onExpired(this);
    }, graceMs);
    this.graceTimer.unref();
  }

  /** Whether frames from `socket` are to be acted on (a replaced socket's stragglers are not). */
  isCurrentSocket(socket: WebSocket): boolean {
    return this.socket === socket && !this.closed;
  }

  /**
   * The first call_details triggers the greeting. Later ones (late after a timeout, or after a reconnect) do not
   * greet again, but the conversation still learns who is calling.
   */
  receiveCallDetails(call: Record<string, unknown>): void {
    if (this.greeting !== 'waiting') {
      const details = toCallDetails(this.callId, call);
      Promise.resolve(this.conversation.callDetails?.(details)).catch((error: unknown) => this.logger.warn({ err: error }, 'late call_details not applied'));
      return;
    }
    void this.greet(toCallDetails(this.callId, call));
  }

  /** Passes a transcript update to the conversation; a throwing observer must not disturb the call. */
  observe(transcript: Utterance[]): void {
    try {
      this.conversation.observe?.(transcript);
    } catch (error) {
      this.logger.error({ err: error }, 'conversation observe failed');
    }
  }

  /** Answers a turn request; never rejects. */
  respond(request: TurnRequest): Promise<void> {
    return runTurn(this, request);
  }

  beginTurn(request: TurnRequest): { turn: Turn; previous: Turn | null } | null {
    if (this.closed) return null;
    const previous = this.turn;
    // Ids increase within a call. A repeat of the id still being answered (possible after a reconnect) would
    // restart the same response and double its content, so it is dropped. A lower id can only mean Retell
    // renumbered after a reconnect; the newest request always wins, so it is served.
    if (previous && previous.request.responseId === request.responseId && !previous.finished && !previous.controller.signal.aborted) return null;
    if (request.responseId < this.latest) this.logger.warn({ response_id: request.responseId, latest: this.latest }, 'response id went backwards');
    this.latest = request.responseId;
    previous?.controller.abort(TURN_ABORTED);
    const turn = createTurn(request);
    this.turn = turn;
    return { turn, previous };
  }

  isCurrent(turn: Turn): boolean {
    return this.turn === turn && !this.closed;
  }

  /** Sends on the current socket, or holds the frame until a reconnect while there is none. */
  send(frame: OutboundFrame): void {
    if (this.closed) return;
    if (frame.response_type === 'response' && (frame.end_call === true || (frame.transfer_number ?? '') !== '')) this.hangingUp = true;
    const socket = this.socket;
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return;
    }
    if (this.outbox.length >= MAX_OUTBOX) {
      this.logger.warn({ response_type: frame.response_type }, 'outbox full while disconnected; frame dropped');
      return;
    }
    this.outbox.push(frame);
  }

  /** Ends the call once: stops timers and the turn in flight, closes the socket, ends the conversation. */
  close(reason: 'closed' | 'shutdown'): Promise<void> {
    this.closing ??= this.finish(reason);
    return this.closing;
  }

  private async finish(reason: 'closed' | 'shutdown'): Promise<void> {
    this.clearTimer('callDetailsTimer');
    this.clearTimer('graceTimer');
    this.turn?.controller.abort(TURN_ABORTED);
    this.resolveGreeting();
    this.outbox = [];
    const socket = this.socket;
    this.socket = null;
    if (socket && (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING)) socket.close(CloseCode.goingAway, 'server shutting down');
    try {
      await this.conversation.end(reason);
    } catch (error) {
      this.logger.error({ err: error }, 'conversation end failed');
    }
    this.logger.info({ reason, connections: this.connections, duration_ms: Math.round(performance.now() - this.openedAt) }, 'call session ended');
  }

  private async greet(details: CallDetails | null): Promise<void> {
    if (this.greeting !== 'waiting') return;
    this.greeting = 'started';
    this.clearTimer('callDetailsTimer');
    let content = FALLBACK_GREETING;
    let endCall = false;
    try {
      ({ content, endCall = false } = await this.conversation.greet(details));
    } catch (error) {
      this.logger.error({ err: error }, 'greeting failed; using the fallback line');
    }
    // If the caller spoke first, Retell already asked for a newer response and would drop id 0 anyway.
    if (this.latest === 0 && this.turn === null) this.send(responseFrame(0, content, true, endCall ? { endCall: true, noInterruptionAllowed: true } : {}));
    else this.logger.info({ latest: this.latest }, 'greeting skipped: the caller spoke first');
    this.greeting = 'done';
    this.resolveGreeting();
  }

  private flushOutbox(): void {
    const pending = this.outbox;
    this.outbox = [];
    for (const frame of pending) {
      // Content for an id Retell no longer wants is dropped by Retell anyway; do not send it.
      if (frame.response_type === 'response' && frame.response_id !== this.latest) continue;
      this.send(frame);
    }
  }

  private clearTimer(name: 'callDetailsTimer' | 'graceTimer'): void {
    const timer = this[name];
    if (timer !== null) clearTimeout(timer);
    this[name] = null;
  }
}
