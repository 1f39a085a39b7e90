/**
 * Response compression around the node:http listener: br or gzip, as Accept-Encoding allows, for
 * answers of a text or JSON type of at least COMPRESS_MIN_BYTES. Streams and small answers go out as they are.
 */
import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { MIN_CACHED_BYTES, StaticPageCache } from './static-page-cache.js';

/** Below this, compressing saves less than it costs. */
export const COMPRESS_MIN_BYTES = 1_024;

export type Encoding = 'br' | 'gzip';

// text/* but Server-Sent Events, and JSON, XML or JavaScript (GraphQL's response type among them).
const COMPRESSIBLE = /^(?:text\/(?!event-stream)[\w.+-]+|application\/(?:[\w.-]+\+)?(?:json|xml|javascript))\s*(?:;|$)/i;

/**
 * The encoding to answer in: br or gzip by the client's q-values (br on a tie; `*` stands for
 * either when not named), or undefined when neither is acceptable.
 */
export function chooseEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  let br: number | undefined;
  let gz: number | undefined;
  let any: number | undefined;
  for (const item of header.split(',')) {
    const [coding = '', ...params] = item.split(';');
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=');
      if (name?.trim().toLowerCase() === 'q') q = Number(value) || 0;
    }
    const name = coding.trim().toLowerCase();
    if (name === 'br') br = q;
    else if (name === 'gzip' || name === 'x-gzip') gz = q;
    else if (name === '*') any = q;
  }
  const brQ = br ?? any ?? 0;
  const gzQ = gz ?? any ?? 0;
  if (brQ <= 0 && gzQ <= 0) return undefined;
  return brQ >= gzQ ? 'br' : 'gzip';
}

/**
 * In zlib's thread pool, off the event loop. Brotli at quality 5, not its default 11, which takes
 * seconds a megabyte: higher qualities (and gzip levels above its default) save only a few percent more.
 */
export function compress(body: Buffer, encoding: Encoding): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, result: Buffer) => (error ? reject(error) : resolve(result));
    if (encoding === 'gzip') gzip(body, done);
    else brotliCompress(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }, done);
  });
}

/** The listener with compression for clients that accept it; others (and HEAD) reach it untouched. */
export function compressResponses(listener: RequestListener, minBytes = COMPRESS_MIN_BYTES): RequestListener {
  const pages = new StaticPageCache();
  return (req, res) => {
    const encoding = req.method === 'HEAD' ? undefined : chooseEncoding(req.headers['accept-encoding']);
    if (encoding !== undefined) intercept(req, res, { encoding, minBytes, pages });
    listener(req, res);
  };
}

interface Plan {
  readonly encoding: Encoding;
  readonly minBytes: number;
  readonly pages: StaticPageCache;
}

type Callback = (error?: Error | null) => void;
type Head = (statusCode: number, ...rest: unknown[]) => ServerResponse;
type Write = (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;
type End = (chunk?: unknown, encoding?: unknown, callback?: unknown) => ServerResponse;
type Patchable = Omit<ServerResponse, 'writeHead' | 'write' | 'end'> & { writeHead: Head; write: Write; end: End };

/**
 * Holds back the head of `res` until its type (and, when known, its length) shows whether to
 * compress: then either lets everything through as it comes, or keeps the body until its end,
 * compresses it and sends it with Content-Encoding, Content-Length and Vary.
 */
function intercept(req: IncomingMessage, res: ServerResponse, plan: Plan): void {
  const response = res as unknown as Patchable;
  const { writeHead, write, end } = response;
  const chunks: Buffer[] = [];
  let state: 'head' | 'body' | 'through' = 'head';
  const restore = () => {
    response.writeHead = writeHead;
    response.write = write;
    response.end = end;
  };

  /** Applies what writeHead was given; true when the answer is to be compressed. */
  const decide = (statusCode: number, rest: unknown[]): boolean => {
    res.statusCode = statusCode;
    if (typeof rest[0] === 'string') res.statusMessage = rest[0];
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null) as OutgoingHttpHeaders | unknown[] | undefined;
    if (Array.isArray(headers)) return false;
    if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    return wanted(res, plan.minBytes);
  };
  const through = (rest: unknown[] = []) => {
    state = 'through';
    restore();
    writeHead.call(res, res.statusCode, ...(Array.isArray(rest.at(-1)) ? rest : []));
  };

  response.writeHead = (statusCode, ...rest) => {
    if (decide(statusCode, rest)) {
      state = 'body';
      appendVary(res);
    } else through(rest);
    return res;
  };
  response.write = (chunk, encoding, callback) => {
    if (state === 'head') response.writeHead(res.statusCode);
    if (state === 'through') return write.call(res, chunk, encoding, callback);
    chunks.push(toBuffer(chunk, encoding));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done as Callback);
    return true;
  };
  response.end = (chunk, encoding, callback) => {
    if (typeof chunk === 'function') [chunk, callback] = [undefined, chunk];
    else if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
    if (state === 'head') response.writeHead(res.statusCode);
    if (state === 'through') return end.call(res, chunk, encoding, callback);
    if (chunk != null) chunks.push(toBuffer(chunk, encoding));
    restore();
    const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    const send = (bytes: Buffer, encoded: boolean) => {
      if (encoded) res.setHeader('content-encoding', plan.encoding);
      res.setHeader('content-length', bytes.length);
      writeHead.call(res, res.statusCode);
      end.call(res, bytes, callback);
    };
    if (body.length < plan.minBytes) send(body, false);
    else {
      // A large page to a GET (GraphiQL's): the same for every visitor, so compressed once.
      const page = req.method === 'GET' && body.length >= MIN_CACHED_BYTES && /^text\/html/i.test(String(res.getHeader('content-type')));
      (page ? plan.pages.encoded(body, plan.encoding, () => compress(body, plan.encoding)) : compress(body, plan.encoding)).then(
        (bytes) => send(bytes, true),
        () => send(body, false),
      );
    }
    return res;
  };
}

/** Whether an answer with these headers is one to compress. */
function wanted(res: ServerResponse, minBytes: number): boolean {
  const status = res.statusCode;
  if (status < 200 || status === 204 || status === 206 || status === 304) return false;
  if (res.hasHeader('content-encoding') || res.hasHeader('transfer-encoding')) return false;
  if (/\bno-transform\b/i.test(String(res.getHeader('cache-control') ?? ''))) return false;
  const length = res.getHeader('content-length');
  if (length !== undefined && Number(length) < minBytes) return false;
  return COMPRESSIBLE.test(String(res.getHeader('content-type') ?? ''));
}

function appendVary(res: ServerResponse): void {
  const vary = res.getHeader('vary');
  const listed = Array.isArray(vary) ? vary.join(', ') : vary === undefined ? '' : String(vary);
  if (/(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i.test(listed)) return;
  res.setHeader('vary', listed === '' ? 'Accept-Encoding' : `${listed}, Accept-Encoding`);
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk));
}
