// ECGrid's reports computed from the same data the lists answer from, so that they agree: a period's
// received count is the inbox interchanges created in it, the totals are the lists' totals.
// Periods are aligned to UTC: hours, days, weeks from Monday 00:00, months from the 1st.
import { isoDate as iso } from './rows.js';
import type { SimData, SimDirection } from './store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const PERIODS = ['Hour', 'Day', 'Week', 'Month'] as const;
export type Period = (typeof PERIODS)[number];
export const DIRECTIONS = ['NoDir', 'InBox', 'OutBox'] as const;
export type ReportDirection = (typeof DIRECTIONS)[number];

/** traffic-stats: `numPeriods` periods ending with the one that contains `targetTime` (ms). */
export interface TrafficQuery {
  readonly targetTime: number;
  readonly numPeriods: number;
  readonly period: Period;
}

/** interchange-stats: both bounds inclusive (ms). */
export interface InterchangeStatsQuery {
  readonly startTime: number;
  readonly endTime: number;
  readonly direction: ReportDirection;
}

/** ECGrid writes whole seconds without a fraction. */

/** The start of the period that contains `ms`. */
export function periodStart(ms: number, period: Period): number {
  const day = Math.floor(ms / DAY) * DAY;
  switch (period) {
    case 'Hour':
      return Math.floor(ms / HOUR) * HOUR;
    case 'Day':
      return day;
    case 'Week':
      // getUTCDay: Sunday 0 ... Saturday 6; weeks start on Monday.
      return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
    case 'Month': {
      const date = new Date(ms);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    }
  }
}

/** The start of the period `n` periods after the one starting at `start`. */
export function addPeriods(start: number, period: Period, n: number): number {
  if (period === 'Month') {
    const date = new Date(start);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1);
  }
  return start + n * (period === 'Hour' ? HOUR : period === 'Day' ? DAY : 7 * DAY);
}

/** The reports of one mailbox, as its credential sees them, at `now`. */
export class SimReports {
  constructor(
    private readonly data: SimData,
    private readonly mailboxId: number,
    private readonly now: number,
  ) {}

  /** Interchanges of one direction created in [begin, end] (both inclusive, ms; absent: unbounded): their count and bytes. */
  #traffic(direction: SimDirection, begin?: number, end?: number): { count: number; bytes: number } {
    const items = this.data.select(this.mailboxId, direction, { beginDate: begin, endDate: end });
    let bytes = 0;
    for (const item of items) bytes += item.bytes;
    return { count: items.length, bytes };
  }

  /** GET /v2/reports/mailbox-stats: all-time totals; totalBytes is of the interchanges. */
  summary() {
    const inbox = this.#traffic('inbox');
    const outbox = this.#traffic('outbox');
    return {
      mailboxId: this.mailboxId,
      totalParcels: this.data.parcels(this.mailboxId, 'inbox').length + this.data.parcels(this.mailboxId, 'outbox').length,
      totalInterchanges: inbox.count + outbox.count,
      totalBytes: inbox.bytes + outbox.bytes,
      // partnersOf lists the mailbox's own ECGrid ID too.
      activePartners: this.data.partnersOf(this.mailboxId).filter((partner) => partner.mailboxId !== this.mailboxId).length,
      reportGeneratedAt: iso(this.now),
    };
  }

  /** POST /v2/reports/traffic-stats, oldest first; each period is [periodStart, periodEnd). */
  traffic({ targetTime, numPeriods, period }: TrafficQuery) {
    const first = addPeriods(periodStart(targetTime, period), period, 1 - numPeriods);
    return Array.from({ length: numPeriods }, (_, i) => {
      const start = addPeriods(first, period, i);
      const end = addPeriods(first, period, i + 1);
      const sent = this.#traffic('outbox', start, end - 1);
      const received = this.#traffic('inbox', start, end - 1);
      const totalBytes = sent.bytes + received.bytes;
      return { periodStart: iso(start), periodEnd: iso(end), sentCount: sent.count, receivedCount: received.count, totalBytes };
    });
  }

  /** POST /v2/reports/interchange-stats: a row per UTC day, the first and last cut to the range's bounds. */
  interchangeStats({ startTime, endTime, direction }: InterchangeStatsQuery) {
    const directions: SimDirection[] = direction === 'InBox' ? ['inbox'] : direction === 'OutBox' ? ['outbox'] : ['inbox', 'outbox'];
    const rows = [];
    for (let day = Math.floor(startTime / DAY) * DAY; day <= endTime; day += DAY) {
      const from = Math.max(day, startTime);
      const to = Math.min(day + DAY - 1, endTime);
      let count = 0;
      let totalBytes = 0;
      for (const side of directions) {
        const traffic = this.#traffic(side, from, to);
        count += traffic.count;
        totalBytes += traffic.bytes;
      }
      rows.push({ periodStart: iso(from), periodEnd: iso(Math.min(day + DAY, endTime)), count, totalBytes, direction });
    }
    return rows;
  }

  /** POST /v2/reports/instant-stats: parcels in and out created in the last `minutes` (now - minutes <= created <= now). */
  instant(minutes1: number, minutes2: number) {
    return {
      window1Minutes: minutes1,
      window1Count: this.#recentParcels(minutes1),
      window2Minutes: minutes2,
      window2Count: this.#recentParcels(minutes2),
    };
  }

  #recentParcels(minutes: number): number {
    const since = this.now - minutes * MINUTE;
    let count = 0;
    for (const direction of ['inbox', 'outbox'] as const) {
      // Newest first: stop at the first one older than the window.
      for (const parcel of this.data.parcels(this.mailboxId, direction)) {
        if (parcel.created < since) break;
        if (parcel.created <= this.now) count += 1;
      }
    }
    return count;
  }
}
