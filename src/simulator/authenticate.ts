// Who is calling: ECGrid's API key (X-API-Key) or session token (Authorization: Bearer), checked
// against the simulator's demo credentials.
import type { IncomingMessage } from 'node:http';
import { envelopeError, header, HttpAnswer } from './http.js';
import { MAILBOXES, RESTRICTED_USERS, type SimMailbox } from './mailboxes.js';

export type Caller =
  | { readonly kind: 'mailbox'; readonly mailbox: SimMailbox }
  | { readonly kind: 'restricted'; readonly mailboxId: number };

/** The caller, or the 401 answer for missing or unknown credentials; the API key wins when both are sent. */
export function authenticate(req: IncomingMessage): Caller | HttpAnswer {
  const apiKey = header(req, 'x-api-key');
  const authorization = header(req, 'authorization');
  if (apiKey !== undefined) {
    const mailbox = MAILBOXES.find((m) => m.apiKey === apiKey);
    if (mailbox) return { kind: 'mailbox', mailbox };
    const restricted = RESTRICTED_USERS.find((u) => u.apiKey === apiKey);
    if (restricted) return { kind: 'restricted', mailboxId: restricted.mailboxId };
    return envelopeError(401, 'InvalidAPIKey', 'The API key is not valid or has been revoked');
  }
  if (authorization !== undefined) {
    const match = /^Bearer (.+)$/.exec(authorization);
    const mailbox = match ? MAILBOXES.find((m) => m.bearerToken === match[1]) : undefined;
    if (mailbox) return { kind: 'mailbox', mailbox };
    return envelopeError(401, 'InvalidSession', 'The session token is expired or malformed');
  }
  return envelopeError(401, 'InvalidAPIKey', 'No API key or session token was sent (X-API-Key or Authorization: Bearer)');
}

/** The mailbox a caller acts for, or undefined when authentication failed. */
export function callerMailboxId(caller: Caller | HttpAnswer): number | undefined {
  if (caller instanceof HttpAnswer) return undefined;
  return caller.kind === 'mailbox' ? caller.mailbox.mailboxId : caller.mailboxId;
}
