/** The per-request loaders of the account: the caller's user, users by id (refetch) and mailboxes by id (links). */
import DataLoader from 'dataloader';
import type { EcgridApi } from '../upstream/client.js';
import { mailboxById } from '../upstream/endpoints/mailboxes.js';
import { me, userById } from '../upstream/endpoints/users.js';
import type { MailboxRecord } from '../upstream/records/mailbox.js';
import type { UserRecord } from '../upstream/records/user.js';
import { each } from './batch.js';
import { lazyLoader, type Loader } from './lazy.js';
import type { Limit } from './links.js';

export interface AccountLoaders {
  /** The credential's own user (GET /v2/users/me): one key. */
  readonly me: Loader<'me', UserRecord>;
  readonly userById: Loader<number, UserRecord | null>;
  /** Null when absent or not visible to the caller. */
  readonly mailboxById: Loader<number, MailboxRecord | null>;
}

/** `limit`: the request's bound on data-dependent lookups (a page of rows linking their mailboxes). */
export function accountLoaders(api: EcgridApi, limit?: Limit): AccountLoaders {
  return {
    me: lazyLoader(() => new DataLoader(each(() => api.call(me, undefined)))),
    userById: lazyLoader(() => new DataLoader(each((id: number) => api.call(userById, id), limit))),
    mailboxById: lazyLoader(() => new DataLoader(each((id: number) => api.call(mailboxById, id), limit))),
  };
}
