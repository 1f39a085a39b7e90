// The simulator's mailboxes and users: who can log in, with which demo credentials.

/** A mailbox that can log in to the simulator, with its demo credentials. */
export interface SimMailbox {
  readonly mailboxId: number;
  readonly networkId: number;
  readonly ecGridId: number;
  readonly code: string;
  readonly companyName: string;
  readonly apiKey: string;
  readonly bearerToken: string;
}

/** A user that is known to ECGrid but whose AuthLevel is too low for these endpoints (403). */
export interface SimRestrictedUser {
  readonly apiKey: string;
  readonly mailboxId: number;
}

export const MAILBOXES: readonly SimMailbox[] = [
  {
    mailboxId: 1001,
    networkId: 40,
    ecGridId: 310001,
    code: 'ACME_RETAIL',
    companyName: 'Acme Retail Group',
    apiKey: 'demo-key-acme',
    bearerToken: 'demo-jwt-acme',
  },
  {
    mailboxId: 1002,
    networkId: 40,
    ecGridId: 310002,
    code: 'GLOBEX_MFG',
    companyName: 'Globex Manufacturing',
    apiKey: 'demo-key-globex',
    bearerToken: 'demo-jwt-globex',
  },
  {
    mailboxId: 1003,
    networkId: 40,
    ecGridId: 310003,
    code: 'INITECH_LOGISTICS',
    companyName: 'Initech Logistics',
    apiKey: 'demo-key-initech',
    bearerToken: 'demo-jwt-initech',
  },
];

export const RESTRICTED_USERS: readonly SimRestrictedUser[] = [{ apiKey: 'demo-key-restricted', mailboxId: 1001 }];
