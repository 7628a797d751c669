import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const defaultWebDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

const ConfigSchema = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  webDir: z.string().min(1).default(defaultWebDir),
  /** Path of a kubeconfig; without one ArgoVue uses its in-cluster service account. */
  kubeconfig: z
    .string()
    .min(1)
    .optional()
    .refine((p) => p === undefined || existsSync(p), { message: 'no file at this path' }),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Thrown when the environment does not describe a valid configuration; the message names each bad variable. */
export class ConfigError extends Error {}

const envNames: Record<keyof Config, string> = {
  host: 'ARGOVUE_HOST',
  port: 'ARGOVUE_PORT',
  webDir: 'ARGOVUE_WEB_DIR',
  kubeconfig: 'KUBECONFIG',
  logLevel: 'ARGOVUE_LOG_LEVEL',
};

/** Reads the configuration once at start, from the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const raw: Record<string, string> = {};
  for (const [key, name] of Object.entries(envNames)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = issue.path[0];
      const name = typeof key === 'string' && key in envNames ? envNames[key as keyof Config] : String(key);
      return `${name}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
