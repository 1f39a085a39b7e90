/** The request body limit (MAX_BODY_BYTES): 413 before or while reading. */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

const tooLarge = (maxBytes: number) =>
  createGraphQLError(`Request body is larger than ${maxBytes} bytes`, {
    extensions: { code: 'PAYLOAD_TOO_LARGE', http: { status: 413 } },
  });

/**
 * Refuses request bodies over `maxBytes` with 413: by Content-Length before reading, and by
 * counting for a body sent without one (chunked), so a client cannot stream an endless body.
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (Number(declared) > maxBytes) throw tooLarge(maxBytes);
        return;
      }
      if (!requestParser || request.body === null) return;
      const parse = requestParser;
      setRequestParser(async (incoming) => {
        const body = await readCapped(incoming, maxBytes);
        return parse(new Request(incoming.url, { method: incoming.method, headers: incoming.headers, body }));
      });
    },
  };
}

async function readCapped(request: Request, maxBytes: number): Promise<string> {
  const reader = request.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
