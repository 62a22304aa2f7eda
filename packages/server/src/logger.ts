/** The logging surface the server uses; pino (Fastify's logger) and console-like loggers fit. */
export interface Logger {
  info(object: Record<string, unknown>, message?: string): void;
  warn(object: Record<string, unknown>, message?: string): void;
  error(object: Record<string, unknown>, message?: string): void;
}

/** Says nothing: the default for in-process servers (tests, the CLI's embedded mode). */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
