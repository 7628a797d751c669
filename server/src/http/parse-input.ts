// A request body or query checked against its zod schema at the edge: typed data inside, or one
// INPUT_INVALID answer naming every problem.
import type { z } from 'zod';
import { HttpError } from './errors.ts';

/** `input` parsed by `schema`; every problem named, with how to send it right. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string, hint: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new HttpError(400, 'INPUT_INVALID', `Invalid ${what}: ${problems}.`, hint);
  }
  return parsed.data;
}
