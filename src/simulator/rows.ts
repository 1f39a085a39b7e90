// ECGrid's rows, as the simulator answers them: InterchangeIDInfo, ParcelIDInfo, ECGridIDInfo and the
// two manifests' entries. Dates as ISO 8601 with a Z and no milliseconds.
import type { ApiRow, SimDirection, SimInterchange, SimParcel } from './model.js';
import { type Party, PARTIES } from './trade.js';

export const isoDate = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** An interchange as ECGrid's list and detail endpoints show it to its receiver (inbox) or sender (outbox). */
export function row(item: SimInterchange, direction: SimDirection): ApiRow {
  return {
    interchangeId: item.interchangeId,
    parcelId: item.parcelId,
    sender: item.sender,
    receiver: item.receiver,
    standard: item.standard,
    documentType: item.documentType,
    status: direction === 'inbox' ? item.inboxStatus : item.outboxStatus,
    created: isoDate(item.created),
  };
}

/** A parcel as its receiver (inbox) or its sender (outbox) sees it: that side's mailbox, network and status. */
export function parcelRow(parcel: SimParcel, direction: SimDirection): ApiRow {
  const side = PARTIES.get(direction === 'inbox' ? parcel.ecGridIdTo : parcel.ecGridIdFrom);
  const inbox = direction === 'inbox';
  return {
    parcelId: parcel.parcelId,
    mailboxId: (inbox ? parcel.toMailboxId : parcel.fromMailboxId) ?? side?.homeMailboxId ?? 0,
    networkId: side?.networkId ?? 0,
    fileName: parcel.fileName,
    bytes: parcel.bytes,
    status: inbox ? parcel.inboxStatus : parcel.outboxStatus,
    ecGridIdFrom: parcel.ecGridIdFrom,
    ecGridIdTo: parcel.ecGridIdTo,
    created: isoDate(parcel.created),
    modified: isoDate(inbox ? parcel.inboxModified : parcel.outboxModified),
  };
}

/** An ECGrid ID (a trading partner) as GET /v2/ids/{id} shows it. */
export function partnerRow(partner: Party): ApiRow {
  return {
    ecGridId: partner.ecGridId,
    mailboxId: partner.homeMailboxId,
    networkId: partner.networkId,
    qualifier: partner.qualifier,
    id: partner.id,
    description: partner.description,
    status: 'Active',
    routingGroup: 'ProductionA',
    ediStandard: partner.ediStandard,
  };
}

/** An interchange as a parcel's manifest lists it: `count` is its transaction sets. */
export function manifestRow(item: SimInterchange): ApiRow {
  return {
    interchangeId: item.interchangeId,
    sender: item.sender,
    receiver: item.receiver,
    documentType: item.documentType,
    count: item.transactionSets,
  };
}
