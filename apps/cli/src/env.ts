import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
  KWADRANT_DATA_DIR: z.string().min(1).optional(),
});

/** The command line's environment, validated once with a message naming a wrong variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env) {
  const result = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v)));
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid environment:\n${lines.join('\n')}`);
}
