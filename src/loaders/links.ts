/**
 * The per-request bound on data-dependent lookups (a page's parcels, their partners, manifests,
 * files), and the index of list rows that answer lookups by id before ECGrid is asked.
 */
import pLimit from 'p-limit';

/**
 * How many link lookups one request runs at once. A 100-row page can link 100 distinct parcels
 * and then their partners: at 32 they take about four round trips, not thirteen as at 8, while
 * half of the default pool (ECGRID_CONNECTIONS, 64) stays free for other requests and ECGrid sees
 * no burst of a hundred.
 */
export const LINK_LOOKUP_CONCURRENCY = 32;

export type Limit = <T>(run: () => Promise<T>) => Promise<T>;

/** One bound for the whole request, made on its first lookup: most requests make none. */
export function linkLimit(): Limit {
  let limiter: ReturnType<typeof pLimit> | undefined;
  return (run) => (limiter ??= pLimit(LINK_LOOKUP_CONCURRENCY))(run);
}

/**
 * The rows this request's lists fetched, and the lists still in flight. Rows are indexed by id on
 * the first lookup, not as they arrive: most requests look nothing up, and indexing (or priming a
 * DataLoader) for every row of every page costs time and memory per row (bench/README.md).
 */
export class RowsOfThisRequest<Row> {
  readonly #batches: (readonly Row[])[] = [];
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #byId = new Map<number, Row>();
  readonly #idOf: (row: Row) => unknown;
  #indexed = 0;

  constructor(idOf: (row: Row) => unknown) {
    this.#idOf = idOf;
  }

  /** Keeps the rows of a list call when it answers. */
  track<Answer>(call: Promise<Answer>, rowsOf: (answer: Answer) => readonly Row[]): Promise<Answer> {
    const kept = call.then((answer) => {
      this.#batches.push(rowsOf(answer));
      return answer;
    });
    this.#inFlight.add(kept);
    const forget = () => this.#inFlight.delete(kept);
    kept.then(forget, forget);
    return kept;
  }

  /** Resolves once every list call started so far has answered or failed. */
  async settled(): Promise<void> {
    if (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  rowById(id: number): Row | undefined {
    for (; this.#indexed < this.#batches.length; this.#indexed += 1) {
      for (const row of this.#batches[this.#indexed]!) {
        const rowId = this.#idOf(row);
        if (typeof rowId === 'number' && !this.#byId.has(rowId)) this.#byId.set(rowId, row);
      }
    }
    return this.#byId.get(id);
  }
}
