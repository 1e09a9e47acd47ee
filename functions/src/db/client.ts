import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Config } from '../config.js';
import { createGate } from '../gate.js';
import { meterCapacity } from './capacityMeter.js';
import type { TableRef } from './versioned.js';

export interface DynamoOptions {
  region: string;
  /** DynamoDB Local's URL; unset on AWS. */
  endpoint?: string;
  /** How long one request may wait for its answer; the default suits DynamoDB itself. */
  answerMs?: number;
  /** Connections at once (the SDK's default is 50). */
  sockets?: number;
}

const ATTEMPTS = 2;
const CONNECT_MS = 1_000;
/** DynamoDB answers in milliseconds; a full 1 MB Query page in well under this. */
export const ANSWER_MS = 3_000;
/** The SDK's pause before its one retry: at most 200 ms (100 ms × 2, jittered). */
const RETRY_PAUSE_MS = 500;

/**
 * The longest one DynamoDB call takes before it fails (8.5 s). The API function's
 * timeout (10 s, infra/lib/bangfu-stack.ts) is longer, so a stalled store reaches
 * the caller as our 503 with Retry-After, not as the gateway's bare 503.
 */
export const DYNAMO_CALL_BUDGET_MS = ATTEMPTS * (CONNECT_MS + ANSWER_MS) + RETRY_PAUSE_MS;

/**
 * A document client that fails fast: a request the store cannot answer becomes a
 * 503 within seconds instead of hanging the caller on a slow network.
 */
export function createDynamoClient({
  region,
  endpoint,
  answerMs = ANSWER_MS,
  sockets = 50,
}: DynamoOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    maxAttempts: ATTEMPTS,
    // Writes are conditional, so a request abandoned at the timeout and retried cannot apply twice.
    requestHandler: {
      connectionTimeout: CONNECT_MS,
      requestTimeout: answerMs,
      throwOnRequestTimeout: true,
      httpAgent: { maxSockets: sockets },
      httpsAgent: { maxSockets: sockets },
    },
    ...(endpoint
      ? {
          endpoint,
          // DynamoDB Local checks only that credentials are present (its database is chosen by key and region).
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  waitForSocketUntimed(client, sockets);
  // It builds a redacted copy of every input and answer (every item of a Query) for a logger
  // that discards it: about a tenth of the CPU of a nearby search. We log our own errors.
  client.middlewareStack.remove('loggerMiddleware');
  const document = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  meterCapacity(document);
  return document;
}

/** The configured table through a client made as above: what every function and the local runner read and write. */
export const tableOf = (config: Config): TableRef => ({
  db: createDynamoClient({
    region: config.AWS_REGION,
    endpoint: config.DYNAMODB_ENDPOINT,
    answerMs: config.DYNAMODB_ANSWER_MS,
    sockets: config.DYNAMODB_SOCKETS,
  }),
  tableName: config.TABLE_NAME,
});

/**
 * The SDK starts a call's connection timer when the call is made, so a call queued behind
 * busy sockets (a burst of requests, each reading many ranges) "did not establish a
 * connection" after a second and read as an outage. Calls beyond the sockets wait here
 * instead, with no timer running, and each gets a free socket when its turn comes; how many
 * wait is bounded by the requests a process admits (http/admission.ts).
 */
function waitForSocketUntimed(client: DynamoDBClient, sockets: number) {
  const slots = createGate({ limit: sockets });
  client.middlewareStack.add(
    (next) => async (args) => {
      const release = await slots.enter();
      try {
        return await next(args);
      } finally {
        release();
      }
    },
    { step: 'initialize', priority: 'high', name: 'waitForSocketUntimed' },
  );
}
