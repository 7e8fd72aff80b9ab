import { z } from 'zod';
import { BusinessAnswers } from '../db/json-columns.js';
import { describeHolidayRegion } from './holiday-regions.js';

/**
 * The shape of a business file, key by key, as an owner writes it (YAML or JSON). The keys are a contract: other
 * programs write such files. The published JSON Schema (`schema/business.schema.json`) is generated from this one
 * schema, so editors complete exactly what `business apply` accepts. Rules that need more than one field (a
 * phase sum, a staff member's service keys, dates in the business's zone) are checked after the shape, in
 * `define-business.ts`; nothing here transforms, since a transform has no JSON Schema.
 */

/** The weekdays as a file names them, Monday first (ISO weekday 1 … 7). */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** "09:00-18:00": a local time range; "24:00" as an end is midnight at the end of the day. */
export const TIME_RANGE = /^([01]\d|2[0-3]):([0-5]\d)\s*[-–]\s*(([01]\d|2[0-3]):([0-5]\d)|24:00)$/;
/** "2027-07-12" (a whole day) or "2027-07-12 14:00" (a moment), in the business's zone. */
export const LOCAL_DATE_OR_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?)?$/;
const KEY = /^[a-z0-9][a-z0-9_-]*$/;

const quoted = (value: unknown) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value));

/** "9-18" → "09:00-18:00": the spelling to suggest for a range written the way people say it. */
function suggestRange(text: string): string {
  const loose = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*[-–]\s*(\d{1,2})(?:[:.](\d{2}))?\s*$/.exec(text);
  if (!loose) return '09:00-18:00';
  const pad = (h: string, m: string | undefined) => `${h.padStart(2, '0')}:${m ?? '00'}`;
  return `${pad(loose[1]!, loose[2])}-${pad(loose[3]!, loose[4])}`;
}

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);
const minutes = (max: number) => z.number().int({ error: 'must be a whole number of minutes' }).min(0).max(max);

const Key = z
  .string()
  .max(60)
  .regex(KEY, { error: (issue) => `${quoted(issue.input)} is no key: use small letters, digits, - and _ (e.g. herrenschnitt)` })
  .meta({ description: 'Stable identity within the business (small letters, digits, - and _); apply matches on it.' });

const TimeRangeText = z.string().regex(TIME_RANGE, {
  error: (issue) => `${quoted(issue.input)} is no time range, write ${suggestRange(String(issue.input))}`,
});

const DayRanges = z
  .union([TimeRangeText, z.array(TimeRangeText)], {
    error: (issue) => `${quoted(issue.input)} is no list of time ranges, write ["09:00-18:00"] (or several: ["09:00-13:00", "14:00-18:00"])`,
  })
  .meta({ description: 'Time ranges of the day, e.g. ["09:00-13:00", "14:00-18:00"]; [] or a missing day: closed.' });

/** Hours of a week by weekday; a missing day is closed. */
export const WeekHours = z
  .strictObject(Object.fromEntries(WEEKDAY_KEYS.map((day) => [day, DayRanges.optional()])) as Record<WeekdayKey, z.ZodOptional<typeof DayRanges>>)
  .meta({ description: 'Hours by weekday (mon … sun), each a list of ranges like "09:00-18:00"; a missing day is closed.' });
export type WeekHours = z.infer<typeof WeekHours>;

const LocalDateOrTime = z.string().regex(LOCAL_DATE_OR_TIME, {
  error: (issue) => `${quoted(issue.input)} is no date, write 2027-07-12 (a whole day) or 2027-07-12 14:00`,
});

/** A stretch of days (whole days, both inclusive) or of time, in the business's zone. */
export const Absence = z
  .strictObject({
    from: LocalDateOrTime.meta({ description: 'First day (2027-07-12) or moment (2027-07-12 14:00), in the business zone.' }),
    to: LocalDateOrTime.meta({ description: 'Last day, inclusive (2027-07-25), or the moment it ends (2027-07-12 18:00).' }),
    reason: text(200).nullish().meta({ description: 'Said to a caller whose wish falls on it ("wegen Betriebsurlaub").' }),
  })
  .meta({ description: 'Whole days (from and to inclusive) or a stretch of time, in the business zone.' });
export type Absence = z.infer<typeof Absence>;

// Whether the digits make a number is checked once the business's country is known (define-business.ts).
const Phone = z.string().regex(/^\+?[\d\s/().-]{5,30}$/, {
  error: (issue) => `${quoted(issue.input)} is no phone number, write +49 40 1234560 or 040 1234560`,
});

// The stored answers' shape, with unknown keys refused: a misspelt topic would otherwise vanish without a word.
const faq = BusinessAnswers.shape.faq.unwrap();
const Answers = z.strictObject({
  ...BusinessAnswers.shape,
  faq: z
    .array(z.strictObject(faq.element.shape))
    .max(50)
    .optional()
    .meta({ description: "The business's own questions: { keywords: [Gutschein], answer: ... }." }),
});

const Segment = z
  .strictObject({
    work: z.number().int().positive().optional().meta({ description: 'Minutes the staff member works on the customer.' }),
    gap: z.number().int().positive().optional().meta({ description: 'Minutes of waiting (colour sets); needs policy.' }),
    policy: z.enum(['free', 'blocked']).optional().meta({ description: 'free: the staff member serves others during the gap; blocked: they do not.' }),
  })
  .superRefine((segment, ctx) => {
    const kinds = [segment.work, segment.gap].filter((m) => m !== undefined).length;
    if (kinds !== 1) ctx.addIssue({ code: 'custom', message: 'a phase is either { work: 30 } or { gap: 45, policy: free }' });
    else if (segment.gap !== undefined && segment.policy === undefined)
      ctx.addIssue({ code: 'custom', message: 'say whether the staff member can serve someone else during the gap: policy: free or policy: blocked' });
    else if (segment.work !== undefined && segment.policy !== undefined) ctx.addIssue({ code: 'custom', message: 'policy belongs to a gap, not to work' });
  })
  .meta({ description: 'One phase of a service: { work: 30 } or { gap: 45, policy: free|blocked }.' });

export const ServiceEntry = z.strictObject({
  key: Key,
  name: text(120).meta({ description: 'The name the agent says, e.g. Herrenhaarschnitt.' }),
  synonyms: z.array(text(120)).default([]).meta({ description: 'Other words callers use for it.' }),
  duration_minutes: z
    .number()
    .int({ error: 'must be a whole number of minutes' })
    .positive()
    .max(24 * 60)
    .optional()
    .meta({ description: "The customer's time in minutes; with segments, their sum (may be left out then)." }),
  price_eur: z
    .number()
    .min(0)
    .max(100_000)
    .multipleOf(0.01, { error: 'must be euros and cents, e.g. 29 or 29.50' })
    .nullish()
    .meta({ description: 'Price in euros; left out: the agent names no price.' }),
  buffer_before_minutes: minutes(240).default(0).meta({ description: 'Preparation the staff member needs before (not customer time).' }),
  buffer_after_minutes: minutes(240).default(0).meta({ description: 'Clearing up after (not customer time).' }),
  segments: z.array(Segment).default([]).meta({ description: 'Phases in order; their minutes add up to duration_minutes. Left out: one work phase.' }),
  description: text(500).nullish().meta({ description: 'What the service is, said when a caller asks.' }),
  article: z
    .enum(['der', 'die', 'das', 'none'])
    .optional()
    .meta({ description: 'The article of the name in the singular (der Herrenhaarschnitt); none or left out: said without one.' }),
  plural: z.boolean().default(false).meta({ description: 'The name is a plural (die Strähnchen).' }),
});
export type ServiceEntry = z.infer<typeof ServiceEntry>;

export const StaffEntry = z.strictObject({
  key: Key,
  name: text(120).meta({ description: 'Full name, e.g. Jan Petersen.' }),
  aliases: z.array(text(120)).default([]).meta({ description: 'What callers call them (Jan, Herr Petersen); the agent names them by the first.' }),
  services: z.array(z.string()).meta({ description: 'Keys of the services they perform.' }),
  hours: WeekHours.optional().meta({ description: 'Working hours as opening_hours; left out: the opening hours.' }),
  time_off: z.array(Absence).default([]).meta({ description: 'Days or times off (holidays, sick days).' }),
});
export type StaffEntry = z.infer<typeof StaffEntry>;

export const BusinessEntry = z.strictObject({
  slug: z
    .string()
    .max(80)
    .regex(/^[a-z0-9][a-z0-9-]*$/, { error: (issue) => `${quoted(issue.input)} is no slug: use small letters, digits and - (e.g. barbier-nord-hamburg)` })
    .meta({ description: 'Stable identity of the business; apply matches on it.' }),
  name: text(120).meta({ description: 'The name the agent greets with.' }),
  kind: z.enum(['salon', 'practice']).default('salon'),
  // Checked with the holiday region beside it (define-business.ts): a city that is no zone can still have one meaning.
  time_zone: text(60).meta({ description: 'An IANA time zone, e.g. Europe/Berlin, Europe/Vienna, Europe/Zurich.' }),
  holiday_region: z
    .string()
    .superRefine((region, ctx) => {
      const problem = describeHolidayRegion(region);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullish()
    .meta({ description: 'Region whose public holidays close the business, e.g. DE-HH, AT-9, CH-ZH; left out: none.' }),
  phone_numbers: z.array(Phone).default([]).meta({ description: 'Numbers Retell calls arrive on (E.164 or German spelling); calls are routed by them.' }),
  retell_agent_ids: z.array(text(120)).default([]).meta({ description: 'Retell agent ids whose calls belong to this business.' }),
  transfer_number: Phone.nullish().meta({ description: 'Where a caller who asks for a person is transferred to.' }),
  address: text(300).nullish(),
  answers: Answers.default({}).meta({ description: 'What the agent may say when asked (directions, payment, parking, wifi, accessibility, faq).' }),
  slot_step_minutes: z.number().int().min(5).max(240).default(15).meta({ description: 'Appointments start every so many minutes from midnight.' }),
  min_notice_minutes: minutes(60 * 24 * 30)
    .default(60)
    .meta({ description: 'How soon an appointment may start at the earliest.' }),
  horizon_days: z.number().int().min(1).max(730).default(60).meta({ description: 'How many days ahead callers can book.' }),
});
export type BusinessEntry = z.infer<typeof BusinessEntry>;

/** A whole business file. */
export const BusinessFile = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'Where editors find this schema (JSON files).' }),
    business: BusinessEntry,
    opening_hours: WeekHours.default({}),
    closures: z.array(Absence).default([]).meta({ description: 'Days or times the whole business is closed (holidays beyond the public ones, vacation).' }),
    services: z.array(ServiceEntry).min(1, { error: 'a business needs at least one service' }),
    staff: z.array(StaffEntry).min(1, { error: 'a business needs at least one staff member' }),
  })
  .meta({ title: 'termin-agent business file', description: 'One business: its hours, closures, services and staff.' });
export type BusinessFile = z.infer<typeof BusinessFile>;
