import { setTimeout as sleep } from 'node:timers/promises';
import type { CallRecord } from './call-record.js';
import { planBooking, type CallGoal, type Persona } from './caller-plan.js';
import { CallerMind } from './caller-mind.js';
import { noteTold } from './note-told.js';
import type { PersonaBook } from './persona-book.js';
import { LineError, PhoneLine, type InstancePool, type LineEvents } from './phone-line.js';
import type { Prng } from './prng.js';

/** The salon's number in the demo seed: calls to it are routed to Salon Haarmonie. */
const SALON_NUMBER = '+493012345670';
const MAX_TURNS = 16;
const UNSTARTED = 'the call ended before the caller got anywhere';

export interface CallSettings {
  callId: string;
  persona: Persona;
  goal: CallGoal;
  book: PersonaBook;
  pool: InstancePool;
  /** The instance the balancer sends the call to first. */
  instance: number;
  prng: Prng;
  thinkMs: [number, number];
  responseTimeoutMs: number;
  callTimeoutMs: number;
  events: LineEvents;
}

/** Places one call through the real protocol and returns what the caller experienced. Never rejects. */
export async function placeCall(settings: CallSettings): Promise<CallRecord> {
  const { persona, book, prng } = settings;
  // A caller with nothing left to cancel or move calls to book instead (their first call found nothing free).
  const goal: CallGoal = (settings.goal.kind === 'cancel' || settings.goal.kind === 'move') && book.size === 0 ? planBooking(prng) : settings.goal;
  const record: CallRecord = {
    callId: settings.callId,
    personaId: persona.id,
    phone: persona.phone,
    goal: goal.kind,
    instances: [],
    startedAt: Date.now(),
    endedAt: 0,
    outcome: 'gave_up',
    reason: UNSTARTED,
    failure: null,
    endedByAgent: false,
    turns: 0,
    told: [],
    conflicts: 0,
    restarts: 0,
    apologies: 0,
    lostAtBooking: [],
    echoes: 0,
    lateToolResults: 0,
    drops: [],
    timings: [],
    unplaced: [],
    violations: [],
    transcript: [],
  };
  const line = new PhoneLine(
    { callId: settings.callId, from: persona.phone, to: SALON_NUMBER, responseTimeoutMs: settings.responseTimeoutMs },
    settings.pool,
    settings.events,
  );
  const mind = new CallerMind(goal, persona, book, record);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void line.hangUp();
  }, settings.callTimeoutMs);

  try {
    await openOnAnyInstance(line, settings.pool, settings.instance);
    let next: string | null = mind.opening();
    let previous: { line: string; reply: string; acted: boolean } | null = null;
    while (next !== null) {
      if (record.turns >= MAX_TURNS) {
        if (record.outcome !== 'achieved') record.reason = `no end after ${MAX_TURNS} caller lines`;
        break;
      }
      await sleep(prng.int(settings.thinkMs[0], settings.thinkMs[1]));
      const said = next;
      const reply = await line.say(said);
      record.turns++;
      record.lateToolResults += reply.lateTools;
      if (previous && previous.acted && previous.line === said && previous.reply === reply.text && reply.tools.length === 0) {
        // The same words got the same answer, but this time no tool ran: the agent took them for Retell re-sending
        // a request it had already answered. A person would say it differently; so does the caller, and the echo
        // is counted.
        record.echoes++;
        next = rephrase(said);
      } else {
        next = mind.next(reply);
      }
      previous = { line: said, reply: reply.text, acted: reply.tools.length > 0 };
    }
    if (record.outcome === 'gave_up' && record.endedByAgent && record.reason === UNSTARTED)
      record.reason = 'the agent ended the call before the caller got anywhere';
  } catch (error) {
    record.outcome = 'failed';
    const kind = timedOut ? 'call_timeout' : error instanceof LineError ? error.kind : 'error';
    record.failure = { kind, at: Date.now() };
    record.reason = timedOut ? `no end within ${settings.callTimeoutMs / 1000} s` : error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
    await line.hangUp();
    for (const tool of line.unreadTools()) {
      record.lateToolResults++;
      noteTold(tool, record, book);
    }
    record.endedAt = Date.now();
    record.instances = [...line.instances];
    record.drops = [...line.drops];
    record.timings = [...line.timings];
    record.violations = line.violations;
    record.transcript = line.transcript.map((u) => ({ role: u.role, content: u.content }));
  }
  return record;
}

/** The first connection: the balancer's choice, or the next running instance when that one does not answer. */
async function openOnAnyInstance(line: PhoneLine, pool: InstancePool, preferred: number): Promise<void> {
  let lastError: unknown;
  for (let k = 0; k < pool.size; k++) {
    const index = (preferred + k) % pool.size;
    if (!pool.isAlive(index)) continue;
    try {
      await line.open(index);
      return;
    } catch (error) {
      lastError = error;
      if (!(error instanceof LineError && error.kind === 'connect_failed')) throw error;
    }
  }
  throw lastError ?? new LineError('connect_failed', 'no instance is running');
}

/** The same answer in other words. */
function rephrase(line: string): string {
  return /bitte$/.test(line) ? `ja, ${line}` : `${line} bitte`;
}
