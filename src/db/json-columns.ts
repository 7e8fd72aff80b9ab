import { z } from 'zod';

/**
 * The shapes of the JSON columns. Writers are typed by them; readers parse with them, so a row written by an
 * older version, a hand edit or a bug is a fault named by its column, never a wrong answer further down.
 */

/** A local wall-clock range on one day, "HH:MM"–"HH:MM"; "24:00" as an end means the next midnight. */
export const TimeRange = z.object({
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  end: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/),
});
export type TimeRange = z.infer<typeof TimeRange>;

const Ranges = z.array(TimeRange);
/** Ranges per ISO weekday ("1" = Monday … "7" = Sunday); several ranges on a day model a break; a missing day is off. */
export const WeeklyHours = z.object({
  '1': Ranges.optional(),
  '2': Ranges.optional(),
  '3': Ranges.optional(),
  '4': Ranges.optional(),
  '5': Ranges.optional(),
  '6': Ranges.optional(),
  '7': Ranges.optional(),
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** One phase of a service: work occupies the staff member; a `free` gap lets them serve someone else, a `blocked` one does not. */
export const ServiceSegment = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('work'), minutes: z.number().int().positive() }),
  z.object({ kind: z.literal('gap'), minutes: z.number().int().positive(), policy: z.enum(['free', 'blocked']) }),
]);
export type ServiceSegment = z.infer<typeof ServiceSegment>;
export const ServiceSegments = z.array(ServiceSegment);

/**
 * What the agent may say about the business beyond booking, when a caller asks: each answer is the business's own
 * sentence, said as written; a topic that is missing has no answer (the agent says so, it never invents one).
 * `faq`: the business's own questions, found by their keywords (any one of them in the caller's words).
 */
export const BusinessAnswers = z.object({
  directions: z.string().min(1).max(500).optional(),
  payment: z.string().min(1).max(300).optional(),
  parking: z.string().min(1).max(300).optional(),
  wifi: z.string().min(1).max(300).optional(),
  accessibility: z.string().min(1).max(300).optional(),
  faq: z
    .array(z.object({ keywords: z.array(z.string().min(2).max(60)).min(1).max(20), answer: z.string().min(1).max(500) }))
    .max(50)
    .optional(),
});
export type BusinessAnswers = z.infer<typeof BusinessAnswers>;

/** A call's transcript as stored: Retell's roles, words as said. */
export const StoredTranscript = z.array(z.object({ role: z.string(), content: z.string() }));
export type StoredTranscript = z.infer<typeof StoredTranscript>;

/** Retell's post-call analysis and latency figures: kept as Retell sent them, an object of any fields. */
export const JsonObject = z.record(z.string(), z.unknown());
export type JsonObject = z.infer<typeof JsonObject>;

/** A JSON column's value did not have its shape. */
export class BadJsonColumnError extends Error {
  constructor(
    readonly column: string,
    readonly issues: string[],
  ) {
    super(`${column} does not have its shape: ${issues.join('; ')}`);
    this.name = 'BadJsonColumnError';
  }
}

/** Parses a JSON column's value read from the database; throws `BadJsonColumnError` naming the column. */
export function readJsonColumn<S extends z.ZodType>(schema: S, value: unknown, column: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  // Paths and codes only: a message could quote the value, and values may be personal data.
  if (!parsed.success)
    throw new BadJsonColumnError(
      column,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`),
    );
  return parsed.data;
}
