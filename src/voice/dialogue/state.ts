import { z } from 'zod';
import { CALL_OUTCOMES } from '../../db/schema.js';
import { AppointmentRef, Customer, OfferedSlot, PartOfDay } from '../../reception/outcomes.js';

/**
 * Where a call's conversation stands: who is calling, what the call has said so far, and the step it is at.
 * The step is a union by phase, so each phase carries exactly what it needs (an offer phase has its offers, the
 * name phase has the chosen slot) and an impossible combination does not type-check. The schemas are what a
 * saved snapshot is parsed with when another instance resumes the call.
 */

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const LocalTime = z.string().regex(/^\d{2}:\d{2}$/);

/** What the caller wants booked, as far as they have said it. `staff` 'any': "egal"; null: not said. */
export const Wish = z.object({
  serviceId: z.string().min(1).nullable(),
  staff: z.string().min(1).nullable(),
  date: LocalDate.nullable(),
  time: LocalTime.nullable(),
  partOfDay: PartOfDay.nullable(),
  earliest: z.boolean(),
  /** "nächste Woche" without a day: the Monday of that week, until a day in it is named. */
  week: LocalDate.nullable().optional(),
  /** The day the caller named by its weekday ("Freitag"): said back as "am Freitag", not "morgen". */
  weekdayDay: LocalDate.nullable().optional(),
});
export type Wish = z.infer<typeof Wish>;

/** A wish with its service known: what an offer is asked for. */
export const ServiceWish = Wish.extend({ serviceId: z.string().min(1) });
export type ServiceWish = z.infer<typeof ServiceWish>;

/** The new day and time of a move, as far as the caller has said it; `staffId`: someone else should take it. */
export const MoveTarget = z.object({ date: LocalDate.nullable(), time: LocalTime.nullable(), staffId: z.string().min(1).nullable() });
export type MoveTarget = z.infer<typeof MoveTarget>;

/** Why the caller's appointments are being looked up. */
const Lookup = z.discriminatedUnion('for', [
  z.object({ for: z.literal('cancel') }),
  z.object({ for: z.literal('reschedule'), target: MoveTarget }),
  /** "Wann ist mein Termin?": read out, nothing changes. */
  z.object({ for: z.literal('list') }),
]);

/**
 * A correction relative to what was on the table ("eine Stunde später"): the slots turned down, and the side of
 * the old slot the new ones must lie on (instants).
 */
export const Avoid = z.object({ startsAt: z.array(z.string()), after: z.string().nullable(), before: z.string().nullable() });
export type Avoid = z.infer<typeof Avoid>;

export const Step = z.discriminatedUnion('phase', [
  /** Greeted, nothing asked yet. */
  z.object({ phase: z.literal('open') }),
  /** Gathering service, staff and time for a booking. */
  z.object({ phase: z.literal('collect'), wish: Wish }),
  /** An offer is being looked for (and held). `avoid`: what the caller just turned down is not offered again. */
  z.object({ phase: z.literal('checking'), wish: ServiceWish, avoid: Avoid.nullable().optional() }),
  /** Slots offered and held; waiting for the caller's choice. */
  z.object({ phase: z.literal('offered'), wish: ServiceWish, offers: z.array(OfferedSlot).min(1) }),
  /** A slot chosen; asking for the caller's name. */
  z.object({ phase: z.literal('name'), wish: ServiceWish, chosen: OfferedSlot }),
  /** A slot chosen; confirming or asking the number to book under. */
  z.object({ phase: z.literal('phone'), wish: ServiceWish, chosen: OfferedSlot }),
  /** The booking is being written. */
  z.object({ phase: z.literal('booking'), wish: ServiceWish, chosen: OfferedSlot, customer: Customer }),
  /** A request is done; anything else? `serviceId`: the service just booked, for a question about it. */
  z.object({ phase: z.literal('anything_else'), serviceId: z.string().min(1).nullable() }),
  /** The caller's appointments are being looked up. */
  z.object({ phase: z.literal('finding'), lookup: Lookup }),
  /** Several appointments (or none yet, without a number): which one to cancel. */
  z.object({ phase: z.literal('cancel_pick'), choices: z.array(AppointmentRef) }),
  /** The appointment is being cancelled; `then` 'end': the caller gave a rejected booking up and the call ends. */
  z.object({ phase: z.literal('cancelling'), appointment: AppointmentRef, then: z.enum(['ask', 'end']).default('ask') }),
  /** The appointment read back: "Soll ich … absagen?"; only a yes cancels. `choices`: the others the caller may mean. */
  z.object({ phase: z.literal('confirm_cancel'), appointment: AppointmentRef, choices: z.array(AppointmentRef) }),
  /** The old appointment and the new time read back: "Soll ich … verschieben?"; only a yes moves. */
  z.object({ phase: z.literal('confirm_move'), moving: AppointmentRef, target: MoveTarget, startsAt: z.string().min(1), choices: z.array(AppointmentRef) }),
  /** A change to someone else's appointment was refused and the transfer offered: a yes transfers. */
  z.object({ phase: z.literal('change_refused') }),
  /** Moving an appointment: waiting for the new day and time (the appointment is known, or is looked up then). */
  z.object({ phase: z.literal('reschedule'), target: MoveTarget, moving: AppointmentRef.nullable() }),
  /** Moving an appointment: several listed, which one. */
  z.object({ phase: z.literal('reschedule_pick'), target: MoveTarget, choices: z.array(AppointmentRef).min(1) }),
  /** The move is being written. */
  z.object({ phase: z.literal('rescheduling'), target: MoveTarget, moving: AppointmentRef }),
  /** A callback was agreed but the call shows no number: asking for one. `staffId`: who should call back. */
  z.object({ phase: z.literal('callback'), staffId: z.string().min(1).nullable() }),
  z.object({ phase: z.literal('ended') }),
]);
export type Step = z.infer<typeof Step>;
/** The step of one phase. */
export type StepOf<P extends Step['phase']> = Extract<Step, { phase: P }>;

/**
 * Whom the booking under way is for: the caller (`self`), someone else of the household (`other`, their name once
 * said), or not known (`ask`: after a booking for someone else, the next one may be for anyone).
 */
export const ForWhom = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('self') }),
  z.object({ kind: z.literal('other'), name: z.string().min(1).max(120).nullable(), relation: z.string().max(40).nullable() }),
  z.object({ kind: z.literal('ask') }),
]);
export type ForWhom = z.infer<typeof ForWhom>;

/** Who is calling, and under which number a booking goes. */
export const Caller = z.object({
  /** The calling number (E.164) when the call showed one. */
  number: z.string().nullable(),
  /** A known customer's name (recognised by number) or the name the caller gave. */
  name: z.string().nullable(),
  known: z.boolean(),
  /** The number to book under: the calling one until the caller gives another. */
  phone: z.string().nullable(),
  phoneConfirmed: z.boolean(),
  /** The number belongs to several customers (a household): the caller's own name is asked, never assumed. */
  household: z.boolean().optional(),
  /** Whom the booking under way is for; absent: the caller. */
  forWhom: ForWhom.optional(),
  /**
   * The caller said the booking is for themselves ("für mich") from a number known under a name they have not
   * given: their own name is asked before booking, never the number's customer assumed.
   */
  askOwnName: z.boolean().optional(),
  /** "für uns beide": the second person, booked after the first. */
  second: z
    .object({ relation: z.string().max(40).nullable() })
    .nullable()
    .optional(),
});
export type Caller = z.infer<typeof Caller>;

/** What the call has said and done so far, across steps. */
const Memory = z.object({
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  reminders: z.number().int().min(0),
  /** What the agent said in its last answering turn, for "wie bitte?" and reminders. */
  lastLine: z.string(),
  /** What the agent has said in the turn under way; becomes `lastLine` when the next turn starts. */
  saying: z.array(z.string()),
  /** A filler was said in the turn under way: one per turn is enough. */
  fillerSaid: z.boolean(),
  /** The result of a write whose turn was superseded: the next turn says it first. */
  announcement: z.string().nullable(),
  /**
   * What the last turn told that the caller must hear: a committed change (`booking`: this call's booking, `change`:
   * another) or an offer. If the caller talked over it, the next turn tells a change again (a booking then counts as
   * unheard, so a new wish is reconciled with it) and an offer becomes `unheardOffer`.
   */
  told: z
    .object({ text: z.string(), kind: z.enum(['booking', 'change', 'offer']) })
    .nullable()
    .default(null),
  /** An offer the caller never heard (they talked over it): a bare "ja" or "hallo?" gets it said, never takes it. */
  unheardOffer: z.string().nullable().default(null),
  /**
   * The caller text the last turn acted on, and how many caller utterances the transcript had then. Retell asking
   * again for the same words at the same position is a re-request (act once); the same words later ("ja" twice)
   * are a new answer.
   */
  handled: z.object({ text: z.string(), count: z.number().int().min(0) }).nullable(),
  /** Reception operations run so far; numbers the tool calls in Retell's transcript. */
  operations: z.number().int().min(0),
  /** Turns in a row the agent could not use (noise, off-topic, nothing it could read). */
  confused: z.number().int().min(0).default(0),
  /**
   * A question the agent asked outside the booking steps, waiting for a yes: 'help' (a colleague or a callback,
   * after turns it could not use), 'callback' (the person asked for cannot come to the phone; `staffId`: who).
   */
  pending: z
    .object({ kind: z.enum(['help', 'callback']), staffId: z.string().min(1).nullable() })
    .nullable()
    .default(null),
  /** The agent could not answer a question and offered the transfer: a yes transfers, a no says `resume`. */
  transferOffer: z.object({ resume: z.string() }).nullable().optional(),
  /**
   * The appointment this call booked last, while the caller may still take it back: `rejected` once they said it
   * does not suit (it is moved, or cancelled if they give up: never left beside a second one); `late` when it
   * committed in a turn the caller talked over, so whatever they wish next is reconciled with it.
   */
  justBooked: z
    .object({
      appointment: AppointmentRef,
      rejected: z.boolean(),
      late: z.boolean(),
      /** The caller asked for this staff member; when not, a move may go to whoever is free at the new time. */
      staffChosen: z.boolean().default(true),
    })
    .nullable()
    .default(null),
});

export const DialogueState = z.object({ caller: Caller, memory: Memory, step: Step });
export type DialogueState = z.infer<typeof DialogueState>;

/** A call before its greeting: nobody known yet. */
export function initialState(): DialogueState {
  return {
    caller: { number: null, name: null, known: false, phone: null, phoneConfirmed: false },
    memory: {
      outcome: null,
      reminders: 0,
      lastLine: '',
      saying: [],
      fillerSaid: false,
      announcement: null,
      told: null,
      unheardOffer: null,
      handled: null,
      operations: 0,
      confused: 0,
      pending: null,
      justBooked: null,
    },
    step: { phase: 'open' },
  };
}

/** A wish with nothing said yet. */
export const EMPTY_WISH: Wish = { serviceId: null, staff: null, date: null, time: null, partOfDay: null, earliest: false, week: null };
