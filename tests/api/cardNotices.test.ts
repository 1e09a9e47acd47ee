/**
 * 收款卡变更提醒: a worker who allowed it on WeChat (一次性订阅, each 允许 one message) is sent a
 * subscribe message when an officer enters a card for them — the kind and last four digits,
 * opening 我的补贴 where they say whether it is theirs — and no message without a 允许 or an openid.
 * WeChat is a fake on loopback; the product's client is the real one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerInputSchema } from '@bangfu/shared';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import { idNumber, workerInput } from '../support/people.js';
import { boundWorker } from '../support/positions.js';
import { startWeChatFake, type WeChatFake } from '../support/wechatFake.js';

const TEMPLATE = 'card-template-1';
const NOTICES = '/api/v1/me/payout-account/notices';

let api: TestApi;
let wechat: WeChatFake;
let village: string;

beforeAll(async () => {
  wechat = await startWeChatFake();
  api = await startDemoCountyApi({ wechatApiBase: wechat.url, env: { WECHAT_CARD_TEMPLATE_ID: TEMPLATE } });
  village = await api.loginAs('demo-staff-village-1');
});
afterAll(async () => {
  await api?.close();
  await wechat?.close();
});

/** A person in the registry who logged in through WeChat and bound their record: their session, openid and record. */
async function wechatWorker(name: string, n: number) {
  const number = idNumber('150222', '19800101', 700 + n);
  const staff = { userId: 'test-registrar', role: 'staff' as const, regionCode: '150222' };
  const worker = await api.ctx.workers.create(workerInputSchema.parse(workerInput({ idNumber: number, name })), staff);
  const login = await api.call('POST', '/api/v1/auth/wechat', { body: { code: `${name}:1` } });
  const token = login.body.token as string;
  const bound = await api.call('POST', '/api/v1/me/worker/bind', { token, body: { name, idNumber: number } });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
  return { token, openid: `openid-of-${name}`, workerId: worker.workerId };
}

const enter = (workerId: string, number: string) =>
  api.call('PUT', `/api/v1/registry/workers/${workerId}/payout-account`, {
    token: village,
    body: { kind: 'socialSecurityCard', number },
  });

describe('收款卡变更提醒 on WeChat', () => {
  it('sends one message for each 允许 the worker gave, with the kind and the last four digits, and none beyond', async () => {
    const worker = await wechatWorker('cardholder', 1);
    const mine = async () => (await api.call('GET', '/api/v1/me/payout-account', { token: worker.token })).body;
    expect((await mine()).notices).toEqual({ templateId: TEMPLATE, allowed: 0 });

    // No 允许 yet: the card is entered, and nobody is messaged. No texts here either (no SMS_* set), phone or not.
    expect((await enter(worker.workerId, '6217000012340930')).body).toMatchObject({
      pending: true,
      notified: false,
      textTo: null,
    });
    expect(wechat.messages.filter((m) => m.touser === worker.openid)).toEqual([]);

    // A 允许 for another template (an old build's) is refused and kept nowhere.
    const stale = await api.call('POST', NOTICES, { token: worker.token, body: { templateId: 'old-template' } });
    expect([stale.status, stale.body.error.field]).toEqual([409, 'body.templateId']);
    expect((await api.call('POST', NOTICES, { token: worker.token, body: { templateId: TEMPLATE } })).body).toEqual({
      allowed: 1,
    });

    const entered = await enter(worker.workerId, '6217000012340931');
    expect(entered.body).toMatchObject({ numberMasked: '************0931', notified: true });
    const sent = wechat.messages.filter((m) => m.touser === worker.openid);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template_id: TEMPLATE, page: 'worker/pages/subsidies/index' });
    expect(sent[0]!.data.thing1!.value).toBe('登记了您收补贴的社保卡');
    expect(sent[0]!.data.character_string2!.value).toBe('0931');
    expect(sent[0]!.data.date3!.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Never the whole number.
    expect(JSON.stringify(sent)).not.toContain('6217000012340931');
    expect((await mine()).notices.allowed).toBe(0);

    // The 允许 was used: the next card is entered without a message.
    expect((await enter(worker.workerId, '6217000012340932')).body.notified).toBe(false);
    expect(wechat.messages.filter((m) => m.touser === worker.openid)).toHaveLength(1);
  });

  it('keeps at most five 允许, and messages nobody who never logged in through WeChat', async () => {
    const worker = await wechatWorker('keeper', 2);
    const allowed: number[] = [];
    for (let i = 0; i < 6; i++) {
      allowed.push((await api.call('POST', NOTICES, { token: worker.token, body: { templateId: TEMPLATE } })).body.allowed);
    }
    expect(allowed).toEqual([1, 2, 3, 4, 5, 5]);

    // An account that never logged in through WeChat (as the demo's): no openid to write to, even with a 允许 kept.
    const noOpenid = await boundWorker(api, 3);
    expect((await api.call('POST', NOTICES, { token: noOpenid.token, body: { templateId: TEMPLATE } })).body.allowed).toBe(1);
    const before = wechat.messages.length;
    expect((await enter(noOpenid.workerId, '6217000012340941')).body.notified).toBe(false);
    expect(wechat.messages.length).toBe(before);
    expect((await api.call('GET', '/api/v1/me/payout-account', { token: noOpenid.token })).body.notices.allowed).toBe(1);
  });
});
