import type { z } from 'zod';
import { bookAppointmentTool } from './book-appointment-tool.js';
import { cancelAppointmentTool } from './cancel-appointment-tool.js';
import { checkAvailability } from './check-availability.js';
import { rescheduleAppointmentTool } from './reschedule-appointment-tool.js';
import { BookAppointmentArgs, CancelAppointmentArgs, CheckAvailabilityArgs, RescheduleAppointmentArgs, TOOL_ARGS, type ToolName } from './schemas.js';
import { askForMissing, type FunctionPurpose } from '../german/speak/refusals.js';
import type { Refusal } from './results.js';
import type { ToolContext, ToolResult } from './tool-context.js';

export function isToolName(name: string): name is ToolName {
  return Object.hasOwn(TOOL_ARGS, name);
}

/**
 * Validates raw arguments against the tool's schema and runs it. Invalid arguments are an answer (with the
 * fields named), not an exception: the agent can ask the caller again.
 */
export async function runTool(ctx: ToolContext, name: ToolName, rawArgs: unknown): Promise<ToolResult> {
  switch (name) {
    case 'check_availability':
      return withArgs(CheckAvailabilityArgs, rawArgs, 'offer', (args) => checkAvailability(ctx, args));
    case 'book_appointment':
      return withArgs(BookAppointmentArgs, rawArgs, 'book', (args) => bookAppointmentTool(ctx, args));
    case 'cancel_appointment':
      return withArgs(CancelAppointmentArgs, rawArgs, 'cancel', (args) => cancelAppointmentTool(ctx, args));
    case 'reschedule_appointment':
      return withArgs(RescheduleAppointmentArgs, rawArgs, 'move', (args) => rescheduleAppointmentTool(ctx, args));
  }
}

async function withArgs<S extends z.ZodType, R extends ToolResult>(
  schema: S,
  raw: unknown,
  purpose: FunctionPurpose,
  run: (args: z.infer<S>) => Promise<R>,
): Promise<R | Refusal> {
  const parsed = schema.safeParse(withoutBlanks(raw ?? {}));
  if (parsed.success) return run(parsed.data);
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'args'))];
  return { ok: false, error: 'invalid_arguments', fields, result: askForMissing(purpose, fields) };
}

/**
 * An LLM fills an optional argument it has nothing for with "" (Retell's own LLM does): a blank value is no
 * value, so `mitarbeiter: ""` means anyone and `telefon: ""` the calling number, and a blank required one is missing.
 */
function withoutBlanks(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  return Object.fromEntries(Object.entries(raw).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')));
}
