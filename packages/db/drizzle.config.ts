import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; one history serves PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
  casing: 'snake_case',
  strict: true,
});
