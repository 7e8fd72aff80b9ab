import { randomUUID } from 'node:crypto';
import type { BookingDeps } from '../../booking/booking-deps.js';
import { loadDirectory, type Directory } from '../../booking/load-directory.js';
import { loadDialogueSnapshot, saveDialogueSnapshot } from '../../calls/dialogue-snapshot.js';
import { finishCall } from '../../calls/finish-call.js';
import { routeCall } from '../../calls/route-call.js';
import { startCall } from '../../calls/start-call.js';
import { NOT_CONNECTED } from '../../german/speak/lines.js';
import type { Logger } from '../../logger.js';
import { createReception } from '../../reception/create-reception.js';
import type { Reception } from '../../reception/reception.js';
import {
  isRefusal,
  type CallDetails,
  type Conversation,
  type ConversationFactory,
  type Greeting,
  type Refusal,
  type TurnIo,
  type TurnRequest,
  type Utterance,
} from '../conversation.js';
import { decide } from './decide.js';
import type { CallerInfo } from './events.js';
import { keepTranscript } from './keep-transcript.js';
import { readSnapshot, type DialogueSnapshot } from './snapshot.js';
import { initialState, type DialogueState } from './state.js';
import { takeTurn } from './take-turn.js';

/** Creates the German booking conversation for each new call. */
export function createBookingConversations(deps: BookingDeps): ConversationFactory {
  // Which instance runs a call, saved with its state: after a reconnect to another instance, the old one must
  // not finish the call (or release its holds) when its own grace period runs out.
  const instanceId = randomUUID();
  return (callId) => new BookingConversation(callId, deps, deps.logger.child({ call_id: callId }), instanceId);
}

/** The call's business once it is routed: what it offers, and whether the transcript may be kept. */
interface Routed {
  directory: Directory;
  keepTranscript: boolean;
}

/**
 * The host of one call's conversation: routes the call, records it, saves and restores its state, and drives the
 * pure decision (`decide`) through the runner against the call's reception. It decides nothing itself.
 */
class BookingConversation implements Conversation {
  private state: DialogueState = initialState();
  private routed: Routed | null = null;
  private greeting = '';
  private transcript: Utterance[] = [];
  /** Turns (and late caller details) run one after another: a re-request waits for the turn it supersedes. */
  private previous: Promise<void> = Promise.resolve();
  private ended = false;
  /** Picked up from a snapshot another instance saved: the caller was greeted there already. */
  private resumed = false;
  /** The call reached no business: every answer is the goodbye. */
  private unrouted = false;
  /** This call id is not ours to serve (it ended, or belongs to another business): nothing is said or written. */
  private refused: Refusal | null = null;
  /** This conversation recorded (or took over) the call row: only then does its end finish that row. */
  private recorded = false;
  /** The routing and recording of the call while it runs (one at a time). */
  private opening: Promise<Routed | Refusal | null> | null = null;
  /** Snapshot writes, in order: a slow older write must not overwrite a newer one. */
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly callId: string,
    private readonly deps: BookingDeps,
    private readonly logger: Logger,
    private readonly instanceId: string,
  ) {}

  async greet(details: CallDetails | null): Promise<Greeting | Refusal> {
    const routed = await this.open(details);
    if (isRefusal(routed)) return routed;
    if (!routed) return { content: NOT_CONNECTED, endCall: true };
    // An empty begin message tells Retell to wait for the caller: the greeting was said before the reconnect.
    return { content: this.resumed ? '' : this.greeting };
  }

  respond(request: TurnRequest, io: TurnIo): Promise<void> {
    const run = this.previous
      .then(() => this.turn(request, io))
      .finally(() => {
        if (this.state.step.phase === 'ended') this.recordEnd();
      });
    this.previous = run.catch(() => undefined);
    return run;
  }

  /**
   * Late call_details: learn the caller's number (and recognise them) if the greeting went out without it. Details
   * that route to another business than the open call's are not this call's: that socket is refused, the call goes on.
   */
  callDetails(details: CallDetails): Promise<Refusal | void> {
    const learn = this.previous.then(async (): Promise<Refusal | void> => {
      const routed = this.routed;
      if (!routed || this.refused) return;
      const routing = await routeCall(this.deps.db, { toNumber: details.toNumber, agentId: details.agentId });
      if (!sameBusiness(routing, details, routed.directory.business.id)) return { refused: 'foreign_call' };
      if (this.state.caller.number || !details.fromNumber) return;
      const started = await startCall(this.deps.db, {
        ...callRecord(this.callId, details),
        businessId: routed.directory.business.id,
        at: this.deps.clock.now(),
      });
      // The row ended (or moved) under this live call, e.g. by Retell's call_ended: keep what the call knows.
      if (started.kind === 'refused') return;
      this.state = decide(this.state, { kind: 'caller_known', caller: callerOf(started) }, routed.directory).state;
    });
    this.previous = learn.then(
      () => undefined,
      () => undefined,
    );
    return learn;
  }

  observe(transcript: Utterance[]): void {
    this.transcript = keepTranscript(transcript);
  }

  async end(reason: 'closed' | 'shutdown'): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    // A greeting still opening the call may be about to insert its row: finishing before that would leave it ongoing.
    await this.opening?.catch(() => undefined);
    await this.previous;
    await this.saving;
    // A refused, unrouted or never opened call has no row of its own: finishing by its id would rewrite (or release
    // the holds of) whichever call that id belongs to.
    if (!this.owned || !this.routed) {
      this.logger.info({ reason, refused: this.refused?.refused ?? null }, 'call ended without a record of its own');
      return;
    }
    try {
      const saved = await loadDialogueSnapshot(this.deps.db, this.callId);
      const read = saved ? readSnapshot(saved) : null;
      const owner = read ? (read.kind === 'readable' ? read.snapshot.owner : read.owner) : null;
      if (read && owner !== this.instanceId) {
        this.logger.info({ reason }, 'call continues on another instance; not finishing it here');
        return;
      }
      // Slots offered but not taken go back to everyone else at once, not only when the hold expires.
      await this.reception(this.routed).releaseHolds();
      await finishCall(this.deps.db, { callId: this.callId, transcript: this.keptTranscript(), outcome: this.state.memory.outcome, at: this.deps.clock.now() });
      const { step, memory } = this.state;
      this.logger.info({ reason, phase: step.phase, outcome: memory.outcome ?? 'abandoned', operations: memory.operations }, 'call finished');
    } catch (error) {
      this.logger.error({ err: error }, 'could not finish the call record');
    }
  }

  /**
   * Routes the call to its business, records it, and recognises a returning caller by number. Null when the
   * called number (or agent) belongs to no business, or several could be meant: nothing is guessed.
   */
  private open(details: CallDetails | null): Promise<Routed | Refusal | null> {
    if (this.refused) return Promise.resolve(this.refused);
    if (this.routed) return Promise.resolve(this.routed);
    if (this.unrouted) return Promise.resolve(null);
    this.opening ??= this.openNow(details).finally(() => (this.opening = null));
    return this.opening;
  }

  private async openNow(details: CallDetails | null): Promise<Routed | Refusal | null> {
    const saved = await loadDialogueSnapshot(this.deps.db, this.callId);
    let businessId: string | null = null;
    if (saved) {
      const read = readSnapshot(saved);
      businessId = read.kind === 'readable' ? read.snapshot.businessId : read.businessId;
      // A reconnect carries the same numbers as the call it continues; details that route elsewhere are another call's.
      if (businessId && details) {
        const routing = await routeCall(this.deps.db, { toNumber: details.toNumber, agentId: details.agentId });
        if (!sameBusiness(routing, details, businessId)) return this.refuse('foreign_call');
      }
      if (read.kind === 'readable') {
        const restored = await this.restore(read.snapshot);
        if (restored) return restored;
      } else {
        // Written by an older version, or damaged: the caller was greeted already. Go on from a fresh state, quietly,
        // rather than act on a guess of where the call stood (holds it had expire, or are released when it ends).
        this.logger.warn({ readable_business: businessId !== null }, 'saved call state unreadable; going on from a fresh state');
      }
      this.resumed = true;
    }
    const routing = businessId
      ? { businessId, matchedBy: 'snapshot' }
      : await routeCall(this.deps.db, { toNumber: details?.toNumber ?? null, agentId: details?.agentId ?? null });
    const directory = routing ? await loadDirectory(this.deps.db, routing.businessId) : null;
    if (!routing || !directory) {
      this.unrouted = true;
      this.logger.warn({ has_to_number: Boolean(details?.toNumber), has_agent_id: Boolean(details?.agentId) }, 'call reached no business; ending it');
      return null;
    }
    const started = await startCall(this.deps.db, { ...callRecord(this.callId, details), businessId: routing.businessId, at: this.deps.clock.now() });
    if (started.kind === 'refused') return this.refuse(started.reason);
    this.recorded = true;
    const opened = decide(initialState(), { kind: 'opened', caller: callerOf(started), now: this.deps.clock.now() }, directory);
    this.state = opened.state;
    this.greeting = opened.effects.flatMap((e) => (e.kind === 'say' ? [e.text] : [])).join(' ');
    this.routed = { directory, keepTranscript: details?.sensitiveDataOptOut !== true };
    this.save(opened.state);
    this.logger.info({ matched_by: routing.matchedBy, known_customer: opened.state.caller.known, resumed: this.resumed }, 'call opened');
    return this.routed;
  }

  /** Takes over the conversation another instance saved for this (still live) call id. */
  private async restore(snapshot: DialogueSnapshot): Promise<Routed | null> {
    const directory = await loadDirectory(this.deps.db, snapshot.businessId);
    if (!directory) return null;
    // A write's result still to be told belonged to the turn the other instance was in; that turn is gone.
    this.state = { ...snapshot.state, memory: { ...snapshot.state.memory, announcement: null } };
    this.routed = { directory, keepTranscript: snapshot.keepTranscript };
    this.resumed = true;
    this.recorded = true;
    // Saving claims the call for this instance: the old one, when its grace period ends, leaves it alone.
    this.save(this.state);
    this.logger.info({ phase: this.state.step.phase }, 'call resumed from its saved state');
    return this.routed;
  }

  private reception(routed: Routed): Reception {
    return createReception(this.deps, {
      businessId: routed.directory.business.id,
      callId: this.callId,
      callerNumber: this.state.caller.number,
      source: 'phone',
      directory: routed.directory,
    });
  }

  /**
   * The agent said goodbye (or transferred): the call's outcome and status are stored now, not only when the socket
   * is finally given up, so an instance that dies in between leaves no call "ongoing". `end()` completes the record.
   */
  private recordEnd(): void {
    if (!this.owned) return;
    const transcript = this.keptTranscript();
    const outcome = this.state.memory.outcome;
    this.saving = this.saving
      .then(() => finishCall(this.deps.db, { callId: this.callId, transcript, outcome, at: this.deps.clock.now() }))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not record the end of the call'));
  }

  private keptTranscript(): Array<{ role: string; content: string }> | null {
    return this.routed?.keepTranscript === false ? null : this.transcript.map((u) => ({ role: u.role, content: u.content }));
  }

  private save(state: DialogueState): void {
    const routed = this.routed;
    if (!routed || !this.owned) return;
    const snapshot: DialogueSnapshot = {
      version: 1,
      owner: this.instanceId,
      businessId: routed.directory.business.id,
      keepTranscript: routed.keepTranscript,
      state,
    };
    this.saving = this.saving
      .then(() => saveDialogueSnapshot(this.deps.db, this.callId, snapshot))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not save the call state'));
  }

  /** Whether this conversation may write the call row of its id: it recorded or took over that call, and was not refused. */
  private get owned(): boolean {
    return this.recorded && this.refused === null;
  }

  /** Remembers that this call id is not ours; everything after says and writes nothing. */
  private refuse(reason: Refusal['refused']): Refusal {
    this.refused = { refused: reason };
    this.logger.warn({ reason }, 'call id refused');
    return this.refused;
  }

  private async turn(request: TurnRequest, io: TurnIo): Promise<void> {
    const started = performance.now();
    const routed = await this.open(null);
    if (isRefusal(routed)) return;
    if (!routed) {
      io.say(NOT_CONNECTED, { endCall: true, noInterruptionAllowed: true });
      return;
    }
    this.transcript = keepTranscript(request.transcript);
    const ctx = {
      reception: this.reception(routed),
      io,
      directory: routed.directory,
      callId: this.callId,
      now: this.deps.clock.now(),
      logger: this.logger,
      save: (s: DialogueState) => this.save(s),
    };
    // On a fault the state stays as it was before the turn: Retell's next request starts from there.
    this.state = await takeTurn(ctx, this.state, request);
    this.logger.info({ kind: request.kind, phase: this.state.step.phase, stale: io.isStale(), duration_ms: Math.round(performance.now() - started) }, 'turn');
  }
}

/** The call row's fields from Retell's call details (absent details: nothing known). */
function callRecord(callId: string, details: CallDetails | null) {
  return {
    callId,
    fromNumber: details?.fromNumber ?? null,
    toNumber: details?.toNumber ?? null,
    agentId: details?.agentId ?? null,
    direction: details?.direction ?? null,
    callType: details?.callType ?? null,
  };
}

function callerOf(started: { callerNumber: string | null; customer: { name: string | null } | null; household: boolean }): CallerInfo {
  return { number: started.callerNumber, knownName: started.customer?.name ?? null, household: started.household };
}

/**
 * Whether call details belong to the call's business. Details naming a number or agent that reach no business are not
 * this call's either: otherwise they could teach a live call a caller number of the sender's choosing.
 */
function sameBusiness(routing: { businessId: string } | null, details: CallDetails, businessId: string): boolean {
  if (routing) return routing.businessId === businessId;
  return details.toNumber === null && details.agentId === null;
}
