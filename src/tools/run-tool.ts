import type { z } from 'zod';
import { bookAppointmentTool } from './book-appointment-tool.js';
import { cancelAppointmentTool } from './cancel-appointment-tool.js';
import { checkAvailability } from './check-availability.js';
import { rescheduleAppointmentTool } from './reschedule-appointment-tool.js';
import { BookAppointmentArgs, CancelAppointmentArgs, CheckAvailabilityArgs, RescheduleAppointmentArgs, TOOL_ARGS, type ToolName } from './schemas.js';
import { missingArguments } from '../german/speak/refusals.js';
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
      return withArgs(CheckAvailabilityArgs, rawArgs, (args) => checkAvailability(ctx, args));
    case 'book_appointment':
      return withArgs(BookAppointmentArgs, rawArgs, (args) => bookAppointmentTool(ctx, args));
    case 'cancel_appointment':
      return withArgs(CancelAppointmentArgs, rawArgs, (args) => cancelAppointmentTool(ctx, args));
    case 'reschedule_appointment':
      return withArgs(RescheduleAppointmentArgs, rawArgs, (args) => rescheduleAppointmentTool(ctx, args));
  }
}

async function withArgs<S extends z.ZodType, R extends ToolResult>(schema: S, raw: unknown, run: (args: z.infer<S>) => Promise<R>): Promise<R | Refusal> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return run(parsed.data);
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'args'))];
  return { ok: false, error: 'invalid_arguments', fields, result: missingArguments(fields) };
}
