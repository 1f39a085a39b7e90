/** The pino logger: JSON lines or pretty output, with credential fields redacted. */
import { pino, type Logger, type LevelWithSilent } from 'pino';

/** Header and field names whose values are credentials: never written to logs. */
export const REDACTED_PATHS = [
  'req.headers["x-api-key"]',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers["x-api-key"]',
  'headers.authorization',
  'apiKey',
  'credential',
  '*.apiKey',
  '*.credential',
];

export type LogFormat = 'json' | 'pretty' | 'auto';

/**
 * Logs to `destination`, by default stdout written synchronously: pino's default asynchronous
 * stdout flushes at exit with a loop that never ends once the reader of the pipe has gone
 * (sonic-boom 4.2 retries EPIPE forever), so a server piped into `head` could not shut down.
 * One synchronous write per request is a small cost next to a GraphQL request.
 */
export function createLogger(level: LevelWithSilent, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ecgrid-graphql' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * Where log lines go: JSON lines on stdout (what log collectors read), or pino-pretty's
 * human-readable lines when LOG_FORMAT is `pretty`, or `auto` and stdout is a terminal.
 */
export async function logDestination(format: LogFormat, isTTY: boolean): Promise<pino.DestinationStream | undefined> {
  if (format === 'json' || (format === 'auto' && !isTTY)) return undefined;
  const { default: pretty } = await import('pino-pretty');
  return pretty({ colorize: isTTY, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' });
}

export type { Logger };
