import { EnvName, readEnv } from '#shared/kernel/env';
import { DependencyUnavailableError } from '#shared/kernel/errors';
import type { ServerKeySource } from './midtrans.ts';

// The extension answers from its cache in a millisecond; a first read goes to SSM, which must not take the invocation.
const extensionTimeoutMs = 3000;

interface ExtensionAnswer {
  Parameter?: { Value?: string };
}

/**
 * The Midtrans server key. Deployed it is an SSM SecureString the operator puts (CDK cannot create one), read
 * through the AWS Parameters and Secrets Lambda Extension on localhost, which decrypts and caches it (its TTL is
 * set by the stack), so the bundle carries no SSM client. Locally the runtime hands the key itself in the environment.
 */
export function serverKeyFromConfiguration(): ServerKeySource {
  const local = process.env[EnvName.midtransServerKey];
  if (local) return { serverKey: async () => local };
  const name = readEnv(EnvName.midtransServerKeyParameter);
  // The extension's own variable (CDK sets it) and its default port.
  const port = process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? '2773';
  const url = `http://localhost:${port}/systemsmanager/parameters/get?name=${encodeURIComponent(name)}&withDecryption=true`;
  return {
    async serverKey() {
      // The extension serves only callers holding the execution environment's session token (its SSRF guard).
      // SSM behind the extension is a dependency like any other: if it cannot answer, Midtrans is told to retry (503).
      const response = await fetch(url, {
        headers: { 'X-Aws-Parameters-Secrets-Token': process.env.AWS_SESSION_TOKEN ?? '' },
        signal: AbortSignal.timeout(extensionTimeoutMs),
      }).catch((cause: unknown) => {
        throw new DependencyUnavailableError('unavailable', { cause });
      });
      if (response.status === 429 || response.status >= 500)
        throw new DependencyUnavailableError(response.status === 429 ? 'busy' : 'unavailable');
      if (!response.ok) throw new Error(`The Parameters and Secrets extension answered ${response.status} for ${name}`);
      const key = ((await response.json()) as ExtensionAnswer).Parameter?.Value;
      if (!key) throw new Error(`The SSM parameter ${name} holds no Midtrans server key`);
      return key;
    },
  };
}
