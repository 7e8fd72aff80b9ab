import type { CallOutcome } from '../../db/schema.js';
import type { Facts } from '../../german/understand/index.js';
import type {
  BookOutcome,
  BookRequest,
  CancelOutcome,
  CancelRequest,
  FindAppointmentsOutcome,
  FindAppointmentsRequest,
  OfferOutcome,
  OfferRequest,
  RescheduleOutcome,
  RescheduleRequest,
} from '../../reception/outcomes.js';

/** A reception operation the conversation asks for: typed requests, ids and instants, never words. */
export type ReceptionCall =
  | { operation: 'offer'; request: OfferRequest }
  | { operation: 'book'; request: BookRequest }
  | { operation: 'findAppointments'; request: FindAppointmentsRequest }
  | { operation: 'cancel'; request: CancelRequest }
  | { operation: 'reschedule'; request: RescheduleRequest }
  | { operation: 'recordOutcome'; request: CallOutcome };

/** What the reception answered to a call, tagged by the operation. */
export type ReceptionAnswer =
  | { operation: 'offer'; outcome: OfferOutcome }
  | { operation: 'book'; outcome: BookOutcome }
  | { operation: 'findAppointments'; outcome: FindAppointmentsOutcome }
  | { operation: 'cancel'; outcome: CancelOutcome }
  | { operation: 'reschedule'; outcome: RescheduleOutcome }
  | { operation: 'recordOutcome'; outcome: null };

/** Operations that change the calendar: once started they finish, and a superseded turn's result is told later. */
export const WRITES: ReadonlySet<ReceptionCall['operation']> = new Set(['book', 'cancel', 'reschedule']);

/** Who the call is from, once the call is routed (null number: withheld; null name: not a known customer). */
export interface CallerInfo {
  number: string | null;
  knownName: string | null;
  /** The number belongs to several customers: `knownName` is null, and nobody is assumed. */
  household?: boolean;
}

/** Everything that happens to a conversation. `now` travels with what the caller said: the decision reads no clock. */
export type DialogueEvent =
  /** The call was routed and recorded: greet. */
  | { kind: 'opened'; caller: CallerInfo; now: Date }
  /** Who is calling, learned after the greeting (late call details). */
  | { kind: 'caller_known'; caller: CallerInfo }
  /**
   * The caller said something: the words since the agent last spoke, read by german/, and their position.
   * `agentHeard`: the agent's last words as the transcript has them, which is what the caller heard before speaking
   * (less than was sent when they talked over it); absent when the transcript has no agent line.
   */
  | { kind: 'heard'; facts: Facts; callerUtterances: number; now: Date; agentHeard?: string | null }
  /** The caller has been silent for a while. */
  | { kind: 'reminder'; now: Date }
  /**
   * The reception answered the operation the last decision asked for. `late`: the turn it ran for was superseded
   * or cut off, so nobody hears what is said now.
   */
  | { kind: 'answered'; answer: ReceptionAnswer; late: boolean; now: Date };
