export { createTestDb, TEST_GEOGRAPHY } from './test-db';
export type { TemplateKind } from './test-db';
export { gridGeography } from './grid-geography';
