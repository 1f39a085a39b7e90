/**
 * Start-up: reads the settings, starts the embedded simulator when ECGRID_BASE_URL is unset,
 * opens the port, and drains in-flight requests on SIGTERM/SIGINT.
 */
import { createServer } from 'node:http';
import { createApp } from './app.js';
import { cacheTtls, type Config, ConfigError, loadConfig, tracingEnabled } from './config.js';
import { exampleOperations, type GraphiQLPage } from './http/graphiql.js';
import { trackRequests } from './http/shutdown.js';
import { createLogger, logDestination } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { createUpstreamSharing } from './upstream/sharing/sharing.js';
import { createUpstreamDispatcher } from './upstream/transport/dispatcher.js';

const config: Config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
})();

const logger = createLogger(config.LOG_LEVEL, await logDestination(config.LOG_FORMAT, process.stdout.isTTY === true));

/** ECGrid, or the simulator (loaded only in that mode) and a GraphiQL page with its demo key. */
async function ecgrid(): Promise<{ baseUrl: string; graphiql: GraphiQLPage; close?: () => Promise<void> }> {
  if (config.ECGRID_BASE_URL !== undefined) {
    logger.info({ mode: 'ecgrid', ecgrid: config.ECGRID_BASE_URL }, `Using the ECGrid API at ${config.ECGRID_BASE_URL}`);
    return { baseUrl: config.ECGRID_BASE_URL, graphiql: { examples: exampleOperations() } };
  }
  const { Simulator } = await import('./simulator/simulator.js');
  const simulator = await Simulator.start({ latencyMs: config.SIMULATOR_LATENCY_MS, maxRecordedCalls: 0 });
  const [demo] = simulator.mailboxes;
  const newest = demo && simulator.list(demo.mailboxId, 'inbox')[0];
  const sample = newest
    ? {
        interchangeId: Number(newest['interchangeId']),
        globalId: Buffer.from(`Interchange:${newest['interchangeId']}`).toString('base64'),
        mailboxId: demo.mailboxId,
        parcelId: Number(newest['parcelId']),
      }
    : {};
  logger.info(
    {
      mode: 'simulator',
      ecgrid: simulator.url,
      demoApiKeys: simulator.mailboxes.map((m) => `${m.apiKey} = ${m.companyName} (mailbox ${m.mailboxId})`),
    },
    'ECGrid simulator mode: serving realistic demo data from the embedded simulator. ' +
      'Set ECGRID_BASE_URL=https://rest.ecgrid.io to use the real ECGrid API.',
  );
  return {
    baseUrl: simulator.url,
    graphiql: { examples: exampleOperations(sample), headers: demo ? { 'X-API-Key': demo.apiKey } : {} },
    close: () => simulator.close(),
  };
}

const upstream = await ecgrid();

// The SDK is loaded only when tracing is configured.
const tracing = tracingEnabled(config)
  ? (await import('./observability/tracing.js')).startTracing({ serviceName: config.OTEL_SERVICE_NAME })
  : undefined;
if (tracing) logger.info('OpenTelemetry tracing on: one span per operation and per ECGrid call, exported over OTLP');

let stopping = false;
const dispatcher = createUpstreamDispatcher({ connectTimeoutMs: config.ECGRID_CONNECT_TIMEOUT_MS, connections: config.ECGRID_CONNECTIONS });
const sharing = await createUpstreamSharing({
  coalesce: config.ECGRID_COALESCE,
  ttls: cacheTtls(config),
  maxEntries: config.ECGRID_CACHE_MAX_ENTRIES,
  redisUrl: config.REDIS_URL,
  keySecret: config.ECGRID_CACHE_KEY_SECRET,
  onStoreError: (error) => logger.warn({ err: { message: error.message } }, 'cache store unavailable; serving from ECGrid'),
});

const app = createApp({
  config,
  baseUrl: upstream.baseUrl,
  dispatcher,
  logger,
  sharing,
  graphiql: upstream.graphiql,
  metrics: createMetrics({ processMetrics: true }),
  tracer: tracing?.tracer,
  draining: () => stopping,
});

const server = createServer(app.listener);
const requests = trackRequests(server);
server.listen(config.PORT, config.HOST, () => {
  const shownHost = config.HOST === '0.0.0.0' ? 'localhost' : config.HOST;
  logger.info(`GraphQL at http://${shownHost}:${config.PORT}/graphql (GraphiQL in a browser); /health, /ready and /metrics beside it`);
});

/** What may be logged of an error: never its other properties, which may hold a request's data. */
const errorFields = (error: unknown) =>
  error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { type: typeof error };

// Set once started: a failure while starting still ends the process with Node's own report.
// A rejection nobody awaited is one request's bug, not the process's: logged, and serving goes on.
process.on('unhandledRejection', (reason) => {
  logger.error({ error: errorFields(reason) }, 'unhandled promise rejection (a bug); still serving');
});
// After an uncaught exception Node's state is unknown (a handler stopped half-way, a socket or
// stream may be wedged): no drain, which would run more code in that state. Log it and exit 1 at
// once; the supervisor (container runtime, systemd) starts a clean process.
process.on('uncaughtException', (error, origin) => {
  try {
    logger.fatal({ error: errorFields(error), origin }, 'uncaught exception; exiting');
  } finally {
    process.exit(1);
  }
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
    upstream.close?.(),
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
