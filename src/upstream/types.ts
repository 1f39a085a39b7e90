/** The values the upstream layer hands up: credentials, list queries, and records checked field by field. */
import type { EcgridBadValueError } from './errors.js';

/** ECGrid's documented EDI standards (PEPPOL from SOAP v4.1); ECGrid may add more. */
export const EDI_STANDARDS = ['X12', 'EDIFACT', 'TRADACOMS', 'VDA', 'XML', 'TXT', 'PDF', 'BINARY', 'PEPPOL'] as const;
export type EdiStandard = (typeof EDI_STANDARDS)[number];

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

/** A value ECGrid sent, checked: what the documentation says, or the error that stands in for it. */
export type Checked<T> = T | EcgridBadValueError;

/**
 * One interchange, checked field by field (interchange-record.ts): a bad value costs only its own
 * field, never the row or the page.
 */
export interface InterchangeRecord {
  readonly interchangeId: Checked<number>;
  readonly parcelId: Checked<number | null>;
  readonly sender: Checked<string | null>;
  readonly receiver: Checked<string | null>;
  /** A standard ECGrid documents; one it added since is an error here, and verbatim in `rawStandard`. */
  readonly standard: Checked<EdiStandard | null>;
  readonly rawStandard: Checked<string | null>;
  readonly documentType: Checked<string | null>;
  readonly status: Checked<string | null>;
  /** The instant as ISO text, e.g. `2026-11-23T20:00:35.000Z`. */
  readonly created: Checked<string>;
}

/** One page of an interchange list; `rows` are ECGrid's `interchanges`. */
export interface InterchangePage {
  readonly totalRecords: number;
  readonly pageNo: number;
  readonly recordsPerPage: number;
  readonly rows: readonly InterchangeRecord[];
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
