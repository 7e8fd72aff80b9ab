import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import type { Logger } from '../../logger.js';
import { isRefusal, type CallDetails, type Conversation, type Refusal, type TurnRequest, type Utterance } from '../conversation.js';
import { CloseCode } from './close-codes.js';
import { configFrame, responseFrame, toCallDetails, type OutboundFrame } from './frames.js';
import { TURN_ABORTED, createTurn, runTurn, type Turn, type TurnHost, type TransportLines } from './run-turn.js';
import type { TransportMetrics } from './transport-metrics.js';

/** How long a call whose agent hung up waits for a (most unlikely) reconnect before it is finished. */
const HANGUP_GRACE_MS = 2_000;

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
  lines: TransportLines;
  supersedeWaitMs: number;
  /** A socket from which nothing at all arrived for this long is closed and the call ended. */
  idleTimeoutMs: number;
  /** After the agent hung up (or transferred), how long past the goodbye's speaking time the socket may stay open. */
  hangUpCloseMs: number;
  /** Speaking time estimated per character of the goodbye, so the close never cuts it off. */
  speechMsPerChar: number;
  metrics?: TransportMetrics | undefined;
  /**
   * The call is over: its socket closed and no new one arrived within the grace period, it went idle, or the
   * conversation refused the call id. The registry then ends the session.
   */
  onEnd(session: CallSession): void;
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
  readonly lines: TransportLines;
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
  private idleTimer: NodeJS.Timeout | null = null;
  private hangUpTimer: NodeJS.Timeout | null = null;
  /** The agent ended or transferred the call: a closing socket is the call's end, not a network hiccup. */
  private hangingUp = false;
  /** The frame that ends the call went out on a socket (not just into the outbox): the call's life is over. */
  private goodbyeSent = false;
  /** The response id whose content is being counted, and how many characters of it went out (the goodbye's length). */
  private spokenId = -1;
  private spokenChars = 0;
  private closing: Promise<void> | null = null;
  private connections = 0;

  constructor(options: CallSessionOptions) {
    this.options = options;
    this.callId = options.callId;
    this.conversation = options.conversation;
    this.logger = options.logger;
    this.metrics = options.metrics;
    this.turnTimeoutMs = options.turnTimeoutMs;
    this.lines = options.lines;
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
    // The agent's goodbye went out: this call's life is over, and a new socket for it is no reconnect of a live call.
    if (this.goodbyeSent) {
      this.logger.warn('socket for a call the agent already ended refused');
      socket.close(CloseCode.refused, 'call not available');
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
    this.startIdleClock();
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
    this.clearTimer('idleTimer');
    this.clearTimer('hangUpTimer');
    if (this.closed) return;
    // After our own hang-up Retell has no reason to reconnect: finish the call record promptly.
    const graceMs = this.hangingUp ? Math.min(HANGUP_GRACE_MS, this.options.graceMs) : this.options.graceMs;
    this.logger.info({ code, grace_ms: graceMs }, 'socket closed; waiting for a reconnect');
    this.graceTimer = setTimeout(() => {
      this.graceTimer = null;
      this.options.onEnd(this);
    }, graceMs);
    this.graceTimer.unref();
  }

  /** Something (any frame, keepalives and control frames included) arrived on `socket`: it is not idle. */
  heard(socket: WebSocket): void {
    if (socket === this.socket) this.idleTimer?.refresh();
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
      Promise.resolve(this.conversation.callDetails?.(details)).then(
        (answer) => {
          if (isRefusal(answer)) this.refuseSocket(answer);
        },
        (error: unknown) => this.logger.warn({ err: error }, 'late call_details not applied'),
      );
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
    const endsCall = frame.response_type === 'response' && (frame.end_call === true || (frame.transfer_number ?? '') !== '');
    if (endsCall) this.hangingUp = true;
    const socket = this.socket;
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      if (frame.response_type === 'response') this.countSpoken(frame.response_id, frame.content);
      if (endsCall) this.closeAfterGoodbye();
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
    this.clearTimer('idleTimer');
    this.clearTimer('hangUpTimer');
    this.turn?.controller.abort(TURN_ABORTED);
    this.resolveGreeting();
    this.outbox = [];
    const socket = this.socket;
    this.socket = null;
    if (socket && (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING))
      socket.close(CloseCode.goingAway, 'server shutting down');
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
    let content = this.lines.fallbackGreeting;
    let endCall = false;
    try {
      const greeting = await this.conversation.greet(details);
      if (isRefusal(greeting)) {
        this.refuse(greeting);
        return;
      }
      ({ content, endCall = false } = greeting);
    } catch (error) {
      this.logger.error({ err: error }, 'greeting failed; using the fallback line');
    }
    // If the caller spoke first, Retell already asked for a newer response and would drop id 0 anyway.
    if (this.latest === 0 && this.turn === null) this.send(responseFrame(0, content, true, endCall ? { endCall: true, noInterruptionAllowed: true } : {}));
    else this.logger.info({ latest: this.latest }, 'greeting skipped: the caller spoke first');
    this.greeting = 'done';
    this.resolveGreeting();
  }

  /**
   * The conversation will not serve this call id: the socket is closed without a word (a greeting could name the
   * stored customer) and the session ended, which ends the conversation without writing.
   */
  private refuse(refusal: Refusal): void {
    if (this.closed) return;
    this.logger.warn({ reason: refusal.refused }, 'call refused');
    this.metrics?.refused.inc({ reason: refusal.refused });
    this.closeSocket(CloseCode.refused, 'call not available');
    this.options.onEnd(this);
  }

  /**
   * These call_details belong to another call than the one this session carries: that socket is dropped, and the
   * call waits for a genuine reconnect (or ends after the grace period) as after any lost socket.
   */
  private refuseSocket(refusal: Refusal): void {
    const socket = this.socket;
    if (this.closed || !socket) return;
    this.logger.warn({ reason: refusal.refused }, 'socket refused: its call_details belong to another call');
    this.metrics?.refused.inc({ reason: refusal.refused });
    this.detach(socket, CloseCode.refused);
    if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(CloseCode.refused, 'call not available');
  }

  /** Counts the content sent under one response id: the goodbye's length decides how long it takes to say. */
  private countSpoken(responseId: number, content: string): void {
    if (responseId !== this.spokenId) {
      this.spokenId = responseId;
      this.spokenChars = 0;
    }
    this.spokenChars += content.length;
  }

  /**
   * The agent's hang-up (or transfer) went out. Retell closes the socket once the goodbye is spoken; if it does not,
   * the socket is closed here when the goodbye has surely been said, so finished calls never pile up open sockets.
   */
  private closeAfterGoodbye(): void {
    this.goodbyeSent = true;
    if (this.hangUpTimer !== null) return;
    const waitMs = this.options.hangUpCloseMs + this.spokenChars * this.options.speechMsPerChar;
    this.hangUpTimer = setTimeout(() => {
      this.hangUpTimer = null;
      if (this.socket) this.logger.info({ wait_ms: waitMs }, 'closing the socket after the agent hung up');
      this.closeSocket(CloseCode.agentHungUp, 'call ended');
    }, waitMs);
    this.hangUpTimer.unref();
  }

  /** Starts (or restarts, for a new socket) the clock that ends a call whose socket has gone silent. */
  private startIdleClock(): void {
    this.clearTimer('idleTimer');
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.closed || !this.socket) return;
      this.logger.warn({ idle_ms: this.options.idleTimeoutMs }, 'socket idle; ending the call');
      this.metrics?.idleClosed.inc();
      this.closeSocket(CloseCode.idle, 'idle');
      // No reconnect grace: a socket that sent not even a keepalive is no network hiccup, and its holds go back now.
      this.options.onEnd(this);
    }, this.options.idleTimeoutMs);
    this.idleTimer.unref();
  }

  /** Closes the current socket (if open) with `code`; its close event then finds no current socket to detach. */
  private closeSocket(code: CloseCode, reason: string): void {
    const socket = this.socket;
    if (!socket) return;
    if (code !== CloseCode.agentHungUp) this.socket = null;
    this.clearTimer('idleTimer');
    if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(code, reason);
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

  private clearTimer(name: 'callDetailsTimer' | 'graceTimer' | 'idleTimer' | 'hangUpTimer'): void {
    const timer = this[name];
    if (timer !== null) clearTimeout(timer);
    this[name] = null;
  }
}
