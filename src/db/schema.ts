import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { BusinessAnswers, JsonObject, ServiceSegment, StoredTranscript, WeeklyHours } from './json-columns.js';

// Every instant is timestamptz (UTC inside); the business's zone is applied only at the edges.
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => instant('created_at').notNull().defaultNow();
const updatedAt = () => instant('updated_at').notNull().defaultNow();

/** A service name's grammatical gender: masculine, feminine, neuter. */
export const GRAMMATICAL_GENDERS = ['m', 'f', 'n'] as const;
export type GrammaticalGender = (typeof GRAMMATICAL_GENDERS)[number];

export const APPOINTMENT_STATUSES = ['held', 'booked', 'cancelled', 'expired', 'completed', 'no_show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Who changes things: a caller on the phone, a staff member or an admin through the API, the service itself. */
export const ACTOR_TYPES = ['caller', 'staff', 'admin', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Where an appointment came from: the phone conversation, a Retell function, the staff API as admin or as staff. */
export const BOOKING_SOURCES = ['phone', 'function', 'api', 'staff'] as const;
export type BookingSource = (typeof BOOKING_SOURCES)[number];
/** The sources a caller's own request can have: the phone conversation, or a Retell function. */
export type CallerSource = Extract<BookingSource, 'phone' | 'function'>;

export const CALL_OUTCOMES = [
  'booked',
  'no_availability',
  'booking_conflict',
  'cancelled_appointment',
  'rescheduled_appointment',
  'transferred',
  'callback_requested',
  'abandoned',
  'failed',
  'information',
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/**
 * Where rules versions come from: one sequence for all businesses, so a version never repeats, not even for a
 * business deleted and created again under the same id.
 */
export const rulesVersionSeq = pgSequence('rules_version_seq');

export const businesses = pgTable('businesses', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').notNull().default('salon'),
  timeZone: text('time_zone').notNull().default('Europe/Berlin'),
  /** ISO 3166-2 code whose public holidays close the business, e.g. DE-BE. */
  holidayRegion: text('holiday_region'),
  /** Called numbers (E.164) and Retell agent ids that route a call to this business. */
  phoneNumbers: text('phone_numbers')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  retellAgentIds: text('retell_agent_ids')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** Where "Ich möchte mit einem Menschen sprechen" is transferred to. */
  transferNumber: text('transfer_number'),
  address: text('address'),
  /** Directions, payment, parking and the business's own questions and answers (see `BusinessAnswers`). */
  answers: jsonb('answers')
    .$type<BusinessAnswers>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  openingHours: jsonb('opening_hours').$type<WeeklyHours>().notNull(),
  slotStepMinutes: integer('slot_step_minutes').notNull().default(15),
  minNoticeMinutes: integer('min_notice_minutes').notNull().default(60),
  horizonDays: integer('horizon_days').notNull().default(60),
  /**
   * Renewed from `rules_version_seq` by triggers whenever the rules availability is computed from change (this
   * row's hours and settings, its services, staff, their services and time off, closures). Instances cache the
   * rules and compare this number instead of reading them again; a booking carries the number it was checked
   * against.
   */
  rulesVersion: bigint('rules_version', { mode: 'number' })
    .notNull()
    .default(sql`nextval('rules_version_seq')`),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Days or hours the whole business is closed (holidays beyond the public ones, vacation, renovation). */
export const closures = pgTable(
  'closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    reason: text('reason'),
  },
  (t) => [index('closures_business_idx').on(t.businessId, t.startsAt), check('closures_range', sql`${t.endsAt} > ${t.startsAt}`)],
);

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    /**
     * The staff member's identity within the business, as a business file names them ("jan"): applying a file
     * matches on it. Unique among the active staff; an archived member keeps theirs for the record.
     */
    key: text('key').notNull(),
    /** Where the business file lists them (0 first); export writes them in this order. */
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    /** Spoken forms callers use: "Emma", "Frau Williams". */
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    workingHours: jsonb('working_hours').$type<WeeklyHours>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('staff_business_idx').on(t.businessId),
    uniqueIndex('staff_business_key_uq')
      .on(t.businessId, t.key)
      .where(sql`${t.active}`),
  ],
);

export const staffTimeOff = pgTable(
  'staff_time_off',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    reason: text('reason'),
  },
  (t) => [index('staff_time_off_staff_idx').on(t.staffId, t.startsAt), check('staff_time_off_range', sql`${t.endsAt} > ${t.startsAt}`)],
);

export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    /**
     * The service's identity within the business, as a business file names it ("herrenschnitt"): applying a file
     * matches on it. Unique among the active services; an archived one keeps its key for the record.
     */
    key: text('key').notNull(),
    /** Where the business file lists it (0 first); export writes them in this order. */
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    synonyms: text('synonyms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    description: text('description'),
    durationMinutes: integer('duration_minutes').notNull(),
    priceCents: integer('price_cents'),
    bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
    bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(0),
    /** Ordered work phases and gaps; empty means one work phase of durationMinutes. */
    segments: jsonb('segments')
      .$type<ServiceSegment[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /**
     * The name's grammatical gender, for the articles a sentence needs ("einen Herrenhaarschnitt", "bei der
     * Ansatzfärbung"): m, f or n; null: the name is said without an article ("für Waschen und Föhnen").
     */
    grammaticalGender: text('grammatical_gender').$type<GrammaticalGender>(),
    /** The name is a plural ("die Strähnchen"): plural articles and verbs. */
    plural: boolean('plural').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('services_business_idx').on(t.businessId),
    uniqueIndex('services_business_key_uq')
      .on(t.businessId, t.key)
      .where(sql`${t.active}`),
    check('services_duration_positive', sql`${t.durationMinutes} > 0`),
    check('services_buffers_non_negative', sql`${t.bufferBeforeMinutes} >= 0 and ${t.bufferAfterMinutes} >= 0`),
    check('services_grammatical_gender', sql`${t.grammaticalGender} in ('m', 'f', 'n')`),
  ],
);

export const staffServices = pgTable(
  'staff_services',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.serviceId] })],
);

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    phoneE164: text('phone_e164').notNull(),
    name: text('name'),
    /**
     * Who the customer is at their number: the name folded to lower case with single spaces, '' while unnamed.
     * One number may belong to a household (a mother booking for her daughter), so a customer is one name at one
     * number; the same name at the same number is always the same customer.
     */
    nameKey: text('name_key')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(lower(regexp_replace(btrim(name), '[[:space:]]+', ' ', 'g')), '')`),
    appointmentCount: integer('appointment_count').notNull().default(0),
    /**
     * Someone else booked for this person from this number ("für meine Tochter Lena"): the number is a household's,
     * so a call from it is never taken to be this person without their name.
     */
    bookedByOther: boolean('booked_by_other').notNull().default(false),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('customers_business_phone_name_uq').on(t.businessId, t.phoneE164, t.nameKey)],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').references(() => customers.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    /** When the customer's visit starts and ends (buffers excluded). */
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull(),
    holdExpiresAt: instant('hold_expires_at'),
    /** A repeat of the same write (Retell retry, barge-in re-request) finds the first result by this key. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    source: text('source', { enum: BOOKING_SOURCES }).notNull(),
    callId: text('call_id'),
    rescheduledFromId: uuid('rescheduled_from_id'),
    notes: text('notes'),
    /**
     * The name given for an appointment entered without a phone number (a walk-in): no customer is made for it, as a
     * customer is one name at one number and two "Herr Schulz" without a number cannot be told apart.
     */
    guestName: text('guest_name'),
    cancelledAt: instant('cancelled_at'),
    /** Who cancelled (or moved) it: a caller (id: the call), a staff member (id: theirs), an admin (id: the token), the system. */
    cancelledByType: text('cancelled_by_type', { enum: ACTOR_TYPES }),
    cancelledById: text('cancelled_by_id'),
    /** Why, as the person who cancelled said it; null when they gave no reason (and for a move). */
    cancelReason: text('cancel_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('appointments_business_start_idx').on(t.businessId, t.startsAt),
    index('appointments_staff_start_idx').on(t.staffId, t.startsAt),
    index('appointments_customer_idx').on(t.customerId),
    index('appointments_call_idx').on(t.callId),
    index('appointments_held_expiry_idx')
      .on(t.holdExpiresAt)
      .where(sql`${t.status} = 'held'`),
    check('appointments_range', sql`${t.endsAt} > ${t.startsAt}`),
    check('appointments_status', sql`${t.status} in ('held','booked','cancelled','expired','completed','no_show')`),
    check('appointments_hold_expiry', sql`${t.status} <> 'held' or ${t.holdExpiresAt} is not null`),
    check('appointments_cancelled_by_type', sql`${t.cancelledByType} in ('caller','staff','admin','system')`),
  ],
);

/**
 * The busy intervals an appointment occupies for its staff member: work phases, blocked gaps and buffers.
 * `status` mirrors the appointment's, so the exclusion constraint (in a SQL migration) can ignore cancelled rows.
 */
export const appointmentSegments = pgTable(
  'appointment_segments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at').notNull(),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull(),
    /** Mirrors the appointment's, so availability reads busy time from this table alone, without a join. */
    holdExpiresAt: instant('hold_expires_at'),
  },
  (t) => [
    index('appointment_segments_appointment_idx').on(t.appointmentId),
    index('appointment_segments_staff_start_idx').on(t.staffId, t.startsAt),
    index('appointment_segments_business_start_idx').on(t.businessId, t.startsAt),
    check('appointment_segments_range', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const calls = pgTable(
  'calls',
  {
    /** Retell's call id (the WebSocket path segment). */
    id: text('id').primaryKey(),
    businessId: uuid('business_id').references(() => businesses.id, { onDelete: 'cascade' }),
    agentId: text('agent_id'),
    callType: text('call_type'),
    direction: text('direction'),
    fromNumber: text('from_number'),
    toNumber: text('to_number'),
    status: text('status').notNull().default('registered'),
    outcome: text('outcome', { enum: CALL_OUTCOMES }),
    startedAt: instant('started_at'),
    endedAt: instant('ended_at'),
    durationMs: integer('duration_ms'),
    disconnectionReason: text('disconnection_reason'),
    transcript: jsonb('transcript').$type<StoredTranscript>(),
    transcriptText: text('transcript_text'),
    analysis: jsonb('analysis').$type<JsonObject>(),
    latency: jsonb('latency').$type<JsonObject>(),
    recordingUrl: text('recording_url'),
    /** Where the conversation stands, saved after every turn so another instance can carry on after a reconnect. */
    dialogueState: jsonb('dialogue_state').$type<JsonObject>(),
    customerId: uuid('customer_id').references(() => customers.id),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('calls_business_created_idx').on(t.businessId, t.createdAt), index('calls_customer_idx').on(t.customerId)],
);

/** One row per webhook event or function call already handled; a repeat returns `result` instead of acting again. */
export const processedEvents = pgTable('processed_events', {
  key: text('key').primaryKey(),
  kind: text('kind').notNull(),
  result: jsonb('result').$type<unknown>(),
  /**
   * A function call's claim without a result yet is a lease: its run renews it while it works, and once it lapses
   * (the process died) the next retry takes the claim over. Null for webhook events (written with their effect).
   */
  claimedUntil: instant('claimed_until'),
  /** Which run holds the claim: only that run renews or frees it. */
  claimToken: uuid('claim_token'),
  /** How many runs claimed the key: more than one means a run died or failed and another took over. */
  attempts: integer('attempts').notNull().default(1),
  createdAt: createdAt(),
});

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['admin', 'staff'] }).notNull(),
    staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    /** sha256 of the token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    label: text('label'),
    createdAt: createdAt(),
    lastUsedAt: instant('last_used_at'),
    revokedAt: instant('revoked_at'),
  },
  (t) => [check('api_tokens_staff_role', sql`${t.role} = 'admin' or ${t.staffId} is not null`)],
);

export const activityLog = pgTable(
  'activity_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    businessId: uuid('business_id')
      .notNull()
      .references(() => businesses.id, { onDelete: 'cascade' }),
    actorType: text('actor_type', { enum: ACTOR_TYPES }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('activity_log_business_created_idx').on(t.businessId, t.createdAt),
    index('activity_log_entity_idx').on(t.entityType, t.entityId),
    // A retried function call finds what its first run changed by the call that asked (see cancel and move).
    index('activity_log_actor_idx')
      .on(t.actorId)
      .where(sql`${t.actorType} = 'caller'`),
  ],
);
