import { readFileSync } from 'node:fs';

/** The example operations under src/operations, shown as GraphiQL tabs. */
export interface ExampleOperation {
  readonly name: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

const read = (file: string) => readFileSync(new URL(`./operations/${file}`, import.meta.url), 'utf8');

export function exampleOperations(sample: { interchangeId?: number; globalId?: string } = {}): ExampleOperation[] {
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
  ];
}
