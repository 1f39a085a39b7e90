/** MailboxSummary: the totals of the caller's mailbox (GET /v2/reports/mailbox-stats). */
import type { MailboxSummaryRecord } from '../../upstream/records/reports.js';
import { builder } from '../builder.js';
import { exposingChecked } from '../fields/checked.js';

const MailboxSummary = builder.objectRef<MailboxSummaryRecord>('MailboxSummary').implement({
  description: "The all-time totals of the caller's mailbox, as ECGrid reports them.",
  fields: (t) => {
    const checked = exposingChecked(t);
    return {
      mailboxId: checked.exposeInt('mailboxId', { nullable: true }),
      totalParcels: checked.expose('totalParcels', { type: 'SafeInt', nullable: true, description: 'Parcels (files) in and out.' }),
      totalInterchanges: checked.expose('totalInterchanges', {
        type: 'SafeInt',
        nullable: true,
        description: 'Interchanges in and out: the inbox and outbox totals together.',
      }),
      totalBytes: checked.expose('totalBytes', { type: 'SafeInt', nullable: true, description: 'Bytes of those interchanges (64-bit upstream).' }),
      activePartners: checked.exposeInt('activePartners', { nullable: true, description: 'Trading partners the mailbox exchanges with.' }),
      reportGeneratedAt: checked.expose('reportGeneratedAt', {
        type: 'DateTime',
        nullable: true,
        description: 'When ECGrid computed the figures, in UTC.',
      }),
    };
  },
});

builder.queryField('mailboxSummary', (t) =>
  t.field({
    type: MailboxSummary,
    complexity: 1,
    description: "GET /v2/reports/mailbox-stats: the totals of the mailbox of the request's credential.",
    resolve: (_root, _args, context) => context.ecgrid.mailboxSummary.load('current'),
  }),
);
