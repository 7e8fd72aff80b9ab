import type { ReceptionCall } from './events.js';
import type { DialogueState } from './state.js';

/** What a decision asks the runner to do, as plain data, in order. */
export type Effect =
  /** Speak `text` in the current turn. */
  | { kind: 'say'; text: string }
  /**
   * Run a reception operation; its outcome comes back as an `answered` event. `filler` is said first (so the
   * caller never waits in silence), null when one was said already this turn. `seq` numbers the operation.
   */
  | { kind: 'run'; call: ReceptionCall; filler: string | null; seq: number }
  /** Say the goodbye and hang up once it is spoken; nothing may interrupt it (that would drop the hang-up). */
  | { kind: 'hang_up'; text: string }
  /** Say the line and hand the call to `number` once it is spoken. */
  | { kind: 'transfer'; text: string; number: string }
  /** Save the state where another instance can resume the call. */
  | { kind: 'save' };

/** A decision: the conversation's next state and what to do about it. */
export interface Decision {
  state: DialogueState;
  effects: Effect[];
}
