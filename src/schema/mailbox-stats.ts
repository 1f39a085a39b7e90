import { builder } from '../builder.js';
import type { MailboxInterchangeStatsRecord } from '../upstream/types.js';
import { requiredCount, requiredString } from './upstream-values.js';

export const MailboxStats = builder.objectRef<MailboxInterchangeStatsRecord>('MailboxStats').implement({
  description: "Interchange counts and volume of the caller's mailbox for ECGrid's current reporting period.",
  fields: (t) => ({
    sent: t.int({
      description: 'Interchanges sent during the period.',
      resolve: (stats, _args, context, info) => requiredCount(stats.sent, context, info),
    }),
    received: t.int({
      description: 'Interchanges received during the period.',
      resolve: (stats, _args, context, info) => requiredCount(stats.received, context, info),
    }),
    totalBytes: t.field({
      type: 'SafeInt',
      description: 'Bytes of all interchanges of the period (64-bit upstream; exact up to 2^53 - 1).',
      resolve: (stats, _args, context, info) => requiredCount(stats.totalBytes, context, info),
    }),
    period: t.string({
      description: 'The reporting period as ECGrid names it, e.g. "2026-04" (ECGrid chooses it; it cannot be set).',
      resolve: (stats, _args, context, info) => requiredString(stats.period, context, info),
    }),
  }),
});

builder.queryField('mailboxStats', (t) =>
  t.field({
    type: MailboxStats,
    complexity: 1,
    description: 'GET /v2/reports/mailbox-interchange-stats for the mailbox of the request\'s credential.',
    resolve: (_root, _args, context) => context.ecgrid.mailboxStats.load('current'),
  }),
);
