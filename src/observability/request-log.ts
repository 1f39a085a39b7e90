/** One log line per HTTP request, and the per-request scope that counts its ECGrid calls. */
import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { operationOf } from '../graphql/operation.js';
import type { Logger } from './logger.js';
import type { UpstreamCallEvent } from '../upstream/client.js';
import { requestSlot } from './request-slot.js';
import { addUpstreamWait, type UpstreamWait } from './server-overhead.js';

/**
 * What the log line of one HTTP request tells, and the union of its ECGrid calls' intervals for
 * its server overhead; filled in as the request goes through yoga.
 */
export interface RequestScope extends UpstreamWait {
  /** The caller's `X-Request-Id` when it is a sane token, else a new UUID; sent upstream and back. */
  readonly requestId: string;
  readonly started: number;
  readonly path: string;
  operation?: { readonly type: string; readonly name: string | undefined };
  upstreamCalls: number;
  upstreamFailures: number;
  upstreamMs: number;
  errorCodes?: string[];
}

const scopes = requestSlot<RequestScope>('ecgrid.requestScope');

/** The scope of a request seen by useRequestLog (yoga hands the same Request to the context factory). */
export function requestScopeOf(request: Request): RequestScope | undefined {
  return scopes.get(request);
}

export function recordUpstreamCall(scope: RequestScope, event: UpstreamCallEvent): void {
  // A call refused for want of a credential never left: not an upstream call.
  if (event.statusCode === undefined && event.error?.code === 'NO_CREDENTIAL') return;
  scope.upstreamCalls += 1;
  scope.upstreamMs += event.durationMs;
  const end = performance.now();
  addUpstreamWait(scope, end - event.durationMs, end);
  if (event.error !== undefined && event.error.code !== 'NOT_FOUND') scope.upstreamFailures += 1;
}

const REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;
const PROBES = new Set(['/health', '/ready', '/metrics']);
const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * The server's own time on a request until `now` (ms): its time so far minus the time during which
 * at least one of its ECGrid calls was in flight. Undefined for probes and scrapes, and for a
 * request useRequestLog did not see.
 */
export function serverOverheadMs(request: Request, now: number): number | undefined {
  const scope = scopes.get(request);
  if (scope === undefined || PROBES.has(scope.path)) return undefined;
  return Math.max(0, now - scope.started - scope.waitMs);
}

/**
 * One log line per HTTP request: method, path (never the query string, which may carry variables),
 * status, duration, the GraphQL operation, upstream calls and error codes. Probes and scrapes log
 * at debug. Headers are not logged at all, so no credential can reach the line.
 */
export function useRequestLog(logger: Logger): Plugin {
  const log = logger.child({ component: 'http' });
  return {
    onRequest({ request, url }) {
      const offered = request.headers.get('x-request-id');
      scopes.set(request, {
        requestId: offered !== null && REQUEST_ID.test(offered) ? offered : randomUUID(),
        started: performance.now(),
        path: url.pathname,
        upstreamCalls: 0,
        upstreamFailures: 0,
        upstreamMs: 0,
        waitMs: 0,
        waitStart: -Infinity,
        waitEnd: -Infinity,
        waitEarlier: undefined,
      });
    },
    onExecute({ args }) {
      const scope = scopes.get((args.contextValue as { request: Request }).request);
      const operation = operationOf(args.document, args.operationName);
      if (scope && operation) scope.operation = { type: operation.operation, name: operation.name?.value };
    },
    onResultProcess({ request, result }) {
      const scope = scopes.get(request);
      if (!scope || Array.isArray(result) || !('errors' in result) || !result.errors?.length) return;
      scope.errorCodes = [
        ...new Set(result.errors.map((error) => String((error as { extensions?: { code?: unknown } }).extensions?.code ?? 'unknown'))),
      ];
    },
    onResponse({ request, response }) {
      const scope = scopes.get(request);
      if (!scope) return;
      response.headers.set('x-request-id', scope.requestId);
      const { path } = scope;
      const level = PROBES.has(path) ? 'debug' : 'info';
      // The line is built only for a level that is written.
      if (!log.isLevelEnabled(level)) return;
      const responseTime = round(performance.now() - scope.started);
      const { operation } = scope;
      const line = {
        req: { id: scope.requestId, method: request.method, path },
        res: { statusCode: response.status },
        responseTime,
        ...(operation ? { operation: { type: operation.type, name: operation.name ?? null } } : {}),
        upstream: { calls: scope.upstreamCalls, failed: scope.upstreamFailures, ms: round(scope.upstreamMs) },
        ...(scope.errorCodes ? { errors: scope.errorCodes } : {}),
      };
      const what = operation ? `${operation.type} ${operation.name ?? '(anonymous)'}` : `${request.method} ${path}`;
      const message = `${what} ${response.status} ${Math.round(responseTime)}ms`;
      log[level](line, message);
    },
  };
}
