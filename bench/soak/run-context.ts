import type { CallRecord } from './call-record.js';
import type { BurstOutcome } from './function-burst.js';

/** What the checks need to know about the run besides the database: the calls and the instance that was killed. */
export interface RunFacts {
  records: CallRecord[];
  killedInstance: number | null;
  /** Wall-clock ms of the kill. */
  killedAt: number | null;
  /** The function calls the kill struck amid, with every try; null without the instance fault. */
  functionBurst: BurstOutcome | null;
}

/**
 * Whether the call's session could have died with the killed instance: its last connection was to that
 * instance. Such a call's end (hold release, final status) was never run by any process that survived.
 */
export function lostWithKilledInstance(record: CallRecord, facts: RunFacts): boolean {
  return facts.killedInstance !== null && record.instances.at(-1) === facts.killedInstance;
}

/** Whether the call was connected to the killed instance at some point. */
export function touchedKilledInstance(record: CallRecord, facts: RunFacts): boolean {
  return facts.killedInstance !== null && record.instances.includes(facts.killedInstance);
}
