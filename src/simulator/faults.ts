// Switchable misbehaviour of the simulator, for tests and demos of the error contract: the rules and the answers they give.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { envelopeError, errorEnvelope, HttpAnswer, send } from './http.js';

/** One way to misbehave, for the requests a rule matches. */
export type Fault =
  /** Answer with this status; the body defaults to the documented error envelope. */
  | { readonly kind: 'status'; readonly status: number; readonly body?: unknown; readonly headers?: Record<string, string> }
  /** 429 RateLimitExceeded with a Retry-After header (seconds or an HTTP date). */
  | { readonly kind: 'rateLimit'; readonly retryAfter?: string }
  /** A body that is not the envelope: HTML by default, or the given text. */
  | { readonly kind: 'malformed'; readonly status?: number; readonly body?: string; readonly contentType?: string }
  /** Destroy the connection without answering. */
  | { readonly kind: 'reset' }
  /** Never answer (until the simulator closes). */
  | { readonly kind: 'hang' }
  /** Answer normally after a delay. */
  | { readonly kind: 'latency'; readonly ms: number }
  /** Answer normally, but pass the JSON body through this function first (in-process only). */
  | { readonly kind: 'transform'; readonly transform: (body: Record<string, unknown>) => unknown };

export interface FaultRule {
  /** Request path prefix (e.g. `/v2/interchanges/inbox-list`), or a pattern; every path when omitted. */
  readonly path?: string | RegExp;
  readonly method?: string;
  /** How many matching requests it applies to; forever when omitted. */
  readonly times?: number;
  readonly fault: Fault;
}

interface ActiveRule {
  readonly rule: FaultRule;
  remaining: number;
}

export class FaultRules {
  #rules: ActiveRule[] = [];

  add(rule: FaultRule): void {
    this.#rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.#rules = [];
  }

  get size(): number {
    return this.#rules.length;
  }

  /** The fault for this request, if a rule matches; using it counts against the rule's `times`. */
  take(method: string, path: string): Fault | undefined {
    for (const active of this.#rules) {
      const { rule } = active;
      if (active.remaining <= 0) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.path !== undefined) {
        const matches = typeof rule.path === 'string' ? path.startsWith(rule.path) : rule.path.test(path);
        if (!matches) continue;
      }
      active.remaining -= 1;
      this.#rules = this.#rules.filter((r) => r.remaining > 0);
      return rule.fault;
    }
    return undefined;
  }
}

/** Answers the request as the fault says; false when the normal answer should still be sent (latency, transform). */
export function applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse): boolean {
  switch (fault.kind) {
    case 'status':
      send(res, new HttpAnswer(fault.status, fault.body ?? errorEnvelope(statusErrorCode(fault.status), `Simulated ${fault.status}`), fault.headers));
      return true;
    case 'rateLimit':
      send(res, envelopeError(429, 'RateLimitExceeded', 'Too many requests', { 'retry-after': fault.retryAfter ?? '1' }));
      return true;
    case 'malformed': {
      const body = fault.body ?? '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>';
      res.writeHead(fault.status ?? 200, { 'content-type': fault.contentType ?? 'text/html', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return true;
    }
    case 'reset':
      req.socket.destroy();
      return true;
    case 'hang':
      return true;
    case 'latency':
    case 'transform':
      return false;
  }
}

function statusErrorCode(status: number): string {
  if (status === 401) return 'InvalidAPIKey';
  if (status === 403) return 'AccessDenied';
  if (status === 404) return 'ObjectNotFound';
  if (status === 429) return 'RateLimitExceeded';
  if (status >= 500) return 'InternalError';
  return 'InvalidParameter';
}
