import { z } from 'zod';
import { findBusiness } from '../access/find-business.js';
import { loadDirectory } from '../booking/load-directory.js';
import type { Queryable } from '../db/database.js';
import { agentPrompt } from '../german/speak/agent-prompt.js';

/** A business's system prompt for a Retell-LLM agent, or why there is none; parsed where it crosses a process. */
export const AgentPromptResult = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('prompt'),
    businessSlug: z.string(),
    text: z.string(),
    /** No business was named and there are several: the first one was taken. */
    ambiguous: z.boolean(),
  }),
  z.object({ kind: z.literal('no_business'), asked: z.string().nullable() }),
]);
export type AgentPromptResult = z.infer<typeof AgentPromptResult>;

/** The German system prompt of a business (by id or slug; null: the only one), from its current records. */
export async function findAgentPrompt(db: Queryable, businessRef: string | null): Promise<AgentPromptResult> {
  const choice = await findBusiness(db, businessRef ?? undefined);
  const directory = choice.kind === 'found' ? await loadDirectory(db, choice.business.id) : null;
  if (choice.kind === 'not_found' || !directory) return { kind: 'no_business', asked: businessRef };
  return { kind: 'prompt', businessSlug: choice.business.slug, text: agentPrompt(directory), ambiguous: choice.ambiguous };
}
