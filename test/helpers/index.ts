/** The helpers every test shares: the app before the simulator or a MockAgent, GraphQL over HTTP, settings, logs. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, type Dispatcher, MockAgent } from 'undici';
import { type App, createApp, type AppOptions, type UpstreamHooks } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/observability/logger.js';
import { Simulator, type SimulatorOptions } from '../../src/simulator/simulator.js';

/** Settings as config.ts gives them to `npm start` with no environment, with these changed. */
export type ConfigOverrides = { readonly [Name in keyof Config]?: Config[Name] };

export function testConfig(overrides: ConfigOverrides = {}): Config {
  return { ...loadConfig({}), ...overrides };
}

/** createApp's options other than the settings and what the helpers supply. */
export type AppExtras = Partial<Omit<AppOptions, 'config' | 'baseUrl' | 'dispatcher'>>;

/** The simulator's data is generated for the 120 days before this instant. */
export const ANCHOR = Date.parse('2026-11-15T00:00:00Z');

/** A clock the simulator and the app share; tests move it. */
export class TestClock {
  constructor(public ms: number = ANCHOR + 6 * 3_600_000) {}
  readonly now = () => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface GraphQLResponse {
  readonly status: number;
  readonly body: {
    data?: Record<string, any> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  };
  readonly headers: Headers;
}

const listening = new WeakMap<App, Promise<string>>();

/** The app as `npm start` serves it, its node:http listener on a loopback port (one per app, unref'd). */
export function urlOf(app: App): Promise<string> {
  let url = listening.get(app);
  if (url === undefined) {
    url = new Promise((resolve) => {
      const server = createServer(app.listener);
      server.keepAliveTimeout = 1_000;
      server.listen(0, '127.0.0.1', () => {
        server.unref();
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
      });
    });
    listening.set(app, url);
  }
  return url;
}

/** One GraphQL request over HTTP, through the app's listener: the fast path when it qualifies. */
export async function gql(
  app: App,
  query: string,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string>; operationName?: string } = {},
): Promise<GraphQLResponse> {
  const response = await fetch(await urlOf(app), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...options.headers },
    body: JSON.stringify({ query, variables: options.variables ?? {}, operationName: options.operationName }),
  });
  const text = await response.text();
  let body: GraphQLResponse['body'];
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`not JSON (${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, body, headers: response.headers };
}

export const ACME = { 'x-api-key': 'demo-key-acme' };
export const GLOBEX = { 'x-api-key': 'demo-key-globex' };
export const INITECH = { 'x-api-key': 'demo-key-initech' };

export interface Stack {
  readonly app: App;
  readonly simulator: Simulator;
  readonly clock: TestClock;
  readonly dispatcher: Dispatcher;
  close(): Promise<void>;
}

export interface StackOptions {
  readonly simulator?: SimulatorOptions;
  readonly config?: ConfigOverrides;
  readonly clock?: TestClock;
  /** The pool to the simulator; a real undici Agent when absent. */
  readonly dispatcher?: Dispatcher;
  readonly hooks?: UpstreamHooks;
  /** Other createApp options (logger, metrics, tracer, sharing, readiness inputs). */
  readonly app?: AppExtras;
}

/** The app in front of a real simulator on a loopback port, through a real undici Agent. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const clock = options.clock ?? new TestClock();
  const simulator = await Simulator.start({ anchor: new Date(ANCHOR), now: clock.now, ...options.simulator });
  const dispatcher = options.dispatcher ?? new Agent({ connections: 32 });
  const app = createApp({
    config: testConfig({ ECGRID_ATTEMPT_TIMEOUT_MS: 5_000, ECGRID_TIMEOUT_MS: 10_000, ...options.config }),
    baseUrl: simulator.url,
    dispatcher,
    logger: createLogger('silent'),
    now: clock.now,
    hooks: options.hooks,
    ...options.app,
  });
  return {
    app,
    simulator,
    clock,
    dispatcher,
    async close() {
      await dispatcher.close();
      await simulator.close();
    },
  };
}

/** Another app in front of a stack's simulator and pool, with other settings. */
export function appBefore(stack: Stack, options: { readonly config?: ConfigOverrides; readonly hooks?: UpstreamHooks; readonly app?: AppExtras } = {}): App {
  return createApp({
    config: testConfig({ ECGRID_ATTEMPT_TIMEOUT_MS: 5_000, ECGRID_TIMEOUT_MS: 10_000, ...options.config }),
    baseUrl: stack.simulator.url,
    dispatcher: stack.dispatcher,
    logger: createLogger('silent'),
    now: stack.clock.now,
    hooks: options.hooks,
    ...options.app,
  });
}

export const MOCK_ORIGIN = 'https://ecgrid.test';

export interface MockedUpstream {
  readonly app: App;
  readonly agent: MockAgent;
  readonly pool: ReturnType<MockAgent['get']>;
  /** Every request the app sent upstream. */
  readonly requests: { method: string; path: string; headers: Record<string, string>; body: unknown }[];
}

/** The app in front of an undici MockAgent: exact upstream answers, no network. */
export function mockUpstream(
  options: { readonly config?: ConfigOverrides; readonly hooks?: UpstreamHooks; readonly app?: AppExtras } = {},
): MockedUpstream {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(MOCK_ORIGIN);
  const requests: MockedUpstream['requests'] = [];
  const app = createApp({
    config: testConfig({ ECGRID_ATTEMPT_TIMEOUT_MS: 2_000, ECGRID_TIMEOUT_MS: 3_000, ...options.config }),
    baseUrl: MOCK_ORIGIN,
    dispatcher: agent,
    logger: createLogger('silent'),
    hooks: options.hooks,
    ...options.app,
  });
  return { app, agent, pool, requests };
}

/** Reply options that record the request into `requests` before answering. */
export function recorder(requests: MockedUpstream['requests'], status: number, body: unknown, headers: Record<string, string> = {}) {
  return (options: { method: string; path: string; headers?: unknown; body?: unknown }) => {
    requests.push({
      method: options.method,
      path: options.path,
      headers: normaliseHeaders(options.headers),
      body: typeof options.body === 'string' ? JSON.parse(options.body) : undefined,
    });
    return {
      statusCode: status,
      data: typeof body === 'string' ? body : JSON.stringify(body),
      responseOptions: { headers: { 'content-type': 'application/json', ...headers } },
    };
  };
}

function normaliseHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(headers)) {
    for (let i = 0; i < headers.length; i += 2) out[String(headers[i]).toLowerCase()] = String(headers[i + 1]);
  } else if (headers && typeof headers === 'object') {
    for (const [k, v] of Object.entries(headers as Record<string, unknown>)) out[k.toLowerCase()] = String(v);
  }
  return out;
}

export const row = (overrides: Record<string, unknown> = {}) => ({
  interchangeId: 9870001,
  parcelId: 5550001,
  sender: 'ACME_CORP',
  receiver: 'BUYER_INC',
  standard: 'X12',
  documentType: '850',
  status: 'Active',
  created: '2026-05-01T10:30:00Z',
  ...overrides,
});

/** A logger whose lines are kept in memory, parsed. */
export function captureLogs(level: 'trace' | 'debug' | 'info' | 'warn' = 'trace') {
  const chunks: string[] = [];
  const logger = createLogger(level, { write: (chunk: string) => void chunks.push(chunk) });
  return {
    logger,
    /** Everything written, as one string: for "never contains" checks. */
    text: () => chunks.join(''),
    lines: () => chunks.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, any>),
  };
}

/** A free loopback port (closed again before it is returned). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The app's /metrics, as a map from `name{labels}` to value. */
export async function scrapeMetrics(app: App): Promise<Map<string, number>> {
  return parseMetrics(await (await app.fetch('http://localhost/metrics')).text());
}

/** Prometheus text, as a map from `name{labels}` to value. */
export function parseMetrics(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

/** GET on the app's node:http listener, as a kubelet or a scraper would. */
export async function getPath(app: App, path: string): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(new URL(path, await urlOf(app)));
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

/** GET /ready, its body parsed. */
export async function getReady(app: App): Promise<{ status: number; ms: number; body: Record<string, any> }> {
  const { status, text, ms } = await getPath(app, '/ready');
  return { status, ms, body: JSON.parse(text) as Record<string, any> };
}
