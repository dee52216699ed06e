import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * graphql-codegen's client preset for the profile gateway: typed documents
 * from the operations written with `graphql(...)` in your code, and the
 * manifest of persisted documents a partner hands to the gateway's operator.
 * Run it with `npx graphql-codegen --config codegen.ts`.
 */
const config: CodegenConfig = {
  // The gateway's published schema (schema.graphql of its repository). Introspecting a running gateway
  // works too, with an analyst key: { 'http://127.0.0.1:4000/graphql': { headers: { 'x-api-key': '…' } } }.
  schema: '../../schema.graphql',
  documents: ['frontend.ts', 'partner.ts'],
  ignoreNoDocuments: false,
  generates: {
    './gql/': {
      preset: 'client',
      presetConfig: {
        // Writes gql/persisted-documents.json: { "<sha256 of the text>": "<text>" }, the gateway's
        // PERSISTED_QUERIES_FILE; each document carries its hash in document.__meta__.hash.
        persistedDocuments: true,
        fragmentMasking: false,
      },
      config: {
        // The gateway's custom scalars, which are `unknown` out of the box.
        scalars: {
          DateTime: { input: 'string', output: 'string' }, // ISO 8601 instant, e.g. 2026-01-02T10:00:00.000Z
          Date: { input: 'string', output: 'string' }, // ISO 8601 calendar date, e.g. 2026-01-02
          Long: { input: 'number', output: 'number' }, // an integer of up to 53 bits, sent as a JSON number
          JSON: { input: 'unknown', output: 'string | number | boolean | null | { [key: string]: unknown } | unknown[]' },
        },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
