/** ECGrid's report endpoints: read-only, the POSTs included; each covers the caller's own scope. */
import { EcgridBadResponseError } from '../errors.js';
import {
  type InstantStatsRecord,
  type InterchangeStatsPeriodRecord,
  type MailboxSummaryRecord,
  readInstantStats,
  readInterchangeStatsPeriods,
  readMailboxSummary,
  readTrafficPeriods,
  type ReportDirection,
  type StatisticsPeriodName,
  type TrafficPeriodRecord,
} from '../records/reports.js';
import { isObject } from '../records/values.js';
import type { MailboxInterchangeStatsRecord } from '../types.js';
import { utc } from './bodies.js';
import { readEndpoint } from './endpoint.js';

/** GET /v2/reports/mailbox-interchange-stats: the caller's mailbox, ECGrid's current period. */
export const mailboxInterchangeStats = readEndpoint<void, MailboxInterchangeStatsRecord>({
  name: 'mailboxInterchangeStats',
  method: 'GET',
  route: '/v2/reports/mailbox-interchange-stats',
  path: () => '/v2/reports/mailbox-interchange-stats',
  read: (data) => {
    if (!isObject(data)) throw new EcgridBadResponseError('mailbox-interchange-stats: data is not an object');
    return data;
  },
  cache: 'stats',
});

/** GET /v2/reports/mailbox-stats: the caller's mailbox totals. */
export const mailboxSummary = readEndpoint<void, MailboxSummaryRecord>({
  name: 'mailboxSummary',
  method: 'GET',
  route: '/v2/reports/mailbox-stats',
  path: () => '/v2/reports/mailbox-stats',
  read: readMailboxSummary,
  cache: 'stats',
});

/** Body of POST /v2/reports/traffic-stats: `numPeriods` periods ending with the one holding `targetTime`. */
export interface TrafficStatsQuery {
  readonly targetTime: Date;
  readonly numPeriods: number;
  readonly period: StatisticsPeriodName;
}

/** POST /v2/reports/traffic-stats: sent and received per period, oldest first. A read: it changes nothing. */
export const trafficStats = readEndpoint<TrafficStatsQuery, TrafficPeriodRecord[]>({
  name: 'trafficStats',
  method: 'POST',
  route: '/v2/reports/traffic-stats',
  path: () => '/v2/reports/traffic-stats',
  body: (query) => ({ targetTime: utc(query.targetTime), numPeriods: query.numPeriods, period: query.period }),
  read: readTrafficPeriods,
  cache: 'stats',
});

/** Body of POST /v2/reports/interchange-stats: both times inclusive. */
export interface InterchangeStatsQuery {
  readonly startTime: Date;
  readonly endTime: Date;
  readonly direction: ReportDirection;
}

/** POST /v2/reports/interchange-stats: interchange counts per day of a range. */
export const interchangeStats = readEndpoint<InterchangeStatsQuery, InterchangeStatsPeriodRecord[]>({
  name: 'interchangeStats',
  method: 'POST',
  route: '/v2/reports/interchange-stats',
  path: () => '/v2/reports/interchange-stats',
  body: (query) => ({ startTime: utc(query.startTime), endTime: utc(query.endTime), direction: query.direction }),
  read: readInterchangeStatsPeriods,
  cache: 'stats',
});

/** Body of POST /v2/reports/instant-stats: two windows, in minutes back from now. */
export interface InstantStatsQuery {
  readonly minutes1: number;
  readonly minutes2: number;
}

/** POST /v2/reports/instant-stats: parcels of the last minutes1 and minutes2 minutes. */
export const instantStats = readEndpoint<InstantStatsQuery, InstantStatsRecord>({
  name: 'instantStats',
  method: 'POST',
  route: '/v2/reports/instant-stats',
  path: () => '/v2/reports/instant-stats',
  body: (query) => ({ minutes1: query.minutes1, minutes2: query.minutes2 }),
  read: readInstantStats,
  cache: 'stats',
});

/** Dates go as UTC ISO 8601 with `Z`, whole seconds without a fraction. */
