// ECGrid's interchange endpoints: the inbox and outbox lists (paged, filtered), one interchange by id and
// its manifest (functional groups).
import { bindJsonBody, envelopeError, HttpAnswer } from '../http.js';
import type { MailboxRequest, MailboxRoute } from '../router.js';
import { row, type SimDirection, type SimFilter } from '../store.js';

const MAX_PAGE = 500;

export const interchangeRoutes: readonly MailboxRoute[] = [
  { method: 'POST', path: '/v2/interchanges/inbox-list', handle: (request) => listPage(request, 'inbox') },
  { method: 'POST', path: '/v2/interchanges/outbox-list', handle: (request) => listPage(request, 'outbox') },
  { method: 'GET', path: '/v2/interchanges/{id}', handle: interchange },
  { method: 'GET', path: '/v2/interchanges/get-manifest/{id}', handle: manifest },
];

function listPage(request: MailboxRequest, direction: SimDirection): HttpAnswer {
  const body = bindJsonBody(request.header('content-type'), request.rawBody, {
    int32: ['mailboxId', 'ecGridIdFrom', 'ecGridIdTo', 'pageNo', 'recordsPerPage'],
    dateTime: ['beginDate', 'endDate'],
  });
  if (body instanceof HttpAnswer) return body;
  const pageNo = body.int('pageNo') ?? 1;
  const recordsPerPage = body.int('recordsPerPage') ?? 100;
  if (pageNo < 1) return envelopeError(400, 'InvalidParameter', 'pageNo must be 1 or greater');
  if (recordsPerPage < 1 || recordsPerPage > MAX_PAGE) {
    return envelopeError(400, 'InvalidParameter', `recordsPerPage must be between 1 and ${MAX_PAGE}`);
  }
  const filter: SimFilter = {
    mailboxId: body.int('mailboxId'),
    ecGridIdFrom: body.int('ecGridIdFrom'),
    ecGridIdTo: body.int('ecGridIdTo'),
    beginDate: body.date('beginDate'),
    endDate: body.date('endDate'),
  };
  const { mailboxId } = request.mailbox;
  if (filter.mailboxId !== undefined && filter.mailboxId !== 0 && filter.mailboxId !== mailboxId) {
    return envelopeError(403, 'AccessDenied', `You do not have access to mailbox ${filter.mailboxId}`);
  }
  if (filter.beginDate !== undefined && filter.endDate !== undefined && filter.beginDate > filter.endDate) {
    return envelopeError(400, 'InvalidParameter', 'beginDate must not be after endDate');
  }
  const items = request.data.select(mailboxId, direction, filter);
  const start = (pageNo - 1) * recordsPerPage;
  return new HttpAnswer(200, {
    success: true,
    data: {
      totalRecords: items.length,
      pageNo,
      recordsPerPage,
      interchanges: items.slice(start, start + recordsPerPage).map((item) => row(item, direction)),
    },
  });
}

/** Visible to its receiver as an inbox row and to its sender as an outbox row; to anyone else it does not exist. */
function interchange({ params, data, mailbox }: MailboxRequest): HttpAnswer {
  const idText = params['id'] ?? '';
  if (!/^\d{1,18}$/.test(idText)) {
    return envelopeError(400, 'InvalidParameter', `The value '${idText}' is not a valid interchange id`);
  }
  const item = data.interchange(Number(idText));
  const direction: SimDirection | undefined =
    item?.toMailboxId === mailbox.mailboxId ? 'inbox' : item?.fromMailboxId === mailbox.mailboxId ? 'outbox' : undefined;
  if (item === undefined || direction === undefined) {
    return envelopeError(404, 'ObjectNotFound', `Interchange ${idText} was not found`);
  }
  return new HttpAnswer(200, { success: true, data: row(item, direction), errorCode: null, message: null });
}

/** The functional groups, to the interchange's sender or receiver; 404 to anyone else. */
function manifest({ params, data, mailbox }: MailboxRequest): HttpAnswer {
  const idText = params['id'] ?? '';
  if (!/^\d{1,18}$/.test(idText)) {
    return envelopeError(400, 'InvalidParameter', `The value '${idText}' is not a valid interchange id`);
  }
  const item = data.interchange(Number(idText));
  if (item === undefined || data.interchangeSide(item, mailbox.mailboxId) === undefined) {
    return envelopeError(404, 'ObjectNotFound', `Interchange ${idText} was not found`);
  }
  return new HttpAnswer(200, { success: true, data: data.interchangeManifest(item.interchangeId) ?? [], errorCode: null, message: null });
}
