// A parcel's status on each side by its age, and when that status was reached: inbound
// InBoxReady -> InBoxTransferred -> InBoxArchived, outbound outboxPending -> outboxSent -> outboxAcknowledged.
import type { Random } from './random.js';

export interface Lifecycle {
  readonly inboxStatus: string;
  /** When the inbox status was reached (ms). */
  readonly inboxModified: number;
  readonly outboxStatus: string;
  readonly outboxModified: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The statuses of a parcel created at `created`, as they stand at `now`. */
export function lifecycle(created: number, now: number, random: Random): Lifecycle {
  const age = now - created;
  // A status reached `delay` after creation, but never after now.
  const after = (delay: number) => created + Math.min(delay, age);
  const [inboxStatus, inboxModified] = inbound(age, random, after);
  const [outboxStatus, outboxModified] = outbound(age, random, after);
  return { inboxStatus, inboxModified, outboxStatus, outboxModified };
}

/** A parcel that arrives now: ready in its receiver's inbox, sent from its sender's outbox. */
export const arrival = (now: number): Lifecycle => ({
  inboxStatus: 'InBoxReady',
  inboxModified: now,
  outboxStatus: 'outboxSent',
  outboxModified: now,
});

type Reached = readonly [status: string, modified: number];

function inbound(age: number, random: Random, after: (delay: number) => number): Reached {
  const transferred = (): Reached => ['InBoxTransferred', after(random.int(2, 240) * MINUTE)];
  const archived = (): Reached => ['InBoxArchived', after(random.int(7, 30) * DAY)];
  const ready = (): Reached => ['InBoxReady', after(0)];
  if (age < 6 * HOUR) return random.chance(0.85) ? ready() : transferred();
  if (age < 2 * DAY) return random.chance(0.2) ? ready() : transferred();
  if (age < 5 * DAY) return random.chance(0.04) ? ready() : transferred();
  if (age < 30 * DAY) return random.chance(0.1) ? archived() : transferred();
  return random.chance(0.8) ? archived() : transferred();
}

function outbound(age: number, random: Random, after: (delay: number) => number): Reached {
  const status =
    age < 30 * MINUTE
      ? random.weighted([['outboxPending', 60], ['outboxSent', 40]])
      : age < 6 * HOUR
        ? random.weighted([['outboxSent', 45], ['outboxAcknowledged', 45], ['outboxRetry', 5], ['outboxDeliveryError', 5]])
        : age < 2 * DAY
          ? random.weighted([['outboxAcknowledged', 85], ['outboxSent', 8], ['outboxFailed', 3], ['outboxRetry', 2], ['outboxDeliveryError', 1], ['Cancelled', 1]])
          : // Older ones have settled: acknowledged, or failed after their retries, or cancelled.
            random.weighted([['outboxAcknowledged', 93], ['outboxFailed', 4], ['outboxTransferred', 2], ['Cancelled', 1]]);
  const [min, max, unit] = DELAYS[status] ?? [0, 0, 0];
  return [status, after(random.int(min, max) * unit)];
}

/** How long after creation an outbound parcel reached a status: min, max, unit. */
const DELAYS: Readonly<Record<string, readonly [number, number, number]>> = {
  outboxPending: [0, 0, 0],
  outboxAcknowledged: [5, 180, MINUTE],
  outboxSent: [5, 120, 1000],
  outboxFailed: [30, 720, MINUTE],
  outboxTransferred: [1, 30, MINUTE],
  outboxRetry: [5, 60, MINUTE],
  outboxDeliveryError: [1, 20, MINUTE],
  Cancelled: [1, 60, MINUTE],
};
