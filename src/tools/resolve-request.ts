import type { Directory } from '../booking/load-directory.js';
import { resolveService, resolveStaff } from './resolve-names.js';
import { resolveWhen, type When } from './resolve-when.js';
import { speakList, speakStaff } from '../german/speak/speak.js';
import { directoryOf, type ToolContext, type ToolResult } from './tool-context.js';
import { unknownService } from './unknown-service.js';

export interface ResolvedRequest {
  directory: Directory;
  service: Directory['services'][number];
  /** null: anyone who performs the service. */
  member: Directory['staff'][number] | null;
  when: When;
}

export const UNKNOWN_BUSINESS: ToolResult = { ok: false, error: 'unknown_business', result: 'Dieser Betrieb ist mir leider nicht bekannt.' };

/**
 * Turns the words of a request (service, staff member, day, time) into the business's records. What cannot be
 * resolved comes back as the tool's answer, in German, so the agent can ask the caller.
 */
export async function resolveRequest(ctx: ToolContext, args: { dienstleistung: string; mitarbeiter?: string | undefined; datum?: string | undefined; uhrzeit?: string | undefined }): Promise<ResolvedRequest | ToolResult> {
  const directory = await directoryOf(ctx);
  if (!directory) return UNKNOWN_BUSINESS;
  const service = resolveService(args.dienstleistung, directory);
  if (service.kind !== 'found') return unknownService(service, directory);
  const staff = resolveStaff(args.mitarbeiter, directory);
  if (staff.kind === 'unknown') {
    return { ok: false, error: 'unknown_staff', result: `Eine Person namens ${args.mitarbeiter} arbeitet bei uns nicht. Bei uns arbeiten ${speakList(directory.staff.map(speakStaff), 'und')}.` };
  }
  const when = resolveWhen(args.datum, args.uhrzeit, ctx.deps.clock.now(), directory.business.timeZone);
  if (when.kind === 'invalid') return { ok: false, error: 'invalid_date', result: when.message };
  return { directory, service: service.service, member: staff.kind === 'found' ? staff.member : null, when: when.when };
}

export function isAnswer(value: ResolvedRequest | ToolResult): value is ToolResult {
  return 'result' in value;
}
