/** Switchable misbehaviour of the simulator, for tests and demos of the error contract. */
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
