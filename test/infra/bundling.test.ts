import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { declarations } from '#functions/declarations';
import { PasKreatifStack } from '#infra/stack';
import { apiReferenceAssetNames } from '#shared/platform/api-reference';
import { readApiReferenceAssets } from '#shared/platform/swagger-ui-files';
import { readStackTemplates } from './stack-templates.ts';

// The one file that runs esbuild for every handler, as `cdk synth` does.
const app = new App({ builtinCloudFormationValidation: false, context: { 'aws:cdk:enable-asset-metadata': true } });
const stack = new PasKreatifStack(app, 'PasKreatif-dev', { stage: 'dev' });
const assembly = app.synth();
// The functions are in the contexts' nested stacks.
const resources = readStackTemplates(stack).combined.toJSON().Resources as Record<
  string,
  { Type: string; Properties: { Environment?: { Variables: Record<string, unknown> } }; Metadata?: Record<string, string> }
>;

const bundleOf = (name: string) => {
  const fn = Object.values(resources).find(
    (resource) => resource.Type === 'AWS::Lambda::Function' && resource.Properties.Environment?.Variables.POWERTOOLS_SERVICE_NAME === name,
  );
  const assetPath = fn?.Metadata?.['aws:asset:path'];
  if (assetPath === undefined) throw new Error(`${name} has no code asset`);
  return join(assembly.directory, assetPath);
};

describe.each(declarations.map((declaration) => [declaration.name]))('the bundle of %s', (name) => {
  it('is one minified ES module with its source map', () => {
    const directory = bundleOf(name);

    expect(existsSync(join(directory, 'index.mjs'))).toBe(true);
    expect(existsSync(join(directory, 'index.mjs.map'))).toBe(true);
  });

  it('gives CommonJS dependencies a require() and carries the AWS SDK inside', () => {
    const code = readFileSync(join(bundleOf(name), 'index.mjs'), 'utf8');

    expect(code.startsWith("import { createRequire as houseCreateRequire } from 'node:module';")).toBe(true);
    expect(code).not.toMatch(/from\s*["']@aws-sdk\//);
    expect(code).not.toMatch(/import\s*\(\s*["']@aws-sdk\//);
  });
});

describe('sharp', () => {
  it('is in no bundle, and installed for Lambda (linux-arm64, glibc) beside the bundles that declare it', () => {
    for (const declaration of declarations) {
      const directory = bundleOf(declaration.name);
      const code = readFileSync(join(directory, 'index.mjs'), 'utf8');
      const declared = declaration.nodeModules?.includes('sharp') ?? false;

      // Imported by name where declared (resolved from node_modules), and absent everywhere else.
      expect(/from\s*["']sharp["']/.test(code)).toBe(declared);
      expect(existsSync(join(directory, 'node_modules/@img/sharp-linux-arm64'))).toBe(declared);
      expect(existsSync(join(directory, 'node_modules/@img/sharp-libvips-linux-arm64'))).toBe(declared);
      expect(existsSync(join(directory, 'node_modules/@img/sharp-linux-x64'))).toBe(false);
    }
  });
});

/** Runs a bundle as Lambda would, from its own directory, and answers what its handler returned for each event. */
function invokeBundle(directory: string, events: unknown[]): { statusCode: number; headers: Record<string, string>; body: string }[] {
  const script = `const { handler } = await import('./index.mjs');
const context = { functionName: 'bundle', awsRequestId: 'req-1', getRemainingTimeInMillis: () => 5000 };
const answers = [];
for (const event of ${JSON.stringify(events)}) answers.push(await handler(event, context));
process.stdout.write('\\n' + JSON.stringify(answers));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: directory,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output.slice(output.lastIndexOf('\n') + 1));
}

describe('swagger-ui-dist', () => {
  it('is installed beside the bundle of the one function that declares it', () => {
    for (const declaration of declarations) {
      const declared = declaration.nodeModules?.includes('swagger-ui-dist') ?? false;

      expect(existsSync(join(bundleOf(declaration.name), 'node_modules/swagger-ui-dist/swagger-ui-bundle.js')), declaration.name).toBe(
        declared,
      );
    }
  });

  it("is what the deployed bundle serves: each asset of /docs, read from beside it, as the repository's copy reads", () => {
    const asset = (name: string) => ({
      version: '2.0',
      rawPath: `/docs/${name}`,
      headers: {},
      pathParameters: { asset: name },
      requestContext: {},
    });
    const expected = readApiReferenceAssets();

    const answers = invokeBundle(bundleOf('api-reference-asset'), apiReferenceAssetNames.map(asset));

    expect(answers.map(({ statusCode, headers, body }) => ({ statusCode, type: headers['content-type'], body }))).toEqual(
      apiReferenceAssetNames.map((name) => ({ statusCode: 200, type: expected[name].contentType, body: expected[name].body })),
    );
  });
});
