import { createServer } from 'node:http';
import { createApp } from './app.js';
import { ConfigError, loadConfig, tracingEnabled } from './config.js';
import { exampleOperations } from './example-operations.js';
import { trackRequests } from './graceful-shutdown.js';
import { createLogger, logDestination } from './logger.js';
import { createMetrics } from './observability/metrics.js';
import { Simulator } from './simulator/simulator.js';
import { createUpstreamDispatcher } from './upstream/dispatcher.js';
import { createUpstreamSharing } from './upstream/shared-calls.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}

const logger = createLogger(config.LOG_LEVEL, await logDestination(config.LOG_FORMAT, process.stdout.isTTY === true));
let baseUrl = config.ECGRID_BASE_URL;
let simulator: Simulator | undefined;
let graphiqlHeaders: Record<string, string> = {};
let sample: { interchangeId?: number; globalId?: string } = {};

if (baseUrl === undefined) {
  simulator = await Simulator.start({ latencyMs: config.SIMULATOR_LATENCY_MS, maxRecordedCalls: 0 });
  baseUrl = simulator.url;
  const [demo] = simulator.mailboxes;
  if (demo) {
    graphiqlHeaders = { 'X-API-Key': demo.apiKey };
    const newest = simulator.list(demo.mailboxId, 'inbox')[0];
    if (newest) {
      sample = {
        interchangeId: Number(newest['interchangeId']),
        globalId: Buffer.from(`Interchange:${newest['interchangeId']}`).toString('base64'),
      };
    }
  }
  logger.info(
    {
      mode: 'simulator',
      ecgrid: baseUrl,
      demoApiKeys: simulator.mailboxes.map((m) => `${m.apiKey} = ${m.companyName} (mailbox ${m.mailboxId})`),
    },
    'ECGrid simulator mode: serving realistic demo data from the embedded simulator. ' +
      'Set ECGRID_BASE_URL=https://rest.ecgrid.io to use the real ECGrid API.',
  );
} else {
  logger.info({ mode: 'ecgrid', ecgrid: baseUrl }, `Using the ECGrid API at ${baseUrl}`);
}

// The SDK is loaded only when tracing is configured.
const tracing = tracingEnabled(config)
  ? (await import('./observability/tracing.js')).startTracing({ serviceName: config.OTEL_SERVICE_NAME })
  : undefined;
if (tracing) logger.info('OpenTelemetry tracing on: one span per operation and per ECGrid call, exported over OTLP');

const metrics = createMetrics({ processMetrics: true });
let stopping = false;

const dispatcher = createUpstreamDispatcher({
  connectTimeoutMs: config.ECGRID_CONNECT_TIMEOUT_MS,
  connections: config.ECGRID_CONNECTIONS,
});

const sharing = await createUpstreamSharing({
  coalesce: config.ECGRID_COALESCE,
  ttls: {
    stats: config.ECGRID_CACHE_TTL_STATS_MS,
    list: config.ECGRID_CACHE_TTL_LIST_MS,
    interchange: config.ECGRID_CACHE_TTL_INTERCHANGE_MS,
  },
  maxEntries: config.ECGRID_CACHE_MAX_ENTRIES,
  redisUrl: config.REDIS_URL,
  keySecret: config.ECGRID_CACHE_KEY_SECRET,
  onStoreError: (error) => logger.warn({ err: { message: error.message } }, 'cache store unavailable; serving from ECGrid'),
});

const app = createApp({
  logger,
  upstream: {
    baseUrl,
    dispatcher,
    serviceKey: config.ECGRID_API_KEY,
    attemptTimeoutMs: config.ECGRID_ATTEMPT_TIMEOUT_MS,
    deadlineMs: config.ECGRID_TIMEOUT_MS,
    retry: {
      maxRetries: config.ECGRID_MAX_RETRIES,
      baseDelayMs: config.ECGRID_RETRY_BASE_MS,
      retryAfterCapMs: config.ECGRID_RETRY_AFTER_CAP_MS,
    },
    breaker: { failures: config.ECGRID_BREAKER_FAILURES, cooldownMs: config.ECGRID_BREAKER_COOLDOWN_MS },
    sharing,
  },
  graphiql: config.GRAPHIQL ? { examples: exampleOperations(sample), headers: graphiqlHeaders } : false,
  maxBodyBytes: config.MAX_BODY_BYTES,
  jit: config.GRAPHQL_JIT,
  fastPath: config.GRAPHQL_FAST_PATH,
  limits: {
    maxDepth: config.MAX_DEPTH,
    maxAliases: config.MAX_ALIASES,
    maxTokens: config.MAX_TOKENS,
    maxDirectives: config.MAX_DIRECTIVES,
    maxUpstreamCalls: config.MAX_UPSTREAM_CALLS,
    introspection: config.INTROSPECTION,
    // With a service key, a browser's credential-less "simple" request would run on it: refuse those.
    csrfPrevention: config.ECGRID_API_KEY !== undefined,
  },
  metrics,
  tracer: tracing?.tracer,
  draining: () => stopping,
});

const server = createServer(app.listener);
const requests = trackRequests(server);
server.listen(config.PORT, config.HOST, () => {
  const shownHost = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  logger.info(
    `GraphQL at http://${shownHost}:${config.PORT}/graphql (GraphiQL in a browser); /health, /ready and /metrics beside it`,
  );
});

/**
 * SIGTERM/SIGINT: /ready turns 503, no new connections, in-flight requests finish (up to
 * SHUTDOWN_TIMEOUT_MS), then the upstream pools, simulator and tracing close. Exit 0 when every
 * request finished, 1 when some were cut off at the deadline.
 */
const stop = async (signal: string) => {
  // npm forwards the terminal's SIGINT that the server also got: a repeat is not a second request.
  if (stopping) return;
  stopping = true;
  logger.info({ signal, inFlight: requests.inFlight, deadlineMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutting down: draining in-flight requests');
  const drained = await requests.drain(config.SHUTDOWN_TIMEOUT_MS);
  if (drained.forced) logger.warn(drained, 'shutdown deadline passed: in-flight requests were cut off');
  const closing = Promise.allSettled([
    drained.forced ? dispatcher.destroy() : dispatcher.close(),
    simulator?.close(),
    tracing?.shutdown(),
    app.dispose(),
    sharing.close(),
  ]);
  const bound = new Promise((resolve) => setTimeout(resolve, 5_000).unref());
  await Promise.race([closing, bound]);
  logger.info({ drainMs: drained.ms, forced: drained.forced }, 'stopped');
  process.exit(drained.forced ? 1 : 0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
