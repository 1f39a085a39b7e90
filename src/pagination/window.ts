/**
 * Relay connection arithmetic over a list of `total` items, by offset. Follows the Relay cursor
 * connection spec: cursors are applied first, then `first`, then `last`; `hasNextPage` is exact
 * for `first` and `hasPreviousPage` for `last`. In the other direction, where the spec lets a
 * server answer whether elements exist before `after` or after `before` if it can cheaply tell,
 * we answer truthfully (we know `total` from the upstream's totalRecords).
 */
export interface WindowArgs {
  readonly first: number | undefined;
  readonly last: number | undefined;
  /** Offset of the `after` cursor's edge. */
  readonly after: number | undefined;
  /** Offset of the `before` cursor's edge. */
  readonly before: number | undefined;
}

export interface Window {
  /** Offsets of the edges to return: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly hasPreviousPage: boolean;
  readonly hasNextPage: boolean;
}

export function relayWindow(args: WindowArgs, total: number): Window {
  const rangeStart = args.after === undefined ? 0 : Math.min(args.after + 1, total);
  const rangeEnd = Math.max(rangeStart, Math.min(args.before ?? total, total));
  const rangeLength = rangeEnd - rangeStart;
  let start = rangeStart;
  let end = rangeEnd;
  if (args.first !== undefined) end = Math.min(end, start + args.first);
  if (args.last !== undefined) start = Math.max(start, end - args.last);
  return {
    start,
    end,
    // Without `last`: something lies before `after` (the after-edge itself, if it still exists).
    hasPreviousPage: args.last !== undefined ? rangeLength > args.last : args.after !== undefined && total > 0,
    // Without `first`: something lies at or after `before`.
    hasNextPage: args.first !== undefined ? rangeLength > args.first : args.before !== undefined && args.before < total,
  };
}

/**
 * The offsets to fetch before `total` is known, or undefined when they depend on `total`
 * (`last` without `before` or `first`). Items past the real end simply do not come back.
 */
export function provisionalRange(args: WindowArgs): { start: number; end: number } | undefined {
  const rangeStart = args.after === undefined ? 0 : args.after + 1;
  const rangeEnd = args.before === undefined ? undefined : Math.max(rangeStart, args.before);
  let end: number;
  if (args.first !== undefined) end = rangeEnd === undefined ? rangeStart + args.first : Math.min(rangeEnd, rangeStart + args.first);
  else if (rangeEnd !== undefined) end = rangeEnd;
  else return undefined;
  // With `first` and `last` together the final window depends on `total` when the list ends
  // before `end`: fetch the whole `first` range so that one plan always covers it.
  const start = args.last === undefined || args.first !== undefined ? rangeStart : Math.max(rangeStart, end - args.last);
  return { start, end };
}
