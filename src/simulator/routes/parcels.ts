// ECGrid's parcel endpoints: the inbox and outbox lists (paged, no totals), the pending inbox list, one
// parcel, its manifest and its file. Download never changes a status (confirm does, elsewhere).
import { bindJsonBody, envelopeError, HttpAnswer, type JsonBody, problem } from '../http.js';
import type { MailboxRequest, MailboxRoute } from '../router.js';
import { parcelRow, type SimDirection, type SimParcel, type SimParcelFilter } from '../store.js';

const MAX_PAGE = 500;

export const parcelRoutes: readonly MailboxRoute[] = [
  { method: 'POST', path: '/v2/parcels/inbox-list', handle: (request) => listPage(request, 'inbox') },
  { method: 'POST', path: '/v2/parcels/outbox-list', handle: (request) => listPage(request, 'outbox') },
  { method: 'POST', path: '/v2/parcels/pending-inbox-list', handle: pendingList },
  { method: 'GET', path: '/v2/parcels/{parcelId}', handle: (request) => withParcel(request, (parcel, side) => ok(parcelRow(parcel, side))) },
  {
    method: 'GET',
    path: '/v2/parcels/manifest/{parcelId}',
    handle: (request) => withParcel(request, (parcel) => ok(request.data.parcelManifest(parcel.parcelId) ?? [])),
  },
  { method: 'POST', path: '/v2/parcels/download', handle: download },
];

const ok = (data: unknown) => new HttpAnswer(200, { success: true, data, errorCode: null, message: null });

/** The paging and mailbox fields every list shares, checked; an answer when they are wrong. */
function listFields(request: MailboxRequest, body: JsonBody, defaultPage: number): { pageNo: number; recordsPerPage: number } | HttpAnswer {
  const pageNo = body.int('pageNo') ?? 1;
  const recordsPerPage = body.int('recordsPerPage') ?? defaultPage;
  if (pageNo < 1) return envelopeError(400, 'InvalidParameter', 'pageNo must be 1 or greater');
  if (recordsPerPage < 1 || recordsPerPage > MAX_PAGE) {
    return envelopeError(400, 'InvalidParameter', `recordsPerPage must be between 1 and ${MAX_PAGE}`);
  }
  const mailboxId = body.int('mailboxId');
  if (mailboxId !== undefined && mailboxId !== 0 && mailboxId !== request.mailbox.mailboxId) {
    return envelopeError(403, 'AccessDenied', `You do not have access to mailbox ${mailboxId}`);
  }
  return { pageNo, recordsPerPage };
}

const page = (items: readonly SimParcel[], direction: SimDirection, pageNo: number, recordsPerPage: number) =>
  items.slice((pageNo - 1) * recordsPerPage, pageNo * recordsPerPage).map((parcel) => parcelRow(parcel, direction));

/** P2: a flat array, no totals; newest first. */
function listPage(request: MailboxRequest, direction: SimDirection): HttpAnswer {
  const body = bindJsonBody(request.header('content-type'), request.rawBody, {
    int32: ['mailboxId', 'ecGridIdFrom', 'ecGridIdTo', 'pageNo', 'recordsPerPage'],
    dateTime: ['beginDate', 'endDate'],
  });
  if (body instanceof HttpAnswer) return body;
  const status = body.fields['status'];
  if (status !== undefined && status !== null && typeof status !== 'string') {
    return problem(400, 'One or more validation errors occurred.', request.rawBody, { '$.status': ['The JSON value could not be converted to ParcelStatus.'] });
  }
  const paging = listFields(request, body, 25);
  if (paging instanceof HttpAnswer) return paging;
  const filter: SimParcelFilter = {
    ecGridIdFrom: body.int('ecGridIdFrom'),
    ecGridIdTo: body.int('ecGridIdTo'),
    beginDate: body.date('beginDate'),
    endDate: body.date('endDate'),
    status: typeof status === 'string' && status !== '' ? status : undefined,
  };
  if (filter.beginDate !== undefined && filter.endDate !== undefined && filter.beginDate > filter.endDate) {
    return envelopeError(400, 'InvalidParameter', 'beginDate must not be after endDate');
  }
  const items = request.data.parcels(request.mailbox.mailboxId, direction, filter);
  return new HttpAnswer(200, { success: true, data: page(items, direction, paging.pageNo, paging.recordsPerPage) });
}

/** Unpaged InBoxReady parcels; pageNo/recordsPerPage, which the polling guide sends (C1), page it when present. */
function pendingList(request: MailboxRequest): HttpAnswer {
  const body = bindJsonBody(request.header('content-type'), request.rawBody, { int32: ['mailboxId', 'pageNo', 'recordsPerPage'] });
  if (body instanceof HttpAnswer) return body;
  const paging = listFields(request, body, MAX_PAGE);
  if (paging instanceof HttpAnswer) return paging;
  const items = request.data.pendingParcels(request.mailbox.mailboxId);
  const paged = body.int('pageNo') !== undefined || body.int('recordsPerPage') !== undefined;
  const rows = paged ? page(items, 'inbox', paging.pageNo, paging.recordsPerPage) : items.map((parcel) => parcelRow(parcel, 'inbox'));
  return new HttpAnswer(200, { success: true, data: rows });
}

/** A parcel its caller may see, from the caller's side; 400 for an id that is not one, 404 when absent or not visible. */
function withParcel({ params, data, mailbox }: MailboxRequest, then: (parcel: SimParcel, side: SimDirection) => HttpAnswer): HttpAnswer {
  const idText = params['parcelId'] ?? '';
  if (!/^\d{1,18}$/.test(idText)) return envelopeError(400, 'InvalidParameter', `The value '${idText}' is not a valid parcel id`);
  return visible(data, Number(idText), mailbox.mailboxId, then);
}

function visible(
  data: MailboxRequest['data'],
  parcelId: number,
  mailboxId: number,
  then: (parcel: SimParcel, side: SimDirection) => HttpAnswer,
): HttpAnswer {
  const parcel = data.parcel(parcelId);
  const side = parcel && data.parcelSide(parcel, mailboxId);
  if (parcel === undefined || side === undefined) return envelopeError(404, 'ObjectNotFound', `Parcel ${parcelId} was not found`);
  return then(parcel, side);
}

/** The file, base64; the same bytes on every call. */
function download(request: MailboxRequest): HttpAnswer {
  const body = bindJsonBody(request.header('content-type'), request.rawBody, {});
  if (body instanceof HttpAnswer) return body;
  const parcelId = body.fields['parcelId'];
  if (parcelId === undefined || parcelId === null) return envelopeError(400, 'InvalidParameter', 'parcelId is required');
  if (typeof parcelId !== 'number' || !Number.isSafeInteger(parcelId)) {
    return problem(400, 'One or more validation errors occurred.', request.rawBody, { '$.parcelId': ['The JSON value could not be converted to System.Int64.'] });
  }
  if (parcelId <= 0) return envelopeError(400, 'InvalidParameter', 'parcelId must be a positive number');
  return visible(request.data, parcelId, request.mailbox.mailboxId, (parcel) => {
    const file = request.data.parcelFile(parcel.parcelId)!;
    return ok({ parcelId: parcel.parcelId, fileName: file.fileName, content: file.content.toString('base64'), bytes: file.content.length });
  });
}
