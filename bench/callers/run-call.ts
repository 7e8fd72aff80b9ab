import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import { bookAppointment } from '../../src/booking/book-appointment.js';
import type { BookingDeps } from '../../src/booking/booking-deps.js';
import { markBookedByOther } from '../../src/customers/mark-booked-by-other.js';
import type { Db } from '../../src/db/database.js';
import { appointments } from '../../src/db/schema.js';
import { signRetellBody } from '../../src/http/retell-signature.js';
import { createTestSalon } from '../../test/support/business.js';
import { createPrng } from '../soak/prng.js';
import type { CallPlan } from './call-plan.js';
import { CallerLine, type HeardReply } from './caller-line.js';
import { asRecognised } from './german-words.js';
import { judgeCall, type Turn, type Verdict } from './judge-call.js';
import { ZONE } from './salon-facts.js';
import { SimCaller } from './sim-caller.js';

const MAX_TURNS = 18;
/** How long the harness waits, after the hang-up, for the call's holds to be released. */
const RELEASE_WAIT_MS = 5_000;

export interface CallResult {
  plan: CallPlan;
  verdict: Verdict;
  greeting: string;
  turns: Turn[];
  /** Set when the call broke off (no reply in time, socket lost): counted as wrong. */
  error: string | null;
  gaveUp: string | null;
  interrupted: boolean;
}

export interface CallEnvironment {
  url: string;
  db: Db;
  deps: BookingDeps;
  clock: { set(at: Date | string): void; now(): Date };
  /** The key the service checks webhook signatures with: the call's end is told as Retell tells it. */
  retellKey: string;
  responseTimeoutMs: number;
}

/** Places one planned call against the running server, in a salon of its own, and judges what it left behind. */
export async function runCall(env: CallEnvironment, plan: CallPlan, seed: number): Promise<CallResult> {
  env.clock.set(plan.now);
  const salon = await createTestSalon(env.db);
  const seeded = new Map<string, string>();
  for (const s of plan.seeds) {
    const outcome = await bookAppointment(env.deps, {
      businessId: salon.id,
      serviceId: salon.services[s.service],
      staffId: salon.staff[s.staff],
      startsAt: DateTime.fromISO(s.local, { zone: ZONE }).toJSDate(),
      customer: { phone: s.phone, name: s.name },
      idempotencyKey: `callers:${randomUUID()}`,
      source: 'api',
      actor: { type: 'system', id: null },
    });
    if (outcome.kind !== 'booked') throw new Error(`seed ${s.key} of call ${plan.index} not booked: ${outcome.kind}`);
    // What the reception does after a booking for someone else, so the number is a household's as after a real call.
    if (s.bookedByOther && outcome.appointment.customerId) await markBookedByOther(env.db, outcome.appointment.customerId);
    seeded.set(s.key, outcome.appointment.id);
  }
  const prng = createPrng((seed * 31 + plan.index * 131) >>> 0);
  const words = (line: string) => (plan.recognised && !line.startsWith('(') ? asRecognised(line, prng) : line);
  const caller = new SimCaller(plan.script, salon.staff, prng);
  const callId = `call_sim_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const turns: Turn[] = [];
  let greeting = '';
  let error: string | null = null;
  let interrupted = false;
  let line: CallerLine | null = null;
  try {
    const dialled = await CallerLine.dial(env.url, { callId, from: plan.callerPhone, to: salon.definition.phoneNumbers[0]! }, env.responseTimeoutMs);
    line = dialled.line;
    greeting = dialled.greeting;
    let next: string | null = words(caller.first());
    while (next !== null && turns.length < MAX_TURNS) {
      const said: string = next;
      const ending = caller.saidEnding;
      const barge = caller.bargeInNow();
      let reply: HeardReply;
      if (barge) {
        const spoken = words(barge.line);
        const result = await line.sayAndInterrupt(said, spoken, (first) => /Moment/i.test(first));
        reply = result.reply;
        if (result.interrupted) {
          interrupted = true;
          caller.bargedIn();
          turns.push({ caller: said, agent: `${result.first} [the caller talks over the agent]`, tools: [], endCall: false, transfer: false });
          turns.push(turnOf(spoken, reply));
        } else turns.push(turnOf(said, reply));
      } else {
        reply = await line.say(said);
        turns.push({ ...turnOf(said, reply), ...(ending ? { ending } : {}) });
      }
      const answer = caller.next(reply);
      next = answer === null ? null : words(answer);
    }
  } catch (e) {
    error = e instanceof Error ? e.message.replace(/\+?\d[\d\s]{6,}\d/g, '<number>') : String(e);
  } finally {
    if (line) {
      const late = line.lateTools();
      if (late.length > 0 && turns.length > 0) turns.at(-1)!.tools.push(...late.map((t) => ({ name: t.name, ok: isOk(t.result) })));
      await line.hangUp();
    }
    await tellCallEnded(env, callId, plan.callerPhone, salon.definition.phoneNumbers[0]!);
  }
  await waitForRelease(env.db, salon.id);
  // A caller who never got to talk over the agent (it never paused to look something up) still wants the first wish.
  const judged =
    !interrupted && plan.expect.bookingsWithoutBargeIn ? { ...plan, expect: { ...plan.expect, bookings: plan.expect.bookingsWithoutBargeIn } } : plan;
  const verdict = await judgeCall(env.db, salon, judged, seeded, callId, greeting, turns);
  if (error) verdict.failures.unshift(`the call broke off: ${error}`);
  return { plan, verdict: { ok: verdict.ok && !error, failures: verdict.failures }, greeting, turns, error, gaveUp: caller.gaveUp, interrupted };
}

function turnOf(said: string, reply: HeardReply): Turn {
  return {
    caller: said,
    agent: reply.text,
    tools: reply.tools.map((t) => ({ name: t.name, ok: isOk(t.result) })),
    endCall: reply.endCall,
    transfer: reply.transferNumber !== null,
  };
}

function isOk(result: Record<string, unknown> | null): boolean {
  return (
    result !== null &&
    (result.booked === true ||
      result.cancelled === true ||
      result.rescheduled === true ||
      result.available === true ||
      (typeof result.found === 'number' && result.found > 0))
  );
}

/**
 * Retell's `call_ended` webhook after the hang-up: without it, a socket the caller closed mid-call waits out the
 * reconnect grace period before its holds are released.
 */
async function tellCallEnded(env: CallEnvironment, callId: string, from: string, to: string): Promise<void> {
  const now = env.clock.now().getTime();
  const body = JSON.stringify({
    event: 'call_ended',
    call: {
      call_id: callId,
      call_type: 'phone_call',
      direction: 'inbound',
      from_number: from,
      to_number: to,
      call_status: 'ended',
      start_timestamp: now - 60_000,
      end_timestamp: now,
      disconnection_reason: 'user_hangup',
    },
  });
  await fetch(`${env.url}/retell/webhook`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-retell-signature': signRetellBody(body, env.retellKey, now) },
  }).catch(() => undefined);
}

/** Holds are released when the call ends, just after the socket closes: wait (bounded) until none is left. */
async function waitForRelease(db: Db, businessId: string): Promise<void> {
  const deadline = Date.now() + RELEASE_WAIT_MS;
  while (Date.now() < deadline) {
    const held = await db
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.businessId, businessId), eq(appointments.status, 'held')));
    if (held.length === 0) return;
    await sleep(50);
  }
}
