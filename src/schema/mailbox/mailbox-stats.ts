/** MailboxStats: the interchange counts of the caller's mailbox (GET /v2/reports/mailbox-interchange-stats). */
import type { MailboxInterchangeStatsRecord } from '../../upstream/types.js';
import { builder } from '../builder.js';
import { countOr0, stringOrEmpty } from '../fields/checked.js';

type Stats = MailboxInterchangeStatsRecord;

export const MailboxStats = builder.objectRef<Stats>('MailboxStats').implement({
  description: "Interchange counts and volume of the caller's mailbox for ECGrid's current reporting period.",
  fields: (t) => ({
    sent: t.int({ description: 'Interchanges sent during the period.', resolve: countOr0((stats: Stats) => stats.sent) }),
    received: t.int({ description: 'Interchanges received during the period.', resolve: countOr0((stats: Stats) => stats.received) }),
    totalBytes: t.field({
      type: 'SafeInt',
      description: 'Bytes of all interchanges of the period (64-bit upstream; exact up to 2^53 - 1).',
      resolve: countOr0((stats: Stats) => stats.totalBytes),
    }),
    period: t.string({
      description: 'The reporting period as ECGrid names it, e.g. "2026-04" (ECGrid chooses it; it cannot be set).',
      resolve: stringOrEmpty((stats: Stats) => stats.period),
    }),
  }),
});

builder.queryField('mailboxStats', (t) =>
  t.field({
    type: MailboxStats,
    complexity: 1,
    description: "GET /v2/reports/mailbox-interchange-stats for the mailbox of the request's credential.",
    resolve: (_root, _args, context) => context.ecgrid.mailboxStats.load('current'),
  }),
);
