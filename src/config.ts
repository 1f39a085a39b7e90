/** The settings: the only reader of the environment, and the owner of every default. */
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const milliseconds = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

const cacheTtl = z.coerce.number().int().min(0).max(86_400_000).default(0);

/** Reference data (status lists, mailboxes, trading partners) changes rarely: cached for 5 minutes unless set. */
const REFERENCE_TTL_DEFAULT_MS = 300_000;

/** Exact browser origins, comma-separated, as `https://app.example.com[:port]`: no path, no wildcard. */
const originList = z.string().transform((value, context) => {
  const origins: string[] = [];
  for (const item of value.split(',').map((part) => part.trim()).filter((part) => part !== '')) {
    const origin = /^https?:\/\/[^/?#@*\s]+\/?$/i.test(item) && URL.canParse(item) ? new URL(item).origin : undefined;
    if (origin === undefined || origin === 'null') {
      context.addIssue({ code: 'custom', message: `"${item.slice(0, 80)}" is not an http(s) origin such as https://app.example.com (no path, no wildcard)` });
    } else origins.push(origin);
  }
  if (origins.length === 0) context.addIssue({ code: 'custom', message: 'lists no origin; leave it unset to refuse all cross-origin reads' });
  return origins;
});

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  ECGRID_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://rest.ecgrid.io' })
    .optional(),
  ECGRID_API_KEY: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** `auto`: human-readable when stdout is a terminal, JSON lines otherwise. */
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** Overall bound for one upstream call, retries included. */
  ECGRID_TIMEOUT_MS: milliseconds(10_000, 120_000),
  /** Bound of everything one GraphQL request waits for; what is answered by then is kept. */
  REQUEST_TIMEOUT_MS: milliseconds(15_000, 600_000),
  /** Bound for one attempt: time to response headers, and between body chunks. */
  ECGRID_ATTEMPT_TIMEOUT_MS: milliseconds(4_000, 120_000),
  ECGRID_CONNECT_TIMEOUT_MS: milliseconds(3_000, 60_000),
  /** Concurrent keep-alive connections to ECGrid per origin. */
  ECGRID_CONNECTIONS: z.coerce.number().int().min(1).max(1_024).default(64),
  /** Retries of a failed read (5xx, reset, timeout, short 429); 0 turns retries off. */
  ECGRID_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  ECGRID_RETRY_BASE_MS: milliseconds(100, 10_000),
  /** Ceiling of one backoff wait between retries. */
  ECGRID_RETRY_MAX_DELAY_MS: milliseconds(1_000, 60_000),
  /** A 429 whose Retry-After is longer than this fails fast with retryAfter instead of waiting. */
  ECGRID_RETRY_AFTER_CAP_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  /** Consecutive transient failures that open the circuit breaker. */
  ECGRID_BREAKER_FAILURES: z.coerce.number().int().min(1).max(1_000).default(5),
  ECGRID_BREAKER_COOLDOWN_MS: milliseconds(5_000, 600_000),
  /** Whether GET /ready also requires ECGrid (reachable, breaker not open); false keeps a fleet in service through an outage (docs/operations.md). */
  READINESS_REQUIRES_UPSTREAM: booleanFlag.default(false),
  GRAPHIQL: booleanFlag.default(true),
  /** Browser origins allowed to read answers cross-origin, with credentials (src/http/cors.ts); unset: none. */
  CORS_ORIGINS: originList.optional(),
  /** Run often-used queries as code compiled by graphql-jit; false: graphql-js's executor only. */
  GRAPHQL_JIT: booleanFlag.default(true),
  /** Answer plain JSON POSTs without yoga's HTTP layer (src/http/fast-path.ts); false: all through yoga. */
  GRAPHQL_FAST_PATH: booleanFlag.default(true),
  /** Off in production if you wish; field suggestions go with it. */
  INTROSPECTION: booleanFlag.default(true),
  MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(64 * 1024 * 1024).default(1024 * 1024),
  MAX_DEPTH: z.coerce.number().int().min(1).max(100).default(8),
  MAX_ALIASES: z.coerce.number().int().min(0).max(1_000).default(20),
  MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(1_500),
  MAX_DIRECTIVES: z.coerce.number().int().min(0).max(1_000).default(20),
  /** ECGrid calls one operation may cause: counted from its shape before it runs, and as calls are made. */
  MAX_UPSTREAM_CALLS: z.coerce.number().int().min(1).max(10_000).default(150),
  /** The largest parcel file passed on (Parcel.content, GET /parcels/{id}/content); larger ones get PAYLOAD_TOO_LARGE / 413. */
  MAX_CONTENT_BYTES: z.coerce.number().int().min(1).max(256 * 1024 * 1024).default(5 * 1024 * 1024),
  SIMULATOR_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  /** On SIGTERM/SIGINT: how long in-flight requests may take to finish before they are cut off. */
  SHUTDOWN_TIMEOUT_MS: milliseconds(10_000, 600_000),
  /** OpenTelemetry tracing is on when either endpoint is set (the standard OTEL_* variables). */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('ecgrid-graphql'),
  OTEL_SDK_DISABLED: booleanFlag.default(false),
  /** Identical upstream reads in flight at once for the same credential share one call. */
  ECGRID_COALESCE: booleanFlag.default(true),
  /** Optional TTL cache of upstream answers, per class of endpoint; 0 = not cached (the default, except reference data). */
  ECGRID_CACHE_TTL_STATS_MS: cacheTtl,
  ECGRID_CACHE_TTL_LIST_MS: cacheTtl,
  ECGRID_CACHE_TTL_INTERCHANGE_MS: cacheTtl,
  /** Unset until the transform below, so that the check there knows whether the operator set it. */
  ECGRID_CACHE_TTL_REFERENCE_MS: z.coerce.number().int().min(0).max(86_400_000).optional(),
  /** Bound of the in-process cache, in answers (LRU). */
  ECGRID_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(10_000_000).default(10_000),
  /** When set (and a TTL is set), the cache lives in Redis, shared by replicas. */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  /** Secret of the keyed credential hash in cache keys; replicas sharing Redis must agree on it. */
  ECGRID_CACHE_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
}).superRefine((config, context) => {
  // Only TTLs the operator set count: the reference default alone needs no secret, as without one
  // the cache stays in this process (createUpstreamSharing), so a config valid before stays valid.
  const { ECGRID_CACHE_TTL_STATS_MS, ECGRID_CACHE_TTL_LIST_MS, ECGRID_CACHE_TTL_INTERCHANGE_MS, ECGRID_CACHE_TTL_REFERENCE_MS } = config;
  const caching = [ECGRID_CACHE_TTL_STATS_MS, ECGRID_CACHE_TTL_LIST_MS, ECGRID_CACHE_TTL_INTERCHANGE_MS, ECGRID_CACHE_TTL_REFERENCE_MS ?? 0].some((ttl) => ttl > 0);
  if (caching && config.REDIS_URL !== undefined && config.ECGRID_CACHE_KEY_SECRET === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['ECGRID_CACHE_KEY_SECRET'],
      message: 'is required with REDIS_URL and a cache TTL, so that replicas sharing the cache compute the same keys',
    });
  }
}).transform((config) => ({ ...config, ECGRID_CACHE_TTL_REFERENCE_MS: config.ECGRID_CACHE_TTL_REFERENCE_MS ?? REFERENCE_TTL_DEFAULT_MS }));

export type Config = z.infer<typeof schema>;

/** The cache TTL of each class of ECGrid reads (an endpoint descriptor names its class). */
export function cacheTtls(config: Config) {
  return {
    stats: config.ECGRID_CACHE_TTL_STATS_MS,
    list: config.ECGRID_CACHE_TTL_LIST_MS,
    interchange: config.ECGRID_CACHE_TTL_INTERCHANGE_MS,
    reference: config.ECGRID_CACHE_TTL_REFERENCE_MS,
  };
}

export function tracingEnabled(config: Config): boolean {
  return !config.OTEL_SDK_DISABLED && (config.OTEL_EXPORTER_OTLP_ENDPOINT !== undefined || config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT !== undefined);
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Settings that may hold a credential (REDIS_URL a password): an error never shows their value. */
const SECRET_SETTINGS = new Set(['ECGRID_API_KEY', 'ECGRID_CACHE_KEY_SECRET', 'REDIS_URL']);

/** zod's words for what a setting must be, where they speak of its types ("expected number, received NaN"). */
const settingError: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && (issue.expected === 'number' || issue.expected === 'int')) return 'must be a whole number';
  if (issue.code === 'too_small' && issue.origin === 'number') return `must be at least ${issue.minimum}`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `must be at most ${issue.maximum}`;
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.join(', ')}`;
  return undefined;
};

/** Reads and validates the environment; the only place that does. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present, { error: settingError });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '');
      const given = issue.code === 'custom' || SECRET_SETTINGS.has(name) ? undefined : present[name];
      return `  ${issue.path.join('.')}: ${issue.message}${given === undefined ? '' : ` (given ${JSON.stringify(given.slice(0, 80))})`}`;
    });
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  return result.data;
}
