import { RetellTestClient, type TestUtterance } from '../../test/support/retell-client.js';
import { ToolFrameReader, type ToolOutcome } from '../soak/tool-frames.js';

/** One reply of the agent as the caller heard it, with the tool results that came with it. */
export interface HeardReply {
  text: string;
  endCall: boolean;
  transferNumber: string | null;
  tools: ToolOutcome[];
  /** True when this reply answers a request that superseded an earlier one still being worked on. */
  superseded: boolean;
}

const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Retell's side of one call on one socket: keeps the transcript, numbers the requests, and can barge in: ask
 * again with the caller's next words as soon as the agent has started on the previous request (its first frame,
 * the spoken filler of a tool turn, has arrived), the way Retell does when the caller talks over the agent.
 */
export class CallerLine {
  readonly transcript: TestUtterance[] = [];
  private readonly tools: ToolFrameReader;
  private lastId = 0;

  private constructor(
    private readonly client: RetellTestClient,
    private readonly responseTimeoutMs: number,
  ) {
    this.tools = new ToolFrameReader(client);
  }

  static async dial(
    url: string,
    call: { callId: string; from: string; to: string },
    responseTimeoutMs: number,
  ): Promise<{ line: CallerLine; greeting: string }> {
    const client = await RetellTestClient.connect(url, { callId: call.callId, timeoutMs: CONNECT_TIMEOUT_MS });
    const line = new CallerLine(client, responseTimeoutMs);
    const greeting = await client.handshake(
      { call_id: call.callId, from_number: call.from, to_number: call.to, direction: 'inbound', call_type: 'phone_call', agent_id: 'agent_callers' },
      responseTimeoutMs,
    );
    const text = greeting.text.trim();
    line.transcript.push({ role: 'agent', content: text });
    return { line, greeting: text };
  }

  get violations(): string[] {
    return this.client.violations.map((v) => v.issues.slice(0, 200));
  }

  get open(): boolean {
    return this.client.open;
  }

  /** The caller says `text` and waits for the whole reply. */
  async say(text: string): Promise<HeardReply> {
    this.transcript.push({ role: 'user', content: text });
    const id = ++this.lastId;
    const since = this.client.received.length;
    this.client.requestResponse(id, [...this.transcript]);
    return this.collect(id, since, false);
  }

  /**
   * The caller says `text`; once the agent has started answering (first frame), or has answered, the caller says
   * `interruption` over it. Returns the reply to the interruption, and whether the first request was still open.
   */
  async sayAndInterrupt(
    text: string,
    interruption: string,
    shouldInterrupt: (firstFrame: string) => boolean,
  ): Promise<{ first: string; reply: HeardReply; interrupted: boolean }> {
    this.transcript.push({ role: 'user', content: text });
    const id = ++this.lastId;
    const since = this.client.received.length;
    this.client.requestResponse(id, [...this.transcript]);
    const first = await this.client.waitFor((f) => f.response_type === 'response' && f.response_id === id, {
      since,
      timeoutMs: this.responseTimeoutMs,
      what: `the first frame of response ${id}`,
    });
    const firstText = first.response_type === 'response' ? first.content : '';
    const complete = first.response_type === 'response' && first.content_complete;
    if (complete || !shouldInterrupt(firstText)) {
      const reply = await this.collect(id, since, false);
      return { first: reply.text, reply, interrupted: false };
    }
    // What the caller heard of the first answer before talking over it.
    if (firstText.trim()) this.transcript.push({ role: 'agent', content: firstText.trim() });
    this.transcript.push({ role: 'user', content: interruption });
    const next = ++this.lastId;
    const nextSince = this.client.received.length;
    this.client.requestResponse(next, [...this.transcript]);
    const reply = await this.collect(next, nextSince, true);
    return { first: firstText.trim(), reply, interrupted: true };
  }

  /** Tool results that arrived after the last reply (a superseded turn finishing its write late). */
  lateTools(): ToolOutcome[] {
    return this.tools.read();
  }

  async hangUp(): Promise<void> {
    if (this.client.open) await this.client.close(1000);
    else this.client.terminate();
  }

  private async collect(id: number, since: number, superseded: boolean): Promise<HeardReply> {
    const done = await this.client.collectResponse(id, { since, timeoutMs: this.responseTimeoutMs });
    const text = done.text.replace(/\s+/g, ' ').trim();
    if (text) this.transcript.push({ role: 'agent', content: text });
    this.client.sendUpdate(this.transcript);
    return { text, endCall: done.final.end_call === true, transferNumber: done.final.transfer_number ?? null, tools: this.tools.read(), superseded };
  }
}
