/** The JSON bodies of ECGrid's list POSTs, written one way for every list. */

/** An instant as ECGrid documents dates: UTC ISO 8601 with `Z`, whole seconds without a fraction. */
export function utc(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** The filter and paging fields the interchange and parcel lists take. */
export interface ListBodyFields {
  readonly mailboxId?: number | undefined;
  readonly ecGridIdFrom?: number | undefined;
  readonly ecGridIdTo?: number | undefined;
  readonly status?: string | undefined;
  readonly beginDate?: Date | undefined;
  readonly endDate?: Date | undefined;
  readonly pageNo: number;
  readonly recordsPerPage: number;
}

/** Ids as JSON numbers, dates as `utc`, absent fields left out, keys in a fixed order: equal bodies are equal requests. */
export function listBody(query: ListBodyFields): Record<string, string | number> {
  const body: Record<string, string | number> = {};
  if (query.mailboxId !== undefined) body['mailboxId'] = query.mailboxId;
  if (query.ecGridIdFrom !== undefined) body['ecGridIdFrom'] = query.ecGridIdFrom;
  if (query.ecGridIdTo !== undefined) body['ecGridIdTo'] = query.ecGridIdTo;
  if (query.status !== undefined) body['status'] = query.status;
  if (query.beginDate !== undefined) body['beginDate'] = utc(query.beginDate);
  if (query.endDate !== undefined) body['endDate'] = utc(query.endDate);
  body['pageNo'] = query.pageNo;
  body['recordsPerPage'] = query.recordsPerPage;
  return body;
}
