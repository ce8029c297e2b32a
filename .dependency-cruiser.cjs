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
  // The assembly and the doors: services, HTTP pages, GraphQL, the scripts.
  ['api/(services|http|server|main|console|public-pages|map-layer|sample|pages)', 'graphql', 'scripts'],
];

const WEB_LAYERS = [
  ['web/src/(gql|client|format|inputs|labels|messages)'],
  ['web/src/components'],
  ['web/src/(pages|public|session|profile-form)'],
  ['web/src/(App|main)'],
];

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
      name: 'web-talks-graphql-only',
      comment: 'The web front end reaches the server over /graphql only: it never imports server modules.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(api|graphql|matching|scripts)/' },
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
