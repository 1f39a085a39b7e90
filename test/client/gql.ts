/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Dashboard($mailboxId: Int!, $periods: Int = 7, $period: StatisticsPeriod = DAY, $since: DateTime!, $until: DateTime!) {\n  me {\n    id\n    userId\n    login\n    firstName\n    lastName\n    authLevel\n    mailboxId\n  }\n  mailbox(mailboxId: $mailboxId) {\n    id\n    mailboxId\n    companyName\n    status\n  }\n  mailboxSummary {\n    totalParcels\n    totalInterchanges\n    totalBytes\n    activePartners\n    reportGeneratedAt\n  }\n  trafficStats(periods: $periods, period: $period) {\n    periodStart\n    periodEnd\n    sentCount\n    receivedCount\n    totalBytes\n  }\n  interchangeStats(startTime: $since, endTime: $until, direction: BOTH) {\n    periodStart\n    periodEnd\n    count\n    totalBytes\n  }\n  instantStats(minutes1: 60, minutes2: 1440) {\n    window1Minutes\n    window1Count\n    window2Minutes\n    window2Count\n  }\n  statusLists {\n    parcelStatuses {\n      code\n      description\n    }\n    interchangeStatuses {\n      code\n      description\n    }\n  }\n}": typeof types.DashboardDocument,
    "query FileDetail($parcelId: SafeInt!) {\n  parcel(parcelId: $parcelId) {\n    id\n    parcelId\n    fileName\n    bytes\n    status\n    created\n    modified\n    from {\n      ecGridId\n      qualifier\n      identifier\n      description\n    }\n    to {\n      ecGridId\n      qualifier\n      identifier\n      description\n    }\n    manifest {\n      interchangeId\n      sender\n      receiver\n      documentType\n      count\n      interchange {\n        status\n        manifest {\n          functionalGroup\n          transactionSetType\n          transactionSetCount\n          groupControlNumber\n        }\n      }\n    }\n    content {\n      fileName\n      bytes\n      text\n    }\n  }\n}": typeof types.FileDetailDocument,
    "query Inbox($first: Int = 10, $after: String, $filter: InterchangeFilter) {\n  inbox(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        interchangeId\n        sender\n        receiver\n        standard\n        documentType\n        status\n        created\n      }\n    }\n  }\n}": typeof types.InboxDocument,
    "query Interchange($interchangeId: SafeInt!) {\n  interchange(interchangeId: $interchangeId) {\n    id\n    interchangeId\n    parcelId\n    sender\n    receiver\n    standard\n    rawStandard\n    documentType\n    status\n    created\n  }\n}": typeof types.InterchangeDocument,
    "query MailboxStats {\n  mailboxStats {\n    period\n    sent\n    received\n    totalBytes\n  }\n}": typeof types.MailboxStatsDocument,
    "query Node($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Interchange {\n      interchangeId\n      documentType\n      status\n    }\n  }\n}": typeof types.NodeDocument,
    "query Outbox($last: Int = 5, $before: String, $filter: InterchangeFilter) {\n  outbox(last: $last, before: $before, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasPreviousPage\n      startCursor\n    }\n    edges {\n      node {\n        interchangeId\n        receiver\n        standard\n        documentType\n        status\n        created\n      }\n    }\n  }\n}": typeof types.OutboxDocument,
    "query WaitingFiles($failed: Int = 10) {\n  pendingParcels {\n    id\n    parcelId\n    fileName\n    bytes\n    status\n    created\n    from {\n      ecGridId\n      description\n    }\n    manifest {\n      interchangeId\n      documentType\n      count\n    }\n  }\n  outboxParcels(first: $failed, filter: {status: \"outboxFailed\"}) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        parcelId\n        fileName\n        status\n        modified\n        to {\n          ecGridId\n          description\n        }\n      }\n    }\n  }\n}": typeof types.WaitingFilesDocument,
    "query Entities($representations: [_Any!]!) {\n  _entities(representations: $representations) {\n    __typename\n    ... on Interchange {\n      id\n      interchangeId\n      sender\n      documentType\n    }\n  }\n}": typeof types.EntitiesDocument,
    "query Service {\n  _service {\n    sdl\n  }\n}": typeof types.ServiceDocument,
};
const documents: Documents = {
    "query Dashboard($mailboxId: Int!, $periods: Int = 7, $period: StatisticsPeriod = DAY, $since: DateTime!, $until: DateTime!) {\n  me {\n    id\n    userId\n    login\n    firstName\n    lastName\n    authLevel\n    mailboxId\n  }\n  mailbox(mailboxId: $mailboxId) {\n    id\n    mailboxId\n    companyName\n    status\n  }\n  mailboxSummary {\n    totalParcels\n    totalInterchanges\n    totalBytes\n    activePartners\n    reportGeneratedAt\n  }\n  trafficStats(periods: $periods, period: $period) {\n    periodStart\n    periodEnd\n    sentCount\n    receivedCount\n    totalBytes\n  }\n  interchangeStats(startTime: $since, endTime: $until, direction: BOTH) {\n    periodStart\n    periodEnd\n    count\n    totalBytes\n  }\n  instantStats(minutes1: 60, minutes2: 1440) {\n    window1Minutes\n    window1Count\n    window2Minutes\n    window2Count\n  }\n  statusLists {\n    parcelStatuses {\n      code\n      description\n    }\n    interchangeStatuses {\n      code\n      description\n    }\n  }\n}": types.DashboardDocument,
    "query FileDetail($parcelId: SafeInt!) {\n  parcel(parcelId: $parcelId) {\n    id\n    parcelId\n    fileName\n    bytes\n    status\n    created\n    modified\n    from {\n      ecGridId\n      qualifier\n      identifier\n      description\n    }\n    to {\n      ecGridId\n      qualifier\n      identifier\n      description\n    }\n    manifest {\n      interchangeId\n      sender\n      receiver\n      documentType\n      count\n      interchange {\n        status\n        manifest {\n          functionalGroup\n          transactionSetType\n          transactionSetCount\n          groupControlNumber\n        }\n      }\n    }\n    content {\n      fileName\n      bytes\n      text\n    }\n  }\n}": types.FileDetailDocument,
    "query Inbox($first: Int = 10, $after: String, $filter: InterchangeFilter) {\n  inbox(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        interchangeId\n        sender\n        receiver\n        standard\n        documentType\n        status\n        created\n      }\n    }\n  }\n}": types.InboxDocument,
    "query Interchange($interchangeId: SafeInt!) {\n  interchange(interchangeId: $interchangeId) {\n    id\n    interchangeId\n    parcelId\n    sender\n    receiver\n    standard\n    rawStandard\n    documentType\n    status\n    created\n  }\n}": types.InterchangeDocument,
    "query MailboxStats {\n  mailboxStats {\n    period\n    sent\n    received\n    totalBytes\n  }\n}": types.MailboxStatsDocument,
    "query Node($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Interchange {\n      interchangeId\n      documentType\n      status\n    }\n  }\n}": types.NodeDocument,
    "query Outbox($last: Int = 5, $before: String, $filter: InterchangeFilter) {\n  outbox(last: $last, before: $before, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasPreviousPage\n      startCursor\n    }\n    edges {\n      node {\n        interchangeId\n        receiver\n        standard\n        documentType\n        status\n        created\n      }\n    }\n  }\n}": types.OutboxDocument,
    "query WaitingFiles($failed: Int = 10) {\n  pendingParcels {\n    id\n    parcelId\n    fileName\n    bytes\n    status\n    created\n    from {\n      ecGridId\n      description\n    }\n    manifest {\n      interchangeId\n      documentType\n      count\n    }\n  }\n  outboxParcels(first: $failed, filter: {status: \"outboxFailed\"}) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        parcelId\n        fileName\n        status\n        modified\n        to {\n          ecGridId\n          description\n        }\n      }\n    }\n  }\n}": types.WaitingFilesDocument,
    "query Entities($representations: [_Any!]!) {\n  _entities(representations: $representations) {\n    __typename\n    ... on Interchange {\n      id\n      interchangeId\n      sender\n      documentType\n    }\n  }\n}": types.EntitiesDocument,
    "query Service {\n  _service {\n    sdl\n  }\n}": types.ServiceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Dashboard($mailboxId: Int!, $periods: Int = 7, $period: StatisticsPeriod = DAY, $since: DateTime!, $until: DateTime!) {\n  me {\n    id\n    userId\n    login\n    firstName\n    lastName\n    authLevel\n    mailboxId\n  }\n  mailbox(mailboxId: $mailboxId) {\n    id\n    mailboxId\n    companyName\n    status\n  }\n  mailboxSummary {\n    totalParcels\n    totalInterchanges\n    totalBytes\n    activePartners\n    reportGeneratedAt\n  }\n  trafficStats(periods: $periods, period: $period) {\n    periodStart\n    periodEnd\n    sentCount\n    receivedCount\n    totalBytes\n  }\n  interchangeStats(startTime: $since, endTime: $until, direction: BOTH) {\n    periodStart\n    periodEnd\n    count\n    totalBytes\n  }\n  instantStats(minutes1: 60, minutes2: 1440) {\n    window1Minutes\n    window1Count\n    window2Minutes\n    window2Count\n  }\n  statusLists {\n    parcelStatuses {\n      code\n      description\n    }\n    interchangeStatuses {\n      code\n      description\n    }\n  }\n}"): (typeof documents)["query Dashboard($mailboxId: Int!, $periods: Int = 7, $period: StatisticsPeriod = DAY, $since: DateTime!, $until: DateTime!) {\n  me {\n    id\n    userId\n    login\n    firstName\n    lastName\n    authLevel\n    mailboxId\n  }\n  mailbox(mailboxId: $mailboxId) {\n    id\n    mailboxId\n    companyName\n    status\n  }\n  mailboxSummary {\n    totalParcels\n    totalInterchanges\n    totalBytes\n    activePartners\n    reportGeneratedAt\n  }\n  trafficStats(periods: $periods, period: $period) {\n    periodStart\n    periodEnd\n    sentCount\n    receivedCount\n    totalBytes\n  }\n  interchangeStats(startTime: $since, endTime: $until, direction: BOTH) {\n    periodStart\n    periodEnd\n    count\n    totalBytes\n  }\n  instantStats(minutes1: 60, minutes2: 1440) {\n    window1Minutes\n    window1Count\n    window2Minutes\n    window2Count\n  }\n  statusLists {\n    parcelStatuses {\n      code\n      description\n    }\n    interchangeStatuses {\n      code\n      description\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FileDetail($parcelId: SafeInt!) {\n  parcel(parcelId: $parcelId) {\n    id\n    parcelId\n    fileName\n    bytes\n    status\n    created\n    modified\n    from {\n      ecGridId\n      qualifier\n      identifier\n      description\n    }\n    to {\n      ecGridId\n      qualifier\n      identifier\n      description\n    }\n    manifest {\n      interchangeId\n      sender\n      receiver\n      documentType\n      count\n      interchange {\n        status\n        manifest {\n          functionalGroup\n          transactionSetType\n          transactionSetCount\n          groupControlNumber\n        }\n      }\n    }\n    content {\n      fileName\n      bytes\n      text\n    }\n  }\n}"): (typeof documents)["query FileDetail($parcelId: SafeInt!) {\n  parcel(parcelId: $parcelId) {\n    id\n    parcelId\n    fileName\n    bytes\n    status\n    created\n    modified\n    from {\n      ecGridId\n      qualifier\n      identifier\n      description\n    }\n    to {\n      ecGridId\n      qualifier\n      identifier\n      description\n    }\n    manifest {\n      interchangeId\n      sender\n      receiver\n      documentType\n      count\n      interchange {\n        status\n        manifest {\n          functionalGroup\n          transactionSetType\n          transactionSetCount\n          groupControlNumber\n        }\n      }\n    }\n    content {\n      fileName\n      bytes\n      text\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Inbox($first: Int = 10, $after: String, $filter: InterchangeFilter) {\n  inbox(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        interchangeId\n        sender\n        receiver\n        standard\n        documentType\n        status\n        created\n      }\n    }\n  }\n}"): (typeof documents)["query Inbox($first: Int = 10, $after: String, $filter: InterchangeFilter) {\n  inbox(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        interchangeId\n        sender\n        receiver\n        standard\n        documentType\n        status\n        created\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Interchange($interchangeId: SafeInt!) {\n  interchange(interchangeId: $interchangeId) {\n    id\n    interchangeId\n    parcelId\n    sender\n    receiver\n    standard\n    rawStandard\n    documentType\n    status\n    created\n  }\n}"): (typeof documents)["query Interchange($interchangeId: SafeInt!) {\n  interchange(interchangeId: $interchangeId) {\n    id\n    interchangeId\n    parcelId\n    sender\n    receiver\n    standard\n    rawStandard\n    documentType\n    status\n    created\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MailboxStats {\n  mailboxStats {\n    period\n    sent\n    received\n    totalBytes\n  }\n}"): (typeof documents)["query MailboxStats {\n  mailboxStats {\n    period\n    sent\n    received\n    totalBytes\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Node($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Interchange {\n      interchangeId\n      documentType\n      status\n    }\n  }\n}"): (typeof documents)["query Node($id: ID!) {\n  node(id: $id) {\n    id\n    ... on Interchange {\n      interchangeId\n      documentType\n      status\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Outbox($last: Int = 5, $before: String, $filter: InterchangeFilter) {\n  outbox(last: $last, before: $before, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasPreviousPage\n      startCursor\n    }\n    edges {\n      node {\n        interchangeId\n        receiver\n        standard\n        documentType\n        status\n        created\n      }\n    }\n  }\n}"): (typeof documents)["query Outbox($last: Int = 5, $before: String, $filter: InterchangeFilter) {\n  outbox(last: $last, before: $before, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasPreviousPage\n      startCursor\n    }\n    edges {\n      node {\n        interchangeId\n        receiver\n        standard\n        documentType\n        status\n        created\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query WaitingFiles($failed: Int = 10) {\n  pendingParcels {\n    id\n    parcelId\n    fileName\n    bytes\n    status\n    created\n    from {\n      ecGridId\n      description\n    }\n    manifest {\n      interchangeId\n      documentType\n      count\n    }\n  }\n  outboxParcels(first: $failed, filter: {status: \"outboxFailed\"}) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        parcelId\n        fileName\n        status\n        modified\n        to {\n          ecGridId\n          description\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query WaitingFiles($failed: Int = 10) {\n  pendingParcels {\n    id\n    parcelId\n    fileName\n    bytes\n    status\n    created\n    from {\n      ecGridId\n      description\n    }\n    manifest {\n      interchangeId\n      documentType\n      count\n    }\n  }\n  outboxParcels(first: $failed, filter: {status: \"outboxFailed\"}) {\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        parcelId\n        fileName\n        status\n        modified\n        to {\n          ecGridId\n          description\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Entities($representations: [_Any!]!) {\n  _entities(representations: $representations) {\n    __typename\n    ... on Interchange {\n      id\n      interchangeId\n      sender\n      documentType\n    }\n  }\n}"): (typeof documents)["query Entities($representations: [_Any!]!) {\n  _entities(representations: $representations) {\n    __typename\n    ... on Interchange {\n      id\n      interchangeId\n      sender\n      documentType\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Service {\n  _service {\n    sdl\n  }\n}"): (typeof documents)["query Service {\n  _service {\n    sdl\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;