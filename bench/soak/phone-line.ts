import { performance } from 'node:perf_hooks';
import { RetellTestClient, type TestUtterance } from '../../test/support/retell-client.js';
import type { ResponseFrame } from '../../src/voice/transport/frames.js';
import { ToolFrameReader, type ToolOutcome } from './tool-frames.js';

export type { ToolOutcome } from './tool-frames.js';

/** One complete agent response, as Retell would speak and record it. */
export interface AgentReply {
  text: string;
  endCall: boolean;
  transferNumber: string | null;
  /** Tool results of this reply, and any that arrived after the previous reply had completed. */
  tools: ToolOutcome[];
  /** How many of `tools` arrived after the response they belong to had completed. */
  lateTools: number;
}

/** Why a line gave up; the caller turns it into the call's failure. */
export class LineError extends Error {
  constructor(
    readonly kind: 'lost_connection' | 'response_timeout' | 'connect_failed',
    message: string,
  ) {
    super(message);
    this.name = 'LineError';
  }
}

/** The harness's load balancer: where instance i listens, and whether it still runs. */
export interface InstancePool {
  readonly size: number;
  urlOf(index: number): string;
  isAlive(index: number): boolean;
}

export interface LineEvents {
  /** A request went out: the time to its first response frame and to its complete response, null when none came. */
  turn(firstMs: number | null, completeMs: number | null): void;
}

export interface LineSettings {
  callId: string;
  from: string;
  to: string;
  responseTimeoutMs: number;
}

const CONNECT_TIMEOUT_MS = 5_000;
const PING_EVERY_MS = 2_000;
/** Retell closes a socket whose keepalive was silent this long and reconnects. */
const KEEPALIVE_LOST_MS = 5_000;
/** Retell's documented budget: after this many failed reconnects the call ends in error. */
const MAX_RECONNECT_ATTEMPTS = 2;

/**
 * Retell's side of one phone call, over as many sockets as it takes. It keeps the transcript, numbers each
 * `response_required` higher than the last, sends a ping_pong every 2 s, and when the socket drops (or the
 * keepalive goes quiet) it opens a new socket with the same call id to another instance and asks again for the
 * pending response under a new id with the full transcript. What Retell replays on a reconnect is undocumented;
 * this is the safe assumption: config is answered with call_details again, the greeting is not asked for.
 */
export class PhoneLine {
  readonly transcript: TestUtterance[] = [];
  /** Every instance the call was connected to, in order. */
  readonly instances: number[] = [];
  /** Why each replaced socket was given up. */
  readonly drops: string[] = [];
  /** Every request sent: when (wall clock), and how long to its first and its complete frame (null: none came). */
  readonly timings: Array<{ at: number; firstMs: number | null; completeMs: number | null }> = [];
  private readonly clients: RetellTestClient[] = [];
  private client: RetellTestClient | null = null;
  private tools: ToolFrameReader | null = null;
  /** Tool results read but not yet handed to the caller (late ones, or ones from a socket that dropped). */
  private carried: ToolOutcome[] = [];
  /** Set when the harness itself dropped the socket (keepalive), to name the reason on reconnect. */
  private dropReason: string | null = null;
  private lastId = 0;
  private pingTimer: NodeJS.Timeout | null = null;
  private lastPongAt = 0;
  private pongScan = 0;
  private hungUp = false;

  constructor(
    private readonly settings: LineSettings,
    private readonly pool: InstancePool,
    private readonly events: LineEvents,
  ) {}

  /** Frames from the server that fail the strict outbound schema (Retell would drop them silently). */
  get violations(): string[] {
    return this.clients.flatMap((c) => c.violations.map((v) => `${v.issues.slice(0, 200)} in ${v.text.slice(0, 200)}`));
  }

  /** The instance the call is (or was last) connected to. */
  get instance(): number {
    return this.instances[this.instances.length - 1] ?? -1;
  }

  /** Connects to `instance`, answers config with call_details, and returns the greeting. */
  async open(instance: number): Promise<string> {
    const client = await this.connect(instance);
    try {
      const greeting = await client.collectResponse(0, { timeoutMs: this.settings.responseTimeoutMs });
      const text = greeting.text.trim();
      if (text) this.transcript.push({ role: 'agent', content: text });
      return text;
    } catch (error) {
      throw new LineError(client.open ? 'response_timeout' : 'lost_connection', `no greeting: ${message(error)}`);
    }
  }

  /** The caller says `text`; resolves with the agent's complete reply, reconnecting as Retell would on the way. */
  async say(text: string): Promise<AgentReply> {
    this.transcript.push({ role: 'user', content: text });
    // Results that came in after the previous reply completed belong to this reply: the caller learns of them now.
    this.carried = this.drainTools();
    const late = this.carried.length;
    for (;;) {
      const client = this.client && this.client.open ? this.client : await this.reconnect('socket closed between turns');
      const id = ++this.lastId;
      const since = client.received.length;
      const sentAt = performance.now();
      client.send({ interaction_type: 'response_required', response_id: id, transcript: this.transcript });
      try {
        const done = await client.collectResponse(id, { since, timeoutMs: this.settings.responseTimeoutMs });
        this.timed(sentAt, this.firstFrameMs(client, id, since, sentAt), performance.now() - sentAt);
        return this.reply(client, done.text, done.final, late);
      } catch (error) {
        this.timed(sentAt, this.firstFrameMs(client, id, since, sentAt), null);
        if (client.open) throw new LineError('response_timeout', `response ${id}: ${message(error)}`);
        // The socket went away mid-turn: the loop reconnects and asks again for the same words.
        this.dropReason ??= 'socket closed during a turn';
      }
    }
  }

  /** Ends the call from Retell's side: a normal close, as after the agent's end_call or the caller hanging up. */
  async hangUp(): Promise<void> {
    this.hungUp = true;
    this.stopPinging();
    const client = this.client;
    this.client = null;
    if (client?.open) await client.close(1000);
    else client?.terminate();
  }

  private async connect(instance: number): Promise<RetellTestClient> {
    let client: RetellTestClient;
    try {
      client = await RetellTestClient.connect(this.pool.urlOf(instance), { callId: this.settings.callId, timeoutMs: CONNECT_TIMEOUT_MS });
    } catch (error) {
      throw new LineError('connect_failed', `instance ${instance}: ${message(error)}`);
    }
    // Results the old socket delivered before it dropped are still what the caller was told.
    if (this.tools) this.carried.push(...this.tools.read());
    this.client = client;
    this.tools = new ToolFrameReader(client);
    this.clients.push(client);
    this.instances.push(instance);
    try {
      await client.waitFor((f) => f.response_type === 'config', { timeoutMs: CONNECT_TIMEOUT_MS, what: 'config' });
    } catch (error) {
      client.terminate();
      throw new LineError('connect_failed', `instance ${instance}: ${message(error)}`);
    }
    client.sendCallDetails({ from_number: this.settings.from, to_number: this.settings.to, agent_id: 'agent_soak' });
    this.startPinging(client);
    return client;
  }

  /**
   * Retell reconnects after a lost socket, at most twice. It reconnects to the same URL; the balancer in front
   * sends it to a running instance other than the one that dropped it.
   */
  private async reconnect(fallbackReason: string): Promise<RetellTestClient> {
    if (this.hungUp) throw new LineError('lost_connection', 'the call was already hung up');
    const from = this.instance;
    const reason = this.dropReason ?? fallbackReason;
    this.dropReason = null;
    this.drops.push(`#${from}: ${reason}`);
    let lastError: unknown = new Error('no other instance is running');
    const others = Array.from({ length: this.pool.size - 1 }, (_, k) => (from + 1 + k) % this.pool.size).filter((i) => this.pool.isAlive(i));
    for (let attempt = 0; attempt < MAX_RECONNECT_ATTEMPTS && others.length > 0; attempt++) {
      const target = others[attempt % others.length]!;
      try {
        return await this.connect(target);
      } catch (error) {
        lastError = error;
      }
    }
    throw new LineError('lost_connection', `lost instance ${from} (${reason}); ${MAX_RECONNECT_ATTEMPTS} reconnects failed: ${message(lastError)}`);
  }

  private reply(client: RetellTestClient, text: string, final: ResponseFrame, lateTools: number): AgentReply {
    const tools = this.drainTools();
    const spoken = text.trim();
    if (spoken) this.transcript.push({ role: 'agent', content: spoken });
    // Retell tells the server about the transcript between turns, too.
    if (client.open) client.sendUpdate(this.transcript);
    return { text: spoken, endCall: final.end_call === true, transferNumber: final.transfer_number ?? null, tools, lateTools };
  }

  /** Tool results that came in after the last reply (a write that finished after the caller hung up). */
  unreadTools(): ToolOutcome[] {
    return this.drainTools();
  }

  /** Every tool result not handed out yet, from the current socket and any dropped before it. */
  private drainTools(): ToolOutcome[] {
    const out = [...this.carried, ...(this.tools?.read() ?? [])];
    this.carried = [];
    return out;
  }

  private timed(sentAt: number, firstMs: number | null, completeMs: number | null): void {
    this.timings.push({ at: Date.now() - (performance.now() - sentAt), firstMs, completeMs });
    this.events.turn(firstMs, completeMs);
  }

  private firstFrameMs(client: RetellTestClient, id: number, since: number, sentAt: number): number | null {
    for (let i = since; i < client.received.length; i++) {
      const entry = client.received[i]!;
      if (entry.frame.response_type === 'response' && entry.frame.response_id === id) return entry.at - sentAt;
    }
    return null;
  }

  private startPinging(client: RetellTestClient): void {
    this.stopPinging();
    this.lastPongAt = performance.now();
    this.pongScan = 0;
    this.pingTimer = setInterval(() => {
      if (!client.open) return this.stopPinging();
      for (; this.pongScan < client.received.length; this.pongScan++) {
        const entry = client.received[this.pongScan]!;
        if (entry.frame.response_type === 'ping_pong') this.lastPongAt = entry.at;
      }
      if (performance.now() - this.lastPongAt > KEEPALIVE_LOST_MS) {
        // What Retell does with a silent keepalive: drop the socket; the pending turn then reconnects.
        this.dropReason = 'keepalive lost';
        client.terminate();
        return;
      }
      client.ping(Date.now());
    }, PING_EVERY_MS);
    this.pingTimer.unref();
  }

  private stopPinging(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = null;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
