// ECGrid's report endpoints, computed from the lists' own data (../reports.ts). Validation as ECGrid
// documents it: 400 InvalidParameter for a missing field, a bad enum value, or an end not after the start.
import { bindJsonBody, envelopeError, HttpAnswer, type JsonBody } from '../http.js';
import { DIRECTIONS, PERIODS, SimReports } from '../reports.js';
import type { MailboxRequest, MailboxRoute } from '../router.js';

// ECGrid documents no maximum; the simulator's own bounds keep one answer small (docs/simulator.md).
const MAX_PERIODS = 10_000;
const MAX_RANGE_MS = 3_660 * 86_400_000;

const invalid = (message: string) => envelopeError(400, 'InvalidParameter', message);
const ok = (data: unknown) => new HttpAnswer(200, { success: true, data, errorCode: null, message: null });
const reportsOf = ({ data, mailbox }: MailboxRequest) => new SimReports(data, mailbox.mailboxId, data.now());

/** An enum member as .NET binds it: by name, without regard to case; undefined when absent or unknown. */
function member<T extends string>(body: JsonBody, name: string, members: readonly T[]): T | undefined {
  const value = body.fields[name];
  return typeof value === 'string' ? members.find((m) => m.toLowerCase() === value.toLowerCase()) : undefined;
}

const missing = (body: JsonBody, names: readonly string[]) => names.find((name) => body.fields[name] === undefined || body.fields[name] === null);

function traffic(request: MailboxRequest): HttpAnswer {
  const body = bindJsonBody(request.header('content-type'), request.rawBody, { int32: ['numPeriods'], dateTime: ['targetTime'] });
  if (body instanceof HttpAnswer) return body;
  const absent = missing(body, ['targetTime', 'numPeriods', 'period']);
  if (absent) return invalid(`${absent} is required`);
  const period = member(body, 'period', PERIODS);
  if (period === undefined) return invalid(`period must be one of ${PERIODS.join(', ')}`);
  const numPeriods = body.int('numPeriods')!;
  if (numPeriods < 1) return invalid('numPeriods must be greater than 0');
  if (numPeriods > MAX_PERIODS) return invalid(`numPeriods must be at most ${MAX_PERIODS}`);
  return ok(reportsOf(request).traffic({ targetTime: body.date('targetTime')!, numPeriods, period }));
}

function interchangeStats(request: MailboxRequest): HttpAnswer {
  const body = bindJsonBody(request.header('content-type'), request.rawBody, { dateTime: ['startTime', 'endTime'] });
  if (body instanceof HttpAnswer) return body;
  const absent = missing(body, ['startTime', 'endTime', 'direction']);
  if (absent) return invalid(`${absent} is required`);
  const direction = member(body, 'direction', DIRECTIONS);
  if (direction === undefined) return invalid(`direction must be one of ${DIRECTIONS.join(', ')}`);
  const [startTime, endTime] = [body.date('startTime')!, body.date('endTime')!];
  if (endTime <= startTime) return invalid('endTime must be after startTime');
  if (endTime - startTime > MAX_RANGE_MS) return invalid('startTime and endTime may be at most 3660 days apart');
  return ok(reportsOf(request).interchangeStats({ startTime, endTime, direction }));
}

function instant(request: MailboxRequest): HttpAnswer {
  const body = bindJsonBody(request.header('content-type'), request.rawBody, { int32: ['minutes1', 'minutes2'] });
  if (body instanceof HttpAnswer) return body;
  const absent = missing(body, ['minutes1', 'minutes2']);
  if (absent) return invalid(`${absent} is required`);
  const [minutes1, minutes2] = [body.int('minutes1')!, body.int('minutes2')!];
  if (minutes1 < 1 || minutes2 < 1) return invalid('minutes1 and minutes2 must be positive');
  return ok(reportsOf(request).instant(minutes1, minutes2));
}

export const reportRoutes: readonly MailboxRoute[] = [
  {
    method: 'GET',
    path: '/v2/reports/mailbox-interchange-stats',
    // This endpoint's envelope has empty strings, not nulls, when there is no error.
    handle: ({ data, mailbox }) =>
      new HttpAnswer(200, { success: true, data: data.stats(mailbox.mailboxId), errorCode: '', message: '' }),
  },
  { method: 'GET', path: '/v2/reports/mailbox-stats', handle: (request) => ok(reportsOf(request).summary()) },
  { method: 'POST', path: '/v2/reports/traffic-stats', handle: traffic },
  { method: 'POST', path: '/v2/reports/interchange-stats', handle: interchangeStats },
  { method: 'POST', path: '/v2/reports/instant-stats', handle: instant },
];
