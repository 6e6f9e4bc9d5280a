import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the platform's own schema.gql: `npm run codegen` writes src/gql, which is
 * committed; CI runs it again and fails if it changed, so a schema change that breaks the
 * dashboard fails the build (and `tsc` then names every broken use).
 */
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/gql/**'],
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
      },
      presetConfig: { fragmentMasking: false },
    },
  },
  ignoreNoDocuments: true,
};

export default config;
