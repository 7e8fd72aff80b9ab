import { readCue, type Cue } from './agent-cues.js';
import type { CallRecord } from './call-record.js';
import type { CallGoal, Persona } from './caller-plan.js';
import { noteTold } from './note-told.js';
import type { PersonaBook } from './persona-book.js';
import type { AgentReply } from './phone-line.js';
import { alternativesOf, lastResult, slotOf, spokenDate, type OfferedSlot } from './tool-results.js';
const GOODBYE_WHEN_DONE = 'nein danke';
const GOODBYE_ANYTIME = "Ach, das war's schon, tschüss";
const MAX_REPEATS = 2;
const MAX_UNPLACED = 3;

/** The slot the caller last said yes to, until the agent books it or says it is gone. */
interface Pick {
  start: string;
  staffId: string;
  offeredBy: 'check_availability' | 'book_appointment';
  offeredAt: number;
}

/**
 * What a caller says next, given what the agent just said: it answers questions, takes an offered slot (after a
 * change of mind or a "no" if its script says so), and notes what the agent told it through tool results.
 * When the agent asks for the wish again (a fresh dialogue after a reconnect), it starts over.
 */
export class CallerMind {
  private done = false;
  private gaveUp = false;
  private lastLine = '';
  private correctionUsed = false;
  private declineUsed = false;
  private fallbackUsed = false;
  private timeAsked = 0;
  private moveTries = 0;
  private repeats = 0;
  private unplacedCount = 0;
  private goodbyes = 0;
  private questionsLeft: string[];
  private picked: Pick | null = null;

  constructor(
    private readonly goal: CallGoal,
    private readonly persona: Persona,
    private readonly book: PersonaBook,
    private readonly record: CallRecord,
  ) {
    this.questionsLeft = goal.kind === 'info' ? [...goal.questions] : [];
  }

  /** The caller's first words after the greeting. */
  opening(): string {
    return this.remember(this.openingLine());
  }

  /** Takes in the reply; returns the next line, or null to hang up. */
  next(reply: AgentReply): string | null {
    for (const tool of reply.tools) if (noteTold(tool, this.record, this.book) === this.goal.kind) this.achieved();
    if (reply.endCall || reply.transferNumber) {
      this.record.endedByAgent = true;
      return null;
    }
    const line = this.decide(reply);
    return line === null ? null : this.remember(line);
  }

  private decide(reply: AgentReply): string | null {
    const cue = readCue(reply.text);
    if (cue === 'apology') {
      this.record.apologies++;
      return this.repeat('the agent apologised for an error');
    }
    if (this.done || this.gaveUp) return this.goodbye(cue === 'anything_else');
    switch (this.goal.kind) {
      case 'book':
        return this.nextBooking(this.goal, reply, cue);
      case 'info':
        return this.nextInfo();
      case 'cancel':
        return this.nextCancel(reply, cue);
      case 'move':
        return this.nextMove(this.goal, reply, cue);
    }
  }

  private nextBooking(goal: Extract<CallGoal, { kind: 'book' }>, reply: AgentReply, cue: Cue): string | null {
    const booking = lastResult(reply, 'book_appointment');
    if (booking) {
      if (this.picked && booking.booked !== true) this.record.lostAtBooking.push({ ...this.picked, lostAt: Date.now() });
      this.picked = null;
      const alternatives = alternativesOf(booking);
      if (alternatives.length > 0) {
        this.record.conflicts++;
        return this.take(alternatives, alternatives.length > 1 ? goal.pick : 'den ersten', 'book_appointment');
      }
      return this.fallbackOrGiveUp(goal, `booking failed: ${String(booking.error ?? 'no reason')}`);
    }
    const check = lastResult(reply, 'check_availability');
    if (check) {
      const alternatives = alternativesOf(check);
      const offered = alternatives.length + (check.slot ? 1 : 0);
      if (offered === 0) return this.fallbackOrGiveUp(goal, `nothing free: ${String(check.reason ?? check.error ?? 'no reason')}`);
      if (check.reason === 'taken') this.record.conflicts++;
      this.picked = null;
      if (goal.correction && !this.correctionUsed) {
        this.correctionUsed = true;
        return goal.correction;
      }
      if (goal.decline && !this.declineUsed) {
        this.declineUsed = true;
        return goal.decline.line;
      }
      const slot = slotOf(check.slot);
      if (check.available === true && slot) return this.take([slot], 'ja', 'check_availability');
      return this.take(alternatives, alternatives.length > 1 ? goal.pick : 'den ersten', 'check_availability');
    }
    switch (cue) {
      case 'ask_name':
        return this.persona.name;
      case 'confirm_phone':
        return 'ja';
      case 'ask_phone':
        return this.persona.spokenPhone;
      case 'which_offer':
        return 'den ersten';
      case 'confirm_offer':
        return 'ja';
      case 'ask_time':
        this.timeAsked++;
        if (this.timeAsked > 2) return this.giveUp('the agent kept asking for a time');
        if (this.timeAsked === 2) return 'um drei';
        return this.declineUsed && goal.decline ? goal.decline.otherTime : goal.wish;
      case 'ask_service':
      case 'anything_else':
        this.record.restarts++;
        return goal.wish;
      default:
        return this.unplaced(reply.text, goal.wish);
    }
  }

  private nextInfo(): string | null {
    const question = this.questionsLeft.shift();
    if (question) return question;
    this.done = true;
    this.record.outcome = 'achieved';
    return this.goodbye(false);
  }

  private nextCancel(reply: AgentReply, cue: Cue): string | null {
    // Several appointments, or none, are answered by the lookup before any cancel runs.
    const result = lastResult(reply, 'cancel_appointment') ?? lookupProblem(reply);
    const target = this.book.latest();
    if ((result && result.error === 'several_appointments') || (!result && cue === 'which_offer')) {
      return target ? `den am ${spokenDate(target.start)}` : this.giveUp('asked which appointment, but none is known');
    }
    if (result) return this.giveUp(`cancel failed: ${String(result.error ?? 'no reason')}`);
    if (cue === 'ask_service' || cue === 'anything_else') {
      this.record.restarts++;
      return this.openingLine();
    }
    return this.unplaced(reply.text, this.openingLine());
  }

  private nextMove(goal: Extract<CallGoal, { kind: 'move' }>, reply: AgentReply, cue: Cue): string | null {
    const result = lastResult(reply, 'reschedule_appointment') ?? lookupProblem(reply);
    if (result) {
      const alternatives = alternativesOf(result);
      if (alternatives.length > 0 && this.moveTries < 2) {
        this.moveTries++;
        this.record.conflicts++;
        return `auf den ${spokenDate(alternatives[0]!.start)}`;
      }
      return this.giveUp(`move failed: ${String(result.error ?? 'no reason')}`);
    }
    switch (cue) {
      case 'ask_move_time':
      case 'ask_time':
        this.timeAsked++;
        return this.timeAsked > 3 ? this.giveUp('the agent kept asking for the new time') : goal.target;
      case 'ask_service':
      case 'anything_else':
        this.record.restarts++;
        return this.openingLine();
      default:
        return this.unplaced(reply.text, this.openingLine());
    }
  }

  private openingLine(): string {
    switch (this.goal.kind) {
      case 'book':
        return this.goal.wish;
      case 'info':
        return this.questionsLeft.shift() ?? GOODBYE_ANYTIME;
      case 'cancel':
        return 'Ich möchte meinen Termin absagen';
      case 'move':
        return 'Kann ich meinen Termin verschieben?';
    }
  }

  /** Says yes to one of the offered slots and remembers which, to tell later whether it was lost at booking. */
  private take(offered: OfferedSlot[], line: 'ja' | 'den ersten' | 'den zweiten', offeredBy: Pick['offeredBy']): string {
    const slot = offered[line === 'den zweiten' ? 1 : 0];
    this.picked = slot?.staff_id ? { start: slot.start, staffId: slot.staff_id, offeredBy, offeredAt: Date.now() } : null;
    return line;
  }

  private fallbackOrGiveUp(goal: Extract<CallGoal, { kind: 'book' }>, reason: string): string | null {
    if (this.fallbackUsed) return this.giveUp(reason);
    this.fallbackUsed = true;
    return goal.fallback;
  }

  private achieved(): void {
    this.done = true;
    this.record.outcome = 'achieved';
    this.record.reason = null;
  }

  private giveUp(reason: string): string | null {
    this.gaveUp = true;
    if (this.record.outcome !== 'achieved') {
      this.record.outcome = 'gave_up';
      this.record.reason = reason;
    }
    return this.goodbye(false);
  }

  /** "nein danke" to "Kann ich sonst noch etwas für Sie tun?", else a plain goodbye; hangs up if the agent does not. */
  private goodbye(askedAnythingElse: boolean): string | null {
    this.goodbyes++;
    if (this.goodbyes > 2) return null;
    return askedAnythingElse && this.goodbyes === 1 ? GOODBYE_WHEN_DONE : GOODBYE_ANYTIME;
  }

  private repeat(reason: string): string | null {
    this.repeats++;
    return this.repeats > MAX_REPEATS ? this.giveUp(reason) : this.lastLine;
  }

  private unplaced(text: string, retry: string): string | null {
    this.unplacedCount++;
    if (this.record.unplaced.length < 3) this.record.unplaced.push(text.slice(0, 160));
    return this.unplacedCount > MAX_UNPLACED ? this.giveUp('agent lines the caller could not place') : retry;
  }

  private remember(line: string): string {
    this.lastLine = line;
    return line;
  }
}

/** What the lookup of the caller's appointments answered when it stopped a cancel or move: several, or none. */
function lookupProblem(reply: AgentReply): Record<string, unknown> | null {
  const found = lastResult(reply, 'find_appointments');
  return found && typeof found.error === 'string' ? found : null;
}
