import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { type AugmentedRequest, RESTDataSource } from '@apollo/datasource-rest';

/**
 * Peer for scenario D: the straightforward way to put GraphQL over ECGrid with Apollo Server 5 and
 * RESTDataSource, as its documentation shows it. Offset cursors, one RESTDataSource per request
 * (which dedupes identical GETs within the request), links resolved field by field through it,
 * no other optimisation. Type and field names follow the contract's, so the same queries run.
 */
const baseUrl = process.env['ECGRID_BASE_URL'] ?? 'http://127.0.0.1:4010';
const port = Number(process.env['PORT'] ?? 4200);

const typeDefs = `#graphql
  type MailboxStats { sent: Int! received: Int! totalBytes: Float! period: String! }
  type Interchange {
    interchangeId: Float!  parcelId: Float  sender: String  receiver: String
    standard: String  documentType: String  status: String  created: String!
    parcel: Parcel
  }
  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type InterchangeEdge { cursor: String! node: Interchange! }
  type InterchangeConnection { edges: [InterchangeEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type Parcel {
    parcelId: Float!  mailboxId: Int  networkId: Int  fileName: String  bytes: Float  status: String
    ecGridIdFrom: Int  ecGridIdTo: Int  created: String  modified: String
    from: TradingPartner  to: TradingPartner
  }
  type TradingPartner {
    ecGridId: Int!  mailboxId: Int  networkId: Int  qualifier: String  identifier: String
    description: String  status: String  routingGroup: String  ediStandard: String
  }
  type User {
    userId: Int!  login: String  email: String  firstName: String  lastName: String  authLevel: String
    status: String  networkId: Int  mailboxId: Int  mailbox: Mailbox  created: String
  }
  type Mailbox { mailboxId: Int!  networkId: Int  uniqueId: String  companyName: String  status: String  created: String  modified: String }
  type StatusEntry { code: String!  description: String }
  type StatusLists { parcelStatuses: [StatusEntry!]!  interchangeStatuses: [StatusEntry!]! }
  type MailboxSummary {
    mailboxId: Int  totalParcels: Float  totalInterchanges: Float  totalBytes: Float  activePartners: Int  reportGeneratedAt: String
  }
  type TrafficPeriod { periodStart: String!  periodEnd: String!  sentCount: Float  receivedCount: Float  totalBytes: Float }
  type InterchangeStatsPeriod { periodStart: String!  periodEnd: String!  count: Float  totalBytes: Float  direction: Direction }
  type InstantStats { window1Minutes: Int  window1Count: Float  window2Minutes: Int  window2Count: Float }
  enum StatisticsPeriod { HOUR DAY WEEK MONTH }
  enum Direction { BOTH INBOX OUTBOX }
  type Query {
    mailboxStats: MailboxStats!
    inbox(first: Int = 100, after: String): InterchangeConnection!
    outbox(first: Int = 100, after: String): InterchangeConnection!
    interchange(interchangeId: Float!): Interchange
    parcel(parcelId: Float!): Parcel
    tradingPartner(ecGridId: Int!): TradingPartner
    me: User!
    mailbox(mailboxId: Int!): Mailbox
    statusLists: StatusLists!
    mailboxSummary: MailboxSummary!
    trafficStats(targetTime: String, periods: Int!, period: StatisticsPeriod!): [TrafficPeriod!]!
    interchangeStats(startTime: String!, endTime: String!, direction: Direction!): [InterchangeStatsPeriod!]!
    instantStats(minutes1: Int!, minutes2: Int!): InstantStats!
  }
`;

interface Envelope<T> {
  success: boolean;
  data: T;
}
interface Page {
  totalRecords: number;
  interchanges: Record<string, unknown>[];
}
type Row = Record<string, unknown>;

class EcgridAPI extends RESTDataSource {
  override baseURL = `${baseUrl}/v2/`;

  constructor(private readonly apiKey: string) {
    super();
  }

  override willSendRequest(_path: string, request: AugmentedRequest) {
    request.headers['x-api-key'] = this.apiKey;
  }

  async mailboxStats() {
    return (await this.get<Envelope<unknown>>('reports/mailbox-interchange-stats')).data;
  }

  async list(direction: 'inbox' | 'outbox', pageNo: number, recordsPerPage: number) {
    return (await this.post<Envelope<Page>>(`interchanges/${direction}-list`, { body: { pageNo, recordsPerPage } })).data;
  }

  /** A GET by id; ECGrid's 404 (absent, or not visible) is null. */
  async byId(path: string) {
    try {
      return (await this.get<Envelope<Row>>(path)).data;
    } catch (error) {
      if ((error as { extensions?: { response?: { status?: number } } }).extensions?.response?.status === 404) return null;
      throw error;
    }
  }

  interchange = (id: number) => this.byId(`interchanges/${id}`);
  parcel = (id: number) => this.byId(`parcels/${id}`);
  tradingPartner = (id: number) => this.byId(`ids/${id}`);
  mailbox = (id: number) => this.byId(`mailboxes/${id}`);

  async read<T>(path: string) {
    return (await this.get<Envelope<T>>(path)).data;
  }

  async report<T>(path: string, body: Record<string, unknown>) {
    return (await this.post<Envelope<T>>(`reports/${path}`, { body })).data;
  }
}

interface Context {
  api: EcgridAPI;
}

const connection = (direction: 'inbox' | 'outbox') => async (_: unknown, args: { first: number; after?: string }, { api }: Context) => {
  const offset = args.after ? Number(Buffer.from(args.after, 'base64').toString()) + 1 : 0;
  const first = Math.max(1, Math.min(args.first, 500));
  const page = await api.list(direction, Math.floor(offset / first) + 1, first);
  const cursor = (i: number) => Buffer.from(String(offset + i)).toString('base64');
  return {
    totalCount: page.totalRecords,
    edges: page.interchanges.map((node, i) => ({ cursor: cursor(i), node })),
    pageInfo: {
      hasNextPage: offset + page.interchanges.length < page.totalRecords,
      hasPreviousPage: offset > 0,
      startCursor: page.interchanges.length ? cursor(0) : null,
      endCursor: page.interchanges.length ? cursor(page.interchanges.length - 1) : null,
    },
  };
};

const server = new ApolloServer<Context>({
  typeDefs,
  resolvers: {
    // Apollo's enum internal values: the schema's names, ECGrid's values.
    StatisticsPeriod: { HOUR: 'Hour', DAY: 'Day', WEEK: 'Week', MONTH: 'Month' },
    Direction: { BOTH: 'NoDir', INBOX: 'InBox', OUTBOX: 'OutBox' },
    Query: {
      mailboxStats: (_: unknown, __: unknown, { api }: Context) => api.mailboxStats(),
      inbox: connection('inbox'),
      outbox: connection('outbox'),
      interchange: (_: unknown, { interchangeId }: { interchangeId: number }, { api }: Context) => api.interchange(interchangeId),
      parcel: (_: unknown, { parcelId }: { parcelId: number }, { api }: Context) => api.parcel(parcelId),
      tradingPartner: (_: unknown, { ecGridId }: { ecGridId: number }, { api }: Context) => api.tradingPartner(ecGridId),
      mailbox: (_: unknown, { mailboxId }: { mailboxId: number }, { api }: Context) => api.mailbox(mailboxId),
      me: (_: unknown, __: unknown, { api }: Context) => api.read('users/me'),
      statusLists: (_: unknown, __: unknown, { api }: Context) => api.read('status-lists'),
      mailboxSummary: (_: unknown, __: unknown, { api }: Context) => api.read('reports/mailbox-stats'),
      trafficStats: (_: unknown, args: { targetTime?: string; periods: number; period: string }, { api }: Context) =>
        api.report('traffic-stats', { targetTime: args.targetTime ?? new Date().toISOString(), numPeriods: args.periods, period: args.period }),
      interchangeStats: (_: unknown, args: { startTime: string; endTime: string; direction: string }, { api }: Context) => api.report('interchange-stats', args),
      instantStats: (_: unknown, args: { minutes1: number; minutes2: number }, { api }: Context) => api.report('instant-stats', args),
    },
    Interchange: {
      parcel: (row: Row, _: unknown, { api }: Context) => (typeof row['parcelId'] === 'number' ? api.parcel(row['parcelId']) : null),
    },
    Parcel: {
      from: (parcel: Row, _: unknown, { api }: Context) => (typeof parcel['ecGridIdFrom'] === 'number' ? api.tradingPartner(parcel['ecGridIdFrom']) : null),
      to: (parcel: Row, _: unknown, { api }: Context) => (typeof parcel['ecGridIdTo'] === 'number' ? api.tradingPartner(parcel['ecGridIdTo']) : null),
    },
    TradingPartner: {
      identifier: (partner: Row) => partner['id'],
    },
    User: {
      mailbox: (user: Row, _: unknown, { api }: Context) => (typeof user['mailboxId'] === 'number' ? api.mailbox(user['mailboxId']) : null),
    },
  },
});

const { url } = await startStandaloneServer(server, {
  listen: { port, host: '127.0.0.1' },
  context: async ({ req }) => ({ api: new EcgridAPI(String(req.headers['x-api-key'] ?? '')) }),
});
process.stdout.write(`Apollo Server + RESTDataSource on ${url}\n`);
