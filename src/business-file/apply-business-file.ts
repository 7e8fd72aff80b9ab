import { sql } from 'drizzle-orm';
import { lockStaffCalendars } from '../booking/in-staff-transaction.js';
import type { Db } from '../db/database.js';
import { applyBusinessPlan } from './apply-business-plan.js';
import type { BusinessDefinition } from './business-definition.js';
import type { FileIssue } from './file-issue.js';
import { findRoutingClashes, loadBusinessState, staffIdsOf } from './load-business-state.js';
import { parseBusinessFile, type LocatedIssue } from './parse-business-file.js';
import { planBusinessChanges, planChanges, type BusinessPlan } from './plan-business-changes.js';

export interface ApplyOptions {
  now: Date;
  /** Plan and report only; nothing is written. */
  dryRun?: boolean;
  /** Archive services and staff that booked appointments still need, instead of refusing. */
  forceArchive?: boolean;
}

export type ApplyOutcome =
  /** The file (or what it asks of the database, a number another business has) is wrong; nothing changed. */
  | { kind: 'invalid'; errors: LocatedIssue[] }
  /** It would leave booked appointments behind; nothing changed. */
  | { kind: 'refused'; plan: BusinessPlan; notes: LocatedIssue[] }
  | { kind: 'unchanged'; plan: BusinessPlan; notes: LocatedIssue[] }
  /** A dry run that found changes. */
  | { kind: 'planned'; plan: BusinessPlan; notes: LocatedIssue[] }
  | { kind: 'applied'; plan: BusinessPlan; notes: LocatedIssue[] };

// Namespace of the advisory lock that lets one apply of a business run at a time (0x7e4b, beside the staff locks').
const BUSINESS_FILE_LOCK = 0x7e4b;

/** Reads a business file and applies it (see `applyBusinessDefinition`); an invalid file changes nothing. */
export async function applyBusinessFile(db: Db, text: string, options: ApplyOptions): Promise<ApplyOutcome> {
  const parsed = parseBusinessFile(text);
  if (!parsed.ok) return { kind: 'invalid', errors: parsed.errors };
  return applyBusinessDefinition(db, parsed.definition, options, { locate: parsed.locate, notes: parsed.notes });
}

interface FileContext {
  locate: (issue: FileIssue) => LocatedIssue;
  notes: LocatedIssue[];
}

/**
 * Creates or updates the business `definition` names by its slug, in one transaction: everything or nothing.
 * The business's staff calendars are locked before its appointments are read, so no booking commits between the
 * check "nothing booked for this service" and the change; a booking that waited checks the rules version it was
 * made against and is refused, to be tried again on the new rules.
 */
export async function applyBusinessDefinition(
  db: Db,
  definition: BusinessDefinition,
  options: ApplyOptions,
  file: FileContext = { locate: (i) => ({ line: null, path: i.path.join('.'), message: i.message }), notes: [] },
): Promise<ApplyOutcome> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BUSINESS_FILE_LOCK}, hashtext(${definition.slug}))`);
    const clashes = await findRoutingClashes(tx, definition);
    if (clashes.length > 0) {
      const errors = clashes.map(({ value, slug }) => {
        const numberAt = definition.phoneNumbers.indexOf(value);
        const path = numberAt >= 0 ? ['business', 'phone_numbers', numberAt] : ['business', 'retell_agent_ids', definition.retellAgentIds.indexOf(value)];
        return file.locate({ path, message: `${value} already routes calls to ${slug}; one number or agent belongs to one business` });
      });
      return { kind: 'invalid', errors };
    }
    await lockStaffCalendars(tx, await staffIdsOf(tx, definition.slug));
    const state = await loadBusinessState(tx, definition.slug, options.now);
    const plan = planBusinessChanges(state, definition, { now: options.now.getTime(), forceArchive: options.forceArchive ?? false });
    const notes = file.notes;
    if (plan.refusals.length > 0) return { kind: 'refused', plan, notes };
    if (!planChanges(plan)) return { kind: 'unchanged', plan, notes };
    if (options.dryRun) return { kind: 'planned', plan, notes };
    await applyBusinessPlan(tx, plan, options.now);
    return { kind: 'applied', plan, notes };
  });
}
