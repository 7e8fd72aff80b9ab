import type { Directory } from '../../booking/load-directory.js';
import type { Decision, Effect } from './effects.js';
import type { ReceptionCall } from './events.js';
import type { DialogueState, Step } from './state.js';

/**
 * A decision being made: a private copy of the state that the steps change, and the effects they ask for. It
 * does no I/O and reads no clock; `decide` hands out what it built as a plain `Decision`.
 */
export class Draft {
  readonly state: DialogueState;
  private readonly effects: Effect[] = [];
  /** The turn could not be used (set by `notUnderstood`): the count of such turns in a row goes on. */
  confused = false;

  constructor(
    state: DialogueState,
    readonly directory: Directory,
    readonly now: Date,
  ) {
    this.state = structuredClone(state);
  }

  get step(): Step {
    return this.state.step;
  }

  /** Moves the conversation to `step`. */
  to(step: Step): void {
    this.state.step = step;
  }

  /** Says a line in this turn (and remembers it for "wie bitte?"). */
  say(text: string): void {
    if (!text) return;
    this.state.memory.saying.push(text);
    this.effects.push({ kind: 'say', text });
  }

  /** Says a line that is not an answer (a nudge on silence): "wie bitte?" repeats the answer before it. */
  remind(text: string): void {
    this.effects.push({ kind: 'say', text });
  }

  /** Asks the reception; the first operation of a turn is preceded by `filler`. */
  run(call: ReceptionCall, filler: string | null): void {
    const memory = this.state.memory;
    const say = filler !== null && !memory.fillerSaid;
    if (say) {
      memory.fillerSaid = true;
      memory.saying.push(filler);
    }
    memory.operations += 1;
    this.effects.push({ kind: 'run', call, filler: say ? filler : null, seq: memory.operations });
  }

  hangUp(text: string): void {
    this.state.memory.saying.push(text);
    this.effects.push({ kind: 'hang_up', text });
  }

  transfer(text: string, number: string): void {
    this.state.memory.saying.push(text);
    this.effects.push({ kind: 'transfer', text, number });
  }

  save(): void {
    this.effects.push({ kind: 'save' });
  }

  decision(): Decision {
    return { state: this.state, effects: this.effects };
  }
}
