import type { Directory } from '../booking/load-directory.js';
import { askWhichService, serviceNotOffered } from '../german/speak/refusals.js';
import type { ServiceResolution } from '../german/understand/index.js';
import type { Refusal } from './results.js';

/** The answer when the caller named no service we can pin down: the closest options, or what we offer. */
export function unknownService(resolution: Exclude<ServiceResolution, { kind: 'found' }>, directory: Directory): Refusal {
  if (resolution.kind === 'ambiguous') {
    const options = resolution.options.map((s) => s.name);
    return { ok: false, error: 'ambiguous_service', result: askWhichService(options), options };
  }
  return { ok: false, error: 'unknown_service', result: serviceNotOffered(directory), options: directory.services.map((s) => s.name) };
}
