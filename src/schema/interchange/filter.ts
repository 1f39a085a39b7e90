/** The interchange lists' filter: checked and normalised before any call, and the list identity cursors are bound to. */
import { BadInputError } from '../../graphql/errors.js';
import type { ListIdentity } from '../../pagination/connection.js';
import type { Direction } from '../../upstream/types.js';

/** The caller's filter, normalised: absent and 0 ("any") ids are the same filter. */
export interface ListFilter {
  readonly mailboxId?: number | undefined;
  readonly ecGridIdFrom?: number | undefined;
  readonly ecGridIdTo?: number | undefined;
  readonly beginDate?: Date | undefined;
  readonly endDate?: Date | undefined;
}

export interface FilterInput {
  readonly mailboxId?: number | null | undefined;
  readonly ecGridIdFrom?: number | null | undefined;
  readonly ecGridIdTo?: number | null | undefined;
  readonly beginDate?: Date | null | undefined;
  readonly endDate?: Date | null | undefined;
}

export function normaliseFilter(input: FilterInput | null | undefined): ListFilter {
  const id = (name: string, value: number | null | undefined) => {
    if (value === null || value === undefined || value === 0) return undefined;
    if (value < 0) throw new BadInputError(`filter.${name} must be a positive id (0 or absent means any)`, `filter.${name}`);
    return value;
  };
  const filter: ListFilter = {
    mailboxId: id('mailboxId', input?.mailboxId),
    ecGridIdFrom: id('ecGridIdFrom', input?.ecGridIdFrom),
    ecGridIdTo: id('ecGridIdTo', input?.ecGridIdTo),
    beginDate: input?.beginDate ?? undefined,
    endDate: input?.endDate ?? undefined,
  };
  if (filter.beginDate && filter.endDate && filter.beginDate.getTime() > filter.endDate.getTime()) {
    throw new BadInputError('filter.beginDate must not be after filter.endDate', 'filter.beginDate');
  }
  return filter;
}

/** The list and filter a walk's cursors are bound to. */
export function interchangeListIdentity(direction: Direction, filter: ListFilter): ListIdentity {
  const key = [
    direction,
    filter.mailboxId ?? '',
    filter.ecGridIdFrom ?? '',
    filter.ecGridIdTo ?? '',
    filter.beginDate?.getTime() ?? '',
    filter.endDate?.getTime() ?? '',
  ].join('|');
  return { key, beginDate: filter.beginDate, endDate: filter.endDate };
}
