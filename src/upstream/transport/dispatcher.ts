/** The production connection pool to ECGrid (undici Agent). */
import { Agent, type Dispatcher } from 'undici';

export interface DispatcherSettings {
  readonly connectTimeoutMs: number;
  readonly connections: number;
}

/** The production dispatcher: keep-alive connection pools per ECGrid origin. */
export function createUpstreamDispatcher(settings: DispatcherSettings): Dispatcher {
  return new Agent({
    connect: { timeout: settings.connectTimeoutMs },
    connections: settings.connections,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    // A list page of 500 rows is well under 1 MiB; anything near this is not ECGrid talking.
    maxResponseSize: 32 * 1024 * 1024,
  });
}
