/**
 * One in-memory DynamoDB Local for the whole run of a project. Each test file has a database of its
 * own (its own region, tests/support/api.ts TEST_REGION): a file that loads 10,000 people would
 * otherwise slow every file after it several times over.
 */
import type { TestProject } from 'vitest/node';
import { ensureEmulator, startDynamoDbLocal } from '../../functions/src/local/dynamodbLocal.js';
import { CACHE_DIR } from '../../functions/src/local/paths.js';
import { freePort } from './ports.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    emulatorDir: string;
  }
}

export default async function setup(project: TestProject) {
  const emulatorDir = await ensureEmulator(CACHE_DIR);
  // Java takes over 30 s to answer on a busy 2-core machine; a slow start is not a failure.
  const dynamo = await startDynamoDbLocal({ emulatorDir, port: await freePort(), timeoutMs: 120_000, sharedDb: false });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('emulatorDir', emulatorDir);
  return () => dynamo.stop();
}
