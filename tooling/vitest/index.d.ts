import type { UserConfig } from 'vitest/config';

/** The shared Vitest preset, merged with package-specific overrides. */
export function vitestConfig(overrides?: UserConfig): UserConfig;
