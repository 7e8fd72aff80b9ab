import { slotOf, type OfferedSlot } from '../soak/tool-results.js';
import type { ToolOutcome } from '../soak/tool-frames.js';
import type { BargeIn, CallerScript, SlotWish, StaffKey } from './call-plan.js';
import type { HeardReply } from './caller-line.js';
import * as bank from './phrase-bank.js';
import { readAsk } from './read-agent.js';
import { sayTime } from './german-words.js';
import { localDate, ZONE } from './salon-facts.js';
import { DateTime } from 'luxon';
import type { Prng } from '../soak/prng.js';

const MAX_MISMATCHES = 3;
const MAX_UNPLACED = 3;
const MAX_REPEATS = 2;

/**
 * A caller with a goal who answers whatever the agent asks: takes an offer only when it is what they want (else
 * says so and what they want instead), gives name and number when asked, corrects themself when the script
 * says so, and says goodbye once they are done. The caller reads offers from the tool results (the slots the
 * agent says aloud), everything else from the agent's last question.
 */
export class SimCaller {
  private readonly opening: string[];
  private readonly questions: string[];
  private wrongBooking = false;
  /** Set when the caller has just said a polite ending: the agent's next reply must end the call. */
  saidEnding = false;
  private done = false;
  private correctionUsed = false;
  private endUsed = false;
  private bargeInUsed = false;
  private bargeArmed = false;
  private nameGiven = false;
  private goodbyes = 0;
  private mismatches = 0;
  private unplaced = 0;
  private repeats = 0;
  private insisted = 0;
  private lastLine = '';
  private offers: OfferedSlot[] = [];
  /** Why the caller stopped trying, when they did. */
  gaveUp: string | null = null;

  constructor(
    private readonly script: CallerScript,
    private readonly staffIds: Record<StaffKey, string>,
    private readonly prng: Prng,
  ) {
    this.opening = [...script.opening];
    this.questions = [...script.questions];
  }

  /** What the caller wants now; the script's lines read it, so a correction changes what they say. */
  private get wish(): SlotWish | null {
    return this.script.wish;
  }

  private set wish(wish: SlotWish | null) {
    this.script.wish = wish;
  }

  /** The first words after the greeting. */
  first(): string {
    const line = this.opening.shift() ?? this.script.wishLine();
    if (this.script.bargeIn?.at === 'lookup' && this.opening.length === 0) this.bargeArmed = true;
    return this.remember(line);
  }

  /** The barge-in to say over the agent's answer to the line just produced, if this is the moment for it. */
  bargeInNow(): BargeIn | null {
    if (!this.bargeArmed || this.bargeInUsed || !this.script.bargeIn) return null;
    return this.script.bargeIn;
  }

  /** The caller did talk over the agent: from now on the wish is the one after the barge-in. */
  bargedIn(): void {
    this.bargeInUsed = true;
    this.bargeArmed = false;
    if (this.script.bargeIn) this.wish = this.script.bargeIn.wish;
  }

  /** The next line, or null to hang up. */
  next(reply: HeardReply): string | null {
    this.bargeArmed = false;
    this.saidEnding = false;
    this.note(reply.tools);
    if (reply.endCall || reply.transferNumber) return null;
    const line = this.decide(reply);
    return line === null ? null : this.remember(line);
  }

  private decide(reply: HeardReply): string | null {
    const opening = this.opening.shift();
    if (opening !== undefined) {
      if (this.script.bargeIn?.at === 'lookup' && this.opening.length === 0) this.bargeArmed = true;
      return opening;
    }
    const question = this.questions.shift();
    if (question !== undefined) return question;
    const ask = readAsk(reply.text);
    if (ask === 'not_understood') return this.repeat();
    if (this.done || this.gaveUp) return this.goodbye();
    if (this.script.insist !== null) return this.person(ask);
    if (this.script.agreesToChanges) return this.change(ask, reply.text);
    if (!this.wish) return this.goodbye();
    return this.booking(ask, reply);
  }

  private booking(ask: ReturnType<typeof readAsk>, reply: HeardReply): string | null {
    const offered = offersIn(reply.tools);
    if (offered.length > 0) {
      this.offers = offered;
      if (this.script.endAfterOffer && !this.endUsed) {
        this.endUsed = true;
        this.done = true;
        this.saidEnding = true;
        return this.script.endAfterOffer;
      }
      if (this.script.correction?.at === 'offer' && !this.correctionUsed) return this.correct();
      return this.answerOffers();
    }
    if (this.wrongBooking) {
      // The agent booked something else than the caller wants: they say so, as a person would.
      this.wrongBooking = false;
      this.mismatches++;
      if (this.mismatches > MAX_MISMATCHES) return this.giveUp('the agent kept booking other slots');
      return this.script.restate();
    }
    switch (ask) {
      case 'name':
        if (this.script.correction?.at === 'name' && !this.correctionUsed) return this.correct();
        this.nameGiven = true;
        return this.script.nameLine();
      case 'confirm_phone':
        if (this.script.correction?.at === 'phone' && !this.correctionUsed) return this.correct();
        this.armBooking();
        return this.script.otherNumber ? this.script.phoneLine() : this.script.yes();
      case 'phone':
        return this.script.number();
      case 'confirm_readback':
        // Agreeing to (or correcting) the number read back is the last step before the booking is written.
        if (this.nameGiven) this.armBooking();
        return this.checkReadBack(reply.text);
      case 'confirm_offer':
        if (this.script.correction?.at === 'offer' && !this.correctionUsed) return this.correct();
        if (this.nameGiven) this.armBooking();
        return this.script.yes();
      case 'which':
        return this.offers.length > 0 ? this.answerOffers() : this.script.restate();
      case 'offer_transfer':
        return `${this.script.no()}, ${this.script.wishLine()}`;
      case 'service':
      case 'anything_else':
        return this.script.wishLine();
      case 'time':
        return this.script.when();
      case 'confirm_cancel':
      case 'confirm_move':
        return this.script.no();
      default:
        return this.unplacedLine(() => this.script.wishLine());
    }
  }

  /** A caller who wants a person: yes to a transfer, the same request to anything else. */
  private person(ask: ReturnType<typeof readAsk>): string | null {
    if (ask === 'offer_transfer') return this.script.yes();
    this.insisted++;
    return this.insisted > 3 ? this.giveUp('the agent never offered to connect') : this.script.insist;
  }

  /** A caller who wants an appointment cancelled or moved: agrees to the change, names which, says when. */
  private change(ask: ReturnType<typeof readAsk>, text: string): string | null {
    switch (ask) {
      case 'confirm_cancel':
      case 'confirm_move':
        return this.script.yes();
      case 'confirm_readback':
        return this.checkReadBack(text);
      case 'which':
        return this.script.whichAppointment ?? 'den ersten';
      case 'time':
        return this.script.when();
      case 'phone':
      case 'confirm_phone':
        return this.script.phoneLine();
      case 'name':
        return this.script.nameLine();
      case 'confirm_offer':
        return this.script.no();
      case 'anything_else':
        return this.goodbye();
      default:
        return this.unplacedLine(() => this.script.restate());
    }
  }

  private answerOffers(): string | null {
    const index = this.offers.findIndex((o) => this.matches(o));
    if (index === 0) {
      if (this.nameGiven) this.armBooking();
      return this.offers.length === 1 ? this.script.yes() : this.prng.pick(bank.PICK_FIRST);
    }
    if (index > 0) {
      if (index === 1 && this.prng.chance(0.5)) return this.prng.pick(bank.PICK_SECOND);
      const time = DateTime.fromISO(this.offers[index]!.start, { zone: ZONE }).toFormat('HH:mm');
      return bank.fill(this.prng.pick(bank.PICK_BY_TIME), { time: sayTime(time, this.prng) });
    }
    this.mismatches++;
    if (this.mismatches > MAX_MISMATCHES) return this.giveUp('the agent kept offering other slots');
    return this.script.restate();
  }

  /** A number read back is agreed to only when it is the caller's; else the caller says the right one. */
  private checkReadBack(text: string): string {
    if (!/Nummer/i.test(text)) return this.script.yes();
    return digitsIn(text).endsWith(this.script.numberDigits.replace(/^0/, '')) ? this.script.yes() : `${this.script.no()}, ${this.script.number()}`;
  }

  private matches(offer: OfferedSlot): boolean {
    return this.wish !== null && slotMatches(this.wish, offer.start, offer.staff_id ?? null, this.staffIds);
  }

  private correct(): string {
    this.correctionUsed = true;
    this.wish = this.script.correction!.wish;
    return this.script.correction!.line;
  }

  private armBooking(): void {
    if (this.script.bargeIn?.at === 'booking' && !this.bargeInUsed) this.bargeArmed = true;
  }

  private note(tools: ToolOutcome[]): void {
    for (const tool of tools) {
      const r = tool.result;
      if (!r) continue;
      if (tool.name === 'book_appointment' && r.booked === true && typeof r.start === 'string') {
        const staff = typeof r.staff_id === 'string' ? r.staff_id : null;
        if (this.script.correction?.at === 'after-booked' && !this.correctionUsed) continue;
        // A booking of something else than the caller wants now (a superseded wish) is not the end of the call.
        if (this.wish && slotMatches(this.wish, r.start, staff, this.staffIds)) this.done = true;
        else this.wrongBooking = true;
      }
      if (tool.name === 'reschedule_appointment' && r.rescheduled === true) this.done = true;
      if (tool.name === 'cancel_appointment' && r.cancelled === true) this.done = true;
    }
    // The correction after a booking comes once the booking is told.
    if (
      this.script.correction?.at === 'after-booked' &&
      !this.correctionUsed &&
      tools.some((t) => t.name === 'book_appointment' && t.result?.booked === true)
    ) {
      this.opening.push(this.correct());
    }
  }

  private goodbye(): string | null {
    this.goodbyes++;
    return this.goodbyes > 2 ? null : this.script.goodbye();
  }

  private giveUp(reason: string): string | null {
    this.gaveUp = reason;
    return this.goodbye();
  }

  private repeat(): string | null {
    this.repeats++;
    return this.repeats > MAX_REPEATS ? this.giveUp('the agent kept not understanding') : this.lastLine;
  }

  private unplacedLine(retry: () => string): string | null {
    this.unplaced++;
    return this.unplaced > MAX_UNPLACED ? this.giveUp('agent lines the caller could not place') : retry();
  }

  private remember(line: string): string {
    this.lastLine = line;
    return line;
  }
}

const DIGIT_WORDS: Record<string, string> = {
  null: '0',
  eins: '1',
  zwei: '2',
  zwo: '2',
  drei: '3',
  vier: '4',
  fünf: '5',
  sechs: '6',
  sieben: '7',
  acht: '8',
  neun: '9',
};

/** The digits said in a number read-back ("0176 98 76", "eins drei null"), in order. */
function digitsIn(text: string): string {
  const part = text.slice(text.search(/Nummer/i));
  return part
    .split(/[\s,.:;]+/)
    .map((w) => (/^\+?\d+$/.test(w) ? w.replace(/^\+49/, '') : (DIGIT_WORDS[w.toLowerCase()] ?? '')))
    .join('');
}

/** The slots a reply's tool results put before the caller, in the order the agent says them. */
function offersIn(tools: ToolOutcome[]): OfferedSlot[] {
  for (const tool of [...tools].reverse()) {
    const r = tool.result;
    if (!r || (tool.name !== 'check_availability' && tool.name !== 'book_appointment' && tool.name !== 'reschedule_appointment')) continue;
    if (r.booked === true || r.rescheduled === true) return [];
    const slot = r.available === true ? slotOf(r.slot) : null;
    const alternatives = Array.isArray(r.alternatives) ? r.alternatives.map(slotOf).filter((s): s is OfferedSlot => s !== null) : [];
    const all = slot ? [slot, ...alternatives] : alternatives;
    if (all.length > 0) return all;
  }
  return [];
}

export function slotMatches(wish: SlotWish, start: string, staffId: string | null, staffIds: Record<StaffKey, string>): boolean {
  const at = DateTime.fromISO(start, { zone: ZONE });
  if (!wish.dates.includes(localDate(start))) return false;
  if (wish.time !== null && at.toFormat('HH:mm') !== wish.time) return false;
  if (wish.staff !== null && (staffId === null || !wish.staff.some((k) => staffIds[k] === staffId))) return false;
  return true;
}
