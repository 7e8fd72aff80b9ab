import { normalizePhone } from '../booking/normalize-phone.js';
import type { ServiceSegment } from '../db/json-columns.js';
import type { GrammaticalGender } from '../db/schema.js';
import { toAbsences } from './absences.js';
import type { BusinessDefinition, ServiceDefinition, StaffDefinition } from './business-definition.js';
import type { BusinessFile, ServiceEntry, StaffEntry } from './business-file-schema.js';
import { closestWord } from './closest-word.js';
import type { FileIssue, FilePath } from './file-issue.js';
import { readTimeZone } from './time-zones.js';
import { daysOutside, toWeeklyHours } from './week-hours.js';

export type Definition = { ok: true; definition: BusinessDefinition; notes: FileIssue[] } | { ok: false; issues: FileIssue[] };

const GENDER_OF_ARTICLE: Record<'der' | 'die' | 'das', GrammaticalGender> = { der: 'm', die: 'f', das: 'n' };
const PHONE_COUNTRIES = ['DE', 'AT', 'CH'] as const;

/**
 * The checks that need more than one field, run once the file has its shape: keys unique, staff services that
 * exist, phases that add up to the duration, hours that make sense, dates in the business's zone; then the
 * business in the database's units. Every problem is collected, not just the first; `notes` are not errors
 * (a service without an article, a staff member working while the business is closed).
 */
export function defineBusiness(file: BusinessFile): Definition {
  const issues: FileIssue[] = [];
  const notes: FileIssue[] = [];
  const b = file.business;
  const zoneReading = readTimeZone(b.time_zone, b.holiday_region);
  if ('problem' in zoneReading) issues.push({ path: ['business', 'time_zone'], message: zoneReading.problem });
  else if (zoneReading.note) notes.push({ path: ['business', 'time_zone'], message: zoneReading.note });
  const timeZone = 'zone' in zoneReading ? zoneReading.zone : 'UTC';
  // Numbers without a country code are read as the business's country would dial them ("01 234567" in Vienna).
  const region = b.holiday_region?.slice(0, 2);
  const country = PHONE_COUNTRIES.find((c) => c === region) ?? 'DE';
  const phone = (raw: string, path: FilePath) => {
    const e164 = normalizePhone(raw, country);
    if (e164 === null)
      issues.push({ path, message: `'${raw}' is no valid phone number${raw.startsWith('+') ? '' : ` in ${country}`}; write it as +49 40 1234560` });
    return e164 ?? raw;
  };
  const phoneNumbers = b.phone_numbers.map((raw, i) => phone(raw, ['business', 'phone_numbers', i]));
  phoneNumbers.forEach((n, i) => {
    if (phoneNumbers.indexOf(n) < i) issues.push({ path: ['business', 'phone_numbers', i], message: `${n} is listed twice` });
  });
  const openingHours = toWeeklyHours(file.opening_hours, ['opening_hours'], issues);
  const services = file.services.map((entry, i) => defineService(entry, ['services', i], issues, notes));
  unique(file.services, 'key', 'services', issues);
  unique(file.services, 'name', 'services', issues);
  const serviceKeys = file.services.map((s) => s.key);
  const staff = file.staff.map((entry, i) => defineStaff(entry, ['staff', i], { serviceKeys, openingHours, timeZone }, issues, notes));
  unique(file.staff, 'key', 'staff', issues);
  const definition: BusinessDefinition = {
    slug: b.slug,
    name: b.name,
    kind: b.kind,
    timeZone,
    holidayRegion: b.holiday_region ?? null,
    phoneNumbers,
    retellAgentIds: [...new Set(b.retell_agent_ids)],
    transferNumber: b.transfer_number == null ? null : phone(b.transfer_number, ['business', 'transfer_number']),
    address: b.address ?? null,
    answers: b.answers,
    slotStepMinutes: b.slot_step_minutes,
    minNoticeMinutes: b.min_notice_minutes,
    horizonDays: b.horizon_days,
    openingHours,
    closures: toAbsences(file.closures, timeZone, ['closures'], issues),
    services,
    staff,
  };
  return issues.length > 0 ? { ok: false, issues } : { ok: true, definition, notes };
}

function defineService(entry: ServiceEntry, path: FilePath, issues: FileIssue[], notes: FileIssue[]): ServiceDefinition {
  const segments: ServiceSegment[] = entry.segments.map((s) =>
    s.work !== undefined ? { kind: 'work', minutes: s.work } : { kind: 'gap', minutes: s.gap ?? 0, policy: s.policy ?? 'free' },
  );
  const sum = segments.reduce((total, s) => total + s.minutes, 0);
  if (segments.length > 0 && !segments.some((s) => s.kind === 'work'))
    issues.push({ path: [...path, 'segments'], message: 'needs at least one work phase: a service nobody works on cannot be booked' });
  if (segments.length > 0 && entry.duration_minutes !== undefined && sum !== entry.duration_minutes)
    issues.push({ path: [...path, 'segments'], message: `the phases add up to ${sum} minutes, but duration_minutes is ${entry.duration_minutes}` });
  if (segments.length === 0 && entry.duration_minutes === undefined)
    issues.push({ path: [...path, 'duration_minutes'], message: 'is missing: how many minutes does it take? (or give its segments)' });
  if (entry.article === undefined)
    notes.push({
      path,
      message: `no article, so the agent says "${entry.name}" without one; write article: der, die or das (or none to keep it so)`,
    });
  const article = entry.article === undefined || entry.article === 'none' ? null : entry.article;
  return {
    key: entry.key,
    name: entry.name,
    synonyms: entry.synonyms,
    description: entry.description ?? null,
    durationMinutes: entry.duration_minutes ?? sum,
    priceCents: entry.price_eur == null ? null : Math.round(entry.price_eur * 100),
    bufferBeforeMinutes: entry.buffer_before_minutes,
    bufferAfterMinutes: entry.buffer_after_minutes,
    segments,
    grammaticalGender: article === null ? null : GENDER_OF_ARTICLE[article],
    plural: entry.plural,
  };
}

interface StaffContext {
  serviceKeys: string[];
  openingHours: BusinessDefinition['openingHours'];
  timeZone: string;
}

function defineStaff(entry: StaffEntry, path: FilePath, context: StaffContext, issues: FileIssue[], notes: FileIssue[]): StaffDefinition {
  entry.services.forEach((key, i) => {
    if (!context.serviceKeys.includes(key)) {
      const near = closestWord(key, context.serviceKeys);
      issues.push({
        path: [...path, 'services', i],
        message: `no service has the key '${key}'${near ? `; did you mean '${near}'?` : ` (the keys are ${context.serviceKeys.join(', ')})`}`,
      });
    } else if (entry.services.indexOf(key) < i) issues.push({ path: [...path, 'services', i], message: `'${key}' is listed twice` });
  });
  if (entry.services.length === 0) issues.push({ path: [...path, 'services'], message: 'lists no service: which services does this person perform?' });
  const workingHours = entry.hours === undefined ? context.openingHours : toWeeklyHours(entry.hours, [...path, 'hours'], issues);
  const outside = daysOutside(workingHours, context.openingHours);
  if (outside.length > 0)
    notes.push({
      path: [...path, 'hours'],
      message: `${entry.name} works outside the opening hours on ${outside.join(', ')}; callers are offered only times when the business is open`,
    });
  return {
    key: entry.key,
    name: entry.name,
    aliases: entry.aliases,
    serviceKeys: [...new Set(entry.services)],
    workingHours,
    timeOff: toAbsences(entry.time_off, context.timeZone, [...path, 'time_off'], issues),
  };
}

/** Two services (or staff members) with the same key, or services with the same name: callers could not tell them apart. */
function unique<T extends { key: string; name: string }>(entries: readonly T[], field: 'key' | 'name', list: string, issues: FileIssue[]): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, i) => {
    const value = field === 'name' ? entry.name.toLocaleLowerCase('de') : entry.key;
    const first = seen.get(value);
    if (first === undefined) seen.set(value, i);
    else issues.push({ path: [list, i, field], message: `'${entry[field]}' is already the ${field} of ${list}[${first}]` });
  });
}
