import { randomUUID } from 'node:crypto';
import type { BookingDeps } from '../../booking/booking-deps.js';
import { releaseCallHolds } from '../../booking/call-holds.js';
import { loadDirectory, type Directory } from '../../booking/load-directory.js';
import { loadDialogueSnapshot, saveDialogueSnapshot } from '../../calls/dialogue-snapshot.js';
import { finishCall } from '../../calls/finish-call.js';
import { routeCall } from '../../calls/route-call.js';
import { startCall } from '../../calls/start-call.js';
import type { Logger } from '../../logger.js';
import { isRefusal, type CallDetails, type Conversation, type ConversationFactory, type Greeting, type Refusal, type TurnIo, type TurnRequest, type Utterance } from '../conversation.js';
import { initialState, type DialogueState } from './dialogue-state.js';
import { keepTranscript } from './keep-transcript.js';
import { goodbye, handleTurn } from './handle-turn.js';
import { ANYTHING_ELSE, NOT_CONNECTED, SILENT_GOODBYE, STILL_THERE, greeting } from '../../german/speak/lines.js';
import { readUtterance } from './read-utterance.js';
import { Turn } from './turn.js';

/** Creates the German booking conversation for each new call. */
export function createBookingConversations(deps: BookingDeps): ConversationFactory {
  // Which instance runs a call, saved with its state: after a reconnect to another instance, the old one must
  // not finish the call (or release its holds) when its own grace period runs out.
  const instanceId = randomUUID();
  return (callId) => new BookingConversation(callId, deps, deps.logger.child({ call_id: callId }), instanceId);
}

/** The caller's words since the agent last spoke (Retell may split one turn into several utterances). */
export function lastCallerText(transcript: Utterance[]): string {
  const words: string[] = [];
  for (let i = transcript.length - 1; i >= 0; i--) {
    const u = transcript[i]!;
    if (u.role === 'agent') break;
    words.unshift(u.content);
  }
  return words.join(' ').trim();
}

class BookingConversation implements Conversation {
  private readonly state: DialogueState = initialState();
  private directory: Directory | null = null;
  private transcript: Utterance[] = [];
  /** Turns run one after another: a re-request waits for the turn it supersedes (and its booking) to finish. */
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
  private opening: Promise<Directory | Refusal | null> | null = null;
  /** Snapshot writes, in order: a slow older write must not overwrite a newer one. */
  private saving: Promise<void> = Promise.resolve();

  constructor(
    private readonly callId: string,
    private readonly deps: BookingDeps,
    private readonly logger: Logger,
    private readonly instanceId: string,
  ) {}

  async greet(details: CallDetails | null): Promise<Greeting | Refusal> {
    const directory = await this.open(details);
    if (isRefusal(directory)) return directory;
    if (!directory) return { content: NOT_CONNECTED, endCall: true };
    // An empty begin message tells Retell to wait for the caller: the greeting was said before the reconnect.
    if (this.resumed) return { content: '' };
    const line = greeting(directory, this.state.knownCustomer ? this.state.name : null);
    this.state.lastLine = line;
    this.save();
    return { content: line };
  }

  respond(request: TurnRequest, io: TurnIo): Promise<void> {
    const run = this.previous
      .then(() => this.turn(request, io))
      .finally(() => {
        this.save();
        if (this.state.phase === 'ended') this.recordEnd();
      });
    this.previous = run.catch(() => undefined);
    return run;
  }

  /**
   * Late call_details: learn the caller's number (and recognise them) if the greeting went out without it. Details
   * that route to another business than the open call's are not this call's: that socket is refused, the call goes on.
   */
  async callDetails(details: CallDetails): Promise<Refusal | void> {
    if (!this.directory || this.refused) return;
    const routing = await routeCall(this.deps.db, { toNumber: details.toNumber, agentId: details.agentId });
    if (routing && routing.businessId !== this.directory.business.id) return { refused: 'foreign_call' };
    if (this.state.callerNumber || !details.fromNumber) return;
    const started = await startCall(this.deps.db, {
      callId: this.callId,
      businessId: this.directory.business.id,
      fromNumber: details.fromNumber,
      toNumber: details.toNumber,
      agentId: details.agentId,
      direction: details.direction,
      callType: details.callType,
      at: this.deps.clock.now(),
    });
    // The row ended (or moved) under this live call, e.g. by Retell's call_ended: keep what the call knows.
    if (started.kind === 'refused') return;
    Object.assign(this.state, {
      callerNumber: started.callerNumber,
      phone: this.state.phone ?? started.callerNumber,
      name: this.state.name ?? started.customer?.name ?? null,
      knownCustomer: this.state.knownCustomer || started.customer?.name != null,
    });
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
    if (!this.owned) {
      this.logger.info({ reason, refused: this.refused?.refused ?? null }, 'call ended without a record of its own');
      return;
    }
    const s = this.state;
    try {
      const saved = await loadDialogueSnapshot(this.deps.db, this.callId);
      if (saved && saved.owner !== this.instanceId) {
        this.logger.info({ reason }, 'call continues on another instance; not finishing it here');
        return;
      }
      // Slots offered but not taken go back to everyone else at once, not only when the hold expires.
      await releaseCallHolds(this.deps, this.callId);
      const transcript = s.keepTranscript ? this.transcript.map((u) => ({ role: u.role, content: u.content })) : null;
      await finishCall(this.deps.db, { callId: this.callId, transcript, outcome: s.outcome, at: this.deps.clock.now() });
      this.logger.info({ reason, phase: s.phase, outcome: s.outcome ?? 'abandoned', tool_calls: s.toolCalls }, 'call finished');
    } catch (error) {
      this.logger.error({ err: error }, 'could not finish the call record');
    }
  }

  /**
   * Routes the call to its business, records it, and recognises a returning caller by number. Null when the
   * called number (or agent) belongs to no business, or several could be meant: nothing is guessed.
   */
  private open(details: CallDetails | null): Promise<Directory | Refusal | null> {
    if (this.refused) return Promise.resolve(this.refused);
    if (this.directory) return Promise.resolve(this.directory);
    if (this.unrouted) return Promise.resolve(null);
    this.opening ??= this.openNow(details).finally(() => (this.opening = null));
    return this.opening;
  }

  private async openNow(details: CallDetails | null): Promise<Directory | Refusal | null> {
    const resumed = await this.resume(details);
    if (resumed) return resumed;
    const routing = await routeCall(this.deps.db, { toNumber: details?.toNumber ?? null, agentId: details?.agentId ?? null });
    if (!routing) {
      this.unrouted = true;
      this.logger.warn({ has_to_number: Boolean(details?.toNumber), has_agent_id: Boolean(details?.agentId) }, 'call reached no business; ending it');
      return null;
    }
    const started = await startCall(this.deps.db, {
      callId: this.callId,
      businessId: routing.businessId,
      fromNumber: details?.fromNumber ?? null,
      toNumber: details?.toNumber ?? null,
      agentId: details?.agentId ?? null,
      direction: details?.direction ?? null,
      callType: details?.callType ?? null,
      at: this.deps.clock.now(),
    });
    if (started.kind === 'refused') return this.refuse(started.reason);
    this.recorded = true;
    const directory = await loadDirectory(this.deps.db, routing.businessId);
    if (!directory) throw new Error('routed business has no directory');
    Object.assign(this.state, {
      keepTranscript: details?.sensitiveDataOptOut !== true,
      businessId: routing.businessId,
      callerNumber: started.callerNumber,
      phone: started.callerNumber,
      name: started.customer?.name ?? null,
      knownCustomer: started.customer?.name != null,
    });
    this.logger.info({ matched_by: routing.matchedBy, known_customer: this.state.knownCustomer }, 'call opened');
    this.directory = directory;
    return directory;
  }

  /**
   * Restores the conversation another instance saved for this (still live) call id, if any. A reconnect carries the
   * same numbers as the call it continues; details that route to another business belong to another call: refused.
   */
  private async resume(details: CallDetails | null): Promise<Directory | Refusal | null> {
    const snapshot = await loadDialogueSnapshot(this.deps.db, this.callId);
    const businessId = typeof snapshot?.businessId === 'string' ? snapshot.businessId : null;
    if (!snapshot || !businessId) return null;
    if (details) {
      const routing = await routeCall(this.deps.db, { toNumber: details.toNumber, agentId: details.agentId });
      if (routing && routing.businessId !== businessId) return this.refuse('foreign_call');
    }
    const directory = await loadDirectory(this.deps.db, businessId);
    if (!directory) return null;
    const { owner: _previousOwner, ...state } = snapshot;
    Object.assign(this.state, state, { announcement: null });
    this.resumed = true;
    this.recorded = true;
    this.directory = directory;
    this.save();
    this.logger.info({ phase: this.state.phase }, 'call resumed from its saved state');
    return directory;
  }

  /**
   * The agent said goodbye (or transferred): the call's outcome and status are stored now, not only when the socket
   * is finally given up, so an instance that dies in between leaves no call "ongoing". `end()` completes the record.
   */
  private recordEnd(): void {
    if (!this.owned) return;
    const s = this.state;
    const transcript = s.keepTranscript ? this.transcript.map((u) => ({ role: u.role, content: u.content })) : null;
    this.saving = this.saving
      .then(() => finishCall(this.deps.db, { callId: this.callId, transcript, outcome: s.outcome, at: this.deps.clock.now() }))
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not record the end of the call'));
  }

  private save(): void {
    if (!this.owned) return;
    const snapshot: Record<string, unknown> = { ...this.state, owner: this.instanceId };
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
    const directory = await this.open(null);
    if (isRefusal(directory)) return;
    if (!directory) {
      io.say(NOT_CONNECTED, { endCall: true, noInterruptionAllowed: true });
      return;
    }
    const s = this.state;
    this.transcript = keepTranscript(request.transcript);
    const t = new Turn(s, directory, io, { deps: this.deps, businessId: directory.business.id, callId: this.callId, callerNumber: s.callerNumber, source: 'phone', directory }, this.logger);

    if (request.kind === 'reminder_required') {
      s.reminders++;
      if (s.reminders >= 2 || s.phase === 'ended') {
        s.phase = 'ended';
        t.say(SILENT_GOODBYE, { endCall: true, noInterruptionAllowed: true });
      } else {
        t.say(`${STILL_THERE} ${s.lastLine}`);
      }
      return;
    }
    const text = lastCallerText(request.transcript);
    const callerUtterances = request.transcript.filter((u) => u.role !== 'agent').length;
    if (s.phase === 'ended') return goodbye(t);
    if (text === s.handledText && callerUtterances === s.handledCount) {
      // Retell asked again for words we already acted on (it discarded our answer): say that answer again,
      // never act twice.
      s.announcement = null;
      t.say(s.lastLine);
      return;
    }
    if (s.announcement) {
      t.say(s.announcement);
      s.announcement = null;
      // The caller said the same again because they never heard the answer: the announcement is that answer.
      if (text === s.handledText) {
        s.handledCount = callerUtterances;
        t.say(ANYTHING_ELSE);
        s.lastLine = t.spoken();
        return;
      }
    }
    s.reminders = 0;
    const facts = readUtterance(text, directory, this.deps.clock.now());
    await handleTurn(t, facts, { deps: this.deps, callId: this.callId });
    // Kept even for a superseded turn: if Retell asks again for the same words, this is the answer to give.
    s.handledText = text;
    s.handledCount = callerUtterances;
    s.lastLine = t.spoken() || s.lastLine;
    this.logger.info({ phase: s.phase, intent: facts.intent, stale: t.stale, duration_ms: Math.round(performance.now() - started) }, 'turn');
  }
}
