import type { Directory } from '../booking/load-directory.js';
import { explainWhenProblem, UNKNOWN_BUSINESS, unknownStaff } from '../german/speak/refusals.js';
import { resolveService, resolveStaff, resolveWhen, type When } from '../german/understand/index.js';
import type { Refusal } from './results.js';
import { directoryOf, type ToolContext } from './tool-context.js';
import { unknownService } from './unknown-service.js';

export interface ResolvedRequest {
  directory: Directory;
  service: Directory['services'][number];
  /** null: anyone who performs the service. */
  member: Directory['staff'][number] | null;
  when: When;
}

export const UNKNOWN_BUSINESS_REFUSAL: Refusal = { ok: false, error: 'unknown_business', result: UNKNOWN_BUSINESS };

/** Why `datum`/`uhrzeit` cannot be read, as the function's answer. */
export function invalidDate(message: string): Refusal {
  return { ok: false, error: 'invalid_date', result: message };
}

/**
 * Reads the words of a request (service, staff member, day, time) into the business's records. What cannot be
 * read comes back as the function's answer, in German, so the agent can ask the caller.
 */
export async function resolveRequest(
  ctx: ToolContext,
  args: { dienstleistung: string; mitarbeiter?: string | undefined; datum?: string | undefined; uhrzeit?: string | undefined },
): Promise<ResolvedRequest | Refusal> {
  const directory = await directoryOf(ctx);
  if (!directory) return UNKNOWN_BUSINESS_REFUSAL;
  const service = resolveService(args.dienstleistung, directory);
  if (service.kind !== 'found') return unknownService(service, directory);
  const staff = resolveStaff(args.mitarbeiter, directory);
  if (staff.kind === 'unknown') return { ok: false, error: 'unknown_staff', result: unknownStaff(args.mitarbeiter, directory) };
  const when = resolveWhen(args.datum, args.uhrzeit, ctx.deps.clock.now(), directory.business.timeZone);
  if (when.kind === 'invalid') return invalidDate(explainWhenProblem(when.problem));
  return { directory, service: service.service, member: staff.kind === 'found' ? staff.member : null, when: when.when };
}

export function isRefusal(value: ResolvedRequest | Refusal): value is Refusal {
  return 'ok' in value;
}
