import { defineConfig } from 'drizzle-kit';

// Only used to generate SQL migrations from src/db/schema.ts; every environment is built by running
// those migrations from code (never `drizzle-kit push`, which would drop the exclusion constraint).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
