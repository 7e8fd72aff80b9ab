import { fileURLToPath } from 'node:url';

/** Where the SQL migrations live, relative to this module so it works from any working directory. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
