/**
 * The app's environment in a benchmark: DynamoDB Local at `endpoint`, throwaway keys, no logs,
 * and the per-client throttle out of the way (a benchmark is one client sending on purpose).
 */
export function benchEnv(tableName: string, endpoint: string): Record<string, string> {
  return {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: endpoint,
    AWS_REGION: 'local',
    TOKEN_SECRET: 'bench-signing-key-that-is-long-enough-0123456789',
    ID_HASH_KEY: 'bench-id-hash-key-that-is-long-enough-0123456789',
    ID_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    LOG_LEVEL: 'SILENT',
    CLIENT_RATE_PER_SECOND: '100000',
    CLIENT_BURST: '100000',
  };
}
