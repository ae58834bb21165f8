import { vitestConfig } from '@kwadrant/vitest-config';

// The whole suite runs on embedded PGlite, and again on PostgreSQL when DATABASE_URL is set.
const postgresUrl = process.env.DATABASE_URL;

export default vitestConfig({
  test: {
    // Builds the migrated and seeded PGlite templates once for the whole run.
    globalSetup: ['./src/test/global-setup.ts'],
    projects: [
      { extends: true, test: { name: 'pglite', env: { DATABASE_URL: '' } } },
      ...(postgresUrl
        ? [{ extends: true, test: { name: 'postgres', env: { DATABASE_URL: postgresUrl } } }]
        : []),
    ],
  },
});
