import type { BusinessRules, ServiceDef, StaffDef } from './calendar-model.js';

/**
 * Everything availability is computed from except busy time: the business's hours and settings with all its
 * closures, its services, its staff with their services and all their time off. It changes rarely and is
 * the heavy part of a calendar read, so each process keeps it per business, tagged with the rules version
 * the database renews on every change (the `*_rules_version` triggers).
 */
export interface CalendarRules {
  version: number;
  business: BusinessRules;
  services: ServiceDef[];
  staff: StaffDef[];
}

/**
 * The rules of recently used businesses, least recently used dropped first. Never trusted blindly: every
 * calendar read compares the version, and a booking made without a read carries it into the insert, which
 * refuses a stale one.
 */
export class RulesCache {
  private readonly entries = new Map<string, CalendarRules>();

  constructor(private readonly capacity = 1000) {}

  get(businessId: string): CalendarRules | undefined {
    const rules = this.entries.get(businessId);
    if (rules) {
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(businessId);
      this.entries.set(businessId, rules);
    }
    return rules;
  }

  set(businessId: string, rules: CalendarRules): void {
    // Two reads may finish out of order: versions only grow, so the newer rules stay.
    const known = this.entries.get(businessId);
    if (known && known.version > rules.version) return;
    this.entries.delete(businessId);
    this.entries.set(businessId, rules);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  forget(businessId: string): void {
    this.entries.delete(businessId);
  }
}
