import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import postgres from 'postgres';
import { publicHolidayDates } from '../../src/booking/holidays.js';
import { demoSalon, demoStaffIds } from '../../src/business-file/demo-businesses.js';
import { signRetellBody } from '../../src/http/retell-signature.js';
import { functionCallKey } from '../../src/tools/run-tool-once.js';
import type { Told } from './call-record.js';
import type { Infrastructure } from './infrastructure.js';
import { INSTANCE_RETELL_KEY, type ServerInstance } from './server-instance.js';

/** Namespace of the staff advisory lock every booking takes inside Postgres (see in-staff-transaction.ts). */
const STAFF_LOCK_NAMESPACE = 32330;
const TIMES = ['10:00', '10:30', '11:00', '11:30', '14:00', '14:30', '15:00', '15:30'];
const STAFF = [
  { name: 'Emma', id: demoStaffIds.emma },
  { name: 'Fabian', id: demoStaffIds.fabian },
  { name: 'Oliver', id: demoStaffIds.oliver },
];
/** Longest one try may take before it counts as hanging; Retell gives up after about 10 s. */
const TRY_TIMEOUT_MS = 10_000;
/** How often Retell tries a function call in all (the first try and two retries). */
const TRIES = 3;
/** Longest the burst waits for a booking to stand mid-run before the kill strikes anyway. */
const CLAIM_WAIT_MS = 5_000;

export interface FunctionTry {
  instance: number;
  /** HTTP status, or how the try ended without one. */
  status: number | 'lost' | 'timeout';
  ms: number;
  answer: Record<string, unknown> | null;
}

/** One `book_appointment` function call as Retell made it: every try, first and replays. */
export interface FunctionCallRecord {
  callId: string;
  key: string;
  /** The caller's number (E.164), as the call's from_number. */
  phone: string;
  staffId: string;
  start: string;
  tries: FunctionTry[];
  /** The answer Retell would have passed on: the first 200. */
  answer: Record<string, unknown> | null;
  told: Told[];
}

type PendingCall = FunctionCallRecord & { body: string };

export interface BurstOutcome {
  calls: FunctionCallRecord[];
  /** Of the burst's calls, how many had claimed their key without an answer when the instance died. */
  cutOff: number;
}

/**
 * Signed `book_appointment` function calls aimed at the instance about to be killed, the way an agent built on
 * Retell's own LLM books: the kill lands while they run, and afterwards every one is replayed against the
 * surviving instances as Retell retries (the answered ones too: a retry must get the first answer). One staff
 * member's calendar is held locked inside Postgres until the kill, as a slow transaction would, so some bookings
 * stand between claim and answer for certain when the process dies.
 */
export class FunctionBurst {
  private readonly calls: PendingCall[];
  private firstTries: Array<Promise<void>> = [];
  private cutOff = 0;

  constructor(
    private readonly infra: Infrastructure,
    private readonly log: (line: string) => void,
    seed: number,
  ) {
    const day = burstDay();
    this.calls = TIMES.map((time, i) => {
      const staff = STAFF[i % STAFF.length]!;
      const callId = `soak_fn_${seed}_${i}`;
      const args = { dienstleistung: 'Herrenhaarschnitt', datum: day, uhrzeit: time, mitarbeiter: staff.name, name: `Funktion ${i}` };
      const start = DateTime.fromISO(`${day}T${time}`, { zone: demoSalon.timeZone }).toUTC().toISO()!;
      return {
        callId,
        key: functionCallKey(callId, 'book_appointment', args),
        phone: phoneOf(i),
        staffId: staff.id,
        start,
        tries: [],
        answer: null,
        told: [],
        body: JSON.stringify(envelope(callId, i, args)),
      };
    });
  }

  /** Sends the burst to `target`, waits until one booking stands mid-run, and lets `kill` strike then. */
  async strike(target: ServerInstance, kill: () => void): Promise<void> {
    const locked = STAFF[2]!.id;
    const blocker = postgres(this.infra.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await blocker`select pg_advisory_lock(${STAFF_LOCK_NAMESPACE}, hashtext(${locked}))`;
      this.firstTries = this.calls.map((call) => this.send(call, target).then(() => undefined));
      const keys = this.calls.filter((c) => c.staffId === locked).map((c) => c.key);
      const deadline = Date.now() + CLAIM_WAIT_MS;
      while (Date.now() < deadline) {
        const [row] = await blocker<Array<{ n: number }>>`select count(*)::int as n from processed_events where key = any(${keys}) and result is null`;
        if ((row?.n ?? 0) === keys.length) break;
        await sleep(2);
      }
      kill();
      const [row] = await blocker<
        Array<{ n: number }>
      >`select count(*)::int as n from processed_events where key = any(${this.calls.map((c) => c.key)}) and result is null`;
      this.cutOff = row?.n ?? 0;
    } finally {
      await blocker.end({ timeout: 2 });
    }
    this.log(`function calls: ${this.calls.length} sent to instance #${target.index}, ${this.cutOff} cut off between claim and answer by the kill`);
  }

  /** Replays every call against the surviving instances until answered, then ends each call with Retell's webhook. */
  async settle(): Promise<BurstOutcome> {
    if (this.firstTries.length === 0) return { calls: [], cutOff: 0 };
    await Promise.all(this.firstTries);
    const survivors = this.infra.instances.filter((i) => i.alive);
    if (survivors.length === 0) throw new Error('no instance survived to replay the function calls');
    await Promise.all(
      this.calls.map(async (call, n) => {
        // Every call is retried at least once; a lost or failed one until it is answered or Retell would give up.
        for (let tried = call.tries.length; tried < TRIES && (tried < 2 || call.answer === null); tried++) {
          await sleep(200);
          await this.send(call, survivors[(n + tried) % survivors.length]!);
        }
      }),
    );
    for (const call of this.calls) {
      const answer = call.answer;
      if (answer?.booked === true && typeof answer.appointment_id === 'string' && typeof answer.staff_id === 'string') {
        call.told.push({
          kind: 'booked',
          appointmentId: answer.appointment_id,
          start: typeof answer.start === 'string' ? answer.start : call.start,
          staffId: answer.staff_id,
        });
      }
    }
    await Promise.all(this.calls.map((call, n) => endCall(survivors[n % survivors.length]!, call.callId, n)));
    const replays = this.calls.reduce((sum, c) => sum + c.tries.length - 1, 0);
    this.log(`function calls: ${replays} replays, ${this.calls.filter((c) => c.answer?.booked === true).length} booked`);
    return { calls: this.calls.map(({ body: _body, ...record }) => record), cutOff: this.cutOff };
  }

  private async send(call: PendingCall, instance: ServerInstance): Promise<void> {
    const body = call.body;
    const started = Date.now();
    let entry: FunctionTry;
    try {
      const res = await fetch(`${instance.url}/retell/functions/book_appointment`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'x-retell-signature': signRetellBody(body, INSTANCE_RETELL_KEY, Date.now()) },
        signal: AbortSignal.timeout(TRY_TIMEOUT_MS),
      });
      const answer = (await res.json().catch(() => null)) as Record<string, unknown> | null;
      entry = { instance: instance.index, status: res.status, ms: Date.now() - started, answer };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      entry = { instance: instance.index, status: timedOut ? 'timeout' : 'lost', ms: Date.now() - started, answer: null };
    }
    call.tries.push(entry);
    if (entry.status === 200 && call.answer === null) call.answer = entry.answer;
  }
}

function envelope(callId: string, n: number, args: Record<string, unknown>) {
  return { name: 'book_appointment', call: callOf(callId, n), args };
}

const phoneOf = (n: number) => `+4915900000${String(n).padStart(2, '0')}`;

function callOf(callId: string, n: number) {
  return { call_id: callId, from_number: phoneOf(n), to_number: demoSalon.phoneNumbers[0], agent_id: 'agent_soak_functions', call_type: 'phone_call' };
}

/** Retell's `call_ended` for a function-call agent's call: the call gets its final status. */
async function endCall(instance: ServerInstance, callId: string, n: number): Promise<void> {
  const now = Date.now();
  const body = JSON.stringify({
    event: 'call_ended',
    call: { ...callOf(callId, n), call_status: 'ended', start_timestamp: now - 60_000, end_timestamp: now, disconnection_reason: 'user_hangup' },
  });
  await fetch(`${instance.url}/retell/webhook`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-retell-signature': signRetellBody(body, INSTANCE_RETELL_KEY, now) },
    signal: AbortSignal.timeout(TRY_TIMEOUT_MS),
  }).catch(() => undefined);
}

/** A Thursday about five weeks out that is no Berlin holiday: inside the booking horizon, past the callers' days. */
function burstDay(): string {
  let day = DateTime.now().setZone(demoSalon.timeZone).plus({ weeks: 5 });
  while (day.weekday !== 4 || publicHolidayDates(demoSalon.holidayRegion!, day.year).has(day.toISODate()!)) day = day.plus({ days: 1 });
  return day.toISODate()!;
}
