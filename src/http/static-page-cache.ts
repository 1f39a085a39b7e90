/**
 * Compressed copies of the few large pages that are the same for every visitor (the GraphiQL page:
 * megabytes, rendered from fixed options), so that each is compressed once per encoding, not per visit.
 */

/** Smaller pages are compressed on each request like any answer. */
export const MIN_CACHED_BYTES = 64 * 1024;
/** Pages kept: the GraphiQL page, and room for an options change without thrashing. */
const MAX_PAGES = 4;

interface Page {
  readonly body: Buffer;
  readonly encoded: Map<string, Promise<Buffer>>;
}

export class StaticPageCache {
  readonly #pages: Page[] = [];

  /**
   * `body` in `encoding`: made by `encode` the first time, then from the cache for an identical
   * body (found by comparing bytes: cheaper than hashing, and no collision to reason about).
   */
  encoded(body: Buffer, encoding: string, encode: () => Promise<Buffer>): Promise<Buffer> {
    let page = this.#pages.find((candidate) => candidate.body.length === body.length && candidate.body.equals(body));
    if (page === undefined) {
      page = { body, encoded: new Map() };
      this.#pages.unshift(page);
      this.#pages.length = Math.min(this.#pages.length, MAX_PAGES);
    }
    let bytes = page.encoded.get(encoding);
    if (bytes === undefined) {
      const { encoded } = page;
      bytes = encode();
      encoded.set(encoding, bytes);
      bytes.catch(() => encoded.delete(encoding));
    }
    return bytes;
  }
}
