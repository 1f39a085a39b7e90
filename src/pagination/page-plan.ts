/** The upstream's documented bounds for `recordsPerPage`. */
export const MAX_RECORDS_PER_PAGE = 500;

export interface UpstreamPage {
  /** 1-based, as ECGrid counts. */
  readonly pageNo: number;
  readonly recordsPerPage: number;
}

/**
 * The upstream pages that cover the rows [offset, offset + count): one page when some
 * recordsPerPage <= 500 holds the whole window (the smallest such size, to move the fewest rows),
 * else two consecutive pages of the smallest size that covers it. count must be 1..500.
 */
export function planPages(offset: number, count: number): UpstreamPage[] {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`offset ${offset}`);
  if (!Number.isInteger(count) || count < 1 || count > MAX_RECORDS_PER_PAGE) throw new RangeError(`count ${count}`);
  const last = offset + count - 1;
  for (let size = count; size <= MAX_RECORDS_PER_PAGE; size += 1) {
    const page = Math.floor(offset / size);
    if (Math.floor(last / size) === page) return [{ pageNo: page + 1, recordsPerPage: size }];
  }
  for (let size = Math.ceil(count / 2); size <= MAX_RECORDS_PER_PAGE; size += 1) {
    const page = Math.floor(offset / size);
    if (last < (page + 2) * size) {
      return [
        { pageNo: page + 1, recordsPerPage: size },
        { pageNo: page + 2, recordsPerPage: size },
      ];
    }
  }
  throw new RangeError(`no plan for [${offset}, ${offset + count})`);
}

/** The page that answers "how many are there?" with the fewest bytes. */
export const COUNT_PAGE: UpstreamPage = { pageNo: 1, recordsPerPage: 1 };
