/** Mailbox: an ECGrid mailbox, as a Node, and the `mailbox` root field (GET /v2/mailboxes/{id}). */
import type { Context } from '../../graphql/context.js';
import { BadInputError } from '../../graphql/errors.js';
import type { MailboxRecord } from '../../upstream/records/mailbox.js';
import { builder } from '../builder.js';
import { checkedOr, exposingChecked } from '../fields/checked.js';
import { parsePositiveId, registerNode } from '../node.js';

export const Mailbox = builder.objectRef<MailboxRecord>('Mailbox');

/** One mailbox, batched and deduplicated per request; null when absent or not visible. Reference data: cached per credential. */
export const mailboxById = (mailboxId: number, context: Context) => context.ecgrid.mailboxById.load(mailboxId);

registerNode({ typename: 'Mailbox', parseId: parsePositiveId, load: mailboxById });

builder.node(Mailbox, {
  description: 'An ECGrid mailbox: where parcels and interchanges arrive and leave from.',
  id: { resolve: checkedOr((record: MailboxRecord) => record.mailboxId, 0), parse: Number },
  loadWithoutCache: mailboxById,
  fields: (t) => {
    const checked = exposingChecked(t);
    return {
      mailboxId: t.int({ description: "ECGrid's mailbox id.", resolve: checkedOr((record: MailboxRecord) => record.mailboxId, 0) }),
      networkId: checked.exposeInt('networkId', { nullable: true, description: 'The network the mailbox belongs to.' }),
      uniqueId: checked.exposeString('uniqueId', { nullable: true, description: 'The short code the network gave the mailbox.' }),
      companyName: checked.exposeString('companyName', {
        nullable: true,
        description: 'The company behind the mailbox (ECGrid pages also call it `mailboxName`; either is read).',
      }),
      status: checked.exposeString('status', { nullable: true, description: 'The status verbatim, e.g. "Active".' }),
      created: checked.expose('created', { type: 'DateTime', nullable: true, description: 'When the mailbox was created, in UTC.' }),
      modified: checked.expose('modified', { type: 'DateTime', nullable: true, description: 'When it last changed, in UTC.' }),
    };
  },
});

builder.queryField('mailbox', (t) =>
  t.field({
    type: Mailbox,
    nullable: true,
    complexity: 1,
    description:
      'GET /v2/mailboxes/{id}: null when it does not exist or is not visible to the credential. ' +
      'Reference data: cached per credential for ECGRID_CACHE_TTL_REFERENCE_MS (default 5 minutes).',
    args: { mailboxId: t.arg.int({ required: true, description: 'A positive mailbox id.' }) },
    resolve: (_root, { mailboxId }, context) => {
      if (mailboxId < 1) throw new BadInputError('mailboxId must be a positive id', 'mailboxId');
      return mailboxById(mailboxId, context);
    },
  }),
);
