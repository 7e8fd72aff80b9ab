import { performance } from 'node:perf_hooks';
import type { Logger } from '../../logger.js';
import type { Conversation, SayOptions, TurnIo, TurnRequest } from '../conversation.js';
import { responseFrame, toolCallInvocationFrame, toolCallResultFrame, type OutboundFrame } from './frames.js';
import type { TransportMetrics, TurnOutcome } from './transport-metrics.js';

/** The lines the transport speaks on its own; the language is the composition root's choice. */
export interface TransportLines {
  /** The begin message when the conversation produced none. */
  fallbackGreeting: string;
  /** Spoken when a turn fails or hangs, so the caller is never left in silence. */
  apology: string;
}

/**
 * The abort reason of a superseded or cancelled turn. Shared, because `abort()` without a reason builds a
 * DOMException with a stack trace on every turn, a measurable cost at hundreds of concurrent calls.
 */
export const TURN_ABORTED = new DOMException('The turn was superseded or the call ended', 'AbortError');

/** One turn request in flight. */
export interface Turn {
  readonly request: TurnRequest;
  readonly controller: AbortController;
  /** Set once the frame with `content_complete: true` went out; nothing more is sent under this id. */
  finished: boolean;
  /** Resolves when `respond` has returned or thrown (or the turn was skipped). */
  readonly settled: Promise<void>;
  settle(): void;
}

/** The part of a call session a turn needs. */
export interface TurnHost {
  readonly conversation: Conversation;
  readonly logger: Logger;
  readonly metrics: TransportMetrics | undefined;
  readonly turnTimeoutMs: number;
  readonly supersedeWaitMs: number;
  readonly lines: TransportLines;
  /** Resolves once the begin message is out (or skipped); turns never overtake the greeting. */
  readonly greetingDone: Promise<void>;
  readonly closed: boolean;
  /** Registers the request as the latest and aborts the one before; null for a duplicate of the turn in flight. */
  beginTurn(request: TurnRequest): { turn: Turn; previous: Turn | null } | null;
  isCurrent(turn: Turn): boolean;
  send(frame: OutboundFrame): void;
}

/** A fresh turn for `request`. */
export function createTurn(request: TurnRequest): Turn {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  return { request, controller: new AbortController(), finished: false, settled, settle };
}

/**
 * Answers one response_required/reminder_required: lets the conversation stream content under the request's id and
 * always closes the response with `content_complete: true` — after `respond` returns, after it throws (with an
 * apology line), or when it overruns `turnTimeoutMs` — unless a newer request superseded it, in which case nothing
 * more is sent under the old id. Never rejects.
 */
export async function runTurn(host: TurnHost, request: TurnRequest): Promise<void> {
  const begun = host.beginTurn(request);
  if (!begun) {
    host.logger.debug({ response_id: request.responseId }, 'repeated request for the turn in flight ignored');
    return;
  }
  const { turn, previous } = begun;
  const log = host.logger;
  const receivedAt = performance.now();
  let firstFrameMs: number | null = null;
  let frames = 0;
  let endedCall = false;
  let failed = false;
  let timedOut = false;
  let warnedLate = false;
  const invoked = new Set<string>();

  const sendResponse = (content: string, complete: boolean, options?: SayOptions): boolean => {
    if (turn.finished || !host.isCurrent(turn)) return false;
    host.send(responseFrame(request.responseId, content, complete, options));
    frames += 1;
    if (firstFrameMs === null) {
      firstFrameMs = performance.now() - receivedAt;
      host.metrics?.firstResponse.observe({ kind: request.kind }, firstFrameMs / 1000);
    }
    if (complete) turn.finished = true;
    return true;
  };

  const io: TurnIo = {
    signal: turn.controller.signal,
    isStale: () => !host.isCurrent(turn),
    say(content, options) {
      if (turn.finished && host.isCurrent(turn) && !warnedLate) {
        warnedLate = true;
        log.warn({ response_id: request.responseId }, 'content after the final frame of a turn dropped');
      }
      // An action (hang up, transfer) only runs once its response is complete, so the frame carrying it is the
      // turn's last; Retell then acts on it after speaking the content.
      const final = options?.endCall === true || (typeof options?.transferNumber === 'string' && options.transferNumber.length > 0);
      if (sendResponse(content, final, options) && final) endedCall = true;
    },
    // A stale turn starts no new tool call; but a call it began while current (a booking write) finishes, and its
    // result belongs in Retell's transcript next to the invocation: tool frames are not tied to a response id.
    toolCallInvocation(toolCallId, name, args) {
      if (!host.isCurrent(turn)) return;
      invoked.add(toolCallId);
      host.send(toolCallInvocationFrame(toolCallId, name, args));
    },
    toolCallResult(toolCallId, content, successful) {
      if (invoked.delete(toolCallId) && !host.closed) host.send(toolCallResultFrame(toolCallId, content, successful));
    },
  };

  // A dialogue that never settles would hold the response open, and Retell waits silently for an open response.
  const deadline = setTimeout(() => {
    if (sendResponse(host.lines.apology, true)) {
      timedOut = true;
      log.warn({ response_id: request.responseId, timeout_ms: host.turnTimeoutMs }, 'turn overran its deadline');
    }
    turn.controller.abort(TURN_ABORTED);
  }, host.turnTimeoutMs);
  deadline.unref();

  try {
    // The superseded turn may be finishing a booking write; let it settle (briefly) so the dialogue never runs
    // two turns of one call at once and the new turn sees what the old one committed.
    if (previous) await settledWithin(previous.settled, host.supersedeWaitMs);
    await host.greetingDone;
    if (host.isCurrent(turn) && !turn.controller.signal.aborted) await host.conversation.respond(request, io);
    sendResponse('', true);
  } catch (error) {
    if (host.isCurrent(turn)) {
      failed = !turn.finished;
      log.error({ err: error, response_id: request.responseId }, 'turn failed');
      sendResponse(host.lines.apology, true);
    } else {
      log.debug({ response_id: request.responseId }, 'superseded turn ended with an error');
    }
  } finally {
    clearTimeout(deadline);
    turn.settle();
  }

  const outcome: TurnOutcome = timedOut
    ? 'timed_out'
    : failed
      ? 'failed'
      : endedCall
        ? 'ended_call'
        : turn.finished
          ? 'completed'
          : host.closed
            ? 'abandoned'
            : 'superseded';
  host.metrics?.turns.inc({ kind: request.kind, outcome });
  log.info(
    {
      response_id: request.responseId,
      kind: request.kind,
      outcome,
      frames,
      first_frame_ms: roundMs(firstFrameMs),
      duration_ms: roundMs(performance.now() - receivedAt),
    },
    'turn',
  );
}

function settledWithin(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function roundMs(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms * 10) / 10;
}
