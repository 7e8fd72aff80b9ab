import { z } from 'zod';
import { DialogueState } from './state.js';

/**
 * What is saved of a call so another instance can take it over after a reconnect: the conversation's state, the
 * business it was routed to, and which instance runs it. `version` changes when the state's shape does; an older
 * snapshot then reads as unreadable and the call goes on safely from a fresh state.
 */
export const DialogueSnapshot = z.object({
  version: z.literal(1),
  /** The instance that runs the call; the only one that may finish it. */
  owner: z.string().min(1),
  businessId: z.string().min(1),
  /** false: the call opted out of sensitive data storage. */
  keepTranscript: z.boolean(),
  state: DialogueState,
});
export type DialogueSnapshot = z.infer<typeof DialogueSnapshot>;

/** The parts of a snapshot that can be trusted even when the rest cannot be read. */
const SnapshotHead = z.object({ owner: z.string().min(1).optional().catch(undefined), businessId: z.string().min(1).optional().catch(undefined) });

type ReadSnapshot =
  | { kind: 'readable'; snapshot: DialogueSnapshot }
  /** Written by an older version or damaged: who owned it and for which business, where that much can be read. */
  | { kind: 'unreadable'; owner: string | null; businessId: string | null };

/** Parses a saved snapshot; never throws. */
export function readSnapshot(saved: unknown): ReadSnapshot {
  const parsed = DialogueSnapshot.safeParse(saved);
  if (parsed.success) return { kind: 'readable', snapshot: parsed.data };
  const head = SnapshotHead.safeParse(saved);
  return { kind: 'unreadable', owner: head.success ? (head.data.owner ?? null) : null, businessId: head.success ? (head.data.businessId ?? null) : null };
}
