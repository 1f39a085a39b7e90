import type { CodegenConfig } from '@graphql-codegen/cli';
import { graphqlSync } from 'graphql';
import { schema } from './src/schema/index.js';

// `npm run codegen` writes the schema artifacts and the typed client from the code;
// `npm run schema:check` (part of `npm test`) fails when a checked-in file differs from them.
//
// - schema.graphql: the served schema, sorted: every type and field a client can query, including
//   federation's `_entities`/`_service`. What relay-compiler, clients and graphql-inspector read.
// - subgraph.graphql: exactly what `_service { sdl }` answers (with @link, @key, @shareable):
//   what a composition tool or schema registry reads.
// - test/client/: typed documents (client preset) for the example operations, used by the tests.
const subgraphSdl = (graphqlSync({ schema, source: '{ _service { sdl } }' }).data as { _service: { sdl: string } })._service
  .sdl;

const config: CodegenConfig = {
  schema: './src/schema/index.ts',
  generates: {
    'schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: false, sort: true, commentDescriptions: false },
    },
    'subgraph.graphql': {
      plugins: [{ add: { content: subgraphSdl.trimEnd() } }],
    },
    'test/client/': {
      documents: ['src/http/operations/*.graphql', 'test/operations/*.graphql'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: 'string', SafeInt: 'number' },
        enumsAsTypes: true,
        useTypeImports: true,
        emitLegacyCommonJSImports: false,
      },
    },
  },
  silent: true,
};

export default config;
