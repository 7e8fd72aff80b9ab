/**
 * A scripted Conversation for transport tests: it records everything the transport hands it and answers with
 * whatever the test's script does. Not the real German dialogue.
 */
import type { CallDetails, Conversation, ConversationFactory, TurnIo, TurnRequest, Utterance } from '../../src/voice/conversation.js';

export interface FakeScript {
  greet?(details: CallDetails | null, call: FakeCall): string | Promise<string>;
  respond?(request: TurnRequest, io: TurnIo, call: FakeCall): void | Promise<void>;
}

/** What one call's conversation saw. */
export interface FakeCall {
  callId: string;
  greetings: Array<CallDetails | null>;
  requests: TurnRequest[];
  signals: Map<number, AbortSignal>;
  observed: Utterance[][];
  ended: Array<{ reason: 'closed' | 'shutdown'; at: number }>;
}

export class FakeConversations {
  readonly calls = new Map<string, FakeCall>();
  private readonly endWaiters = new Map<string, Array<() => void>>();

  constructor(private readonly script: FakeScript = {}) {}

  readonly factory: ConversationFactory = (callId) => {
    const call: FakeCall = { callId, greetings: [], requests: [], signals: new Map(), observed: [], ended: [] };
    this.calls.set(callId, call);
    const script = this.script;
    const conversation: Conversation = {
      async greet(details) {
        call.greetings.push(details);
        return { content: script.greet ? await script.greet(details, call) : 'Guten Tag, Salon Test.' };
      },
      async respond(request, io) {
        call.requests.push(request);
        call.signals.set(request.responseId, io.signal);
        if (script.respond) await script.respond(request, io, call);
        else io.say(`Antwort ${request.responseId}.`);
      },
      observe(transcript) {
        call.observed.push(transcript);
      },
      end: async (reason) => {
        call.ended.push({ reason, at: performance.now() });
        for (const wake of this.endWaiters.get(callId) ?? []) wake();
        this.endWaiters.delete(callId);
      },
    };
    return conversation;
  };

  call(callId: string): FakeCall {
    const call = this.calls.get(callId);
    if (!call) throw new Error(`no conversation was created for ${callId}`);
    return call;
  }

  /** Resolves when the call's conversation was ended; rejects after `timeoutMs`. */
  waitForEnd(callId: string, timeoutMs = 3_000): Promise<{ reason: 'closed' | 'shutdown'; at: number }> {
    const ended = this.calls.get(callId)?.ended[0];
    if (ended) return Promise.resolve(ended);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`conversation ${callId} not ended within ${timeoutMs} ms`)), timeoutMs);
      const list = this.endWaiters.get(callId) ?? [];
      list.push(() => {
        clearTimeout(timer);
        resolve(this.call(callId).ended[0]!);
      });
      this.endWaiters.set(callId, list);
    });
  }
}

/** Resolves after `ms`, or rejects early when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
