import type { BuildOptions } from 'esbuild';
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
    '@aws-sdk/credential-provider-node': fileURLToPath(new URL('../shared/kernel/aws/lambda-credentials.ts', import.meta.url)),
  },
  // CommonJS dependencies inside an ESM bundle still call require().
  banner: "import { createRequire as houseCreateRequire } from 'node:module'; const require = houseCreateRequire(import.meta.url);",
} as const;

/** The same, in the shape esbuild's own build() takes: the bench and the tests bundle a handler as the stack does. */
export const lambdaEsbuildOptions = {
  ...lambdaBundling,
  mainFields: [...lambdaBundling.mainFields],
  banner: { js: lambdaBundling.banner },
  bundle: true,
  logLevel: 'error',
} satisfies BuildOptions;

/**
 * Where npm installs a function's `nodeModules` (native packages such as sharp) when the stack is synthesised:
 * Lambda's Linux on arm64 with glibc, whatever machine synthesises. sharp's prebuilt binaries are npm packages
 * (@img/sharp-linux-arm64, @img/sharp-libvips-linux-arm64), so this needs the npm registry and no Docker.
 */
export const lambdaNodeModulesTarget = { npm_config_os: 'linux', npm_config_cpu: 'arm64', npm_config_libc: 'glibc' } as const;
