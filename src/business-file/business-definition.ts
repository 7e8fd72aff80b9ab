import type { BusinessAnswers, ServiceSegment, WeeklyHours } from '../db/json-columns.js';
import type { GrammaticalGender } from '../db/schema.js';

/**
 * A business as a file defines it, checked and in the units the database keeps: phone numbers in E.164, prices in
 * cents, hours by ISO weekday, closures and time off as instants. Services and staff are named by their keys; ids
 * are the database's business (see `stable-ids.ts`). Apply compares this with what is stored; export builds it
 * from what is stored.
 */
export interface BusinessDefinition {
  slug: string;
  name: string;
  kind: 'salon' | 'practice';
  timeZone: string;
  holidayRegion: string | null;
  phoneNumbers: string[];
  retellAgentIds: string[];
  transferNumber: string | null;
  address: string | null;
  answers: BusinessAnswers;
  slotStepMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  /** Days with ranges only, ranges sorted: two definitions with the same hours are equal as values. */
  openingHours: WeeklyHours;
  closures: AbsenceDefinition[];
  services: ServiceDefinition[];
  staff: StaffDefinition[];
}

/** A closure or time off: [startsAt, endsAt) in epoch ms, with the reason given for it. */
export interface AbsenceDefinition {
  startsAt: number;
  endsAt: number;
  reason: string | null;
}

export interface ServiceDefinition {
  key: string;
  name: string;
  synonyms: string[];
  description: string | null;
  durationMinutes: number;
  priceCents: number | null;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Empty: one work phase of `durationMinutes`. */
  segments: ServiceSegment[];
  /** Null: the name is said without an article. */
  grammaticalGender: GrammaticalGender | null;
  plural: boolean;
}

export interface StaffDefinition {
  key: string;
  name: string;
  aliases: string[];
  /** Keys of the services they perform, in the file's order. */
  serviceKeys: string[];
  workingHours: WeeklyHours;
  timeOff: AbsenceDefinition[];
}
