import type { CodegenConfig } from '@graphql-codegen/cli';

// `npm run codegen` writes schema.graphql from the Pothos schema (src/schema/index.ts);
// `npm run schema:check` fails when the checked-in file differs from the code.
const config: CodegenConfig = {
  schema: './src/schema/index.ts',
  generates: {
    'schema.graphql': {
      plugins: ['schema-ast'],
      config: { includeDirectives: true, sort: true, commentDescriptions: false },
    },
  },
  silent: true,
};

export default config;
