/** What one simulated call is: who calls, what the salon's calendar holds before, what the caller wants, what must be true after. */

export const CATEGORIES = [
  'plain',
  'staff',
  'composite',
  'colloquial',
  'recogniser',
  'vague',
  'corrections',
  'at-once',
  'household',
  'unknown-staff',
  'person',
  'questions',
  'cancel-own',
  'move-own',
  'other-person',
  'polite-ending',
  'gibberish',
  'closed-day',
  'barge-in',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** The categories `npm test` runs: the ones the agent is expected to get right every time today. */
export const EASY_CATEGORIES: readonly Category[] = ['plain', 'staff', 'composite', 'recogniser'];

export type ServiceKey = 'damenhaarschnitt' | 'herrenhaarschnitt' | 'waschenFoehnen' | 'ansatzfaerbung' | 'straehnchen';
export type StaffKey = 'emma' | 'fabian' | 'oliver';

/** A set of slots the caller would take: any of the dates, at the time (null: any), with one of the staff (null: anyone). */
export interface SlotWish {
  service: ServiceKey;
  staff: StaffKey[] | null;
  dates: string[];
  time: string | null;
}

/** A booking that must exist after the call: the slot, for whom (a first name to find) and under which number. */
export interface ExpectedBooking extends SlotWish {
  name: string;
  phone: string;
}

/** An appointment in the calendar before the call; `key` names it in the expectations. */
export interface SeedAppointment {
  key: string;
  service: ServiceKey;
  staff: StaffKey;
  /** Berlin wall clock, yyyy-MM-ddTHH:mm */
  local: string;
  phone: string;
  name: string;
  /**
   * Booked by someone else calling from this number ("für meine Tochter Lena"): the appointment leaves what such a
   * call leaves, the customer marked as booked for by another caller.
   */
  bookedByOther?: boolean;
}

/** A check of what the agent said: in the reply to caller line `afterLine` (or any reply when null). */
export interface SpeechCheck {
  what: string;
  afterLine: number | null;
  /** Must match (when set). */
  pattern?: RegExp;
  /** Must not match. */
  forbid?: RegExp;
}

export interface Expectation {
  /** New bookings (made in the call) that must be active after it, and no others. */
  bookings: ExpectedBooking[];
  /** Seeds that must be cancelled; every other seed must be as it was. */
  cancelled: string[];
  /** Seeds that must be moved: the old one no longer active, one new active appointment matching `to`. */
  moved: Array<{ key: string; to: SlotWish }>;
  /** The call must end in a transfer. */
  transfer: boolean;
  /** The agent must end the call itself (not the caller hanging up). */
  agentEnds: boolean;
  speech: SpeechCheck[];
  /** What the agent must not ask for, as the caller already said it. */
  neverAsk: Array<'name' | 'phone'>;
  /** The change must be read back and agreed to before it is made. */
  confirmBefore: 'cancel' | 'move' | null;
  /** A barge-in call whose caller never got to talk over the agent wanted these instead (their first wish). */
  bookingsWithoutBargeIn?: ExpectedBooking[];
}

/** A correction the caller makes at one step of the call: the new wish replaces the old one. */
export interface Correction {
  at: 'offer' | 'name' | 'phone' | 'after-booked';
  line: string;
  wish: SlotWish;
}

/** The caller barges in while the agent works: at the lookup of the first line, or while the booking runs. */
export interface BargeIn {
  at: 'lookup' | 'booking';
  line: string;
  /** The wish after the barge-in (the same as before when the caller only says "hallo?"). */
  wish: SlotWish;
}

/** What the caller knows and says; lines are already drawn from the phrase banks. */
export interface CallerScript {
  /** Said one after another at the start, whatever the agent answers (the last one is the request). */
  opening: string[];
  /** What the caller will accept; null when they book nothing. */
  wish: SlotWish | null;
  /** Says the wish again, whole: when asked what they want, or when the agent offered something else. */
  restate: () => string;
  /** Says just the day and time: when asked when. */
  when: () => string;
  /** The whole wish again, in one sentence: when asked what they would like. */
  wishLine: () => string;
  /** Just the number (the caller's own, or the other callback number): the answer to "which number?". */
  number: () => string;
  /** The answer to "what name?". */
  nameLine: () => string;
  /** The caller's own spoken number, or another callback number: the answer to "which number?". */
  phoneLine: () => string;
  /** The national digits of the number the appointment should go under, to check a number read back. */
  numberDigits: string;
  /** Set when the appointment should go under another number than the calling one. */
  otherNumber: boolean;
  yes: () => string;
  no: () => string;
  goodbye: () => string;
  correction: Correction | null;
  bargeIn: BargeIn | null;
  /** Said instead of an answer to the first offer: the caller ends the call politely. */
  endAfterOffer: string | null;
  /** Questions asked one by one after the opening; the call ends after the last answer. */
  questions: string[];
  /** The appointment (by its spoken date) a caller names when asked which one. */
  whichAppointment: string | null;
  /** Says yes when the agent asks to cancel or move (a caller insisting on another person's appointment too). */
  agreesToChanges: boolean;
  /** For the person request: what the caller says to anything but a transfer. */
  insist: string | null;
}

export interface CallPlan {
  index: number;
  category: Category;
  /** The clock during the call (ISO instant). */
  now: string;
  callerPhone: string;
  recognised: boolean;
  seeds: SeedAppointment[];
  script: CallerScript;
  expect: Expectation;
}

export function noExpectations(): Expectation {
  return { bookings: [], cancelled: [], moved: [], transfer: false, agentEnds: false, speech: [], neverAsk: [], confirmBefore: null };
}
