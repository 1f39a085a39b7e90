import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, type Dispatcher, MockAgent } from 'undici';
import { type App, createApp, type AppOptions } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import { Simulator, type SimulatorOptions } from '../src/simulator/simulator.js';

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

type UpstreamOverrides = Partial<AppOptions['upstream']>;

/** The app in front of a real simulator on a loopback port, through a real undici Agent. */
export async function startStack(
  options: {
    simulator?: SimulatorOptions;
    upstream?: UpstreamOverrides;
    clock?: TestClock;
    /** Other createApp options (logger, metrics, tracer, readiness inputs). */
    app?: Partial<Omit<AppOptions, 'upstream'>>;
  } = {},
): Promise<Stack> {
  const clock = options.clock ?? new TestClock();
  const simulator = await Simulator.start({ anchor: new Date(ANCHOR), now: clock.now, ...options.simulator });
  const dispatcher = new Agent({ connections: 32 });
  const app = createApp({
    logger: createLogger('silent'),
    now: clock.now,
    upstream: {
      baseUrl: simulator.url,
      dispatcher,
      attemptTimeoutMs: 5_000,
      deadlineMs: 10_000,
      ...options.upstream,
    },
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

export const MOCK_ORIGIN = 'https://ecgrid.test';

export interface MockedUpstream {
  readonly app: App;
  readonly agent: MockAgent;
  readonly pool: ReturnType<MockAgent['get']>;
  /** Every request the app sent upstream. */
  readonly requests: { method: string; path: string; headers: Record<string, string>; body: unknown }[];
}

/** The app in front of an undici MockAgent: exact upstream answers, no network. */
export function mockUpstream(upstream: UpstreamOverrides = {}, appOptions: Partial<Omit<AppOptions, 'upstream'>> = {}): MockedUpstream {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get(MOCK_ORIGIN);
  const requests: MockedUpstream['requests'] = [];
  const app = createApp({
    logger: createLogger('silent'),
    upstream: {
      baseUrl: MOCK_ORIGIN,
      dispatcher: agent,
      attemptTimeoutMs: 2_000,
      deadlineMs: 3_000,
      ...upstream,
      onCall: upstream.onCall,
    },
    ...appOptions,
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
