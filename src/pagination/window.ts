/**
 * Relay connection arithmetic over a list of `total` items, by offset. Follows the Relay cursor
 * connection spec: cursors are applied first, then `first`, then `last`; `hasNextPage` is exact
 * for `first` and `hasPreviousPage` for `last`. In the other direction, where the spec lets a
 * server answer what it can cheaply know, the flags say whether any item lies beyond the edges
 * returned (we know `total` from the upstream's totalRecords).
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
    hasPreviousPage: args.last !== undefined ? rangeLength > args.last : start > 0,
    hasNextPage: args.first !== undefined ? rangeLength > args.first : end < total,
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
  const start = args.last === undefined ? rangeStart : Math.max(rangeStart, end - args.last);
  return { start, end };
}
