import type { Queryable } from '../db/database.js';
import { definitionOfState, definitionToFile } from './definition-to-file.js';
import { loadBusinessState } from './load-business-state.js';
import { renderBusinessFile, type RenderOptions } from './render-business-file.js';

/**
 * The business with `slug` as a file (null when there is none): what applying that file to this database changes
 * is nothing. Closures and time off that have ended are left out; apply leaves them alone.
 */
export async function exportBusiness(db: Queryable, slug: string, now: Date, options: RenderOptions): Promise<string | null> {
  const state = await loadBusinessState(db, slug, now);
  if (!state) return null;
  return renderBusinessFile(definitionToFile(definitionOfState(state, now.getTime())), options);
}
