/**
 * The seam between the Retell transport (which owns sockets, response ids, keepalive and reconnects) and the
 * dialogue (which decides what the agent says). The transport creates one Conversation per call id and keeps it
 * across reconnects; the dialogue never sees a WebSocket.
 */

/** One line of the transcript as Retell sends it; roles other than agent count as the caller. */
export interface Utterance {
  role: string;
  content: string;
}

/** The call object of `call_details` (phone calls carry numbers; web calls do not). */
export interface CallDetails {
  callId: string;
  agentId: string | null;
  fromNumber: string | null;
  toNumber: string | null;
  direction: string | null;
  callType: string | null;
  /** The call opted out of sensitive data storage: no transcript is kept. */
  sensitiveDataOptOut?: boolean;
  metadata: Record<string, unknown> | null;
}

/** Options of a spoken chunk. Actions run after the content is spoken; an interruption discards them. */
export interface SayOptions {
  endCall?: boolean;
  transferNumber?: string;
  noInterruptionAllowed?: boolean;
}

/**
 * What a turn may do. `say` streams content under the turn's response id; the transport sends the closing
 * `content_complete: true` itself when `respond` returns or throws (unless the turn was superseded).
 */
export interface TurnIo {
  /** Aborted when Retell asks for a newer response; stop generating, but let a started booking write finish. */
  signal: AbortSignal;
  /** True once a newer response_required/reminder_required arrived. Nothing more is sent for a stale turn. */
  isStale(): boolean;
  say(content: string, options?: SayOptions): void;
  /** Tool bookkeeping for Retell's transcript; sent even for a stale turn whose write completed. */
  toolCallInvocation(toolCallId: string, name: string, args: Record<string, unknown>): void;
  toolCallResult(toolCallId: string, content: string, successful: boolean): void;
}

export interface TurnRequest {
  kind: 'response_required' | 'reminder_required';
  responseId: number;
  transcript: Utterance[];
}

/** The begin message. `endCall`: the call cannot go on (it reached no business): say the line and hang up. */
export interface Greeting {
  content: string;
  endCall?: boolean;
}

/**
 * The socket may not use this call id: the call has ended (`call_ended`) or belongs to another business than the one
 * this call reaches (`foreign_call`). The transport closes the socket without a word; nothing of that call changes.
 */
export interface Refusal {
  refused: 'call_ended' | 'foreign_call';
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

export interface Conversation {
  /** The begin message (response_id 0), or a refusal; asked once per call. `details` is null when Retell sent none in time. */
  greet(details: CallDetails | null): Promise<Greeting | Refusal>;
  /** Produce the reply to one request. */
  respond(request: TurnRequest, io: TurnIo): Promise<void>;
  /**
   * call_details that arrived after the greeting (late, or on a reconnect): who is calling, for what follows. A
   * refusal: these details belong to another call than the one already open; the socket that sent them is dropped,
   * the call itself goes on.
   */
  callDetails?(details: CallDetails): Promise<Refusal | void> | Refusal | void;
  /** Transcript updates between turns (update_only). */
  observe?(transcript: Utterance[]): void;
  /**
   * The call is over (socket closed and not reopened within the grace period, or idle). Idempotent. A refused
   * conversation ends without writing anything.
   */
  end(reason: 'closed' | 'shutdown'): Promise<void>;
}

/** Creates the conversation of a new call id. */
export type ConversationFactory = (callId: string) => Conversation;
