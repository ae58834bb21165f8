import { vitestConfig } from '@kwadrant/vitest-config';

// The build script's helpers are tested beside them too.
export default vitestConfig({ test: { include: ['scripts/**/*.test.ts'] } });
