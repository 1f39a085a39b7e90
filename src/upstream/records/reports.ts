/**
 * The report readers: the rows of ECGrid's report endpoints, each field checked once, where it
 * enters. Report rows are SOAP DataSets behind REST: flat lists or wrapped ones, numbers or numeric
 * strings, extra columns; all are read, and a bad value costs only its own field.
 */
import { EcgridBadResponseError } from '../errors.js';
import type { Checked } from '../types.js';
import { badValue, fieldsOf, optionalInstant, optionalInt, optionalText, rowsOf } from './fields.js';
import { isObject, readId } from './values.js';

/** POST /v2/reports/traffic-stats `period`, as ECGrid spells it. */
export const STATISTICS_PERIODS = ['Hour', 'Day', 'Week', 'Month'] as const;
export type StatisticsPeriodName = (typeof STATISTICS_PERIODS)[number];

/** POST /v2/reports/interchange-stats `direction`, as ECGrid spells it: NoDir is both. */
export const REPORT_DIRECTIONS = ['NoDir', 'InBox', 'OutBox'] as const;
export type ReportDirection = (typeof REPORT_DIRECTIONS)[number];

export interface MailboxSummaryRecord {
  readonly mailboxId: Checked<number | null>;
  readonly totalParcels: Checked<number | null>;
  readonly totalInterchanges: Checked<number | null>;
  readonly totalBytes: Checked<number | null>;
  readonly activePartners: Checked<number | null>;
  readonly reportGeneratedAt: Checked<string | null>;
}

export interface TrafficPeriodRecord {
  readonly periodStart: Checked<string>;
  readonly periodEnd: Checked<string>;
  readonly sentCount: Checked<number | null>;
  readonly receivedCount: Checked<number | null>;
  readonly totalBytes: Checked<number | null>;
}

export interface InterchangeStatsPeriodRecord {
  readonly periodStart: Checked<string>;
  readonly periodEnd: Checked<string>;
  readonly count: Checked<number | null>;
  readonly totalBytes: Checked<number | null>;
  /** A direction this server does not know is an error here. */
  readonly direction: Checked<ReportDirection | null>;
}

export interface InstantStatsRecord {
  readonly window1Minutes: Checked<number | null>;
  readonly window1Count: Checked<number | null>;
  readonly window2Minutes: Checked<number | null>;
  readonly window2Count: Checked<number | null>;
}

/** Where a wrapped report puts its rows. */
const ROW_KEYS = ['periods', 'rows', 'items', 'stats', 'results', 'data'] as const;

/** A count or byte total: 64-bit upstream, up to 2^53 - 1, as a number or a numeric string. */
function optionalCount(value: unknown, field: string): Checked<number | null> {
  if (value === null || value === undefined) return null;
  return readId(value) ?? badValue(value, field, 'not a count');
}

function requiredInstant(fields: Record<string, unknown>, field: string): Checked<string> {
  return optionalInstant(fields[field], field) ?? badValue(fields[field], field, 'which is required');
}

/** A one-object report: the object itself, or the one row of a DataSet-like list. */
function objectOf(data: unknown, route: string): Record<string, unknown> {
  const object = Array.isArray(data) && data.length === 1 ? data[0] : data;
  if (!isObject(object)) throw new EcgridBadResponseError(`${route}: data is not an object`);
  return object;
}

const DIRECTIONS_BY_LOWER = new Map<string, ReportDirection>(REPORT_DIRECTIONS.map((name) => [name.toLowerCase(), name]));

function readDirection(value: unknown): Checked<ReportDirection | null> {
  const text = optionalText(value, 'direction');
  if (text === null || text instanceof Error) return text;
  return DIRECTIONS_BY_LOWER.get(text.toLowerCase()) ?? badValue(value, 'direction', 'a direction this server does not know');
}

export function readMailboxSummary(data: unknown): MailboxSummaryRecord {
  const fields = objectOf(data, 'reports/mailbox-stats');
  return {
    mailboxId: optionalInt(fields['mailboxId'], 'mailboxId'),
    totalParcels: optionalCount(fields['totalParcels'], 'totalParcels'),
    totalInterchanges: optionalCount(fields['totalInterchanges'], 'totalInterchanges'),
    totalBytes: optionalCount(fields['totalBytes'], 'totalBytes'),
    activePartners: optionalInt(fields['activePartners'], 'activePartners'),
    reportGeneratedAt: optionalInstant(fields['reportGeneratedAt'], 'reportGeneratedAt'),
  };
}

export function readTrafficPeriods(data: unknown): TrafficPeriodRecord[] {
  return rowsOf(data, 'reports/traffic-stats', ROW_KEYS).map((row) => {
    const fields = fieldsOf(row);
    return {
      periodStart: requiredInstant(fields, 'periodStart'),
      periodEnd: requiredInstant(fields, 'periodEnd'),
      sentCount: optionalCount(fields['sentCount'], 'sentCount'),
      receivedCount: optionalCount(fields['receivedCount'], 'receivedCount'),
      totalBytes: optionalCount(fields['totalBytes'], 'totalBytes'),
    };
  });
}

export function readInterchangeStatsPeriods(data: unknown): InterchangeStatsPeriodRecord[] {
  return rowsOf(data, 'reports/interchange-stats', ROW_KEYS).map((row) => {
    const fields = fieldsOf(row);
    return {
      periodStart: requiredInstant(fields, 'periodStart'),
      periodEnd: requiredInstant(fields, 'periodEnd'),
      count: optionalCount(fields['count'], 'count'),
      totalBytes: optionalCount(fields['totalBytes'], 'totalBytes'),
      direction: readDirection(fields['direction']),
    };
  });
}

export function readInstantStats(data: unknown): InstantStatsRecord {
  const fields = objectOf(data, 'reports/instant-stats');
  return {
    window1Minutes: optionalInt(fields['window1Minutes'], 'window1Minutes'),
    window1Count: optionalCount(fields['window1Count'], 'window1Count'),
    window2Minutes: optionalInt(fields['window2Minutes'], 'window2Minutes'),
    window2Count: optionalCount(fields['window2Count'], 'window2Count'),
  };
}
