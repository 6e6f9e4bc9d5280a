/* global module -- dependency-cruiser reads a CommonJS configuration */
/**
 * The import rules of the monorepo (run by `npm run lint:deps`, and by CI through `npm run lint`):
 * no import cycles, no app importing another app, libraries never importing apps, and apps, tests
 * and benchmarks reaching a library only through its entry point (`#domain`, `#read-models/signals`…),
 * never by a relative path into its sources.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: modules that need each other belong together or need a seam.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-app-to-app',
      severity: 'error',
      comment: 'An app imports another app: move what they share into a library (libs/).',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      severity: 'error',
      comment: 'Libraries are below apps: they never import one.',
      from: { path: '^libs/' },
      to: { path: '^(apps|test|bench)/' },
    },
    {
      name: 'no-deep-import-into-libs',
      severity: 'error',
      comment: 'Reach a library through its entry point (#name, #read-models/<model>), not a relative path into it.',
      from: { path: '^(apps|test|bench|scripts)/' },
      to: { path: '^libs/', dependencyTypesNot: ['aliased-subpath-import'] },
    },
    {
      name: 'no-lib-internals-across-libs',
      severity: 'error',
      comment: 'One library reaches another through its entry point, not by a relative path into it.',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: '^libs/$1/', dependencyTypesNot: ['aliased-subpath-import'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|apps/web)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
