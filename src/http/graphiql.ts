/** The GraphiQL page: its options, and the example operations (./operations) shown as its tabs. */
import { readFileSync } from 'node:fs';
import type { GraphiQLOptions } from 'graphql-yoga';

/** One example operation, shown as a GraphiQL tab. */
export interface ExampleOperation {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

const read = (file: string) => readFileSync(new URL(`./operations/${file}`, import.meta.url), 'utf8');

export function exampleOperations(sample: { interchangeId?: number; globalId?: string; mailboxId?: number; parcelId?: number } = {}): ExampleOperation[] {
  return [
    { name: 'MailboxStats', query: read('MailboxStats.graphql'), variables: {} },
    { name: 'Inbox', query: read('Inbox.graphql'), variables: { first: 10 } },
    {
      name: 'Outbox',
      query: read('Outbox.graphql'),
      variables: { last: 5, filter: { beginDate: new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10) + 'T00:00:00Z' } },
    },
    { name: 'Interchange', query: read('Interchange.graphql'), variables: { interchangeId: sample.interchangeId ?? 98700001 } },
    { name: 'Node', query: read('Node.graphql'), variables: { id: sample.globalId ?? 'SW50ZXJjaGFuZ2U6OTg3MDAwMDE=' } },
    {
      name: 'Dashboard',
      query: read('Dashboard.graphql'),
      variables: { mailboxId: sample.mailboxId ?? 1001, since: new Date(Date.now() - 7 * 86_400_000).toISOString(), until: new Date().toISOString() },
    },
    { name: 'WaitingFiles', query: read('WaitingFiles.graphql'), variables: { failed: 10 } },
    { name: 'FileDetail', query: read('FileDetail.graphql'), variables: { parcelId: sample.parcelId ?? 55500001 } },
  ];
}

export interface GraphiQLPage {
  readonly examples: readonly ExampleOperation[];
  /** Request headers every tab starts with (the simulator's demo key). */
  readonly headers?: Record<string, string>;
}

export function graphiqlOptions(page: GraphiQLPage): GraphiQLOptions {
  const headers = JSON.stringify(page.headers ?? {}, null, 2);
  const [first] = page.examples;
  return {
    title: 'ECGrid GraphQL',
    defaultQuery: first?.query,
    headers,
    defaultTabs: page.examples.map((example) => ({
      query: example.query,
      variables: JSON.stringify(example.variables, null, 2),
      headers,
    })),
  };
}
