/**
 * The Lambda functions as deployed: each bundled with the stack's own options
 * (infra/lib/lambdaBundling.ts) and held to its size; the API's bundle imported in a fresh node
 * process, as Lambda's init does, and driven there: the same app behind serverless-http, with no
 * dev login whatever the environment says.
 */
import { isBuiltin } from 'node:module';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUNDLE_LIMITS, FUNCTION_ENTRIES } from '../../infra/lib/lambdaBundling.js';
import { startDemoCountyApi, TEST_ID_KEYS, TEST_REGION, TEST_SIGNING_KEY, type TestApi } from '../support/api.js';
import { approvedWithCard, moneyOfficers } from '../support/claims.js';
import { bundleFunction, httpApiEvent, startLambda, type FunctionName, type RunningLambda } from '../support/lambdaBundle.js';

let api: TestApi;
let lambda: RunningLambda;
let environment: Record<string, string>;

const handler = (event: object) => lambda.invoke(event);

beforeAll(async () => {
  // The demo county's accounts, in a table the bundle is pointed at (the test's app signs their tokens).
  api = await startDemoCountyApi();
  environment = {
    TABLE_NAME: api.tableName,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    AWS_REGION: TEST_REGION,
    TOKEN_SECRET: TEST_SIGNING_KEY,
    LOG_LEVEL: 'SILENT',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...TEST_ID_KEYS,
  };
  lambda = await startLambda(await bundleFunction('api'), {
    ...environment,
    DEV_LOGIN: '1',
    // One place and no queue: a place not given back after an answer would refuse the next request.
    API_CONCURRENCY: '1',
    API_QUEUE: '0',
  });
});
afterAll(async () => {
  lambda?.stop();
  await api?.close();
});

describe('Lambda handler', () => {
  it('serves the health route through serverless-http', async () => {
    const response = await handler(httpApiEvent('GET', '/api/health'));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok', db: 'ok' });
    expect(response.headers?.['x-request-id']).toBe('lambda-test-0001');
    // Express's media types are cut to the API's own in the bundle: the charset is still named.
    expect(response.headers?.['content-type']).toBe('application/json; charset=utf-8');
  });

  it('reads a UTF-8 JSON body, byte-order mark and Chinese included, and refuses another charset naming the header', async () => {
    const token = await api.loginAs('demo-worker-2');
    const me = await handler(httpApiEvent('GET', '/api/v1/me', undefined, { authorization: `Bearer ${token}` }));
    const { version } = JSON.parse(me.body).user;
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(JSON.stringify({ version, displayName: '乌兰托娅' }), 'utf8'),
    ]);
    const patch = (charset: string) =>
      handler({
        ...httpApiEvent('PATCH', '/api/v1/me', undefined, {
          authorization: `Bearer ${token}`,
          'content-type': `application/json; charset=${charset}`,
        }),
        body: bytes.toString('base64'),
        isBase64Encoded: true,
      });
    const refused = await patch('utf-16le');
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.body).error.field).toBe('headers.content-type');
    const changed = await patch('utf-8');
    expect(changed.statusCode).toBe(200);
    expect(JSON.parse(changed.body).user).toMatchObject({ displayName: '乌兰托娅', version: version + 1 });
  });

  it('reads a bank’s return file in GBK, sent as a binary (base64) body, with csv-parse loaded beside the bundle', async () => {
    const officers = await moneyOfficers(api);
    const claim = await approvedWithCard(api, 501, 50_000, '6217990000000000501', officers);
    const paid = await api.call('POST', '/api/v1/claims/payments', {
      token: officers.finance,
      body: { regionCode: '150222102', idempotencyKey: crypto.randomUUID() },
    });
    const { batchId } = paid.body.batch;
    const file = [
      '序号,户名,交易金额,交易状态,错误信息,交易流水号',
      `1,${claim.beneficiary.name},500.00,处理失败,账户已销户,LAMBDA-0501`,
    ].join('\r\n');
    const read = await handler({
      ...httpApiEvent('POST', `/api/v1/claims/payments/${batchId}/return-file`, undefined, {
        authorization: `Bearer ${officers.finance}`,
        'content-type': 'application/octet-stream', // as the app sends a CSV
      }),
      body: iconv.encode(file, 'gbk').toString('base64'),
      isBase64Encoded: true,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(JSON.parse(read.body)).toMatchObject({
      returns: { count: 1, shown: [{ name: claim.beneficiary.name, reason: '账户已销户', bankReference: 'LAMBDA-0501' }] },
      problems: { count: 0 },
    });
  });

  it('parses a query string without qs (left out of the bundle): repeated keys, Chinese and all', async () => {
    const token = await api.loginAs('demo-staff-township-1');
    const list = await handler({
      ...httpApiEvent('GET', '/api/v1/welfare-posts', undefined, { authorization: `Bearer ${token}` }),
      rawQueryString: 'regionCode=150222102&limit=2',
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(JSON.parse(list.body).posts).toHaveLength(2);
    const twice = await handler({
      ...httpApiEvent('GET', '/api/v1/welfare-posts', undefined, { authorization: `Bearer ${token}` }),
      rawQueryString: `regionCode=150222102&regionCode=150222103&q=${encodeURIComponent('保洁')}`,
    });
    // Two values where one is allowed: the field is named, as the app answers everywhere.
    expect([twice.statusCode, JSON.parse(twice.body).error.field]).toEqual([400, 'query.regionCode']);
  });

  it('gives its load-shedding place back after each answer, an error answer too', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await handler(httpApiEvent('GET', '/api/health'))).statusCode).toBe(200);
      expect((await handler(httpApiEvent('GET', '/api/v1/me'))).statusCode).toBe(401);
    }
  });

  it('has no dev login, even with DEV_LOGIN set', async () => {
    const response = await handler(httpApiEvent('POST', '/api/v1/auth/dev-login', { userId: 'demo-admin' }));
    expect(response.statusCode).toBe(404);
  });

  it('validates input the same way as locally', async () => {
    const response = await handler(httpApiEvent('POST', '/api/v1/auth/wechat', { code: '', extra: true }));
    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body).error.field).toBe('body.code');
  });

  it('keeps budgets per API Gateway source address, whatever X-Forwarded-For the client sends', async () => {
    const login = (sourceIp: string, forwardedFor: string) => {
      const event = httpApiEvent('POST', '/api/v1/auth/wechat', { code: '' });
      return handler({
        ...event,
        headers: { ...event.headers, 'x-forwarded-for': `${forwardedFor}, ${sourceIp}` },
        requestContext: { ...event.requestContext, http: { ...event.requestContext.http, sourceIp } },
      });
    };
    // Malformed attempts count too: the budget is charged before the body is read.
    const statuses = [];
    for (let i = 0; i < 31; i++) statuses.push((await login('198.51.100.20', `203.0.113.${i}`)).statusCode);
    expect(statuses.slice(0, 30).every((status) => status === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await login('198.51.100.21', '203.0.113.1')).statusCode).toBe(400);
  });
});

describe('every function, bundled as deployed', () => {
  const names = Object.keys(FUNCTION_ENTRIES) as FunctionName[];

  it(`is at most ${BUNDLE_LIMITS.bytes / 1e6} MB, what a request needs rarely (posters, spreadsheets) loaded beside it on demand`, async () => {
    for (const name of names) {
      const { bytes, loadedAtInit } = await bundleFunction(name);
      expect.soft(bytes, name).toBeLessThanOrEqual(BUNDLE_LIMITS.bytes);
      // Only Node's own modules at load: a static import of pdfkit or exceljs would put it back into every cold start.
      expect
        .soft(
          loadedAtInit.filter((path) => !isBuiltin(path)),
          name,
        )
        .toEqual([]);
    }
  });
});
