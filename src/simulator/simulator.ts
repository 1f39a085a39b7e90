import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  arrivingInterchange,
  generateInterchanges,
  MAILBOXES,
  RESTRICTED_USERS,
  type SimInterchange,
  type SimMailbox,
} from './dataset.js';
import { type Fault, type FaultRule, FaultRules } from './faults.js';
import { Random } from './random.js';

export type SimDirection = 'inbox' | 'outbox';

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

export interface SimFilter {
  readonly mailboxId?: number | undefined;
  readonly ecGridIdFrom?: number | undefined;
  readonly ecGridIdTo?: number | undefined;
  readonly beginDate?: number | undefined;
  readonly endDate?: number | undefined;
}

export type ApiRow = Record<string, string | number>;

const MAX_BODY = 1024 * 1024;
const MAX_PAGE = 500;

type Caller =
  | { readonly kind: 'mailbox'; readonly mailbox: SimMailbox }
  | { readonly kind: 'restricted'; readonly mailboxId: number };

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

const envelopeError = (status: number, errorCode: string, message: string) =>
  new HttpAnswer(status, { success: false, data: null, errorCode, message });

/**
 * An in-process ECGrid REST API v2 look-alike: the documented endpoints, envelope, error codes
 * and validation, deterministic data for a few mailboxes, and switchable faults.
 */
export class Simulator {
  readonly faults = new FaultRules();
  readonly mailboxes: readonly SimMailbox[] = MAILBOXES;
  latencyMs: number;
  callCount = 0;
  #calls: RecordedCall[] = [];
  readonly #maxRecordedCalls: number;
  readonly #server: Server;
  readonly #now: () => number;
  readonly #random: Random;
  readonly #byId = new Map<number, SimInterchange>();
  /** Per mailbox and direction, newest first (created desc, interchangeId desc): the upstream order. */
  readonly #lists = new Map<string, SimInterchange[]>();
  #nextInterchangeId = 0;
  #nextParcelId = 0;
  #url = '';

  private constructor(options: SimulatorOptions) {
    this.#now = options.now ?? Date.now;
    this.latencyMs = options.latencyMs ?? 0;
    this.#maxRecordedCalls = options.maxRecordedCalls ?? 10_000;
    const seed = options.seed ?? 20_260_501;
    this.#random = new Random(seed ^ 0x5eed);
    const anchor = options.anchor?.getTime() ?? Math.floor(this.#now() / 3_600_000) * 3_600_000;
    const all = generateInterchanges({ seed, anchor, days: options.days ?? 120 });
    for (const mailbox of MAILBOXES) {
      this.#lists.set(key(mailbox.mailboxId, 'inbox'), []);
      this.#lists.set(key(mailbox.mailboxId, 'outbox'), []);
    }
    for (let i = all.length - 1; i >= 0; i -= 1) this.#index(all[i]!, 'append');
    const last = all[all.length - 1];
    this.#nextInterchangeId = (last?.interchangeId ?? 98_700_000) + 1;
    this.#nextParcelId = (last?.parcelId ?? 55_500_000) + 1;
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
    const mailbox = MAILBOXES.find((m) => m.mailboxId === mailboxId);
    if (!mailbox) throw new Error(`no simulated mailbox ${mailboxId}`);
    return mailbox;
  }

  /** Ground truth: the whole filtered list in upstream order, as ECGrid's rows. */
  list(mailboxId: number, direction: SimDirection, filter: SimFilter = {}): ApiRow[] {
    return this.#select(mailboxId, direction, filter).map((item) => row(item, direction));
  }

  /** New interchanges arriving now in a mailbox's inbox; returns them as inbox rows. */
  deliver(mailboxId: number, count: number): ApiRow[] {
    const mailbox = this.mailbox(mailboxId);
    const delivered: ApiRow[] = [];
    for (let i = 0; i < count; i += 1) {
      const item = arrivingInterchange(this.#random, mailbox, this.#nextInterchangeId, this.#nextParcelId, this.#now());
      this.#nextInterchangeId += this.#random.int(1, 3);
      this.#nextParcelId += 1;
      this.#index(item, 'prepend');
      delivered.push(row(item, 'inbox'));
    }
    return delivered;
  }

  stats(mailboxId: number): { sent: number; received: number; totalBytes: number; period: string } {
    const now = new Date(this.#now());
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const inPeriod = (items: SimInterchange[]) =>
      this.#slice(items, monthStart, now.getTime());
    const sent = inPeriod(this.#lists.get(key(mailboxId, 'outbox')) ?? []);
    const received = inPeriod(this.#lists.get(key(mailboxId, 'inbox')) ?? []);
    let totalBytes = 0;
    for (const item of sent) totalBytes += item.bytes;
    for (const item of received) totalBytes += item.bytes;
    return {
      sent: sent.length,
      received: received.length,
      totalBytes,
      period: `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`,
    };
  }

  #index(item: SimInterchange, where: 'append' | 'prepend'): void {
    this.#byId.set(item.interchangeId, item);
    const put = (mailboxId: number | undefined, direction: SimDirection) => {
      if (mailboxId === undefined) return;
      const list = this.#lists.get(key(mailboxId, direction));
      if (!list) return;
      if (where === 'append') list.push(item);
      else list.unshift(item);
    };
    put(item.toMailboxId, 'inbox');
    put(item.fromMailboxId, 'outbox');
  }

  #select(mailboxId: number, direction: SimDirection, filter: SimFilter): SimInterchange[] {
    const items = this.#lists.get(key(mailboxId, direction)) ?? [];
    const ranged = this.#slice(items, filter.beginDate, filter.endDate);
    const from = filter.ecGridIdFrom || undefined;
    const to = filter.ecGridIdTo || undefined;
    if (from === undefined && to === undefined) return ranged;
    return ranged.filter(
      (item) => (from === undefined || item.ecGridIdFrom === from) && (to === undefined || item.ecGridIdTo === to),
    );
  }

  /** Items with begin <= created <= end (both inclusive) from a newest-first list. */
  #slice(items: SimInterchange[], begin: number | undefined, end: number | undefined): SimInterchange[] {
    const first = end === undefined ? 0 : lowerBound(items, (item) => item.created <= end);
    const after = begin === undefined ? items.length : lowerBound(items, (item) => item.created < begin);
    return items.slice(first, Math.max(first, after));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const method = req.method ?? 'GET';
    const rawBody = await readBody(req);
    if (rawBody === undefined) {
      send(res, new HttpAnswer(413, { success: false, data: null, errorCode: 'InvalidParameter', message: 'Body too large' }));
      return;
    }
    if (url.pathname.startsWith('/__sim')) {
      send(res, this.#control(method, url.pathname, rawBody));
      return;
    }
    const caller = this.#authenticate(req);
    this.#record(req, method, url.pathname, rawBody, caller);

    const fault = this.faults.take(method, url.pathname);
    const latency = this.latencyMs + (fault?.kind === 'latency' ? fault.ms : 0);
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    if (fault && (await this.#applyFault(fault, req, res))) return;

    let answer: HttpAnswer;
    try {
      answer = this.#route(method, url.pathname, req, rawBody, caller);
    } catch {
      answer = envelopeError(500, 'InternalError', 'An unexpected error occurred');
    }
    if (fault?.kind === 'transform' && answer.status < 300) {
      answer = new HttpAnswer(answer.status, fault.transform(answer.body as Record<string, unknown>), answer.headers);
    }
    send(res, answer);
  }

  async #applyFault(fault: Fault, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    switch (fault.kind) {
      case 'status':
        send(
          res,
          new HttpAnswer(
            fault.status,
            fault.body ?? { success: false, data: null, errorCode: statusErrorCode(fault.status), message: `Simulated ${fault.status}` },
            fault.headers,
          ),
        );
        return true;
      case 'rateLimit':
        send(
          res,
          new HttpAnswer(
            429,
            { success: false, data: null, errorCode: 'RateLimitExceeded', message: 'Too many requests' },
            { 'retry-after': fault.retryAfter ?? '1' },
          ),
        );
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

  #authenticate(req: IncomingMessage): Caller | HttpAnswer {
    const apiKey = header(req, 'x-api-key');
    const authorization = header(req, 'authorization');
    if (apiKey !== undefined) {
      const mailbox = MAILBOXES.find((m) => m.apiKey === apiKey);
      if (mailbox) return { kind: 'mailbox', mailbox };
      const restricted = RESTRICTED_USERS.find((u) => u.apiKey === apiKey);
      if (restricted) return { kind: 'restricted', mailboxId: restricted.mailboxId };
      return envelopeError(401, 'InvalidAPIKey', 'The API key is missing or has been revoked');
    }
    if (authorization !== undefined) {
      const match = /^Bearer (.+)$/.exec(authorization);
      const mailbox = match ? MAILBOXES.find((m) => m.bearerToken === match[1]) : undefined;
      if (mailbox) return { kind: 'mailbox', mailbox };
      return envelopeError(401, 'InvalidSession', 'The session token is expired or malformed');
    }
    return envelopeError(401, 'InvalidAPIKey', 'The API key is missing or has been revoked');
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
      mailboxId: caller instanceof HttpAnswer ? undefined : caller.kind === 'mailbox' ? caller.mailbox.mailboxId : caller.mailboxId,
      at: this.#now(),
    });
    if (this.#calls.length > this.#maxRecordedCalls) this.#calls.splice(0, this.#calls.length - this.#maxRecordedCalls);
  }

  #route(method: string, path: string, req: IncomingMessage, rawBody: string, caller: Caller | HttpAnswer): HttpAnswer {
    if (method === 'GET' && path === '/v2/auth/version') {
      return new HttpAnswer(200, { success: true, data: { version: '2.6' } });
    }
    const known =
      path === '/v2/reports/mailbox-interchange-stats' ||
      path === '/v2/interchanges/inbox-list' ||
      path === '/v2/interchanges/outbox-list' ||
      path === '/v2/users/me' ||
      /^\/v2\/interchanges\/[^/]+$/.test(path);
    if (!known) return new HttpAnswer(404, undefined);
    if (caller instanceof HttpAnswer) return caller;
    if (caller.kind === 'restricted') {
      return envelopeError(403, 'AccessDenied', 'Your AuthLevel does not allow this operation');
    }
    const { mailbox } = caller;

    if (path === '/v2/reports/mailbox-interchange-stats') {
      if (method !== 'GET') return new HttpAnswer(405, undefined);
      return new HttpAnswer(200, { success: true, data: this.stats(mailbox.mailboxId), errorCode: '', message: '' });
    }
    if (path === '/v2/users/me') {
      return new HttpAnswer(200, {
        success: true,
        data: {
          userId: mailbox.mailboxId * 10,
          login: mailbox.code.toLowerCase(),
          email: `edi@${mailbox.code.toLowerCase().replace(/_/g, '-')}.example`,
          firstName: 'EDI',
          lastName: 'Team',
          networkId: mailbox.networkId,
          mailboxId: mailbox.mailboxId,
          authLevel: 'MailboxAdmin',
          status: 'Active',
          created: '2019-03-14T09:00:00Z',
        },
      });
    }
    if (path === '/v2/interchanges/inbox-list' || path === '/v2/interchanges/outbox-list') {
      if (method !== 'POST') return new HttpAnswer(405, undefined);
      return this.#listAnswer(mailbox, path.endsWith('inbox-list') ? 'inbox' : 'outbox', req, rawBody);
    }
    if (method !== 'GET') return new HttpAnswer(405, undefined);
    const idText = path.slice('/v2/interchanges/'.length);
    if (!/^\d{1,18}$/.test(idText)) {
      return envelopeError(400, 'InvalidParameter', `The value '${idText}' is not a valid interchange id`);
    }
    const item = this.#byId.get(Number(idText));
    if (item && item.toMailboxId === mailbox.mailboxId) {
      return new HttpAnswer(200, { success: true, data: row(item, 'inbox'), errorCode: null, message: null });
    }
    if (item && item.fromMailboxId === mailbox.mailboxId) {
      return new HttpAnswer(200, { success: true, data: row(item, 'outbox'), errorCode: null, message: null });
    }
    return envelopeError(404, 'ObjectNotFound', `Interchange ${idText} was not found`);
  }

  #listAnswer(mailbox: SimMailbox, direction: SimDirection, req: IncomingMessage, rawBody: string): HttpAnswer {
    const contentType = header(req, 'content-type') ?? '';
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType)) {
      return problem(415, 'Unsupported Media Type', rawBody);
    }
    let body: unknown;
    try {
      body = rawBody === '' ? {} : JSON.parse(rawBody);
    } catch {
      return problem(400, 'One or more validation errors occurred.', rawBody, { $: ['The JSON value could not be converted.'] });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return problem(400, 'One or more validation errors occurred.', rawBody, { $: ['A JSON object is required.'] });
    }
    const fields = body as Record<string, unknown>;
    // ASP.NET model binding: a wrong JSON type fails before the handler runs.
    const typeErrors: Record<string, string[]> = {};
    for (const name of ['mailboxId', 'ecGridIdFrom', 'ecGridIdTo', 'pageNo', 'recordsPerPage']) {
      const value = fields[name];
      if (value !== undefined && value !== null && !Number.isInteger(value)) {
        typeErrors[`$.${name}`] = [`The JSON value could not be converted to System.Int32.`];
      }
    }
    for (const name of ['beginDate', 'endDate']) {
      const value = fields[name];
      if (value !== undefined && value !== null && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
        typeErrors[`$.${name}`] = [`The JSON value could not be converted to System.DateTime.`];
      }
    }
    if (Object.keys(typeErrors).length > 0) {
      return problem(400, 'One or more validation errors occurred.', rawBody, typeErrors);
    }
    const int = (name: string) => (typeof fields[name] === 'number' ? (fields[name] as number) : undefined);
    const date = (name: string) => (typeof fields[name] === 'string' ? Date.parse(fields[name] as string) : undefined);
    const pageNo = int('pageNo') ?? 1;
    const recordsPerPage = int('recordsPerPage') ?? 100;
    if (pageNo < 1) return envelopeError(400, 'InvalidParameter', 'pageNo must be 1 or greater');
    if (recordsPerPage < 1 || recordsPerPage > MAX_PAGE) {
      return envelopeError(400, 'InvalidParameter', `recordsPerPage must be between 1 and ${MAX_PAGE}`);
    }
    const filter: SimFilter = {
      mailboxId: int('mailboxId'),
      ecGridIdFrom: int('ecGridIdFrom'),
      ecGridIdTo: int('ecGridIdTo'),
      beginDate: date('beginDate'),
      endDate: date('endDate'),
    };
    if (filter.mailboxId !== undefined && filter.mailboxId !== 0 && filter.mailboxId !== mailbox.mailboxId) {
      return envelopeError(403, 'AccessDenied', `You do not have access to mailbox ${filter.mailboxId}`);
    }
    if (filter.beginDate !== undefined && filter.endDate !== undefined && filter.beginDate > filter.endDate) {
      return envelopeError(400, 'InvalidParameter', 'beginDate must not be after endDate');
    }
    const items = this.#select(mailbox.mailboxId, direction, filter);
    const start = (pageNo - 1) * recordsPerPage;
    return new HttpAnswer(200, {
      success: true,
      data: {
        totalRecords: items.length,
        pageNo,
        recordsPerPage,
        interchanges: items.slice(start, start + recordsPerPage).map((item) => row(item, direction)),
      },
    });
  }

  #control(method: string, path: string, rawBody: string): HttpAnswer {
    let body: Record<string, unknown> = {};
    try {
      if (rawBody !== '') body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      return new HttpAnswer(400, { error: 'invalid JSON' });
    }
    if (path === '/__sim' && method === 'GET') {
      return new HttpAnswer(200, {
        mailboxes: MAILBOXES.map((m) => ({
          mailboxId: m.mailboxId,
          code: m.code,
          companyName: m.companyName,
          apiKey: m.apiKey,
          bearerToken: m.bearerToken,
          inbox: this.#lists.get(key(m.mailboxId, 'inbox'))?.length,
          outbox: this.#lists.get(key(m.mailboxId, 'outbox'))?.length,
        })),
        latencyMs: this.latencyMs,
        faults: this.faults.size,
        callCount: this.callCount,
      });
    }
    if (path === '/__sim/latency' && method === 'PUT' && typeof body['ms'] === 'number') {
      this.latencyMs = Math.max(0, body['ms']);
      return new HttpAnswer(200, { latencyMs: this.latencyMs });
    }
    if (path === '/__sim/faults' && method === 'POST' && typeof body['fault'] === 'object' && body['fault'] !== null) {
      const fault = body['fault'] as Fault;
      if (fault.kind === 'transform') return new HttpAnswer(400, { error: 'transform faults are in-process only' });
      this.faults.add({
        fault,
        ...(typeof body['path'] === 'string' ? { path: body['path'] } : {}),
        ...(typeof body['method'] === 'string' ? { method: body['method'] } : {}),
        ...(typeof body['times'] === 'number' ? { times: body['times'] } : {}),
      });
      return new HttpAnswer(201, { faults: this.faults.size });
    }
    if (path === '/__sim/faults' && method === 'DELETE') {
      this.faults.clear();
      return new HttpAnswer(200, { faults: 0 });
    }
    if (path === '/__sim/deliver' && method === 'POST' && typeof body['mailboxId'] === 'number') {
      const count = typeof body['count'] === 'number' ? body['count'] : 1;
      return new HttpAnswer(201, { delivered: this.deliver(body['mailboxId'], count) });
    }
    if (path === '/__sim/calls' && method === 'GET') {
      return new HttpAnswer(200, { callCount: this.callCount, calls: this.#calls.slice(-100) });
    }
    if (path === '/__sim/calls' && method === 'DELETE') {
      this.resetCalls();
      return new HttpAnswer(200, { callCount: 0 });
    }
    return new HttpAnswer(404, { error: 'unknown simulator control' });
  }
}

function key(mailboxId: number, direction: SimDirection): string {
  return `${mailboxId}:${direction}`;
}

/** First index whose item satisfies `pred`, for a predicate that is false then true along the list. */
function lowerBound<T>(items: readonly T[], pred: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function row(item: SimInterchange, direction: SimDirection): ApiRow {
  return {
    interchangeId: item.interchangeId,
    parcelId: item.parcelId,
    sender: item.sender,
    receiver: item.receiver,
    standard: item.standard,
    documentType: item.documentType,
    status: direction === 'inbox' ? item.inboxStatus : item.outboxStatus,
    created: new Date(item.created).toISOString().replace('.000Z', 'Z'),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function statusErrorCode(status: number): string {
  if (status === 401) return 'InvalidAPIKey';
  if (status === 403) return 'AccessDenied';
  if (status === 404) return 'ObjectNotFound';
  if (status === 429) return 'RateLimitExceeded';
  if (status >= 500) return 'InternalError';
  return 'InvalidParameter';
}

function problem(status: number, title: string, seed: string, errors?: Record<string, string[]>): HttpAnswer {
  const hash = createHash('sha256').update(`${status}${seed}`).digest('hex');
  return new HttpAnswer(
    status,
    {
      type: `https://tools.ietf.org/html/rfc9110#section-15.5.${status === 415 ? 16 : 1}`,
      title,
      status,
      ...(errors ? { errors } : {}),
      traceId: `00-${hash.slice(0, 32)}-${hash.slice(32, 48)}-00`,
    },
    { 'content-type': 'application/problem+json; charset=utf-8' },
  );
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, answer: HttpAnswer): void {
  if (answer.body === undefined) {
    res.writeHead(answer.status, { 'content-length': '0', ...answer.headers });
    res.end();
    return;
  }
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...answer.headers,
  });
  res.end(text);
}
