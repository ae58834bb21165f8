import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
      .optional(),
    KWADRANT_DATA_DIR: z.string().min(1).optional(),
    KWADRANT_SEED: z.enum(['demo', 'none']).default('demo'),
    KWADRANT_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    KWADRANT_CORS_ORIGINS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    KWADRANT_SECURE_COOKIES: flag.default(false),
    KWADRANT_SESSION_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 30)
      .default(8),
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    // Optional single sign-on: all four, or none.
    KWADRANT_OIDC_ISSUER: z.string().url().optional(),
    KWADRANT_OIDC_CLIENT_ID: z.string().min(1).optional(),
    KWADRANT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    KWADRANT_OIDC_REDIRECT_URI: z.string().url().optional(),
  })
  .refine(
    (e) =>
      [
        e.KWADRANT_OIDC_ISSUER,
        e.KWADRANT_OIDC_CLIENT_ID,
        e.KWADRANT_OIDC_CLIENT_SECRET,
        e.KWADRANT_OIDC_REDIRECT_URI,
      ].every((v) => v === undefined) ||
      [
        e.KWADRANT_OIDC_ISSUER,
        e.KWADRANT_OIDC_CLIENT_ID,
        e.KWADRANT_OIDC_CLIENT_SECRET,
        e.KWADRANT_OIDC_REDIRECT_URI,
      ].every((v) => v !== undefined),
    {
      message:
        'set all four KWADRANT_OIDC_* variables (issuer, client id, client secret, redirect URI) or none',
      path: ['KWADRANT_OIDC_ISSUER'],
    },
  );

export type Env = z.infer<typeof schema>;

/**
 * Reads and validates the environment once, at start-up. A wrong value stops the process with a
 * message naming the variable, its value and what is expected.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(
    Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    return `  ${name}=${JSON.stringify(source[name] ?? '')}: ${issue.message}`;
  });
  throw new Error(`Invalid environment for Kwadrant:\n${lines.join('\n')}`);
}
