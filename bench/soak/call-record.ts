import type { CallGoal } from './caller-plan.js';
import type { LineError } from './phone-line.js';

/** What the agent told a caller through a tool result: the facts the database must agree with afterwards. */
export type Told =
  | { kind: 'booked'; appointmentId: string; start: string; staffId: string }
  | { kind: 'cancelled'; appointmentId: string }
  | { kind: 'rescheduled'; appointmentId: string; previousAppointmentId: string; start: string; staffId: string | null };

/** One phone call as the caller experienced it. */
export interface CallRecord {
  callId: string;
  personaId: number;
  phone: string;
  goal: CallGoal['kind'];
  /** Instances the call was connected to, in order (more than one after a reconnect). */
  instances: number[];
  startedAt: number;
  endedAt: number;
  /** achieved: the caller got what they called for; gave_up: the dialogue could not help; failed: the call broke. */
  outcome: 'achieved' | 'gave_up' | 'failed';
  /** Why the caller gave up or the call failed. */
  reason: string | null;
  failure: { kind: LineError['kind'] | 'call_timeout' | 'error'; at: number } | null;
  /** The agent hung up (end_call) or transferred; otherwise the caller hung up. */
  endedByAgent: boolean;
  turns: number;
  told: Told[];
  /** Offers of alternatives because the wished slot was taken (or went while the caller decided). */
  conflicts: number;
  /** The agent asked for the wish again mid-call, as a fresh dialogue after a reconnect does. */
  restarts: number;
  apologies: number;
  /**
   * Slots the caller said yes to and then lost when the agent tried to book them, with who offered them:
   * check_availability holds what it offers, book_appointment's alternatives after a lost race are not held.
   */
  lostAtBooking: Array<{ start: string; staffId: string; offeredBy: 'check_availability' | 'book_appointment'; offeredAt: number; lostAt: number }>;
  /** The agent answered repeated words with its previous answer word for word, without running the tool it ran the first time. */
  echoes: number;
  /** Tool results that arrived after the response they belong to had completed (a turn cut off by its deadline). */
  lateToolResults: number;
  /** Why the socket was replaced, per reconnect. */
  drops: string[];
  /** Each request: when it was sent (wall clock) and the time to its first and complete response frame. */
  timings: Array<{ at: number; firstMs: number | null; completeMs: number | null }>;
  /** Agent lines the caller could not place (first few). */
  unplaced: string[];
  /** Server frames Retell would reject. */
  violations: string[];
  /** What was said, as Retell's transcript has it (for reading a call that went wrong). */
  transcript: Array<{ role: string; content: string }>;
}
