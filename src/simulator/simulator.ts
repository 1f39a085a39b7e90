// The simulator's HTTP server: it records every call, applies faults and latency, and dispatches
// through the route table (routes/index.ts) or to the /__sim control API.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, type Caller, callerMailboxId } from './authenticate.js';
import { control } from './control.js';
import { applyFault, type FaultRule, FaultRules } from './faults.js';
import { envelopeError, header, HttpAnswer, readBody, send } from './http.js';
import type { SimMailbox } from './mailboxes.js';
import { SimReports } from './reports.js';
import { type RouteRequest, RouteTable } from './router.js';
import { ROUTES } from './routes/index.js';
import { type ApiRow, SimData, type SimDirection, type SimFilter } from './store.js';
import { SimulatorTruth } from './truth.js';

export type { ApiRow, SimDirection, SimFilter, SimParcelFilter } from './store.js';

export interface SimulatorOptions {
  readonly seed?: number;
  /** Traffic is generated for the `days` before this instant; defaults to the start of the current UTC hour. */
  readonly anchor?: Date;
  readonly days?: number;
  /** The simulator's clock (stats period, arrivals); defaults to Date.now. */
  readonly now?: () => number;
  /** Added to every answer. */
  readonly latencyMs?: number;
  readonly host?: string;
  readonly port?: number;
  /** How many requests `calls` keeps (oldest dropped first); `callCount` counts them all. */
  readonly maxRecordedCalls?: number;
}

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly apiKey: string | undefined;
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
  readonly requestId: string | undefined;
  /** W3C trace context, when the caller traces. */
  readonly traceparent: string | undefined;
  readonly body: unknown;
  readonly mailboxId: number | undefined;
  readonly at: number;
}

const ROUTE_TABLE = new RouteTable(ROUTES);

/**
 * An in-process ECGrid REST API v2 look-alike: the documented endpoints, envelope, error codes
 * and validation, deterministic data for a few mailboxes, and switchable faults.
 */
export class Simulator extends SimulatorTruth {
  readonly faults = new FaultRules();
  readonly mailboxes: readonly SimMailbox[];
  latencyMs: number;
  callCount = 0;
  #calls: RecordedCall[] = [];
  readonly #maxRecordedCalls: number;
  readonly #server: Server;
  readonly #now: () => number;
  readonly #data: SimData;
  #url = '';

  private constructor(options: SimulatorOptions) {
    const now = options.now ?? Date.now;
    super(
      new SimData({
        seed: options.seed ?? 20_260_501,
        anchor: options.anchor?.getTime() ?? Math.floor(now() / 3_600_000) * 3_600_000,
        days: options.days ?? 120,
        now,
      }),
    );
    this.#now = now;
    this.latencyMs = options.latencyMs ?? 0;
    this.#maxRecordedCalls = options.maxRecordedCalls ?? 10_000;
    this.#data = this.store;
    this.mailboxes = this.#data.mailboxes;
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    });
    this.#server.keepAliveTimeout = 30_000;
  }

  static async start(options: SimulatorOptions = {}): Promise<Simulator> {
    const simulator = new Simulator(options);
    await new Promise<void>((resolve, reject) => {
      simulator.#server.once('error', reject);
      simulator.#server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = simulator.#server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    simulator.#url = `http://${host}:${address.port}`;
    return simulator;
  }

  /** Origin to point the ECGrid client at, e.g. http://127.0.0.1:41234. */
  get url(): string {
    return this.#url;
  }

  get calls(): readonly RecordedCall[] {
    return this.#calls;
  }

  resetCalls(): void {
    this.#calls = [];
    this.callCount = 0;
  }

  injectFault(rule: FaultRule): void {
    this.faults.add(rule);
  }

  async close(): Promise<void> {
    this.faults.clear();
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  mailbox(mailboxId: number): SimMailbox {
    return this.#data.mailbox(mailboxId);
  }

  /** Ground truth: the whole filtered list in upstream order, as ECGrid's rows. */
  list(mailboxId: number, direction: SimDirection, filter: SimFilter = {}): ApiRow[] {
    return this.#data.list(mailboxId, direction, filter);
  }

  /** New interchanges arriving now in a mailbox's inbox; returns them as inbox rows. */
  deliver(mailboxId: number, count: number): ApiRow[] {
    return this.#data.deliver(mailboxId, count);
  }

  stats(mailboxId: number): { sent: number; received: number; totalBytes: number; period: string } {
    return this.#data.stats(mailboxId);
  }

  /** Ground truth of the report endpoints for a mailbox, as of now: what its routes answer (reports.ts). */
  reports(mailboxId: number): SimReports {
    return new SimReports(this.#data, mailboxId, this.#now());
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const rawBody = await readBody(req);
    if (rawBody === undefined) {
      send(res, envelopeError(413, 'InvalidParameter', 'Body too large'));
      return;
    }
    if (url.pathname.startsWith('/__sim')) {
      send(res, control(this, this.#data, method, url.pathname, rawBody));
      return;
    }
    const caller = authenticate(req);
    this.#record(req, method, url.pathname, rawBody, caller);

    const fault = this.faults.take(method, url.pathname);
    const latency = this.latencyMs + (fault?.kind === 'latency' ? fault.ms : 0);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    if (fault && applyFault(fault, req, res)) return;

    let answer: HttpAnswer;
    try {
      answer = this.#route(req, method, url, rawBody, caller);
    } catch {
      answer = envelopeError(500, 'InternalError', 'An unexpected error occurred');
    }
    if (fault?.kind === 'transform' && answer.status < 300) {
      answer = new HttpAnswer(answer.status, fault.transform(answer.body as Record<string, unknown>), answer.headers);
    }
    send(res, answer);
  }

  #record(req: IncomingMessage, method: string, path: string, rawBody: string, caller: Caller | HttpAnswer): void {
    this.callCount += 1;
    let body: unknown = rawBody === '' ? undefined : rawBody;
    try {
      if (rawBody !== '') body = JSON.parse(rawBody);
    } catch {
      // keep the raw text
    }
    this.#calls.push({
      method,
      path,
      apiKey: header(req, 'x-api-key'),
      authorization: header(req, 'authorization'),
      contentType: header(req, 'content-type'),
      requestId: header(req, 'x-request-id'),
      traceparent: header(req, 'traceparent'),
      body,
      mailboxId: callerMailboxId(caller),
      at: this.#now(),
    });
    if (this.#calls.length > this.#maxRecordedCalls) this.#calls.splice(0, this.#calls.length - this.#maxRecordedCalls);
  }

  /** ECGrid's order: unknown path 404 (no body), then 401 and 403 on authenticated paths, then 405, then the handler. */
  #route(req: IncomingMessage, method: string, url: URL, rawBody: string, caller: Caller | HttpAnswer): HttpAnswer {
    const match = ROUTE_TABLE.match(method, url.pathname);
    if (!match) return new HttpAnswer(404, undefined);
    const { route } = match;
    const request: RouteRequest = {
      method,
      path: url.pathname,
      params: match.params,
      query: url.searchParams,
      rawBody,
      header: (name) => header(req, name),
      data: this.#data,
    };
    if (route?.authenticated === false) return route.handle(request);
    if (match.authenticated) {
      if (caller instanceof HttpAnswer) return caller;
      if (caller.kind === 'restricted') return envelopeError(403, 'AccessDenied', 'Your AuthLevel does not allow this operation');
      if (route) return route.handle({ ...request, mailbox: caller.mailbox });
    }
    return new HttpAnswer(405, undefined);
  }
}
