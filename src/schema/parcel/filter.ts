/** The parcel lists' filter: checked and normalised before any call, and the list identity cursors are bound to. */
import { BadInputError } from '../../graphql/errors.js';
import type { ListIdentity } from '../../pagination/connection.js';
import type { Direction } from '../../upstream/types.js';
import { type FilterInput, type ListFilter, normaliseFilter } from '../interchange/filter.js';

export interface ParcelFilterInput extends FilterInput {
  readonly status?: string | null | undefined;
}

export interface ParcelListFilter extends ListFilter {
  readonly status?: string | undefined;
}

// ParcelStatus values are identifiers (InBoxReady, outboxSent, as2MDNPending, ...).
const STATUS = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

export function normaliseParcelFilter(input: ParcelFilterInput | null | undefined): ParcelListFilter {
  const status = input?.status ?? undefined;
  if (status !== undefined && status !== '' && !STATUS.test(status)) {
    throw new BadInputError('filter.status must be a parcel status such as InBoxReady (letters, digits, at most 64)', 'filter.status');
  }
  return { ...normaliseFilter(input), status: status === '' ? undefined : status };
}

/** The list and filter a walk's cursors are bound to; parcel lists carry no totals. */
export function parcelListIdentity(direction: Direction, filter: ParcelListFilter): ListIdentity {
  const key = JSON.stringify([
    `parcels-${direction}`,
    filter.mailboxId ?? null,
    filter.ecGridIdFrom ?? null,
    filter.ecGridIdTo ?? null,
    filter.status ?? null,
    filter.beginDate?.getTime() ?? null,
    filter.endDate?.getTime() ?? null,
  ]);
  return { key, beginDate: filter.beginDate, endDate: filter.endDate, totals: false };
}
