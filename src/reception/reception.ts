import type { CallOutcome } from '../db/schema.js';
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
} from './outcomes.js';

/**
 * The reception of one business for one caller: every operation a phone call or a Retell function may run.
 * Built per call (or per function request) with the business, the call id (null for a request without one:
 * nothing is held, every write is new) and the calling number. Faults throw; every expected "no" is an outcome.
 */
export interface Reception {
  /** Finds the wished slot or the nearest ones, and holds what it offers for the call (a new offer replaces the last). */
  offer(request: OfferRequest): Promise<OfferOutcome>;
  /** Books a slot: confirms the call's hold on it, or books directly. Idempotent per call, slot and customer. */
  book(request: BookRequest): Promise<BookOutcome>;
  /** The caller's upcoming appointments under `phone`, narrowed by a local day and time when given. */
  findAppointments(request: FindAppointmentsRequest): Promise<FindAppointmentsOutcome>;
  /** Cancels one of the caller's appointments. Idempotent. */
  cancel(request: CancelRequest): Promise<CancelOutcome>;
  /** Moves one of the caller's appointments in one transaction; the old one stays when the new time is not free. */
  reschedule(request: RescheduleRequest): Promise<RescheduleOutcome>;
  /** Records what the call achieved when no write said it already (transferred, information, …). */
  recordOutcome(outcome: CallOutcome): Promise<void>;
  /** Gives back every slot the call still holds (the caller hung up or asked for something else). */
  releaseHolds(): Promise<void>;
}
