// Jest runs in native ESM mode (NestJS 12 ships ESM only); SWC strips types and keeps decorator metadata.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'es6' },
  },
];

const libs = [
  'event-store',
  'database',
  'config',
  'domain',
  'command-side',
  'health',
  'privacy',
  'projections',
  'read-models',
  'auth',
  'metrics',
];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: {
    ...Object.fromEntries(libs.map((lib) => [`^#${lib}$`, `<rootDir>/libs/${lib}/src/index.ts`])),
    // Test support a library shares with other libraries' specs and the end-to-end tests.
    '^#(event-store|database)/testing$': '<rootDir>/libs/$1/src/testing/index.ts',
    // One entry point per read model: `#read-models/signals` is libs/read-models/src/signals/index.ts.
    '^#read-models/(.+)$': '<rootDir>/libs/read-models/src/$1/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  // One browser suite first (it makes the demo they share), the others last (test/sequencer.mjs).
  testSequencer: '<rootDir>/test/sequencer.mjs',
  maxWorkers: 2,
  testTimeout: 60000,
  verbose: true,
};
