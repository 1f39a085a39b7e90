// The simulator's HTTP vocabulary: answers, ECGrid's error envelope, ASP.NET's ProblemDetails and model
// binding of JSON bodies, and reading and writing node:http messages.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY = 1024 * 1024;

export class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** ECGrid's envelope for a failed call. */
export const errorEnvelope = (errorCode: string, message: string) => ({ success: false, data: null, errorCode, message });

export const envelopeError = (status: number, errorCode: string, message: string, headers?: Record<string, string>) =>
  new HttpAnswer(status, errorEnvelope(errorCode, message), headers);

/** ASP.NET's ProblemDetails; the trace id is derived from the request so that answers repeat. */
export function problem(status: number, title: string, seed: string, errors?: Record<string, string[]>): HttpAnswer {
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

/** The JSON fields a request body may carry, by the .NET type model binding converts them to. */
export interface JsonBodyModel {
  readonly int32?: readonly string[];
  readonly dateTime?: readonly string[];
}

/** A bound JSON body: its fields, read as the types model binding has checked. */
export class JsonBody {
  constructor(readonly fields: Readonly<Record<string, unknown>>) {}

  int(name: string): number | undefined {
    const value = this.fields[name];
    return typeof value === 'number' ? value : undefined;
  }

  /** Milliseconds since the epoch. */
  date(name: string): number | undefined {
    const value = this.fields[name];
    return typeof value === 'string' ? Date.parse(value) : undefined;
  }
}

/**
 * ASP.NET model binding of a JSON object body: a wrong media type (415), unparseable JSON or a
 * field of the wrong JSON type (400 ProblemDetails) fail before the endpoint's own validation runs.
 */
export function bindJsonBody(contentType: string | undefined, rawBody: string, model: JsonBodyModel): JsonBody | HttpAnswer {
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType ?? '')) {
    return problem(415, 'Unsupported Media Type', rawBody);
  }
  const invalid = (errors: Record<string, string[]>) => problem(400, 'One or more validation errors occurred.', rawBody, errors);
  let body: unknown;
  try {
    body = rawBody === '' ? {} : JSON.parse(rawBody);
  } catch {
    return invalid({ $: ['The JSON value could not be converted.'] });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return invalid({ $: ['A JSON object is required.'] });
  }
  const fields = body as Record<string, unknown>;
  const typeErrors: Record<string, string[]> = {};
  const check = (names: readonly string[] | undefined, type: string, valid: (value: unknown) => boolean) => {
    for (const name of names ?? []) {
      const value = fields[name];
      if (value !== undefined && value !== null && !valid(value)) {
        typeErrors[`$.${name}`] = [`The JSON value could not be converted to ${type}.`];
      }
    }
  };
  check(model.int32, 'System.Int32', Number.isInteger);
  check(model.dateTime, 'System.DateTime', (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)));
  if (Object.keys(typeErrors).length > 0) return invalid(typeErrors);
  return new JsonBody(fields);
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The request body as text, or undefined when it is over the limit. */
export async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function send(res: ServerResponse, answer: HttpAnswer): void {
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
