/**
 * The layers, checked by `npm run lint`: infra → functions → contexts → kernel, events on their own.
 * A path names a layer: infra/ (CDK and the local runtime), functions/<context>/<task>/, shared/<context>/,
 * shared/kernel/, events/.
 */
const runsInLambda = '^(functions|shared|events)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes load order matter and layers meaningless.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lambda-code-not-to-infra',
      severity: 'error',
      comment: 'Nothing that runs in a Lambda imports the CDK app or the local runtime.',
      from: { path: runsInLambda },
      to: { path: '^infra/' },
    },
    {
      name: 'shared-not-to-functions',
      severity: 'error',
      comment: 'Contexts and the kernel know nothing of the functions (declarations or handlers) built on them.',
      from: { path: '^shared/' },
      to: { path: '^functions/' },
    },
    {
      name: 'handlers-are-entry-points',
      severity: 'error',
      comment: 'A handler is what Lambda (or the local runtime, a bench, a test) calls; no code of ours imports one.',
      from: { path: '^(functions|shared|events)/' },
      to: { path: '^functions/.+/handler\\.ts$' },
    },
    {
      name: 'kernel-not-to-contexts',
      severity: 'error',
      comment: 'The kernel is what every context uses, so it uses none of them.',
      from: { path: '^shared/kernel/' },
      to: { path: '^shared/', pathNot: '^shared/kernel/' },
    },
    {
      name: 'events-stand-alone',
      severity: 'error',
      comment: 'Partners read the event contracts on their own: events/ imports nothing else of ours.',
      from: { path: '^events/' },
      to: { path: '^(shared|functions|infra|test|bench)/' },
    },
    {
      name: 'contexts-through-ports',
      severity: 'error',
      comment:
        "A context reaches another only through that context's ports.ts and schemas.ts; its deps.ts, the composition " +
        "root, alone builds another context's adapters.",
      from: { path: '^shared/([^/]+)/', pathNot: ['^shared/kernel/', '^shared/[^/]+/deps\\.ts$'] },
      to: { path: '^shared/', pathNot: ['^shared/$1/', '^shared/kernel/', '^shared/[^/]+/(ports|schemas)\\.ts$'] },
    },
    {
      name: 'production-not-to-tests',
      severity: 'error',
      from: { path: '^(functions|shared|events|infra)/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|cdk\\.out|\\.local)/' },
    // Type-only imports count: a cycle through types still ties the layers together.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'node', 'default', 'types'],
      extensions: ['.ts', '.js'],
    },
  },
};
