/**
 * The rows of one walk fetched so far, by offset, and what their pages tell about the list's
 * length: ECGrid's totalRecords where the list has one, or a short page (the last page) where not.
 */
import { MAX_RECORDS_PER_PAGE, planPages, type UpstreamPage } from './page-plan.js';

/** One upstream page of a list: its rows, and the list's total where ECGrid sends one. */
export interface ListPage<Row> {
  readonly totalRecords: number | undefined;
  readonly rows: readonly Row[];
}

export class FetchedRows<Row> {
  readonly rows = new Map<number, Row>();
  /** The list's length: from totalRecords, or from a short page. */
  total: number | undefined;
  /** Without a total: the list is known to hold at least this many rows. */
  atLeast = 0;
  readonly #load: (page: UpstreamPage) => Promise<ListPage<Row>>;

  constructor(load: (page: UpstreamPage) => Promise<ListPage<Row>>, total?: number) {
    this.#load = load;
    this.total = total;
  }

  /** Fetches the rows [start, end) in the fewest pages (at most two per 500 rows). */
  async fetch(start: number, end: number): Promise<void> {
    for (let offset = start; offset < end; ) {
      const size = Math.min(end - offset, MAX_RECORDS_PER_PAGE);
      const pages = planPages(offset, size);
      const answers = await Promise.all(pages.map((page) => this.#load(page)));
      answers.forEach((answer, i) => this.#keep(pages[i]!, answer));
      offset += size;
    }
  }

  /** Every offset of [start, end) has its row. */
  holds(start: number, end: number): boolean {
    for (let offset = start; offset < end; offset += 1) if (!this.rows.has(offset)) return false;
    return true;
  }

  /** The length to do Relay's arithmetic with: exact, or the fewest rows the list is known to hold. */
  get length(): number {
    return this.total ?? this.atLeast;
  }

  #keep(page: UpstreamPage, answer: ListPage<Row>): void {
    if (answer.totalRecords !== undefined) this.total ??= answer.totalRecords;
    const base = (page.pageNo - 1) * page.recordsPerPage;
    const kept = Math.min(answer.rows.length, page.recordsPerPage);
    for (let j = 0; j < kept; j += 1) this.rows.set(base + j, answer.rows[j]!);
    if (answer.totalRecords !== undefined) return;
    // A short page is the last one (ECGrid documents no totals for these lists).
    if (kept < page.recordsPerPage) this.total = Math.min(this.total ?? Infinity, base + kept);
    else this.atLeast = Math.max(this.atLeast, base + kept);
  }
}
