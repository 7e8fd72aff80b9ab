import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BusinessFile } from './business-file-schema.js';

/**
 * The JSON Schema of a business file, made from the same zod schema `business apply` parses with, so what an editor
 * completes is what apply accepts. Draft 7, which the YAML and JSON language servers of the common editors read.
 * Published as `schema/business.schema.json` (a test keeps that file equal to this).
 */
export function businessJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(BusinessFile, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
}

/** Where the published schema lives in the package, for the `$schema` reference an exported file carries. */
export const BUSINESS_SCHEMA_FILE = fileURLToPath(new URL('../../schema/business.schema.json', import.meta.url));
