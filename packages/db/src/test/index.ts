export { createTestDb } from './test-db';
export { gridGeography } from './grid-geography';
