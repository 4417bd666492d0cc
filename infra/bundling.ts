import { fileURLToPath } from 'node:url';

/**
 * How every Lambda is bundled: the house construct hands these to NodejsFunction and
 * `npm run bench` to esbuild, so the bench measures exactly what is deployed.
 */
export const lambdaBundling = {
  format: 'esm',
  platform: 'node',
  target: 'node22',
  minify: true,
  // The SDK's ES module builds tree-shake; its CommonJS builds (esbuild's default on node) do not.
  mainFields: ['module', 'main'],
  alias: {
    '@aws-sdk/credential-provider-node': fileURLToPath(new URL('../shared/platform/lambda-credentials.ts', import.meta.url)),
  },
  // CommonJS dependencies inside an ESM bundle still call require().
  banner: "import { createRequire as houseCreateRequire } from 'node:module'; const require = houseCreateRequire(import.meta.url);",
} as const;
