/**
 * A WebSocket client that speaks to our server the way Retell does, for protocol tests and whole-call scripts.
 * Every wait has a timeout and fails with a message naming what it waited for and the last frames seen, so a
 * broken server fails a test instead of hanging it. Every frame the server sends is checked against the strict
 * outbound schema; `violations` collects the ones that would make Retell drop a frame silently.
 */
import { randomBytes } from 'node:crypto';
import { WebSocket } from 'ws';
import { OutboundFrame, type ResponseFrame } from '../../src/voice/transport/frames.js';

export interface ReceivedFrame {
  frame: OutboundFrame;
  /** Milliseconds (performance.now) when it arrived. */
  at: number;
}

export interface CompletedResponse {
  responseId: number;
  /** Concatenated content of all frames of the id. */
  text: string;
  frames: ResponseFrame[];
  final: ResponseFrame;
}

export interface TestUtterance {
  role: string;
  content: string;
}

export interface ConnectOptions {
  callId?: string;
  /** Base path, default `/llm-websocket` (with a path secret: `/llm-websocket/<secret>`). */
  path?: string;
  /** Extra headers of the upgrade request (e.g. X-Forwarded-For). */
  headers?: Record<string, string>;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 3_000;

/** A random call id in Retell's shape. */
export function randomCallId(prefix = 'call'): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

export const user = (content: string): TestUtterance => ({ role: 'user', content });
export const agent = (content: string): TestUtterance => ({ role: 'agent', content });

export class RetellTestClient {
  readonly received: ReceivedFrame[] = [];
  /** Frames from the server that fail the strict outbound schema (should stay empty). */
  readonly violations: Array<{ text: string; issues: string }> = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();
  private isClosed = false;

  private constructor(
    readonly socket: WebSocket,
    readonly callId: string,
  ) {
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? '<binary>' : String(data);
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        this.violations.push({ text, issues: 'not JSON' });
        return;
      }
      const parsed = OutboundFrame.safeParse(raw);
      if (!parsed.success) {
        this.violations.push({ text, issues: parsed.error.message });
        return;
      }
      this.received.push({ frame: parsed.data, at: performance.now() });
      this.wake();
    });
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        this.isClosed = true;
        this.wake();
        resolve({ code, reason: reason.toString() });
      });
    });
  }

  /** Opens `ws://…{path}/{callId}` and resolves once the socket is open. */
  static connect(baseUrl: string, options: ConnectOptions = {}): Promise<RetellTestClient> {
    const callId = options.callId ?? randomCallId();
    const url = `${baseUrl.replace(/^http/, 'ws').replace(/\/+$/, '')}${options.path ?? '/llm-websocket'}/${callId}`;
    const socket = new WebSocket(url, options.headers ? { headers: options.headers } : {});
    const client = new RetellTestClient(socket, callId);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.terminate();
        reject(new Error(`connect to ${url} timed out`));
      }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      socket.once('open', () => {
        clearTimeout(timer);
        resolve(client);
      });
      socket.once('unexpected-response', (_req, res) => {
        clearTimeout(timer);
        socket.terminate();
        reject(Object.assign(new Error(`upgrade refused with HTTP ${res.statusCode}`), { statusCode: res.statusCode }));
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  get frames(): OutboundFrame[] {
    return this.received.map((r) => r.frame);
  }

  /** All response frames of one id, in order. */
  responseFrames(responseId: number, since = 0): ResponseFrame[] {
    return this.received.slice(since).flatMap(({ frame }) => (frame.response_type === 'response' && frame.response_id === responseId ? [frame] : []));
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  send(frame: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(frame));
  }

  sendRaw(data: string | Buffer, binary = false): void {
    this.socket.send(data, { binary });
  }

  /** Sends `call_details` with a phone-call object; fields can be overridden. */
  sendCallDetails(call: Record<string, unknown> = {}): void {
    this.send({
      interaction_type: 'call_details',
      call: {
        call_id: this.callId,
        agent_id: 'agent_test',
        call_type: 'phone_call',
        call_status: 'registered',
        direction: 'inbound',
        from_number: '+4917612345678',
        to_number: '+493012345670',
        ...call,
      },
    });
  }

  /** Asks for a response (or a reminder) under `responseId`. */
  requestResponse(responseId: number, transcript: TestUtterance[] = [], kind: 'response_required' | 'reminder_required' = 'response_required'): void {
    this.send({ interaction_type: kind, response_id: responseId, transcript });
  }

  sendUpdate(transcript: TestUtterance[]): void {
    this.send({ interaction_type: 'update_only', transcript, turntaking: 'user_turn' });
  }

  ping(timestamp: number): void {
    this.send({ interaction_type: 'ping_pong', timestamp });
  }

  /** The first frame (from index `since` on) matching `predicate`, waiting up to `timeoutMs`. */
  async waitFor<T extends OutboundFrame>(
    predicate: (frame: OutboundFrame) => frame is T,
    options?: { since?: number; timeoutMs?: number; what?: string },
  ): Promise<T>;
  async waitFor(predicate: (frame: OutboundFrame) => boolean, options?: { since?: number; timeoutMs?: number; what?: string }): Promise<OutboundFrame>;
  async waitFor(predicate: (frame: OutboundFrame) => boolean, options: { since?: number; timeoutMs?: number; what?: string } = {}): Promise<OutboundFrame> {
    const entry = await this.waitForEntry(predicate, options);
    return entry.frame;
  }

  /** Like `waitFor`, with the arrival time. */
  waitForEntry(predicate: (frame: OutboundFrame) => boolean, options: { since?: number; timeoutMs?: number; what?: string } = {}): Promise<ReceivedFrame> {
    const { since = 0, timeoutMs = DEFAULT_TIMEOUT_MS, what = 'a matching frame' } = options;
    let checked = since;
    const scan = (): ReceivedFrame | undefined => {
      for (; checked < this.received.length; checked++) {
        const entry = this.received[checked]!;
        if (predicate(entry.frame)) return entry;
      }
      return undefined;
    };
    const found = scan();
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = () => {
        const hit = scan();
        if (hit) {
          done();
          resolve(hit);
        } else if (this.isClosed) {
          done();
          reject(new Error(`${this.callId}: socket closed while waiting for ${what}; ${this.describeTail()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.callId}: no ${what} within ${timeoutMs} ms; ${this.describeTail()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
    });
  }

  /** Waits for the frame with `content_complete: true` of `responseId` and returns the whole response. */
  async collectResponse(responseId: number, options: { since?: number; timeoutMs?: number } = {}): Promise<CompletedResponse> {
    const final = await this.waitFor((f): f is ResponseFrame => f.response_type === 'response' && f.response_id === responseId && f.content_complete, {
      ...options,
      what: `the complete response ${responseId}`,
    });
    const frames = this.responseFrames(responseId, options.since ?? 0);
    return { responseId, text: frames.map((f) => f.content).join(''), frames, final };
  }

  /** Sends a request and returns the completed response to it. */
  async ask(responseId: number, transcript: TestUtterance[] = [], options: { timeoutMs?: number } = {}): Promise<CompletedResponse> {
    const since = this.received.length;
    this.requestResponse(responseId, transcript);
    return this.collectResponse(responseId, { since, ...options });
  }

  /** Waits for the config frame, sends call_details, and returns the greeting (response id 0). */
  async handshake(call: Record<string, unknown> = {}, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<CompletedResponse> {
    await this.waitFor((f) => f.response_type === 'config', { timeoutMs, what: 'config' });
    this.sendCallDetails(call);
    return this.collectResponse(0, { timeoutMs });
  }

  async waitForClose(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<{ code: number; reason: string }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.callId}: socket still open after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.closed, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes like a hangup and waits for the closing handshake. */
  async close(code = 1000): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close(code);
    await this.waitForClose().catch(() => this.socket.terminate());
  }

  /** Drops the connection without a closing handshake (the server sees 1006). */
  terminate(): void {
    this.socket.terminate();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private describeTail(): string {
    const tail = this.received
      .slice(-5)
      .map(({ frame }) =>
        frame.response_type === 'response' ? `response#${frame.response_id}${frame.content_complete ? '(complete)' : ''}` : frame.response_type,
      );
    return `last frames: [${tail.join(', ')}]${this.violations.length > 0 ? `, ${this.violations.length} schema violation(s)` : ''}`;
  }
}
