import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../src/db/database.js';
import type { TestBusiness } from '../../test/support/business.js';
import type { CallPlan, ExpectedBooking, SlotWish, StaffKey } from './call-plan.js';
import { REPEATED_MARK } from './plan-calls.js';
import { claimsDone, readAsk } from './read-agent.js';
import { slotMatches } from './sim-caller.js';
import { ZONE } from './salon-facts.js';

/** An appointment row of the call's salon as the judge reads it, with the name and number it is under. */
interface Row {
  id: string;
  status: string;
  startsAt: string;
  staffId: string;
  serviceId: string;
  callId: string | null;
  rescheduledFromId: string | null;
  names: string[];
  phone: string | null;
}

/** One turn of the call as the judge sees it. */
export interface Turn {
  caller: string;
  agent: string;
  /** Tool results of the reply, by name and outcome. */
  tools: Array<{ name: string; ok: boolean }>;
  endCall: boolean;
  transfer: boolean;
  /** The caller's line was a polite ending. */
  ending?: boolean;
}

export interface Verdict {
  ok: boolean;
  failures: string[];
}

/**
 * Checks one call after it ended: the salon's calendar holds exactly what the caller wanted (the wished
 * appointments with the right service, staff, day, time, name and number; the cancelled and moved ones changed;
 * nobody else's touched; no hold left), and the agent claimed no change that did not commit.
 */
export async function judgeCall(
  db: Db,
  salon: TestBusiness,
  plan: CallPlan,
  seeded: Map<string, string>,
  callId: string,
  greeting: string,
  turns: Turn[],
): Promise<Verdict> {
  const failures: string[] = [];
  const rows = await readRows(db, salon.id);
  const seedIds = new Set(seeded.values());
  const active = rows.filter((r) => r.status === 'booked');
  const held = rows.filter((r) => r.status === 'held');
  if (held.length > 0) failures.push(`${held.length} hold(s) left after the call`);

  // Seeds: untouched unless expected cancelled or moved.
  for (const seed of plan.seeds) {
    const id = seeded.get(seed.key)!;
    const row = rows.find((r) => r.id === id);
    const expectGone = plan.expect.cancelled.includes(seed.key) || plan.expect.moved.some((m) => m.key === seed.key);
    const stillActive = row?.status === 'booked' && row.startsAt === new Date(`${DateTime.fromISO(seed.local, { zone: ZONE }).toUTC().toISO()}`).toISOString();
    if (expectGone && stillActive) failures.push(`the ${seed.key} appointment was not ${plan.expect.cancelled.includes(seed.key) ? 'cancelled' : 'moved'}`);
    if (!expectGone && !stillActive)
      failures.push(
        `the ${seed.key === 'theirs' || seed.key === 'bystander' ? "other customer's" : seed.key} appointment was changed (${row?.status ?? 'gone'})`,
      );
  }

  // Everything active that no seed stays as: must be exactly the expected new bookings and move targets.
  const fresh = active.filter((r) => !seedIds.has(r.id));
  const wanted: Array<{ label: string; wish: SlotWish; booking: ExpectedBooking | null; from: string | null }> = [
    ...plan.expect.bookings.map((b) => ({ label: 'booking', wish: b, booking: b, from: null })),
    ...plan.expect.moved.map((m) => ({ label: `move of ${m.key}`, wish: m.to, booking: null, from: seeded.get(m.key) ?? null })),
  ];
  const left = [...fresh];
  for (const w of wanted) {
    const i = left.findIndex((r) => r.serviceId === salon.services[w.wish.service] && slotMatches(w.wish, r.startsAt, r.staffId, salon.staff));
    if (i < 0) {
      failures.push(
        `no ${w.label} matching ${describeWish(w.wish, salon)}${left.length > 0 ? `; found ${left.map((r) => describeRow(r, salon)).join(', ')}` : ''}`,
      );
      continue;
    }
    const row = left.splice(i, 1)[0]!;
    if (w.booking) {
      if (!row.names.some((n) => n.toLowerCase().includes(w.booking!.name.toLowerCase())))
        failures.push(`booked under the wrong name (expected ${w.booking.name}, got ${row.names.join(' / ') || 'none'})`);
      if (row.phone !== w.booking.phone)
        failures.push(row.phone === plan.callerPhone ? 'booked under the calling number, not the one the caller gave' : 'booked under the wrong number');
    }
    if (w.from && row.rescheduledFromId !== w.from) failures.push(`the ${w.label} is a new appointment, not the old one moved`);
  }
  for (const extra of left) failures.push(`an appointment the caller did not want: ${describeRow(extra, salon)}`);

  // What the agent said had been done must have been done in this call.
  const committedHere = rows.filter((r) => r.callId === callId && r.status !== 'held');
  const cancelledSeeds = plan.seeds.filter((s) => rows.find((r) => r.id === seeded.get(s.key))?.status === 'cancelled');
  const moves = rows.filter((r) => r.rescheduledFromId !== null);
  turns.forEach((turn, i) => {
    for (const claim of claimsDone(turn.agent)) {
      const backed =
        claim === 'booked'
          ? committedHere.length > 0
          : claim === 'cancelled'
            ? cancelledSeeds.length > 0 || committedHere.some((r) => r.status === 'cancelled') || moves.length > 0
            : moves.length > 0;
      if (!backed)
        failures.push(
          `said "${claim === 'booked' ? 'eingetragen' : claim === 'cancelled' ? 'abgesagt' : 'verschoben'}" in reply ${i + 1} without such a change in the database`,
        );
    }
  });

  // A cancel or move must be read back and agreed to first.
  if (plan.expect.confirmBefore) {
    const tool = plan.expect.confirmBefore === 'cancel' ? 'cancel_appointment' : 'reschedule_appointment';
    const at = turns.findIndex((t) => t.tools.some((x) => x.name === tool && x.ok));
    if (at >= 0) {
      const asked = at > 0 ? readAsk(turns[at - 1]!.agent) : 'none';
      if (asked !== (plan.expect.confirmBefore === 'cancel' ? 'confirm_cancel' : 'confirm_move'))
        failures.push(`${plan.expect.confirmBefore === 'cancel' ? 'cancelled' : 'moved'} without asking first`);
    }
  }

  if (plan.expect.transfer && !turns.some((t) => t.transfer)) failures.push('not transferred');
  if (plan.expect.agentEnds) {
    const ending = turns.find((t) => t.ending);
    if (ending && !ending.endCall) failures.push("the call went on after the caller's polite ending");
  }

  for (const ask of plan.expect.neverAsk) {
    const again = turns.findIndex((t) => readAsk(t.agent) === ask || (ask === 'phone' && readAsk(t.agent) === 'confirm_phone'));
    if (again >= 0) failures.push(`asked again for the ${ask === 'name' ? 'name' : 'number'} already given (reply ${again + 1})`);
  }

  for (const check of plan.expect.speech) {
    if (check.forbid === REPEATED_MARK) {
      const lines = turns.map((t) => t.agent);
      if (lines.some((l, i) => i > 0 && l !== '' && l === lines[i - 1])) failures.push(check.what);
      continue;
    }
    const texts = check.afterLine === -1 ? [greeting] : check.afterLine === null ? turns.map((t) => t.agent) : [turns[check.afterLine]?.agent ?? ''];
    if (check.pattern && !texts.some((t) => check.pattern!.test(t))) failures.push(check.what);
    if (check.forbid && texts.some((t) => check.forbid!.test(t))) failures.push(check.what);
  }
  return { ok: failures.length === 0, failures };
}

async function readRows(db: Db, businessId: string): Promise<Row[]> {
  const result = await db.execute(sql`
    select to_jsonb(a) as a, to_jsonb(c) as c from appointments a left join customers c on c.id = a.customer_id
    where a.business_id = ${businessId}`);
  const list = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{
    a: Record<string, unknown>;
    c: Record<string, unknown> | null;
  }>;
  return list.map(({ a, c }) => {
    // A name the appointment carries itself (for a household member) counts before its customer's.
    const own = Object.entries(a)
      .filter(([k, v]) => /name/i.test(k) && typeof v === 'string')
      .map(([, v]) => v as string);
    const customerName = typeof c?.name === 'string' ? [c.name] : [];
    const ownPhone = Object.entries(a).find(([k, v]) => /phone/i.test(k) && typeof v === 'string')?.[1] as string | undefined;
    return {
      id: String(a.id),
      status: String(a.status),
      startsAt: new Date(String(a.starts_at)).toISOString(),
      staffId: String(a.staff_id),
      serviceId: String(a.service_id),
      callId: typeof a.call_id === 'string' ? a.call_id : null,
      rescheduledFromId: typeof a.rescheduled_from_id === 'string' ? a.rescheduled_from_id : null,
      names: own.length > 0 ? own : customerName,
      phone: ownPhone ?? (typeof c?.phone_e164 === 'string' ? c.phone_e164 : null),
    };
  });
}

function staffKey(salon: TestBusiness, id: string): string {
  return (Object.entries(salon.staff) as Array<[StaffKey, string]>).find(([, v]) => v === id)?.[0] ?? 'someone';
}

function serviceKey(salon: TestBusiness, id: string): string {
  return Object.entries(salon.services).find(([, v]) => v === id)?.[0] ?? 'a service';
}

function describeRow(r: Row, salon: TestBusiness): string {
  return `${serviceKey(salon, r.serviceId)} ${DateTime.fromISO(r.startsAt, { zone: ZONE }).toFormat('ccc dd.MM. HH:mm')} with ${staffKey(salon, r.staffId)}`;
}

function describeWish(w: SlotWish, _salon: TestBusiness): string {
  const days = w.dates.map((d) => DateTime.fromISO(d, { zone: ZONE }).toFormat('ccc dd.MM.')).join(' or ');
  return `${w.service} ${days}${w.time ? ` ${w.time}` : ''}${w.staff ? ` with ${w.staff.join('/')}` : ''}`;
}
