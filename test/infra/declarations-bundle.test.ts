import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { lambdaEsbuildOptions } from '#infra/bundling';

/** The modules a bundle of `entry` holds, bundled as the stack bundles a handler. */
async function bundledInputs(entry: string): Promise<string[]> {
  const { metafile } = await build({
    ...lambdaEsbuildOptions,
    entryPoints: [entry],
    write: false,
    outfile: 'out.mjs',
    metafile: true,
  });
  return Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
}

describe('the declarations, bundled', () => {
  /*
   * The OpenAPI function bundles every declaration. A declaration that reached a store for a schema or a grant's
   * attribute list put the DynamoDB client in that bundle (367 KB, 2.32× the cold-import floor): schemas and names
   * live apart from the adapters that use them.
   */
  it('carry no AWS SDK client, so neither does the OpenAPI function built from them all', async () => {
    const sdkClients = (entry: string) =>
      bundledInputs(entry).then((inputs) => inputs.filter((input) => /@aws-sdk\/(client|lib)-/.test(input)));

    await expect(sdkClients('functions/declarations.ts')).resolves.toEqual([]);
    await expect(sdkClients('functions/platform/openapi/handler.ts')).resolves.toEqual([]);
    // The check can fail: a store does carry one.
    await expect(sdkClients('shared/participants/dynamo-artisan-store.ts')).resolves.not.toEqual([]);
  });
});
