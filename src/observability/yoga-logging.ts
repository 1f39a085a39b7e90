/** Yoga's own log calls, routed into pino: expected errors at debug, bugs at error. */
import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import { isExpectedError } from '../graphql/errors.js';
import type { Logger } from './logger.js';

/**
 * Yoga logs every error it masks or rewrites. Upstream and input errors are expected and already
 * answered with a code: they go to debug. Anything else is a bug: error, with its stack.
 */
export function yogaLogging(logger: Logger): YogaLogger {
  const log = logger.child({ component: 'yoga' });
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  return {
    debug: (...args) => log.debug(text(args)),
    info: (...args) => log.info(text(args)),
    warn: (...args) => log.warn(text(args)),
    error: (...args) => {
      for (const arg of args) {
        if (isExpectedError(arg)) {
          const original = arg instanceof GraphQLError ? arg.originalError : arg;
          log.debug({ error: (original as Error).name, code: (original as { code?: string }).code }, (original as Error).message);
        } else if (arg instanceof Error) {
          const original = arg instanceof GraphQLError && arg.originalError ? arg.originalError : arg;
          log.error({ err: original }, 'unexpected error while serving a request');
        } else {
          log.error(String(arg));
        }
      }
    },
  };
}
