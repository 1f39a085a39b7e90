/** User: the user behind a credential, as a Node; the `me` root field (GET /v2/users/me) and the link to its mailbox. */
import type { Context } from '../../graphql/context.js';
import type { UserRecord } from '../../upstream/records/user.js';
import { builder } from '../builder.js';
import { checkedOr, exposingChecked, linkById } from '../fields/checked.js';
import { Mailbox, mailboxById } from '../mailbox/mailbox.js';
import { parsePositiveId, registerNode } from '../node.js';

export const User = builder.objectRef<UserRecord>('User');

/** A user by id (GET /v2/users/{id}), for refetching: ECGrid shows a caller its own user; others are null. */
const userById = (userId: number, context: Context) => context.ecgrid.userById.load(userId);

registerNode({ typename: 'User', parseId: parsePositiveId, load: userById });

builder.node(User, {
  description: 'An ECGrid user: the person or service a credential belongs to, with its default mailbox.',
  id: { resolve: checkedOr((record: UserRecord) => record.userId, 0), parse: Number },
  loadWithoutCache: userById,
  fields: (t) => {
    const checked = exposingChecked(t);
    return {
      userId: t.int({ description: "ECGrid's user id.", resolve: checkedOr((record: UserRecord) => record.userId, 0) }),
      login: checked.exposeString('login', { nullable: true }),
      email: checked.exposeString('email', { nullable: true }),
      firstName: checked.exposeString('firstName', { nullable: true }),
      lastName: checked.exposeString('lastName', { nullable: true }),
      authLevel: checked.exposeString('authLevel', { nullable: true, description: 'The role verbatim, e.g. "MailboxAdmin", "NetworkAdmin".' }),
      status: checked.exposeString('status', { nullable: true, description: 'The status verbatim, e.g. "Active".' }),
      networkId: checked.exposeInt('networkId', { nullable: true }),
      mailboxId: checked.exposeInt('mailboxId', { nullable: true, description: "The user's default mailbox." }),
      mailbox: t.field({
        type: Mailbox,
        nullable: true,
        // A link from the data: its call is counted as it is made (MAX_UPSTREAM_CALLS), not before.
        complexity: 0,
        description:
          "The user's default mailbox (GET /v2/mailboxes/{id}, after the user is known). A dashboard that knows " +
          'its mailbox id asks `mailbox(mailboxId:)` beside `me` instead, so that both calls start together.',
        resolve: (user, _args, context) => linkById(user.mailboxId, (id) => mailboxById(id, context)),
      }),
      created: checked.expose('created', { type: 'DateTime', nullable: true, description: 'When the user was created, in UTC.' }),
    };
  },
});

builder.queryField('me', (t) =>
  t.field({
    type: User,
    complexity: 1,
    description: "GET /v2/users/me: the user of the request's credential, and its default mailbox.",
    resolve: (_root, _args, context) => context.ecgrid.me.load('me'),
  }),
);
