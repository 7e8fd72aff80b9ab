import type { GrammaticalGender } from '../db/schema.js';
import { toAbsenceEntry } from './absences.js';
import type { BusinessDefinition, ServiceDefinition, StaffDefinition } from './business-definition.js';
import type { BusinessEntry, BusinessFile, ServiceEntry, StaffEntry } from './business-file-schema.js';
import type { BusinessState } from './load-business-state.js';
import { toWeekHours } from './week-hours.js';

const ARTICLE_OF_GENDER: Record<GrammaticalGender, 'der' | 'die' | 'das'> = { m: 'der', f: 'die', n: 'das' };

/**
 * A definition as a file writes it, every key in the order the documentation lists them; values the file would
 * leave out (no price, no phases, no time off) are left out. Reading the result gives the same definition back.
 */
export function definitionToFile(d: BusinessDefinition): BusinessFile {
  return {
    business: businessEntry(d),
    opening_hours: toWeekHours(d.openingHours),
    closures: d.closures.map((c) => toAbsenceEntry(c, d.timeZone)),
    services: d.services.map(serviceEntry),
    staff: d.staff.map((m) => staffEntry(m, d.timeZone)),
  };
}

export function businessEntry(d: BusinessDefinition): BusinessEntry {
  return {
    slug: d.slug,
    name: d.name,
    kind: d.kind,
    time_zone: d.timeZone,
    ...(d.holidayRegion === null ? {} : { holiday_region: d.holidayRegion }),
    phone_numbers: d.phoneNumbers,
    retell_agent_ids: d.retellAgentIds,
    ...(d.transferNumber === null ? {} : { transfer_number: d.transferNumber }),
    ...(d.address === null ? {} : { address: d.address }),
    answers: d.answers,
    slot_step_minutes: d.slotStepMinutes,
    min_notice_minutes: d.minNoticeMinutes,
    horizon_days: d.horizonDays,
  };
}

export function serviceEntry(s: ServiceDefinition): ServiceEntry {
  return {
    key: s.key,
    name: s.name,
    synonyms: s.synonyms,
    duration_minutes: s.durationMinutes,
    ...(s.priceCents === null ? {} : { price_eur: s.priceCents / 100 }),
    buffer_before_minutes: s.bufferBeforeMinutes,
    buffer_after_minutes: s.bufferAfterMinutes,
    segments: s.segments.map((p) => (p.kind === 'work' ? { work: p.minutes } : { gap: p.minutes, policy: p.policy })),
    ...(s.description === null ? {} : { description: s.description }),
    article: s.grammaticalGender === null ? 'none' : ARTICLE_OF_GENDER[s.grammaticalGender],
    plural: s.plural,
  };
}

export function staffEntry(m: StaffDefinition, timeZone: string): StaffEntry {
  return {
    key: m.key,
    name: m.name,
    aliases: m.aliases,
    services: m.serviceKeys,
    hours: toWeekHours(m.workingHours),
    time_off: m.timeOff.map((t) => toAbsenceEntry(t, timeZone)),
  };
}

/**
 * What a stored business defines, as a file would: its active services and staff (archived ones only serve their
 * appointments), and the closures and time off that have not ended yet (past ones are history, which apply leaves
 * alone). Services and staff in the order the file that was applied last lists them.
 */
export function definitionOfState(state: BusinessState, now: number): BusinessDefinition {
  const { id: _id, ...business } = state.business;
  const active = state.services.filter((s) => s.active);
  const keyOf = new Map(active.map((s) => [s.id, s.key]));
  const notOver = <T extends { endsAt: number }>(list: T[]) => list.filter((a) => a.endsAt > now);
  const bare = <T extends { id: string; startsAt: number; endsAt: number; reason: string | null }>(a: T) => ({
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    reason: a.reason,
  });
  return {
    ...business,
    closures: notOver(state.closures).map(bare),
    services: active.map(({ id: _s, position: _p, active: _a, referenced: _r, ...s }) => s),
    staff: state.staff
      .filter((m) => m.active)
      .map((m) => ({
        key: m.key,
        name: m.name,
        aliases: m.aliases,
        serviceKeys: active.filter((s) => m.serviceIds.includes(s.id)).map((s) => keyOf.get(s.id)!),
        workingHours: m.workingHours,
        timeOff: notOver(m.timeOff).map(bare),
      })),
  };
}
