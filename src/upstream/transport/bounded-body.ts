/** Reads an answer's body as text, never holding more than a bound: a file download must not buffer whatever ECGrid sends. */
import type { Dispatcher } from 'undici';
import { EcgridTooLargeError } from '../errors.js';

type Body = Dispatcher.ResponseData['body'];

/** The body as UTF-8 text; with `maxBytes`, refused (and the connection's rest discarded) once it is longer. */
export async function bodyText(body: Body, contentLength: string | string[] | undefined, maxBytes: number | undefined, route: string): Promise<string> {
  if (maxBytes === undefined) return body.text();
  const tooLarge = () => new EcgridTooLargeError(`ECGrid's answer to ${route} is larger than the ${maxBytes} bytes this server reads for it`);
  const declared = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  if (Number.isFinite(declared) && declared > maxBytes) {
    body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early destroys the stream: nothing past the bound is read.
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
