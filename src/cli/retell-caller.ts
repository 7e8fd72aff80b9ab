import { WebSocket } from 'ws';
import { OutboundFrame, type ResponseFrame } from '../voice/transport/frames.js';

/** Retell's keepalive interval once the server asked for `auto_reconnect`. */
const KEEPALIVE_MS = 2_000;

/** Who calls whom, as the call_details of the simulated call say. */
export interface CallerSettings {
  callId: string;
  from: string;
  to: string;
}

export interface CallerIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Retell's side of one call over a real socket: answers config with call_details, echoes ping_pong, sends the
 * caller's lines as response_required with the transcript so far, and prints the agent's lines and tool calls.
 */
export class RetellCaller {
  readonly opened: Promise<void>;
  readonly endedPromise: Promise<void>;
  ended = false;
  private readonly socket: WebSocket;
  private readonly transcript: Array<{ role: 'agent' | 'user'; content: string }> = [];
  /** Text of the response in progress: all of it (for the transcript) and the part not printed yet. */
  private full = '';
  private unprinted = '';
  private readonly completed = new Set<number>();
  private readonly waiters = new Map<number, () => void>();
  private readonly toolNames = new Map<string, string>();
  private lastId = 0;
  private closeCode: number | null = null;
  private connected = false;
  private keepalive: NodeJS.Timeout | null = null;
  private markEnded!: () => void;

  constructor(
    url: string,
    private readonly call: CallerSettings,
    private readonly io: CallerIo,
  ) {
    this.socket = new WebSocket(url);
    this.endedPromise = new Promise((resolve) => (this.markEnded = resolve));
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => {
        this.connected = true;
        resolve();
      });
      this.socket.once('error', reject);
      this.socket.once('unexpected-response', (_req, res) =>
        reject(Object.assign(new Error(`the server answered HTTP ${res.statusCode}`), { statusCode: res.statusCode })),
      );
    });
    this.opened.catch(() => undefined);
    this.socket.on('message', (data, isBinary) => this.receive(isBinary ? null : String(data)));
    this.socket.on('close', (code) => {
      this.closeCode = code;
      // A connection that never opened is reported once, by the caller of `opened`.
      if (!this.ended && this.connected) this.io.stderr.write(`[connection closed by the server: ${code}]\n`);
      this.end();
    });
  }

  /** Sends what the caller said and returns the response id asked for. */
  say(text: string): number {
    this.transcript.push({ role: 'user', content: text });
    this.lastId += 1;
    this.full = '';
    this.unprinted = '';
    this.send({ interaction_type: 'response_required', response_id: this.lastId, transcript: this.transcript });
    return this.lastId;
  }

  /** Resolves when response `id` completed, the call ended, or `timeoutMs` passed (with a warning). */
  awaitResponse(id: number, timeoutMs: number, what: string): Promise<void> {
    if (this.completed.has(id) || this.ended) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(id);
        this.io.stderr.write(`[no complete ${what} within ${Math.round(timeoutMs / 1000)} s]\n`);
        resolve();
      }, timeoutMs);
      this.waiters.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Ends the call from the caller's side and returns the exit code. */
  async hangUp(): Promise<number> {
    const byServer = this.closeCode;
    this.end();
    if (this.socket.readyState === WebSocket.OPEN) {
      const closed = new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
      this.socket.close(1000, 'caller hung up');
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
    }
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.terminate();
    return byServer === null || byServer === 1000 ? 0 : 1;
  }

  private receive(text: string | null): void {
    let raw: unknown;
    try {
      raw = text === null ? undefined : JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const parsed = OutboundFrame.safeParse(raw);
    if (!parsed.success) {
      // The frames Retell would drop silently, leaving the agent mute; worth seeing when testing a server.
      this.io.stderr.write(`[frame Retell would reject: ${(text ?? '<binary>').slice(0, 200)}]\n`);
      return;
    }
    const frame = parsed.data;
    switch (frame.response_type) {
      case 'config':
        // As Retell does: with auto_reconnect it sends a keepalive every 2 s, which also keeps the server from
        // closing a call as idle while the person at the terminal thinks.
        if (frame.config.auto_reconnect === true && this.keepalive === null) {
          this.keepalive = setInterval(() => this.send({ interaction_type: 'ping_pong', timestamp: Date.now() }), KEEPALIVE_MS);
          this.keepalive.unref();
        }
        this.send({
          interaction_type: 'call_details',
          call: {
            call_id: this.call.callId,
            call_type: 'phone_call',
            direction: 'inbound',
            from_number: this.call.from,
            to_number: this.call.to,
            call_status: 'registered',
            agent_id: 'terminal',
          },
        });
        return;
      case 'ping_pong':
        // The server's answer to our keepalive; echoing it back would bounce pings between the two forever.
        return;
      case 'response':
        this.receiveResponse(frame);
        return;
      case 'agent_interrupt':
        if (frame.content.trim()) this.print(`Agent (interrupt): ${frame.content.trim()}`);
        return;
      case 'tool_call_invocation':
        this.printPartial();
        this.toolNames.set(frame.tool_call_id, frame.name);
        this.print(`[${frame.name} ${frame.arguments}]`);
        return;
      case 'tool_call_result':
        this.print(
          `[${this.toolNames.get(frame.tool_call_id) ?? frame.tool_call_id} → ${oneLine(frame.content)}${frame.successful === false ? ' (failed)' : ''}]`,
        );
        return;
      default:
        return;
    }
  }

  private receiveResponse(frame: ResponseFrame): void {
    // Retell keeps only the latest requested id; content under an older one is never spoken.
    if (frame.response_id !== this.lastId || this.completed.has(frame.response_id)) return;
    this.full += frame.content;
    this.unprinted += frame.content;
    if (!frame.content_complete) return;
    this.printPartial();
    this.completed.add(frame.response_id);
    // One agent utterance per response, as in Retell's transcript, even when a tool call split its printing.
    const text = this.full.trim();
    this.full = '';
    if (text !== '') this.transcript.push({ role: 'agent', content: text });
    if (frame.end_call) {
      this.print('[end_call]');
      this.end();
    } else if (frame.transfer_number) {
      this.print(`[transfer → ${frame.transfer_number}]`);
      this.end();
    }
    this.waiters.get(frame.response_id)?.();
    this.waiters.delete(frame.response_id);
  }

  /** Prints what the agent said of the response in progress (before a tool call, or at its end). */
  private printPartial(): void {
    const text = this.unprinted.trim();
    this.unprinted = '';
    if (text !== '') this.print(`Agent: ${text}`);
  }

  private send(frame: Record<string, unknown>): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
  }

  private print(line: string): void {
    this.io.stdout.write(`${line}\n`);
  }

  private end(): void {
    if (this.keepalive !== null) clearInterval(this.keepalive);
    this.keepalive = null;
    if (this.ended) return;
    this.ended = true;
    this.markEnded();
    for (const wake of this.waiters.values()) wake();
    this.waiters.clear();
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
