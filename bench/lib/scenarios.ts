// The bench's two graph scenarios, "links" and "dashboard": each contender's text for the same read,
// and the projection of each contender's answer onto one shape, so the bench can check that all of
// them answered the same data before it measures any of them.

type Json = unknown;
export type GraphContender = 'ours' | 'solo' | 'apollo' | 'hive';

/** 100 interchanges with their parcels and each parcel's sending partner. */
const LINKS = '{ inbox(first: 100) { edges { node { interchangeId documentType parcel { parcelId fileName from { description } } } } } }';
const LINKS_HIVE =
  '{ inboxList(input: { pageNo: 1, recordsPerPage: 100 }) { ... on InterchangePageEnvelope { data { interchanges { interchangeId documentType ' +
  'parcel { ... on ParcelEnvelope { data { parcelId fileName from { ... on TradingPartnerEnvelope { data { description } } } } } } } } } } }';

const SUMMARY = 'mailboxId totalParcels totalInterchanges totalBytes activePartners reportGeneratedAt';
const TRAFFIC = 'periodStart periodEnd sentCount receivedCount totalBytes';
const STATS = 'periodStart periodEnd count totalBytes direction';
const INSTANT = 'window1Minutes window1Count window2Minutes window2Count';
const STATUSES = 'parcelStatuses { code description } interchangeStatuses { code description }';

/**
 * One dashboard request: the user and its mailbox, the mailbox totals, 7 days of traffic, the
 * interchange counts over the same 7 days, the two instant windows and the status legend. The
 * 7 days end at `end` (the bench's start, to the minute), given to every contender, so all of them
 * ask ECGrid the same questions (ECGrid's traffic-stats needs a targetTime; ours and Apollo's would
 * otherwise take their own clock's).
 */
function dashboard(end: Date) {
  const endTime = end.toISOString();
  const startTime = new Date(end.getTime() - 7 * 86_400_000).toISOString();
  const graph =
    `{ me { userId login mailbox { companyName } } mailboxSummary { ${SUMMARY} } ` +
    `trafficStats(targetTime: "${endTime}", periods: 7, period: DAY) { ${TRAFFIC} } ` +
    `interchangeStats(startTime: "${startTime}", endTime: "${endTime}", direction: BOTH) { ${STATS} } ` +
    `instantStats(minutes1: 60, minutes2: 1440) { ${INSTANT} } statusLists { ${STATUSES} } }`;
  const env = (type: string, selection: string) => `{ ... on ${type} { data { ${selection} } } }`;
  const hive =
    `{ me ${env('UserEnvelope', `userId login mailbox ${env('MailboxEnvelope', 'companyName')}`)} ` +
    `mailboxStats ${env('MailboxSummaryEnvelope', SUMMARY)} ` +
    `trafficStats(input: { targetTime: "${endTime}", numPeriods: 7, period: Day }) ${env('TrafficStatsEnvelope', TRAFFIC)} ` +
    `interchangeStats(input: { startTime: "${startTime}", endTime: "${endTime}", direction: NoDir }) ${env('InterchangeStatsEnvelope', STATS)} ` +
    `instantStats(input: { minutes1: 60, minutes2: 1440 }) ${env('InstantStatsEnvelope', INSTANT)} ` +
    `statusLists ${env('StatusListsEnvelope', STATUSES)} }`;
  return { graph, hive };
}

export function graphQueries(end: Date): { links: Record<GraphContender, string>; dashboard: Record<GraphContender, string> } {
  const { graph, hive } = dashboard(end);
  return {
    links: { ours: LINKS, solo: LINKS, apollo: LINKS, hive: LINKS_HIVE },
    dashboard: { ours: graph, solo: graph, apollo: graph, hive },
  };
}

/** Hive's answer without its envelopes: every `{ data: x }` (an inline fragment on an envelope type) becomes x. */
function unwrap(value: Json): Json {
  if (Array.isArray(value)) return value.map(unwrap);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length === 1 && entries[0]![0] === 'data') return unwrap(entries[0]![1]);
  return Object.fromEntries(entries.map(([key, v]) => [key, unwrap(v)]));
}

const DIRECTION: Record<string, string> = { NoDir: 'BOTH', InBox: 'INBOX', OutBox: 'OUTBOX' };
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;
// Differs between any two calls: the instant ECGrid made the report.
const VOLATILE = new Set(['reportGeneratedAt']);

/** Instants as epoch milliseconds, numbers sent as strings (64-bit scalars) as numbers, volatile fields dropped. */
function canonical(value: Json): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'string') return ISO.test(value) ? Date.parse(value) : /^-?\d+$/.test(value) ? Number(value) : value;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !VOLATILE.has(key)).map(([key, v]) => [key, canonical(v)]));
}

/** A contender's answer to a scenario, in one shape for all. */
export function project(scenario: 'links' | 'dashboard', name: GraphContender, data: Record<string, Json>): Json {
  if (name !== 'hive') {
    if (scenario === 'dashboard') return canonical(data);
    const edges = (data['inbox'] as { edges: { node: Json }[] }).edges;
    return canonical(edges.map((edge) => edge.node));
  }
  const plain = unwrap(data) as Record<string, Json>;
  if (scenario === 'links') return canonical((plain['inboxList'] as { interchanges: Json }).interchanges);
  const { mailboxStats, interchangeStats, ...rest } = plain;
  const periods = (interchangeStats as Record<string, Json>[]).map((row) => ({ ...row, direction: DIRECTION[String(row['direction'])] ?? row['direction'] }));
  return canonical({ ...rest, mailboxSummary: mailboxStats, interchangeStats: periods });
}

/** The first difference between two projections, as a path and both values; undefined when equal. */
export function difference(a: Json, b: Json, path = '$'): string | undefined {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} items against ${b.length}`;
    for (let i = 0; i < a.length; i += 1) {
      const found = difference(a[i], b[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = difference((a as Record<string, Json>)[key], (b as Record<string, Json>)[key], `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return a === b ? undefined : `${path}: ${JSON.stringify(a)} against ${JSON.stringify(b)}`;
}

/** The distinct ECGrid requests the links answer needs: the page, each parcel, each sender (told apart by description). */
export function distinctLinkRequests(rows: Json): number {
  const list = rows as { parcel: { parcelId: number; from: { description: string } | null } | null }[];
  const parcels = new Set(list.flatMap((row) => (row.parcel ? [row.parcel.parcelId] : [])));
  const senders = new Set(list.flatMap((row) => (row.parcel?.from ? [row.parcel.from.description] : [])));
  return 1 + parcels.size + senders.size;
}
