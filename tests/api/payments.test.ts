/**
 * Paying approved claims: each to the worker's own card, in batches where every claim
 * is paid exactly once — a retry returns the same batch, two batches at once split the
 * claims between them, a claim without a card waits for the next batch, and a batch that
 * fails half-way resumes under its key. Separation of duties: only an officer with the
 * duty 发放 pays, never a claim they approved, whose card they entered, or of their own
 * household; every card a worker is paid to, the first too, is in force only when a second
 * person confirms the one they saw. Card numbers are sealed at rest.
 */
import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chinaDate, levelOfRegion, type Claim } from '@bangfu/shared';
import { keys } from '../../functions/src/db/tableSchema.js';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import { taskIdOf } from '../../functions/src/monitoring/taskRepository.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { claimFor, confirmCard as confirmWorkerCard, insiderWithAllDuties } from '../support/claims.js';
import { idNumber } from '../support/people.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
/** The worker a test claim pays. */
const workerIdOf = (claim: Claim) => (claim.beneficiary.kind === 'worker' ? claim.beneficiary.workerId : '');
let township: string; // 审核
let county: string; // 审核 and 复核, never 发放
let finance: string; // 发放: a new finance officer each test (a payer has a budget of batches an hour)
let financeId: string;
let payers = 0;
let village: string; // enters cards
let allDuties: string; // a county officer given every duty, as the insider of the issue
let confirmer: string; // a township officer who confirms cards, and neither approves nor pays

beforeAll(async () => {
  api = await startTestApi();
  await seedDemoCounty(api.ctx);
  allDuties = await insiderWithAllDuties(api);
  const second = (await api.ctx.users.get('demo-staff-township-1'))!;
  await api.ctx.users.create({ ...second, userId: 'test-staff-confirms-cards', duties: [] });
  confirmer = await api.loginAs('test-staff-confirms-cards');
  [township, county, village] = await Promise.all([
    api.loginAs('demo-staff-township-1'),
    api.loginAs('demo-staff-county'),
    api.loginAs('demo-staff-village-1'),
  ]);
});
beforeEach(async () => {
  financeId = `test-finance-${++payers}`;
  await api.ctx.users.create({ ...(await api.ctx.users.get('demo-staff-county-finance'))!, userId: financeId });
  finance = await api.loginAs(financeId);
});
afterAll(async () => {
  await api?.close();
});

const setCard = (claim: Claim, number: string, token = village) =>
  api.call('PUT', `/api/v1/registry/workers/${workerIdOf(claim)}/payout-account`, {
    token,
    body: { kind: 'socialSecurityCard', number },
  });

const cardPath = (claim: Claim) => `/api/v1/registry/workers/${workerIdOf(claim)}/payout-account`;

/** The second person: reads the card waiting, masked, and confirms the one they saw. */
const confirmCard = (claim: Claim, token = confirmer) => confirmWorkerCard(api, workerIdOf(claim), token);

/** The demo's 一次性交通补助 (500 元): a claim at it is still due when a batch weighs it again. */
const STANDARD_FEN = 50_000;

/** Worker n's claim at the standard, approved as the decision route leaves it (deciding is claims.test.ts's). */
async function approvedClaim(
  n: number,
  card?: string,
  people: { approver?: string /* an account id */; cardBy?: string; name?: string } = {},
): Promise<Claim> {
  const { claim } = await claimFor(api, n, STANDARD_FEN, {}, people.name);
  const by = people.approver ?? 'demo-staff-township-1';
  const approved = await api.ctx.claims.transition(claim, claim.version, {
    to: 'approved',
    by,
    approval: { by, level: levelOfRegion((await api.ctx.users.get(by))!.regionCode!) },
  });
  if (card) {
    const set = await setCard(claim, card, people.cardBy);
    expect(set.body).toEqual({
      kind: 'socialSecurityCard',
      numberMasked: `${'*'.repeat(card.length - 4)}${card.slice(-4)}`,
      pending: true,
      notified: false, // no WeChat template here, nor an openid
      textTo: null, // no SMS template here either
    });
    expect((await confirmCard(claim)).status).toBe(200);
  }
  return approved;
}

const pay = (idempotencyKey: string, token?: string, regionCode = '150222102') =>
  api.call('POST', '/api/v1/claims/payments', { token: token ?? finance, body: { regionCode, idempotencyKey } });

async function bankFile(batchId: string): Promise<string[]> {
  const response = await fetch(`${api.url}/api/v1/claims/payments/${batchId}/file`, {
    headers: { authorization: `Bearer ${finance}` },
  });
  expect(response.status).toBe(200);
  return (await response.text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
}

/** Everything the table holds under a partition, as text. */
async function partitionText(pk: string): Promise<string> {
  const { Items = [] } = await api.ctx.table.db.send(
    new QueryCommand({ TableName: api.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }),
  );
  return JSON.stringify(Items);
}

/**
 * Makes DynamoDB fail once, the `after + 1`-th time a request matches, through the real
 * client's middleware (as a lost connection or a killed Lambda would); returns the undo.
 */
function failOnce(match: (input: Record<string, unknown>) => boolean, after: number): () => void {
  let seen = 0;
  let failed = false;
  const name = `fault-${crypto.randomUUID()}`;
  api.ctx.table.db.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as Record<string, unknown>;
      if (!failed && match(input) && seen++ >= after) {
        failed = true;
        throw Object.assign(new Error('injected: the connection was lost'), {
          name: 'InternalServerError',
          $metadata: { httpStatusCode: 500 },
        });
      }
      return next(args);
    },
    { step: 'initialize', name, priority: 'high' },
  );
  return () => api.ctx.table.db.middlewareStack.remove(name);
}
const isPaidStep = (input: Record<string, unknown>) =>
  JSON.stringify((input.ExpressionAttributeValues as Record<string, unknown> | undefined)?.[':to'] ?? '').includes('paid');
const isReservation = (input: Record<string, unknown>) => JSON.stringify(input.TransactItems ?? '').includes('paymentBatchClaim');

describe('payment batches', () => {
  it('pays each approved claim exactly once, even with two batches at once, and keeps a claim without a card waiting', async () => {
    const withCard = [
      await approvedClaim(1, '6217991234567890123'),
      await approvedClaim(2, '6217991234567890456'),
      await approvedClaim(3, '6217991234567890789'),
    ];
    const noCard = await approvedClaim(4);

    const [a, b] = await Promise.all([pay(crypto.randomUUID()), pay(crypto.randomUUID())]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const paidIds = [...a.body.batch.claimIds, ...b.body.batch.claimIds];
    expect(paidIds.sort()).toEqual(withCard.map((c) => c.claimId).sort()); // all, and none twice
    expect(a.body.batch.totalFen + b.body.batch.totalFen).toBe(3 * STANDARD_FEN);
    for (const batch of [a.body.batch, b.body.batch]) {
      expect(batch.skipped.map((s: { claimId: string }) => s.claimId)).toContain(noCard.claimId);
    }
    for (const claim of withCard) {
      const stored = (await api.ctx.claims.get(claim.claimId))!;
      expect(stored.status).toBe('paid');
      expect([a.body.batch.batchId, b.body.batch.batchId]).toContain(stored.paymentBatchId);
      expect(stored.history.at(-1)).toMatchObject({ from: 'approved', to: 'paid', by: financeId });
    }
    expect((await api.ctx.claims.get(noCard.claimId))?.status).toBe('approved');

    // Nothing is left to pay; a retry of a batch returns that batch as it was.
    const key = crypto.randomUUID();
    const empty = await pay(key);
    expect(empty.body.batch.count).toBe(0);
    expect((await pay(key)).body.batch).toEqual(empty.body.batch);
    expect((await pay(a.body.batch.batchId.slice(2))).body.batch).toEqual(a.body.batch);
  });

  it('writes the bank’s file with the card, a masked ID number and no formula a spreadsheet would run; audits the download', async () => {
    const claim = await approvedClaim(10, '6228481234567890001');
    const formula = await approvedClaim(11, '6228481234567890002', { name: '=HYPERLINK("http://x.cn","点我")' });
    const { body } = await pay(crypto.randomUUID());
    expect(body.batch.claimIds.sort()).toEqual([claim.claimId, formula.claimId].sort());
    const [header, ...rows] = await bankFile(body.batch.batchId);
    expect(header).toBe('序号,姓名或单位,身份证号,账户类型,账号,金额（元）,补贴,申领编号');
    expect(rows.find((r) => r.includes(claim.claimId))).toMatch(
      /^\d,测试10,15[\d*]{15}[\dX],社保卡,6228481234567890001,500\.00,一次性交通补助,c_/,
    );
    // CSV injection: the name is text, led by an apostrophe.
    expect(rows.find((r) => r.includes(formula.claimId))).toContain(`,"'=HYPERLINK(""http://x.cn"",""点我"")",`);
    const audit = await api.call('GET', `/api/v1/registry/workers/${workerIdOf(claim)}/audit`, { token: county });
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['payoutAccount']));
    expect(audit.body.entries.some((e: { reason: string }) => e.reason.includes(body.batch.batchId))).toBe(true);
  });

  it('keeps card numbers sealed at rest, on the account and in the batch', async () => {
    const card = '6228481234567898888';
    const claim = await approvedClaim(12, card);
    const { body } = await pay(crypto.randomUUID());
    expect(body.batch.claimIds).toEqual([claim.claimId]);
    const { Item } = await api.ctx.table.db.send(
      new GetCommand({ TableName: api.tableName, Key: keys.payoutAccount(workerIdOf(claim)) }),
    );
    const stored = JSON.stringify(Item);
    const batch = await partitionText(keys.paymentBatch(body.batch.batchId).pk);
    for (const text of [stored, batch]) {
      expect(text).not.toContain(card);
      expect(text).not.toContain(card.slice(0, 12));
      expect(text).toContain('***************8888');
    }
    // Only the bank's file opens it.
    expect((await bankFile(body.batch.batchId))[1]).toContain(card);
  });

  it('is for an officer with the duty 发放 only, and refuses a card number of the wrong shape', async () => {
    expect((await pay(crypto.randomUUID(), township)).status).toBe(403);
    const reviewer = await pay(crypto.randomUUID(), county); // the county officer reviews, but does not pay
    expect(reviewer.status).toBe(403);
    expect(reviewer.body.error.message.zh).toContain('发放');
    const { claim } = await claimFor(api, 20, 10_000);
    const bad = await setCard(claim, '1234');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.number');
    expect(await api.ctx.payments.account({ kind: 'worker', workerId: workerIdOf(claim) })).toBeUndefined();
  });
});

describe('separation of duties', () => {
  it('never lets one officer approve and pay a claim, or pay to a card they entered; another payer pays them', async () => {
    const approvedByInsider = await approvedClaim(30, '6217990000000000301', { approver: 'test-staff-all-duties' });
    const cardByInsider = await approvedClaim(31, '6217990000000000311', { cardBy: allDuties });
    const alone = await pay(crypto.randomUUID(), allDuties);
    expect(alone.status).toBe(200);
    expect(alone.body.batch.claimIds).toEqual([]);
    expect(alone.body.batch.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ claimId: approvedByInsider.claimId, reason: expect.stringContaining('您审核的') }),
        expect.objectContaining({ claimId: cardByInsider.claimId, reason: expect.stringContaining('您登记或确认的') }),
      ]),
    );
    expect((await api.ctx.claims.get(approvedByInsider.claimId))?.status).toBe('approved');
    const other = await pay(crypto.randomUUID());
    expect(other.body.batch.claimIds.sort()).toEqual([approvedByInsider.claimId, cardByInsider.claimId].sort());
  });

  it('refuses a payer the claims of the household they declared', async () => {
    const relative = await approvedClaim(40, '6217990000000000401');
    const declared = await api.call('PUT', '/api/v1/me/household', {
      token: finance,
      body: { idNumbers: [idNumber('150222', '19800101', 340)] }, // the worker of claim 40
    });
    expect(declared.body).toEqual({ members: 1 });
    const own = await pay(crypto.randomUUID());
    expect(own.body.batch.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ claimId: relative.claimId, reason: expect.stringContaining('自己家庭') }),
      ]),
    );
    expect((await api.ctx.claims.get(relative.claimId))?.status).toBe('approved');
    // Another payer with nothing to do with it pays it.
    expect((await pay(crypto.randomUUID(), allDuties)).body.batch.claimIds).toEqual([relative.claimId]);
  });

  it('puts a card change in force only when a second person confirms the one they saw; meanwhile the card in force is paid', async () => {
    const claim = await approvedClaim(50, '6217990000000000501');
    const change = await setCard(claim, '6217990000000000999');
    expect(change.body).toMatchObject({ numberMasked: '***************0999', pending: true });
    const seen = await api.call('GET', cardPath(claim), { token: township });
    expect(seen.body).toEqual({
      account: expect.objectContaining({ numberMasked: '***************0501', setBy: 'demo-staff-village-1' }),
      pending: {
        kind: 'socialSecurityCard',
        numberMasked: '***************0999',
        setBy: 'demo-staff-village-1',
        setAt: expect.any(String),
      },
      withdrawn: null,
    });
    const { setAt } = seen.body.pending;
    const self = await api.call('POST', `${cardPath(claim)}/confirm`, { token: village, body: { setAt } });
    expect(self.status).toBe(403);

    const { body } = await pay(crypto.randomUUID());
    expect(body.batch.claimIds).toEqual([claim.claimId]);
    expect((await bankFile(body.batch.batchId))[1]).toContain('6217990000000000501');

    // Entered again after the confirmer looked: confirming what they saw is refused, not done blind.
    await new Promise((resolve) => setTimeout(resolve, 5)); // another millisecond, another entry
    expect((await setCard(claim, '6217990000000000777')).body.pending).toBe(true);
    const blind = await api.call('POST', `${cardPath(claim)}/confirm`, { token: township, body: { setAt } });
    expect(blind.status).toBe(409);
    expect(blind.body.error.field).toBe('body.setAt');
    expect(await api.ctx.payments.account({ kind: 'worker', workerId: workerIdOf(claim) })).toMatchObject({
      number: '6217990000000000501',
    });

    const confirmed = await confirmCard(claim, township);
    expect(confirmed.body).toEqual({ kind: 'socialSecurityCard', numberMasked: '***************0777' });
    expect(await api.ctx.payments.account({ kind: 'worker', workerId: workerIdOf(claim) })).toEqual({
      kind: 'socialSecurityCard',
      number: '6217990000000000777',
    });
  });

  it('pays to a first card only once a second person confirmed it: one officer alone cannot choose where the money goes', async () => {
    const { claim } = await claimFor(api, 51, 50_000);
    const approved = await api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, {
      token: township,
      body: { version: claim.version, decision: 'approve' },
    });
    expect(approved.body.claim.status).toBe('approved');
    expect((await setCard(claim, '6217990000000000511')).body.pending).toBe(true);
    expect(await api.ctx.payments.account({ kind: 'worker', workerId: workerIdOf(claim) })).toBeUndefined();
    const waiting = await pay(crypto.randomUUID());
    expect(waiting.body.batch.claimIds).not.toContain(claim.claimId);
    expect(waiting.body.batch.skipped).toEqual(
      expect.arrayContaining([expect.objectContaining({ claimId: claim.claimId, reason: expect.stringContaining('确认') })]),
    );
    expect((await api.call('GET', cardPath(claim), { token: confirmer })).body.account).toBeNull();

    expect((await confirmCard(claim)).status).toBe(200);
    expect((await pay(crypto.randomUUID())).body.batch.claimIds).toEqual([claim.claimId]);
  });

  it('shows the worker the card their money goes to and one waiting, masked, and nothing of who entered them', async () => {
    const worker = await boundWorker(api, 52, { householdId: 'H-52' });
    const mine = () => api.call('GET', '/api/v1/me/payout-account', { token: worker.token });
    const none = { templateId: null, allowed: 0 }; // no WeChat template here
    expect((await mine()).body).toEqual({ card: null, waiting: null, notices: none });
    const path = `/api/v1/registry/workers/${worker.workerId}/payout-account`;
    await api.call('PUT', path, { token: village, body: { kind: 'socialSecurityCard', number: '6217990000000000521' } });
    expect((await mine()).body).toEqual({
      card: null,
      waiting: { kind: 'socialSecurityCard', numberMasked: '***************0521', enteredAt: expect.any(String) },
      notices: none,
    });
    await confirmWorkerCard(api, worker.workerId, confirmer);
    await api.call('PUT', path, { token: village, body: { kind: 'bankCard', number: '6222020000000000522' } });
    const seen = await mine();
    expect(seen.body).toEqual({
      card: { kind: 'socialSecurityCard', numberMasked: '***************0521', enteredAt: expect.any(String) },
      waiting: { kind: 'bankCard', numberMasked: '***************0522', enteredAt: expect.any(String) },
      notices: none,
    });
    expect(JSON.stringify(seen.body)).not.toMatch(/6217990000000000521|demo-staff/);
    // Another worker sees their own (none), never this one's.
    expect((await api.call('GET', '/api/v1/me/payout-account', { token: (await boundWorker(api, 53)).token })).body).toEqual({
      card: null,
      waiting: null,
      notices: none,
    });
  });
});

describe('不是我的卡: the worker says a card entered for them is not theirs', () => {
  const mine = (token: string) => api.call('GET', '/api/v1/me/payout-account', { token });
  const answer = (token: string, enteredAt: string, said: string) =>
    api.call('POST', '/api/v1/me/payout-account/answer', { token, body: { enteredAt, answer: said } });
  /** The county's task about a card, if one was opened. */
  const disputeTask = (workerId: string, enteredAt: string) =>
    api.ctx.tasks.get(
      taskIdOf({ cause: 'payoutCardDisputed', month: chinaDate(new Date()).slice(0, 7), subject: `${workerId}#${enteredAt}` }),
    );

  it('withdraws a waiting card at once, tells the county who entered it, and leaves nothing for the confirmer to put in force', async () => {
    const worker = await boundWorker(api, 80, { householdId: 'H-80' });
    const path = `/api/v1/registry/workers/${worker.workerId}/payout-account`;
    await api.call('PUT', path, { token: village, body: { kind: 'bankCard', number: '6222020000000000801' } });
    const waiting = (await mine(worker.token)).body.waiting;

    const said = await answer(worker.token, waiting.enteredAt, 'notMine');
    expect(said.status).toBe(200);
    expect(said.body).toMatchObject({ card: null, waiting: null });
    const staffView = (await api.call('GET', path, { token: confirmer })).body;
    expect(staffView.pending).toBeNull();
    expect(staffView.withdrawn).toMatchObject({
      numberMasked: '***************0801',
      setBy: 'demo-staff-village-1',
      ownerAnswer: { answer: 'notMine' },
    });
    // The confirmer has nothing to confirm: the card the worker disowned cannot be put in force.
    const confirmed = await api.call('POST', `${path}/confirm`, { token: confirmer, body: { setAt: waiting.enteredAt } });
    expect(confirmed.status).toBe(404);
    const task = await disputeTask(worker.workerId, waiting.enteredAt);
    expect(task).toMatchObject({ level: 'county', regionCode: worker.villageCode, status: 'open' });
    expect(task!.text).toContain('银行卡（尾号 0801）不是本人的卡。这次登记已作废');
    expect(task!.figures).toEqual(expect.arrayContaining([{ label: '登记人账号', value: 'demo-staff-village-1' }]));
    // On the person's own trail, as every card change is.
    const trail = (await api.call('GET', '/api/v1/me/data-uses', { token: worker.token })).body.entries;
    expect(trail.map((e: { reason: string }) => e.reason)).toContain('本人说银行卡（尾号 0801）不是自己的卡');
    // A crash lost the task after the answer was kept: said again (the app retries), the task is opened.
    await api.ctx.table.db.send(new DeleteCommand({ TableName: api.tableName, Key: keys.task(task!.taskId) }));
    expect((await answer(worker.token, waiting.enteredAt, 'notMine')).body).toMatchObject({ card: null, waiting: null });
    expect(await disputeTask(worker.workerId, waiting.enteredAt)).toMatchObject({ taskId: task!.taskId, status: 'open' });
    expect((await answer(worker.token, waiting.enteredAt, 'mine')).status).toBe(409);
  });

  it('stops paying to a card in force the worker disowns, until another card is entered and confirmed', async () => {
    const claim = await approvedClaim(81, '6217990000000000811');
    const worker = (await api.ctx.workers.getItem(workerIdOf(claim)))!;
    const token = await api.loginAs('test-worker-81');
    const { card } = (await mine(token)).body;
    expect(card).toMatchObject({ numberMasked: '***************0811' });

    expect((await answer(token, card.enteredAt, 'notMine')).body.card.ownerAnswer).toMatchObject({ answer: 'notMine' });
    const held = await pay(crypto.randomUUID());
    expect(held.body.batch.claimIds).not.toContain(claim.claimId);
    expect(held.body.batch.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ claimId: claim.claimId, reason: expect.stringContaining('本人说收款的卡不是自己的') }),
      ]),
    );
    const task = await disputeTask(worker.workerId, card.enteredAt);
    expect(task!.text).toContain('这张卡已停用');
    expect(task!.figures).toEqual(expect.arrayContaining([{ label: '确认人账号', value: 'test-staff-confirms-cards' }]));
    // 不是我的卡 is not taken back from the phone: the county looks into it first.
    const undo = await answer(token, card.enteredAt, 'mine');
    expect(undo.status).toBe(409);
    expect(undo.body.error.field).toBe('body.answer');
    expect((await pay(crypto.randomUUID())).body.batch.claimIds).not.toContain(claim.claimId);

    // The officers, having seen the person and their card, enter it again; a second one confirms it.
    expect((await setCard(claim, '6217990000000000812')).status).toBe(200);
    expect((await confirmCard(claim)).status).toBe(200);
    expect((await pay(crypto.randomUUID())).body.batch.claimIds).toEqual([claim.claimId]);
  });

  it('keeps 是我的卡 for the officers to see, opens no task, and refuses an answer about a card no longer on file', async () => {
    const worker = await boundWorker(api, 82, { householdId: 'H-82' });
    const path = `/api/v1/registry/workers/${worker.workerId}/payout-account`;
    await api.call('PUT', path, { token: village, body: { kind: 'socialSecurityCard', number: '6217990000000000821' } });
    const first = (await mine(worker.token)).body.waiting;
    expect((await answer(worker.token, first.enteredAt, 'mine')).body.waiting.ownerAnswer).toMatchObject({ answer: 'mine' });
    expect((await api.call('GET', path, { token: confirmer })).body.pending.ownerAnswer).toMatchObject({ answer: 'mine' });
    expect(await disputeTask(worker.workerId, first.enteredAt)).toBeUndefined();

    // Replaced since the worker looked: their answer is about another card, and changes nothing.
    await api.call('PUT', path, { token: village, body: { kind: 'socialSecurityCard', number: '6217990000000000822' } });
    const before = await partitionText(keys.payoutAccount(worker.workerId).pk);
    const stale = await answer(worker.token, first.enteredAt, 'notMine');
    expect(stale.status).toBe(409);
    expect(stale.body.error.field).toBe('body.enteredAt');
    const bad = await answer(worker.token, first.enteredAt, 'maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('body.answer');
    expect(await partitionText(keys.payoutAccount(worker.workerId).pk)).toBe(before);
    expect(await disputeTask(worker.workerId, first.enteredAt)).toBeUndefined();
  });
});

describe('stopped before it is paid: weighed again, or sent back by a reviewer', () => {
  /** Worker n's claim, approved as it was made, with a card in force: nothing but its facts stops a batch. */
  async function approvedAsMade(n: number, amountFen: number, overrides: Partial<Claim> = {}) {
    const { claim } = await claimFor(api, n, amountFen, overrides);
    const by = 'demo-staff-township-1';
    const approved = await api.ctx.claims.transition(claim, claim.version, {
      to: 'approved',
      by,
      approval: { by, level: 'township' },
    });
    await setCard(claim, `62179900000000${n}0`);
    expect((await confirmCard(claim)).status).toBe(200);
    return approved;
  }

  it('sends a claim whose amount moved since it was approved back to 待审核 at the new amount, and pays nothing of it', async () => {
    const claim = await approvedAsMade(93, 30_000); // the records now give the standard, 500 元
    const batch = (await pay(crypto.randomUUID())).body.batch;
    expect(batch.claimIds).not.toContain(claim.claimId);
    expect(batch.skipped).toContainEqual({
      claimId: claim.claimId,
      name: '测试93',
      reason: '发放前复核：按最新记录重新计算，金额从 300 元 变为 500 元，已退回待审核',
    });
    const stored = (await api.ctx.claims.get(claim.claimId))!;
    expect(stored).toMatchObject({ status: 'submitted', amountFen: STANDARD_FEN, approvals: [] });
    expect(stored.history.at(-1)).toMatchObject({ from: 'approved', to: 'submitted', by: financeId });
  });

  it('退回重审: a reviewer sends an approved claim back to 待审核 with a reason before any batch pays it', async () => {
    const claim = await approvedClaim(95, '6217990000000000951');
    const reopen = (body: Record<string, unknown>, token = township, id = claim.claimId) =>
      api.call('POST', `/api/v1/claims/${id}/reopen`, { token, body });
    const reason = '群众反映他十一月在本地打零工';
    const refusals: [body: Record<string, unknown>, token: string, status: number, field: string][] = [
      [{ version: claim.version, reason: '不对' }, township, 400, 'body.reason'],
      [{ version: claim.version + 1, reason }, township, 409, 'body.version'],
      [{ version: claim.version, reason }, village, 403, 'params.claimId'], // keeps the registry, reviews nothing
      [{ version: claim.version, reason }, finance, 403, 'params.claimId'], // pays, reviews nothing
    ];
    for (const [body, token, status, field] of refusals) {
      const refused = await reopen(body, token);
      expect([refused.status, refused.body.error?.field]).toEqual([status, field]);
    }
    expect((await api.ctx.claims.get(claim.claimId))!.version).toBe(claim.version);

    const reopened = await reopen({ version: claim.version, reason });
    expect(reopened.status).toBe(200);
    expect(reopened.body.claim).toMatchObject({ status: 'submitted', approvals: [], amountFen: STANDARD_FEN });
    expect(reopened.body.claim.history.at(-1)).toMatchObject({
      from: 'approved',
      to: 'submitted',
      by: 'demo-staff-township-1',
      reason: `退回重审：${reason}`,
    });
    expect((await pay(crypto.randomUUID())).body.batch.claimIds).not.toContain(claim.claimId);
    // Only an approved claim not yet in a batch: a paid one is the bank's now.
    const paid = await approvedClaim(96, '6217990000000000961');
    expect((await pay(crypto.randomUUID())).body.batch.claimIds).toContain(paid.claimId);
    const late = await reopen({ version: paid.version + 2, reason }, county, paid.claimId);
    expect([late.status, late.body.error.message.zh]).toEqual([409, '只有审核通过、还没发放的申领可以退回重审']);
  });

  it('sends a claim no longer due back to 待审核 as it was, saying why, for the reviewer to reject', async () => {
    // Approved for October, a month the records hold no work in another province for.
    const claim = await approvedAsMade(94, STANDARD_FEN, { period: '2026-10' });
    const batch = (await pay(crypto.randomUUID())).body.batch;
    expect(batch.claimIds).not.toContain(claim.claimId);
    const skipped = batch.skipped.find((s: { claimId: string }) => s.claimId === claim.claimId);
    expect(skipped.reason).toMatch(/^发放前复核：按现在的记录已不符合条件（.+），已退回待审核，请驳回$/);
    const stored = (await api.ctx.claims.get(claim.claimId))!;
    expect(stored).toMatchObject({ status: 'submitted', amountFen: STANDARD_FEN, approvals: [] });
    // Approving it again is refused with the same reason; rejecting it is the reviewer's answer.
    const decide = (decision: string, reason?: string) =>
      api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, {
        token: township,
        body: { version: stored.version, decision, ...(reason ? { reason } : {}) },
      });
    expect((await decide('approve')).status).toBe(409);
    expect((await decide('reject', '十月没有到省外务工的记录')).status).toBe(200);
  });
});

describe('银行退回: the bank sent a payment back', () => {
  const returnPath = (batchId: string) => `/api/v1/claims/payments/${batchId}/returns`;
  const recordReturn = (batchId: string, body: Record<string, unknown>, token = finance) =>
    api.call('POST', returnPath(batchId), { token, body });
  /** The village's task about a returned card. */
  const returnTask = (workerId: string, cardSetAt: string, at = new Date()) =>
    api.ctx.tasks.get(
      taskIdOf({ cause: 'payoutReturned', month: chinaDate(at).slice(0, 7), subject: `${workerId}#${cardSetAt}` }),
    );

  it('puts the claim back to 等待发放, pays nothing more to that card, gives the village a task, and another payer pays it again', async () => {
    const claim = await approvedClaim(90, '6217990000000000901');
    const workerId = workerIdOf(claim);
    const paid = await pay(crypto.randomUUID());
    const { batchId } = paid.body.batch;
    expect(paid.body.batch.claimIds).toContain(claim.claimId);
    const cardPathOf = cardPath(claim);
    const card = (await api.call('GET', cardPathOf, { token: village })).body.account;

    const returned = await recordReturn(batchId, {
      claimId: claim.claimId,
      reason: 'accountClosed',
      bankReference: 'TP20261206-0901',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.batch.returned).toEqual([
      expect.objectContaining({
        claimId: claim.claimId,
        amountFen: 50_000,
        reason: '账户已销户',
        bankReference: 'TP20261206-0901',
      }),
    ]);
    expect(returned.body.batch.claimIds).toContain(claim.claimId); // the file as sent stays as it was
    const stored = (await api.ctx.claims.get(claim.claimId))!;
    expect(stored.status).toBe('approved');
    expect(stored.paymentBatchId).toBeUndefined();
    expect(stored.history.at(-1)).toMatchObject({
      from: 'paid',
      to: 'approved',
      by: financeId,
      reason: '银行退回：账户已销户（流水号 TP20261206-0901）',
    });
    // The worker's own page no longer counts it as paid.
    const token = await api.loginAs('test-worker-90');
    const mine = (await api.call('GET', '/api/v1/me/claims', { token })).body;
    expect(mine.summary).toMatchObject({ inProgress: 1, paidFen: 0 });
    // Officers and the worker see what the bank said on the card.
    expect((await api.call('GET', cardPathOf, { token: village })).body.account.bankReturned).toMatchObject({
      reason: '账户已销户',
    });
    expect((await api.call('GET', '/api/v1/me/payout-account', { token })).body.card.bankReturned).toMatchObject({
      reason: '账户已销户',
    });
    const task = await returnTask(workerId, card.setAt);
    expect(task).toMatchObject({ level: 'village', regionCode: claim.regionCode, status: 'open' });
    expect(task!.text).toContain('银行退回了发给 测试90 的一次性交通补助（500 元）：账户已销户');
    const trail = (await api.call('GET', '/api/v1/me/data-uses', { token })).body.entries;
    expect(trail.map((e: { reason: string }) => e.reason)).toContain(
      `登记银行退回 ${batchId}：银行退回：账户已销户（流水号 TP20261206-0901）`,
    );

    // The same card is paid nothing more, by anyone.
    const again = await pay(crypto.randomUUID());
    expect(again.body.batch.claimIds).not.toContain(claim.claimId);
    expect(again.body.batch.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ claimId: claim.claimId, reason: expect.stringContaining('银行退回过') }),
      ]),
    );
    // The village enters the person's right card, a second officer confirms it: still not by who recorded the return.
    expect((await setCard(claim, '6217990000000000902')).status).toBe(200);
    expect((await confirmCard(claim)).status).toBe(200);
    expect((await api.call('GET', cardPathOf, { token: village })).body.account.bankReturned).toBeUndefined();
    const samePayer = await pay(crypto.randomUUID());
    expect(samePayer.body.batch.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ claimId: claim.claimId, reason: '银行退回是您登记的，要由另一位工作人员再发放' }),
      ]),
    );
    const recorder = finance;
    financeId = `test-finance-${++payers}`;
    await api.ctx.users.create({ ...(await api.ctx.users.get('demo-staff-county-finance'))!, userId: financeId });
    finance = await api.loginAs(financeId);
    const repaid = await pay(crypto.randomUUID());
    expect(repaid.body.batch.claimIds).toContain(claim.claimId);
    expect((await api.ctx.claims.get(claim.claimId))?.status).toBe('paid');
    expect((await bankFile(repaid.body.batch.batchId)).join('\n')).toContain('6217990000000000902');
    // The first batch still shows the return, for the accounts to match the bank's.
    const first = await recordReturn(
      batchId,
      { claimId: claim.claimId, reason: 'accountClosed', bankReference: 'TP20261206-0901' },
      recorder,
    );
    expect(first.body.batch.returned).toHaveLength(1);
  });

  it('refuses what is not one of the batch’s paid claims, a second return, a wrong reference and an officer who does not pay; changes nothing', async () => {
    const claim = await approvedClaim(91, '6217990000000000911');
    const other = await approvedClaim(92);
    const { batchId } = (await pay(crypto.randomUUID())).body.batch;
    const before = (await api.ctx.claims.get(claim.claimId))!;
    const ok = { claimId: claim.claimId, reason: 'nameMismatch', bankReference: 'R-0911' };

    const refusals: [body: Record<string, unknown>, token: string | undefined, status: number, field?: string][] = [
      [{ ...ok, claimId: other.claimId }, undefined, 404, 'body.claimId'],
      [{ ...ok, bankReference: 'x' }, undefined, 400, 'body.bankReference'],
      [{ ...ok, reason: 'other' }, undefined, 400, 'body.note'],
      [{ ...ok, reason: 'stolen' }, undefined, 400, 'body.reason'],
      [ok, township, 403],
      [ok, county, 403], // reviews and rechecks, does not pay
    ];
    for (const [body, token, status, field] of refusals) {
      const refused = await recordReturn(batchId, body, token);
      expect([refused.status, refused.body.error?.field]).toEqual([status, field]);
    }
    expect(await api.ctx.claims.get(claim.claimId)).toEqual(before);

    // Two payers' taps at once: one return, the other refused or answered as the same.
    const [a, b] = await Promise.all([recordReturn(batchId, ok), recordReturn(batchId, { ...ok, bankReference: 'R-0912' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const after = (await api.ctx.claims.get(claim.claimId))!;
    expect(after.history.filter((step) => step.from === 'paid')).toHaveLength(1);
    expect(after.version).toBe(before.version + 1);
    // The same return again (a retry) is answered as the first; another is refused.
    const winner = a.status === 200 ? ok : { ...ok, bankReference: 'R-0912' };
    expect((await recordReturn(batchId, winner)).status).toBe(200);
    const second = await recordReturn(batchId, { ...winner, bankReference: 'R-9999' });
    expect([second.status, second.body.error.field]).toEqual([409, 'body.claimId']);
    expect((await api.ctx.claims.get(claim.claimId))!.version).toBe(after.version);
  });
});

describe('a batch that fails half-way', () => {
  it('leaves no claim paid outside a file, gives its claims to no other batch, and finishes when retried with its key', async () => {
    const claims = [
      await approvedClaim(60, '6217990000000000601'),
      await approvedClaim(61, '6217990000000000611'),
      await approvedClaim(62, '6217990000000000621'),
    ];
    const key = crypto.randomUUID();
    const undo = failOnce(isPaidStep, 1); // the second claim's approved → paid
    const crashed = await pay(key);
    undo();
    expect(crashed.status).toBe(503);
    const statuses = await Promise.all(claims.map(async (c) => (await api.ctx.claims.get(c.claimId))!));
    expect(statuses.map((c) => c.paymentBatchId)).toEqual(Array(3).fill(`b_${key}`)); // all reserved into it
    expect(statuses.filter((c) => c.status === 'paid')).toHaveLength(1);

    // Another batch meanwhile finds nothing to pay; the unfinished one has no file yet.
    expect((await pay(crypto.randomUUID())).body.batch.claimIds).toEqual([]);
    const early = await fetch(`${api.url}/api/v1/claims/payments/b_${key}/file`, {
      headers: { authorization: `Bearer ${finance}` },
    });
    expect(early.status).toBe(404);

    const resumed = await pay(key);
    expect(resumed.status).toBe(200);
    expect(resumed.body.batch).toMatchObject({ count: 3, totalFen: 3 * STANDARD_FEN });
    expect(resumed.body.batch.claimIds.sort()).toEqual(claims.map((c) => c.claimId).sort());
    for (const claim of claims) {
      const stored = (await api.ctx.claims.get(claim.claimId))!;
      expect(stored.status).toBe('paid');
      expect(stored.history.filter((h) => h.to === 'paid')).toHaveLength(1);
    }
    expect(await bankFile(resumed.body.batch.batchId)).toHaveLength(4); // the header and three rows
  });

  it('resumes a batch that failed while reserving its claims', async () => {
    const claims = [await approvedClaim(70, '6217990000000000701'), await approvedClaim(71, '6217990000000000711')];
    const key = crypto.randomUUID();
    const undo = failOnce(isReservation, 1);
    expect((await pay(key)).status).toBe(503);
    undo();
    const reserved = await Promise.all(claims.map(async (c) => (await api.ctx.claims.get(c.claimId))!));
    expect(reserved.map((c) => c.status)).toEqual(['approved', 'approved']);
    const resumed = await pay(key);
    expect(resumed.body.batch.claimIds.sort()).toEqual(claims.map((c) => c.claimId).sort());
  });

  it('is resumed only for its own region and by its own payer', async () => {
    const key = crypto.randomUUID();
    expect((await pay(key)).status).toBe(200);
    const otherRegion = await pay(key, undefined, '150222103');
    expect(otherRegion.status).toBe(409);
    expect(otherRegion.body.error.field).toBe('body.idempotencyKey');
    expect((await pay(key, allDuties)).status).toBe(409);
  });
});

describe('以前的发放批次: a payer finds an earlier batch, its rows and its returns', () => {
  type Summary = { batchId: string; createdBy: string; createdAt: string; state: string; resumeKey?: string } & Record<
    string,
    unknown
  >;
  const listOf = async (token = finance, query = 'regionCode=150222102&limit=100') => {
    const listed = await api.call('GET', `/api/v1/claims/payments?${query}`, { token });
    expect(listed.status).toBe(200);
    return listed.body as { batches: Summary[]; nextCursor?: string };
  };
  const linesOf = (batchId: string, query = '', token = finance) =>
    api.call('GET', `/api/v1/claims/payments/${batchId}${query}`, { token });

  it('lists a region’s batches newest first with what each paid and what came back, a page at a time', async () => {
    await approvedClaim(100, '6217990000000001001');
    await approvedClaim(101, '6217990000000001011');
    const first = (await pay(crypto.randomUUID())).body.batch;
    await approvedClaim(102, '6217990000000001021');
    const second = (await pay(crypto.randomUUID())).body.batch;
    expect([first.count, second.count]).toEqual([2, 1]);
    const returned = await api.call('POST', `/api/v1/claims/payments/${first.batchId}/returns`, {
      token: finance,
      body: { claimId: first.claimIds[0], reason: 'accountFrozen', bankReference: 'TP-1001' },
    });
    expect(returned.status).toBe(200);

    const { batches } = await listOf();
    const times = batches.map((b) => b.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    const mine = batches.filter((b) => b.createdBy === financeId);
    expect(mine).toEqual([
      {
        batchId: second.batchId,
        regionCode: '150222102',
        createdBy: financeId,
        createdAt: second.createdAt,
        state: 'done',
        count: 1,
        totalFen: STANDARD_FEN,
        returnedCount: 0,
        returnedFen: 0,
      },
      expect.objectContaining({
        batchId: first.batchId,
        count: 2,
        totalFen: 2 * STANDARD_FEN,
        returnedCount: 1,
        returnedFen: STANDARD_FEN,
      }),
    ]);
    // The county's list holds its townships' batches; another township's does not.
    expect((await listOf(finance, 'regionCode=150222&limit=100')).batches.map((b) => b.batchId)).toContain(first.batchId);
    expect((await listOf(finance, 'regionCode=150222103&limit=100')).batches.map((b) => b.batchId)).not.toContain(first.batchId);

    // A page at a time, neither repeated nor skipped.
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listOf(finance, `regionCode=150222102&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.batches.length).toBeLessThanOrEqual(2);
      paged.push(...page.batches.map((b) => b.batchId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(batches.map((b) => b.batchId));

    // Only a payer reads them.
    for (const token of [county, township, village]) {
      expect((await api.call('GET', '/api/v1/claims/payments?regionCode=150222102', { token })).status).toBe(403);
    }
  });

  it('numbers a batch’s rows as its bank file does, masked, finds a name, and shows a return on its row', async () => {
    const claims = [
      await approvedClaim(103, '6217990000000001031', { name: '李秀兰' }),
      await approvedClaim(104, '6217990000000001041', { name: '王建国' }),
      await approvedClaim(105, '6217990000000001051', { name: '李建华' }),
    ];
    const batch = (await pay(crypto.randomUUID())).body.batch;
    const file = (await bankFile(batch.batchId)).slice(1).map((line) => line.split(','));
    const whole = await linesOf(batch.batchId);
    expect(whole.status).toBe(200);
    expect(whole.body.batch).toMatchObject({ batchId: batch.batchId, count: 3, state: 'done' });
    // Each row as the file numbers it: 序号, name, amount and claim.
    expect(
      whole.body.lines.map((l: { row: number; name: string; claimId: string }) => [String(l.row), l.name, l.claimId]),
    ).toEqual(file.map((cells) => [cells[0], cells[1], cells.at(-1)]));
    expect(whole.body.lines[0].account).toEqual({
      kind: 'socialSecurityCard',
      numberMasked: expect.stringMatching(/^\*{15}\d{4}$/),
    });
    expect(JSON.stringify(whole.body)).not.toMatch(/6217990000000001/);

    // 李: two rows, keeping their numbers in the file.
    const found = await linesOf(batch.batchId, `?name=${encodeURIComponent('李')}`);
    expect(found.body.lines.map((l: { name: string }) => l.name).sort()).toEqual(['李建华', '李秀兰']);
    for (const line of found.body.lines) expect(file[line.row - 1]![1]).toBe(line.name);
    const onePage = await linesOf(batch.batchId, '?limit=2');
    const rest = await linesOf(batch.batchId, `?limit=2&cursor=${onePage.body.nextCursor}`);
    expect([...onePage.body.lines, ...rest.body.lines]).toEqual(whole.body.lines);
    expect(rest.body.nextCursor).toBeUndefined();

    const wang = claims[1]!;
    await api.call('POST', `/api/v1/claims/payments/${batch.batchId}/returns`, {
      token: finance,
      body: { claimId: wang.claimId, reason: 'other', note: '开户行改制，账户迁移', bankReference: 'TP-1041' },
    });
    const after = (await linesOf(batch.batchId, `?name=${encodeURIComponent('王建国')}`)).body;
    expect(after.lines).toEqual([
      expect.objectContaining({
        claimId: wang.claimId,
        returned: { reason: '开户行改制，账户迁移', bankReference: 'TP-1041', at: expect.any(String), by: financeId },
      }),
    ]);
    expect(after.batch).toMatchObject({ returnedCount: 1, returnedFen: STANDARD_FEN });

    // Refusals change nothing: a reviewer, a name too long, a cursor not ours.
    expect((await linesOf(batch.batchId, '', county)).status).toBe(403);
    const long = await linesOf(batch.batchId, `?name=${'李'.repeat(41)}`);
    expect([long.status, long.body.error.field]).toEqual([400, 'query.name']);
    const forged = await linesOf(batch.batchId, '?cursor=not-a-cursor');
    expect([forged.status, forged.body.error.field]).toEqual([400, 'query.cursor']);
  });

  it('shows a batch whose answer was lost as unfinished, with its key to its own payer only, who resumes it from any phone', async () => {
    const claim = await approvedClaim(106, '6217990000000001061');
    const key = crypto.randomUUID();
    const undo = failOnce(isPaidStep, 0);
    expect((await pay(key)).status).toBe(503);
    undo();
    const listed = (await listOf()).batches.find((b) => b.batchId === `b_${key}`);
    expect(listed).toMatchObject({ state: 'unfinished', resumeKey: key, count: 0 });
    // Another payer sees it, without the key; nobody reads its rows before it is done.
    const otherId = `test-finance-${++payers}`;
    await api.ctx.users.create({ ...(await api.ctx.users.get('demo-staff-county-finance'))!, userId: otherId });
    const other = await api.loginAs(otherId);
    const seen = (await listOf(other)).batches.find((b) => b.batchId === `b_${key}`);
    expect(seen).toMatchObject({ state: 'unfinished' });
    expect(seen).not.toHaveProperty('resumeKey');
    expect((await linesOf(`b_${key}`)).status).toBe(404);

    const resumed = await pay(listed!.resumeKey!);
    expect(resumed.body.batch.claimIds).toEqual([claim.claimId]);
    expect((await listOf()).batches.find((b) => b.batchId === `b_${key}`)).toMatchObject({
      state: 'done',
      count: 1,
      totalFen: STANDARD_FEN,
    });
  });
});
