import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { type AugmentedRequest, RESTDataSource } from '@apollo/datasource-rest';

/**
 * Peer for scenario D: the straightforward way to put GraphQL over ECGrid with Apollo Server 5 and
 * RESTDataSource, as its documentation shows it. Offset cursors, one RESTDataSource per request
 * (which dedupes identical GETs within the request), no other optimisation.
 */
const baseUrl = process.env['ECGRID_BASE_URL'] ?? 'http://127.0.0.1:4010';
const port = Number(process.env['PORT'] ?? 4200);

const typeDefs = `#graphql
  type MailboxStats { sent: Int! received: Int! totalBytes: Float! period: String! }
  type Interchange {
    interchangeId: Float!  parcelId: Float  sender: String  receiver: String
    standard: String  documentType: String  status: String  created: String!
  }
  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type InterchangeEdge { cursor: String! node: Interchange! }
  type InterchangeConnection { edges: [InterchangeEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type Query {
    mailboxStats: MailboxStats!
    inbox(first: Int = 100, after: String): InterchangeConnection!
    outbox(first: Int = 100, after: String): InterchangeConnection!
    interchange(interchangeId: Float!): Interchange
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

  async interchange(id: number) {
    try {
      return (await this.get<Envelope<unknown>>(`interchanges/${id}`)).data;
    } catch (error) {
      if ((error as { extensions?: { response?: { status?: number } } }).extensions?.response?.status === 404) return null;
      throw error;
    }
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
    Query: {
      mailboxStats: (_: unknown, __: unknown, { api }: Context) => api.mailboxStats(),
      inbox: connection('inbox'),
      outbox: connection('outbox'),
      interchange: (_: unknown, { interchangeId }: { interchangeId: number }, { api }: Context) => api.interchange(interchangeId),
    },
  },
});

const { url } = await startStandaloneServer(server, {
  listen: { port, host: '127.0.0.1' },
  context: async ({ req }) => ({ api: new EcgridAPI(String(req.headers['x-api-key'] ?? '')) }),
});
process.stdout.write(`Apollo Server + RESTDataSource on ${url}\n`);
