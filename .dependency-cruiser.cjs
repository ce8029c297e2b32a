/**
 * The modules' allowed directions, checked by `npm test` (npm run lint:deps).
 *
 * The server is a stack of contexts: a module may import its own context and any context below
 * it, never one above. Type-only imports count (tsPreCompilationDeps): a cycle of types is still
 * two modules that cannot be understood apart. And no cycle at all, even inside one context.
 */
const SERVER_LAYERS = [
  // Foundations: configuration, errors, the store, reference data, the matcher, auth primitives.
  ['api/(errors|config|csv|store|reference|auth|kernel)', 'matching'],
  ['api/mail'],
  ['api/links'],
  ['api/directory'],
  ['api/(purchasing|import-jobs)'],
  ['api/needs'],
  ['api/introductions'],
  ['api/accounts'],
  ['api/campaign'],
  ['api/(public-contracts|spend)'],
  ['api/impact'],
  ['api/outbox'],
  ['api/operator'],
  // The assembly and the doors: services, HTTP pages, GraphQL, the scripts.
  ['api/(services|http|server|main|console|public-pages|map-layer|sample|pages|observability|site)', 'graphql', 'scripts'],
];

// The console (main → App → pages) and the public pages (public/main → PublicApp → public/<page>)
// over shared components, over the base (errors, format, labels, session, client, generated types).
const WEB_LAYERS = [
  ['web/src/([^/]+\\.ts|gql/.*)$'],
  ['web/src/components'],
  ['web/src/pages', 'web/src/public/(?!(main|PublicApp)\\.tsx)[^/]+'],
  ['web/src/(App|main)\\.tsx$', 'web/src/public/(main|PublicApp)\\.tsx$', 'web/src/embed/'],
];

/** The contexts whose index.ts is their public surface: from outside, only the index is imported. */
const CONTEXTS = ['kernel', 'observability', 'mail', 'links', 'directory/imports', 'directory', 'needs', 'introductions', 'accounts', 'campaign', 'purchasing', 'import-jobs', 'public-contracts', 'spend', 'impact', 'outbox', 'operator'];
const CONTEXT_FILE = `^api/(${CONTEXTS.join('|')})/[^/]+\\.ts$`;

const pathOf = (group) => `^(${group.join('|')})([./]|$)`;

/** For each layer, the layers above it: importing one of them is a direction not allowed. */
function layerRules(name, layers) {
  return layers.slice(0, -1).map((layer, i) => ({
    name: `${name}-layer-${i}`,
    comment: `${layer.join(', ')} may not import a context above it (${layers
      .slice(i + 1)
      .flat()
      .join(', ')}).`,
    severity: 'error',
    from: { path: pathOf(layer) },
    to: { path: pathOf(layers.slice(i + 1).flat()) },
  }));
}

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'No import cycle, type-only imports included.', severity: 'error', from: {}, to: { circular: true } },
    ...layerRules('server', SERVER_LAYERS),
    ...layerRules('web', WEB_LAYERS),
    {
      name: 'context-public-surface',
      comment: "Another context's files are reached through its index.ts only.",
      severity: 'error',
      from: { path: '^(api/[^/]+)/' },
      to: { path: CONTEXT_FILE, pathNot: ['^$1/', '/index\\.ts$'] },
    },
    {
      name: 'context-public-surface-outside',
      comment: 'GraphQL, the scripts and the tests reach a context through its index.ts only.',
      severity: 'error',
      from: { path: '^(graphql|scripts|test|api/[^/]+\\.ts$)' },
      to: { path: CONTEXT_FILE, pathNot: '/index\\.ts$' },
    },
    {
      name: 'web-page-to-page',
      comment: 'A page never imports another page: what two pages share goes to components/ or the base.',
      severity: 'error',
      from: { path: '^web/src/(pages|public)/[^/]+$', pathNot: '^web/src/public/(main|PublicApp)\\.tsx$' },
      to: { path: '^web/src/(pages|public)/', pathNot: '^web/src/public/(main|PublicApp)\\.tsx$' },
    },
    {
      name: 'web-talks-graphql-only',
      comment: 'The web front end reaches the server over /graphql only; of the server it compiles only the shared French vocabulary (pure data and formatting), the reading of typed amounts and the public documents a GET may run.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(api|graphql|matching|scripts)/', pathNot: '^(api/reference/(vocabulary|labels|amounts)|graphql/public-operations)\\.ts$' },
    },
    {
      name: 'server-not-test',
      comment: 'Production code never imports the tests (the bench scripts use their synthetic data generator).',
      severity: 'error',
      from: { path: '^(api|graphql|matching|scripts|web)/', pathNot: '^scripts/(bench|ready)\\.ts$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|generated)/' },
  },
};
