/**
 * ID numbers under KMS data keys (as on AWS, DATA_KEY_ARN set): every data key is made and
 * opened with the ID vault's encryption context, so the key grant can require it (infra/),
 * and a wrapped key copied to another table's vault does not open there.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { keys } from '../../functions/src/db/tableSchema.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { dataKeyProvider } from '../../functions/src/secrets.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { startKmsFake, type KmsFake } from '../support/kmsFake.js';
import { idNumber, workerInput } from '../support/people.js';

const KEY_ARN = 'arn:aws-cn:kms:cn-north-1:111122223333:key/0e1c5bd8-0000-4000-8000-000000000001';
let api: TestApi;
let kms: KmsFake;

beforeAll(async () => {
  kms = await startKmsFake();
  vi.stubEnv('AWS_ENDPOINT_URL_KMS', kms.url);
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'test');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'test');
  api = await startTestApi({ env: { DATA_KEY_ARN: KEY_ARN } });
  await seedDemoCounty(api.ctx);
});
afterAll(async () => {
  await api.close();
  await kms.close();
  vi.unstubAllEnvs();
});

async function createAndReveal(id: string) {
  const token = await api.loginAs('demo-staff-township-1');
  const created = await api.call('POST', '/api/v1/registry/workers', { token, body: workerInput({ idNumber: id }) });
  expect(created.status).toBe(201);
  const workerId = created.body.worker.workerId as string;
  const revealed = await api.call('POST', `/api/v1/registry/workers/${workerId}/reveal`, {
    token,
    body: { reason: '核对身份信息' },
  });
  return { workerId, revealed };
}

it('makes and opens every ID data key with the ID vault context of this table', async () => {
  const id = idNumber('150222', '19720410', 31, 'male');
  const { revealed } = await createAndReveal(id);
  expect(revealed.status).toBe(200);
  expect(revealed.body.idNumber).toBe(id);
  expect(kms.calls.map((c) => c.operation)).toEqual(expect.arrayContaining(['GenerateDataKey', 'Decrypt']));
  for (const call of kms.calls) {
    expect(call.keyId).toBe(KEY_ARN);
    expect(call.encryptionContext, call.operation).toEqual({ purpose: 'id-vault', table: api.tableName });
  }
});

it("does not open a wrapped key copied into another table's vault", async () => {
  const { workerId } = await createAndReveal(idNumber('150222', '19810922', 32, 'female'));
  const { Item } = await api.ctx.table.db.send(new GetCommand({ TableName: api.tableName, Key: keys.worker(workerId) }));
  const edk = Buffer.from((Item!.idSealed as { edk: string }).edk, 'base64');
  const elsewhere = dataKeyProvider({ ...api.config, TABLE_NAME: 'another-table' });
  await expect(elsewhere.decrypt(edk)).rejects.toThrow(/context/);
  await expect(dataKeyProvider(api.config).decrypt(edk)).resolves.toHaveLength(32);
});
