/**
 * 短信提醒: a card entered for a worker is texted to the phone on their record, and a phone
 * changed on a record is texted to the number it replaced — off the table's stream (the follower,
 * as the Lambda on AWS), whoever wrote the change, each once however often the stream delivers it.
 * Tencent Cloud SMS is a fake on loopback that checks the requests' signatures; the product's
 * client is Tencent's SDK.
 */
import { randomUUID } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chinaDate } from '@bangfu/shared';
import { createStreamFollower, type StreamFollower } from '../../functions/src/local/streamFollower.js';
import { configuredTextSender, type TextMessageSender } from '../../functions/src/notices/textMessageSender.js';
import { startDemoCountyApi, TEST_REGION, type TestApi } from '../support/api.js';
import { bundleFunction, startLambda } from '../support/lambdaBundle.js';
import { approvedWithCard, moneyOfficers } from '../support/claims.js';
import { boundWorker } from '../support/positions.js';
import { SMS_FAKE_KEY, startSmsFake, type SmsFake } from '../support/smsFake.js';

const CARD_TEMPLATE = '2301001';
const PHONE_TEMPLATE = '2301002';
const PAID_TEMPLATE = '2301003';

let api: TestApi;
let sms: SmsFake;
let texts: TextMessageSender;
let follower: StreamFollower;
let village: string;
let township: string;

/** Today as the texts say it. */
const today = () => {
  const [, month, day] = chinaDate(new Date()).split('-').map(Number);
  return `${month}月${day}日`;
};

/** Texts configured as on AWS, the provider the fake (the key comes from the environment here). */
const smsEnv = () => ({
  SMS_SDK_APP_ID: '1400000001',
  SMS_SIGN_NAME: '帮扶就业',
  SMS_CARD_TEMPLATE_ID: CARD_TEMPLATE,
  SMS_PHONE_TEMPLATE_ID: PHONE_TEMPLATE,
  SMS_PAID_TEMPLATE_ID: PAID_TEMPLATE,
  SMS_ENDPOINT: sms.url,
  SMS_SECRET_ID: SMS_FAKE_KEY.secretId,
  SMS_SECRET_KEY: SMS_FAKE_KEY.secretKey,
});

beforeAll(async () => {
  sms = await startSmsFake();
  api = await startDemoCountyApi({ env: smsEnv() });
  texts = (await configuredTextSender(api.config))!;
  follower = createStreamFollower(api.ctx, { endpoint: inject('dynamoEndpoint'), region: TEST_REGION, texts });
  await follower.drain(); // the seed's writes: none of them a card or a changed phone
  [village, township] = await Promise.all([api.loginAs('demo-staff-village-1'), api.loginAs('demo-staff-township-1')]);
});
afterAll(async () => {
  follower?.stop();
  await api?.close();
  await sms?.close();
});

const enter = (workerId: string, number: string) =>
  api.call('PUT', `/api/v1/registry/workers/${workerId}/payout-account`, {
    token: village,
    body: { kind: 'socialSecurityCard', number },
  });
const textsTo = (phone: string) => sms.texts.filter((text) => text.phone === phone);

describe('短信提醒', () => {
  it('texts a card entered for a worker to the phone on their record, once, with the last four digits only', async () => {
    const worker = await boundWorker(api, 1, { phone: '13800000001' });
    const entered = await enter(worker.workerId, '6217000012345671');
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    // The officer is told where the text goes, masked.
    expect(entered.body).toMatchObject({ pending: true, textTo: '138****0001' });
    expect(textsTo('13800000001')).toEqual([]); // not in the request: off the stream

    await follower.drain();
    expect(textsTo('13800000001')).toEqual([
      {
        phone: '13800000001',
        templateId: CARD_TEMPLATE,
        params: [today(), '社保卡', '5671'],
        smsSdkAppId: '1400000001',
        signName: '帮扶就业',
      },
    ]);
    expect(JSON.stringify(sms.texts)).not.toContain('6217000012345671');
    expect(sms.unsigned).toBe(0);
    // The confirming officer sees that the person was told, and where.
    const waiting = await api.call('GET', `/api/v1/registry/workers/${worker.workerId}/payout-account`, { token: township });
    expect(waiting.body.pending.texted).toEqual({ outcome: 'sent', at: expect.any(String), to: '138****0001' });

    // Confirmed by a second officer: the same entry, no new text.
    const confirmed = await api.call('POST', `/api/v1/registry/workers/${worker.workerId}/payout-account/confirm`, {
      token: township,
      body: { setAt: waiting.body.pending.setAt },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    await follower.drain();
    expect(textsTo('13800000001')).toHaveLength(1);

    // The whole stream delivered again from its start (a Lambda's batch retried): nothing twice.
    const again = createStreamFollower(api.ctx, { endpoint: inject('dynamoEndpoint'), region: TEST_REGION, texts });
    try {
      expect(await again.drain()).toBeGreaterThan(0);
    } finally {
      again.stop();
    }
    expect(textsTo('13800000001')).toHaveLength(1);
  });

  it('texts nobody for a record with no phone, and tells both officers so', async () => {
    const worker = await boundWorker(api, 2, { phone: undefined });
    const before = sms.texts.length;
    expect((await enter(worker.workerId, '6217000012345672')).body).toMatchObject({ pending: true, textTo: null });
    await follower.drain();
    expect(sms.texts.length).toBe(before);
    const waiting = await api.call('GET', `/api/v1/registry/workers/${worker.workerId}/payout-account`, { token: township });
    expect(waiting.body.pending.texted).toEqual({ outcome: 'noPhone', at: expect.any(String) });
  });

  it('texts the number a phone replaced, whoever changed it, and a card entered after goes to the new one', async () => {
    const worker = await boundWorker(api, 3, { phone: '13800000003' });
    const record = await api.call('GET', `/api/v1/registry/workers/${worker.workerId}?purpose=verification`, { token: village });
    // An officer changes the phone, then enters a card: the old number hears of the first.
    const changed = await api.call('PATCH', `/api/v1/registry/workers/${worker.workerId}`, {
      token: village,
      body: { version: record.body.worker.version, phone: '13900000003' },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await enter(worker.workerId, '6217000012345673')).body.textTo).toBe('139****0003');
    await follower.drain();
    expect(textsTo('13800000003')).toEqual([expect.objectContaining({ templateId: PHONE_TEMPLATE, params: ['0003', today()] })]);
    // Never the new number to the old phone (it may be someone else's now).
    expect(JSON.stringify(textsTo('13800000003'))).not.toContain('13900000003');
    expect(textsTo('13900000003')).toEqual([
      expect.objectContaining({ templateId: CARD_TEMPLATE, params: [today(), '社保卡', '5673'] }),
    ]);

    // The worker changes it themselves: the number it replaced hears of it too; another edit does not text.
    const mine = await api.call('GET', '/api/v1/me/worker', { token: worker.token });
    const own = await api.call('PATCH', '/api/v1/me/worker', {
      token: worker.token,
      body: { version: mine.body.worker.version, phone: '13700000003' },
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    const other = await api.call('PATCH', '/api/v1/me/worker', {
      token: worker.token,
      body: { version: own.body.worker.version, preferences: own.body.worker.preferences },
    });
    expect(other.status, JSON.stringify(other.body)).toBe(200);
    await follower.drain();
    expect(textsTo('13900000003').map((text) => text.templateId)).toEqual([CARD_TEMPLATE, PHONE_TEMPLATE]);
    expect(textsTo('13700000003')).toEqual([]);
  });

  it('texts a worker whose subsidy a batch paid: what, how much, and the card it went to', async () => {
    const officers = await moneyOfficers(api);
    const claim = await approvedWithCard(api, 6, 50_000, '6217000012340066', officers);
    const phone = (await api.ctx.workers.getItem(claim.beneficiary.kind === 'worker' ? claim.beneficiary.workerId : '', true))!
      .phone!;
    await follower.drain(); // the card's own text
    const before = textsTo(phone).length;
    const paid = await api.call('POST', '/api/v1/claims/payments', {
      token: officers.finance,
      body: { regionCode: '150222102', idempotencyKey: randomUUID() },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.batch.claimIds).toContain(claim.claimId);
    await follower.drain();
    expect(textsTo(phone).slice(before)).toEqual([
      expect.objectContaining({ templateId: PAID_TEMPLATE, params: ['一次性交通补助', '500元', today(), '0066'] }),
    ]);
  });

  it('marks a number the provider refuses and does not try it again; waits out the provider’s own errors', async () => {
    const refused = await boundWorker(api, 4, { phone: '13800000004' });
    sms.refuse('13800000004', 'InvalidParameterValue.IncorrectPhoneNumber');
    await enter(refused.workerId, '6217000012345674');
    const asked = sms.requests;
    await follower.drain();
    expect(sms.requests).toBe(asked + 1);
    expect(textsTo('13800000004')).toEqual([]);
    const waiting = await api.call('GET', `/api/v1/registry/workers/${refused.workerId}/payout-account`, { token: township });
    expect(waiting.body.pending.texted).toMatchObject({ outcome: 'refused', to: '138****0004' });
    // Read again from the stream's start: the refusal is marked, the provider is not asked again.
    const again = createStreamFollower(api.ctx, { endpoint: inject('dynamoEndpoint'), region: TEST_REGION, texts });
    try {
      await again.drain();
    } finally {
      again.stop();
    }
    expect(sms.requests).toBe(asked + 1);

    // The provider fails: the drain fails and nothing is marked; once it is back, the text goes once.
    const later = await boundWorker(api, 5, { phone: '13800000005' });
    sms.failNext(100);
    await enter(later.workerId, '6217000012345675');
    await expect(follower.drain()).rejects.toThrow(/Internal error/);
    expect(textsTo('13800000005')).toEqual([]);
    sms.failNext(0);
    await follower.drain();
    expect(textsTo('13800000005')).toHaveLength(1);
  });

  it('is sent by the function as deployed: its bundle sends with Node’s own fetch in place of node-fetch', async () => {
    const lambda = await startLambda(await bundleFunction('textMessages'), {
      TABLE_NAME: api.tableName,
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      AWS_REGION: TEST_REGION,
      LOG_LEVEL: 'SILENT',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...smsEnv(),
    });
    try {
      // A phone changed on a record, as the stream hands it to the function.
      const image = (phone: string, updatedAt: string) =>
        marshall({ pk: 'WORKER#w-bundle', sk: 'PROFILE', type: 'worker', workerId: 'w-bundle', phone, updatedAt });
      const now = new Date().toISOString();
      const event = {
        Records: [
          {
            eventID: `bundle-${Date.now()}`,
            dynamodb: { OldImage: image('13800000009', now), NewImage: image('13900000009', now) },
          },
        ],
      };
      expect(await lambda.invoke(event)).toEqual({ sent: { phoneChanged: 1 }, refused: {}, already: 0 });
      expect(textsTo('13800000009')).toEqual([
        expect.objectContaining({ templateId: PHONE_TEMPLATE, params: ['0009', today()] }),
      ]);
      // The same batch again (Lambda's retry): marked, not sent.
      expect(await lambda.invoke(event)).toEqual({ sent: {}, refused: {}, already: 1 });
      expect(textsTo('13800000009')).toHaveLength(1);
    } finally {
      lambda.stop();
    }
  });
});
