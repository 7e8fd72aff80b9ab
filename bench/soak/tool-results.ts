import { DateTime } from 'luxon';
import type { AgentReply } from './phone-line.js';

/** The demo salon's zone: the caller names times as a Berliner would. */
const ZONE = 'Europe/Berlin';

/** An offered slot as the tools describe it (`start` ISO, `staff_id`). */
export interface OfferedSlot {
  start: string;
  staff_id?: string;
}

/** The structured result of the last run of tool `name` in a reply, if it ran. */
export function lastResult(reply: AgentReply, name: string): Record<string, unknown> | null {
  return reply.tools.filter((t) => t.name === name).at(-1)?.result ?? null;
}

/** The alternatives a tool result offers, in the order the agent said them. */
export function alternativesOf(result: Record<string, unknown>): OfferedSlot[] {
  const raw = result.alternatives;
  if (!Array.isArray(raw)) return [];
  return raw.map(slotOf).filter((a): a is OfferedSlot => a !== null);
}

export function slotOf(raw: unknown): OfferedSlot | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { start, staff_id: staffId } = raw as { start?: unknown; staff_id?: unknown };
  if (typeof start !== 'string') return null;
  return typeof staffId === 'string' ? { start, staff_id: staffId } : { start };
}

/** "28.11. um 10 Uhr", "27.11. um 11:30 Uhr": a date read back the way speech-to-text writes it. */
export function spokenDate(iso: string): string {
  const at = DateTime.fromISO(iso, { zone: ZONE });
  return `${at.toFormat('d.M.')} um ${at.minute === 0 ? at.toFormat('H') : at.toFormat('H:mm')} Uhr`;
}
