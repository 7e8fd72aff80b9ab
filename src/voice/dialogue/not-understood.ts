import { NOT_UNDERSTOOD_AGAIN, offerHelp } from '../../german/speak/lines-booking-flow.js';
import { TRANSFER } from '../../german/speak/lines.js';
import type { Draft } from './draft.js';

/**
 * A turn the agent could not use. The first gets a re-ask in words other than the last line; the second in a row
 * offers a colleague or a callback instead of a third try; after that a transfer (when there is a number to
 * transfer to) rather than going round in circles.
 */
export function notUnderstood(d: Draft, variants: readonly string[] = NOT_UNDERSTOOD_AGAIN): void {
  const memory = d.state.memory;
  d.confused = true;
  memory.confused += 1;
  const transferTo = d.directory.business.transferNumber;
  if (memory.confused === 2 && memory.pending === null) {
    memory.pending = { kind: 'help', staffId: null };
    return d.say(offerHelp(transferTo !== null, d.state.caller.phone !== null));
  }
  if (memory.confused >= 3 && transferTo) {
    memory.outcome = 'transferred';
    d.to({ phase: 'ended' });
    d.run({ operation: 'recordOutcome', request: 'transferred' }, null);
    return d.transfer(TRANSFER, transferTo);
  }
  const start = (memory.confused - 1) % variants.length;
  const line = [...variants.slice(start), ...variants.slice(0, start)].find((v) => v !== memory.lastLine) ?? variants[start] ?? NOT_UNDERSTOOD_AGAIN[0]!;
  d.say(line);
}
