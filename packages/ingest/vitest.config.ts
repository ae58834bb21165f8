import { vitestConfig } from '@kwadrant/vitest-config';

export default vitestConfig();
