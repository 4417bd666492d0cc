/**
 * Names of the environment variables that infra sets and functions read.
 * One list, so a rename cannot leave a function reading a variable nobody sets.
 */
export const EnvName = {
  tableName: 'TABLE_NAME',
  eventBusName: 'EVENT_BUS_NAME',
  bucketName: 'BUCKET_NAME',
  /** where the images bucket's processed renditions are served (the CDN deployed, s3rver locally), no trailing slash */
  imagesBaseUrl: 'IMAGES_BASE_URL',
  cursorSigningKey: 'CURSOR_SIGNING_KEY',
  stage: 'STAGE',
  /** set only for functions of optional-auth routes, which check bearer tokens themselves: the user pool's issuer URL */
  jwtIssuer: 'JWT_ISSUER',
  /** ... and the app client id the tokens are for */
  jwtAudience: 'JWT_AUDIENCE',
  /** deployed, for functions granted `midtransServerKey`: the name of the SSM SecureString holding the Midtrans server key */
  midtransServerKeyParameter: 'MIDTRANS_SERVER_KEY_PARAMETER',
  /** locally only: the Midtrans server key itself (the local runtime sets `local-server-key`) */
  midtransServerKey: 'MIDTRANS_SERVER_KEY',
  /** for functions granted `midtransServerKey`: where Midtrans' API is (sandbox or production by stage; locally the stand-in) */
  midtransApiUrl: 'MIDTRANS_API_URL',
  /** set for functions granted sendTo the queue */
  webhookEventsQueueUrl: 'WEBHOOK_EVENTS_QUEUE_URL',
  webhookDeliveriesQueueUrl: 'WEBHOOK_DELIVERIES_QUEUE_URL',
  /** optional, default 1: multiplies every webhook retry wait (the local runtime's tests run the schedule in milliseconds) */
  webhookRetryScale: 'WEBHOOK_RETRY_SCALE',
  /** optional, default 86400: how long a placed order waits for its payment (a test's runtime sets a few seconds) */
  orderPaymentWindowSeconds: 'ORDER_PAYMENT_WINDOW_SECONDS',
} as const;

export type EnvName = (typeof EnvName)[keyof typeof EnvName];

/** Fails at cold start, with the variable's name, rather than on the first request. */
export function readEnv(name: EnvName): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Missing environment variable ${name}`);
  }
  return value;
}
