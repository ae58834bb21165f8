import { vitestConfig } from '@kwadrant/vitest-config';

// The first lint of a run loads every plugin and parser: allow for a busy machine.
export default vitestConfig({ test: { include: ['*.test.js'], testTimeout: 60_000 } });
