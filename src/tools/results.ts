import { z } from 'zod';
import { Unavailable } from '../reception/outcomes.js';
import type { ToolName } from './schemas.js';

/**
 * What each function answers: `{ result: "<German sentence the agent can say>", ok, ...structured fields }`.
 * The field names are a contract with the agents configured in Retell (and the design's function contract);
 * `error` names why a request did not do what it asked, `ok: false` that the agent should ask again.
 */

const Sentence = z.string();
/** Present only on answers that carry a code; `never` elsewhere so every answer can be asked for its `error`. */
const NoError = z.never().optional();

/** A slot as structured data, with the words to say it. */
export const SlotJson = z.object({ start: z.string(), end: z.string(), staff_id: z.string(), staff: z.string().nullable(), speech: Sentence });
export type SlotJson = z.infer<typeof SlotJson>;

/** Answers of every function that could not even ask the reception: the agent asks the caller again. */
export const Refusal = z.object({
  ok: z.literal(false),
  error: z.enum([
    'invalid_arguments',
    'unknown_business',
    'unknown_service',
    'ambiguous_service',
    'unknown_staff',
    'invalid_date',
    'incomplete_time',
    'phone_required',
    'invalid_phone',
  ]),
  result: Sentence,
  /** invalid_arguments: the argument names that are missing or wrong. */
  fields: z.array(z.string()).optional(),
  /** unknown_service, ambiguous_service: the services to choose from. */
  options: z.array(z.string()).optional(),
});
export type Refusal = z.infer<typeof Refusal>;

export const CheckAvailabilityResult = z.union([
  z.object({
    ok: z.literal(true),
    available: z.literal(true),
    result: Sentence,
    slot: SlotJson,
    alternatives: z.array(SlotJson).max(0),
    held: z.number().int(),
    error: NoError,
  }),
  z.object({
    ok: z.literal(true),
    available: z.literal(false),
    reason: Unavailable,
    result: Sentence,
    alternatives: z.array(SlotJson),
    held: z.number().int().optional(),
    error: NoError,
  }),
  Refusal,
]);
export type CheckAvailabilityResult = z.infer<typeof CheckAvailabilityResult>;

export const BookAppointmentResult = z.union([
  z.object({
    ok: z.literal(true),
    booked: z.literal(true),
    appointment_id: z.string(),
    start: z.string(),
    staff_id: z.string(),
    result: Sentence,
    error: NoError,
  }),
  /** Taken (`slot_taken`) or forbidden (the rule's reason): the alternatives are held for the call. */
  z.object({
    ok: z.literal(true),
    booked: z.literal(false),
    error: z.union([z.literal('slot_taken'), Unavailable]),
    result: Sentence,
    alternatives: z.array(SlotJson),
  }),
  z.object({
    ok: z.literal(false),
    booked: z.literal(false),
    error: z.enum(['invalid_phone', 'unknown_service', 'unknown_staff', 'cancelled', 'not_modifiable']),
    result: Sentence,
  }),
  Refusal,
]);
export type BookAppointmentResult = z.infer<typeof BookAppointmentResult>;

/** One of the caller's appointments, when the agent must ask which one is meant. */
const AppointmentJson = z.object({
  id: z.string(),
  start: z.string(),
  service: z.string().nullable(),
  service_id: z.string(),
  staff: z.string().nullable(),
  staff_id: z.string(),
});

/** What finding the caller's appointment can answer instead of the change itself. */
const FindAnswer = z.union([
  z.object({ ok: z.literal(true), error: z.literal('no_appointment'), result: Sentence }),
  z.object({ ok: z.literal(true), error: z.literal('several_appointments'), result: Sentence, appointments: z.array(AppointmentJson) }),
]);

export const CancelAppointmentResult = z.union([
  z.object({ ok: z.literal(true), cancelled: z.literal(true), appointment_id: z.string(), result: Sentence, error: NoError }),
  z.object({ ok: z.literal(false), error: z.enum(['not_found', 'not_modifiable']), result: Sentence }),
  FindAnswer,
  Refusal,
]);
export type CancelAppointmentResult = z.infer<typeof CancelAppointmentResult>;

export const RescheduleAppointmentResult = z.union([
  z.object({
    ok: z.literal(true),
    rescheduled: z.literal(true),
    appointment_id: z.string(),
    previous_appointment_id: z.string(),
    start: z.string(),
    result: Sentence,
    error: NoError,
  }),
  z.object({
    ok: z.literal(true),
    rescheduled: z.literal(false),
    error: z.union([z.literal('slot_taken'), Unavailable]),
    result: Sentence,
    alternatives: z.array(SlotJson),
  }),
  z.object({ ok: z.literal(false), rescheduled: z.literal(false), error: z.enum(['not_found', 'not_modifiable', 'unknown_staff']), result: Sentence }),
  FindAnswer,
  Refusal,
]);
export type RescheduleAppointmentResult = z.infer<typeof RescheduleAppointmentResult>;

/** The answer of any function. */
export const ToolResult = z.union([CheckAvailabilityResult, BookAppointmentResult, CancelAppointmentResult, RescheduleAppointmentResult]);
export type ToolResult = z.infer<typeof ToolResult>;

/** Each function's output schema, by name. */
export const TOOL_RESULTS = {
  check_availability: CheckAvailabilityResult,
  book_appointment: BookAppointmentResult,
  cancel_appointment: CancelAppointmentResult,
  reschedule_appointment: RescheduleAppointmentResult,
} as const satisfies Record<ToolName, z.ZodType>;
