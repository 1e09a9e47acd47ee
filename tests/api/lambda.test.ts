/** The Lambda handler: the same app behind serverless-http, with no dev login whatever the environment says. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createDynamoClient } from '../../functions/src/db/client.js';
import { ensureTable } from '../../functions/src/local/table.js';
import { TEST_ID_KEYS, TEST_REGION, TEST_SIGNING_KEY } from '../support/api.js';

type Handler = (
  event: object,
  context: object,
) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;
let handler: Handler;

function httpApiEvent(method: string, path: string, body?: unknown) {
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.com', 'content-type': 'application/json', 'x-request-id': 'lambda-test-0001' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req',
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
  };
}

beforeAll(async () => {
  const tableName = `t_${randomUUID().slice(0, 8)}`;
  const db = createDynamoClient({ region: TEST_REGION, endpoint: inject('dynamoEndpoint') });
  await ensureTable(db, tableName);
  db.destroy();
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    AWS_REGION: TEST_REGION,
    TOKEN_SECRET: TEST_SIGNING_KEY,
    LOG_LEVEL: 'SILENT',
    DEV_LOGIN: '1',
    // One place and no queue: a place not given back after an answer would refuse the next request.
    API_CONCURRENCY: '1',
    API_QUEUE: '0',
    ...TEST_ID_KEYS,
  });
  ({ handler } = (await import('../../functions/src/lambda.js')) as { handler: Handler });
});

describe('Lambda handler', () => {
  it('serves the health route through serverless-http', async () => {
    const response = await handler(httpApiEvent('GET', '/api/health'), {});
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok', db: 'ok' });
    expect(response.headers?.['x-request-id']).toBe('lambda-test-0001');
  });

  it('gives its load-shedding place back after each answer, an error answer too', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await handler(httpApiEvent('GET', '/api/health'), {})).statusCode).toBe(200);
      expect((await handler(httpApiEvent('GET', '/api/v1/me'), {})).statusCode).toBe(401);
    }
  });

  it('has no dev login, even with DEV_LOGIN set', async () => {
    const response = await handler(httpApiEvent('POST', '/api/v1/auth/dev-login', { userId: 'demo-admin' }), {});
    expect(response.statusCode).toBe(404);
  });

  it('validates input the same way as locally', async () => {
    const response = await handler(httpApiEvent('POST', '/api/v1/auth/wechat', { code: '', extra: true }), {});
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).error.field).toBe('body.code');
  });

  it('keeps budgets per API Gateway source address, whatever X-Forwarded-For the client sends', async () => {
    const login = (sourceIp: string, forwardedFor: string) => {
      const event = httpApiEvent('POST', '/api/v1/auth/wechat', { code: '' });
      return handler(
        {
          ...event,
          headers: { ...event.headers, 'x-forwarded-for': `${forwardedFor}, ${sourceIp}` },
          requestContext: { ...event.requestContext, http: { ...event.requestContext.http, sourceIp } },
        },
        {},
      );
    };
    // Malformed attempts count too: the budget is charged before the body is read.
    const statuses = [];
    for (let i = 0; i < 31; i++) statuses.push((await login('198.51.100.20', `203.0.113.${i}`)).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await login('198.51.100.21', '203.0.113.1')).statusCode).toBe(400);
  });
});
