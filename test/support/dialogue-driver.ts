import type { BookingDeps } from '../../src/booking/booking-deps.js';
import { isRefusal, type CallDetails, type Conversation, type SayOptions, type TurnIo, type Utterance } from '../../src/voice/conversation.js';
import { createBookingConversations } from '../../src/voice/dialogue/booking-conversation.js';

export interface AgentReply {
  text: string;
  endCall: boolean;
  transferNumber: string | null;
  tools: Array<{ name: string; args: Record<string, unknown>; result?: Record<string, unknown> }>;
}

/** Talks to the dialogue directly (no socket): one caller line in, the agent's whole reply out. */
export class DialogueDriver {
  readonly transcript: Utterance[] = [];
  private responseId = 0;
  private readonly conversation: Conversation;

  constructor(
    deps: BookingDeps,
    readonly callId: string,
  ) {
    this.conversation = createBookingConversations(deps)(callId);
  }

  async start(details: Partial<CallDetails> = {}): Promise<string> {
    const greeting = await this.conversation.greet({
      callId: this.callId,
      agentId: null,
      fromNumber: null,
      toNumber: null,
      direction: 'inbound',
      callType: 'phone_call',
      metadata: null,
      ...details,
    });
    if (isRefusal(greeting)) throw new Error(`the conversation refused ${this.callId}: ${greeting.refused}`);
    const { content } = greeting;
    this.transcript.push({ role: 'agent', content });
    return content;
  }

  async say(text: string): Promise<AgentReply> {
    this.transcript.push({ role: 'user', content: text });
    return this.turn('response_required');
  }

  async silence(): Promise<AgentReply> {
    return this.turn('reminder_required');
  }

  async turn(kind: 'response_required' | 'reminder_required'): Promise<AgentReply> {
    const reply: AgentReply = { text: '', endCall: false, transferNumber: null, tools: [] };
    const io: TurnIo = {
      signal: new AbortController().signal,
      isStale: () => false,
      say: (content: string, options?: SayOptions) => {
        reply.text += content;
        if (options?.endCall) reply.endCall = true;
        if (options?.transferNumber) reply.transferNumber = options.transferNumber;
      },
      toolCallInvocation: (_id, name, args) => reply.tools.push({ name, args }),
      toolCallResult: (_id, content) => {
        const last = reply.tools[reply.tools.length - 1];
        if (last) last.result = JSON.parse(content) as Record<string, unknown>;
      },
    };
    await this.conversation.respond({ kind, responseId: ++this.responseId, transcript: [...this.transcript] }, io);
    reply.text = reply.text.replace(/\s+/g, ' ').trim();
    this.transcript.push({ role: 'agent', content: reply.text });
    return reply;
  }

  end(): Promise<void> {
    return this.conversation.end('closed');
  }
}
