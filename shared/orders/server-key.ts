import { getParameter } from '@aws-lambda-powertools/parameters/ssm';
import { EnvName, readEnv } from '#shared/kernel/env';
import type { ServerKeySource } from './midtrans.ts';

/** Cached per container for 5 minutes: a rotated key reaches every function within that, without a deploy. */
const cacheSeconds = 300;

/**
 * The Midtrans server key. Deployed it is an SSM SecureString the operator puts (CDK cannot create one), read and
 * decrypted on first use; locally the runtime hands the key itself in the environment.
 */
export function serverKeyFromConfiguration(): ServerKeySource {
  const local = process.env[EnvName.midtransServerKey];
  if (local) return { serverKey: async () => local };
  const name = readEnv(EnvName.midtransServerKeyParameter);
  return {
    async serverKey() {
      const key = await getParameter(name, { decrypt: true, maxAge: cacheSeconds });
      if (!key) throw new Error(`The SSM parameter ${name} holds no Midtrans server key`);
      return key;
    },
  };
}
