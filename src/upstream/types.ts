/** What a call sends upstream to identify the caller; forwarded verbatim, never logged. */
export type Credential =
  | { readonly kind: 'apiKey'; readonly value: string }
  | { readonly kind: 'bearer'; readonly value: string };

export type Direction = 'inbox' | 'outbox';

/** Body of POST /v2/interchanges/{inbox,outbox}-list. Dates are sent as UTC ISO 8601 with `Z`. */
export interface InterchangeListQuery {
  readonly mailboxId?: number;
  readonly ecGridIdFrom?: number;
  readonly ecGridIdTo?: number;
  readonly beginDate?: Date;
  readonly endDate?: Date;
  readonly pageNo: number;
  readonly recordsPerPage: number;
}

/**
 * One interchange row as ECGrid sent it. The fields are only what the documentation names;
 * their values are unchecked here because one bad row must not cost the others
 * (the schema checks each field where it is read).
 */
export interface InterchangeRecord {
  readonly interchangeId?: unknown;
  readonly parcelId?: unknown;
  readonly sender?: unknown;
  readonly receiver?: unknown;
  readonly standard?: unknown;
  readonly documentType?: unknown;
  readonly status?: unknown;
  readonly created?: unknown;
  readonly [extra: string]: unknown;
}

export interface InterchangePage {
  readonly totalRecords: number;
  readonly pageNo: number;
  readonly recordsPerPage: number;
  readonly interchanges: readonly InterchangeRecord[];
}

/** data of GET /v2/reports/mailbox-interchange-stats; values unchecked like InterchangeRecord. */
export interface MailboxInterchangeStatsRecord {
  readonly sent?: unknown;
  readonly received?: unknown;
  readonly totalBytes?: unknown;
  readonly period?: unknown;
  readonly [extra: string]: unknown;
}

export interface ApiVersion {
  readonly version: string;
}
