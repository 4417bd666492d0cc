/** The line start.ts prints once it serves: `PAS_KREATIF_READY {"apiUrl":…}`; spawnLocalRuntime waits for it. */
export const readyMarker = 'PAS_KREATIF_READY';

/** Set by spawnLocalRuntime: the child stops when its stdin (a pipe from the parent) closes. */
export const exitWithParentEnv = 'PAS_KREATIF_EXIT_WITH_PARENT';

/** What the READY line carries: where each local service listens. */
export interface LocalEndpoints {
  apiUrl: string;
  dynamoEndpoint: string;
  /** DynamoDB Local's java process, for tests that stall the table (SIGSTOP) and resume it (SIGCONT) */
  dynamoPid: number;
  s3Endpoint: string;
  eventBusEndpoint: string;
  tableName: string;
  bucketName: string;
}
