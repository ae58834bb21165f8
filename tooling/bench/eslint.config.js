import { config } from '@kwadrant/eslint-config';

export default config('tooling');
