/**
 * 以工代赈 代发结果 over DynamoDB Local: the contractor's bank's answer read against the month's wage
 * sheet — each row's card checked against the card in force on the person's record — then recorded
 * by the file's digest: the lines paid with the bank's date and reference, the file named on each;
 * nothing recorded while any row does not match, and nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, type ReliefWageLine } from '@bangfu/shared';
import { dynamoCallsDuring, startDemoCountyApi, type TestApi } from '../support/api.js';
import { cardInForce, moneyOfficers } from '../support/claims.js';
import { month, reliefProjectInput } from '../support/programmes.js';
import { boundWorker } from '../support/positions.js';

let api: TestApi;
let contractor: string;
let projectId: string;
type Person = Awaited<ReturnType<typeof boundWorker>>;
const people: Person[] = [];

const path = (rest: string) => `/api/v1/relief-projects/${projectId}/wages/${month}${rest}`;
const send = (csv: string, token = contractor, query = '') =>
  api.call('POST', path(`/bank-file${query}`), {
    token,
    rawBody: csv,
    headers: { 'content-type': 'application/octet-stream' },
  });
const line = (person: Person): Promise<ReliefWageLine | undefined> =>
  api.ctx.reliefProjects.line(projectId, month, person.workerId);
const HEADER = '户名,收款账号,代发金额,交易状态,失败原因,交易流水号,交易日期';
const today = () => chinaDate(new Date());

beforeAll(async () => {
  api = await startDemoCountyApi();
  const county = await api.loginAs('demo-staff-county');
  contractor = await api.loginAs('demo-employer-3');
  const created = await api.call('POST', '/api/v1/relief-projects', { token: county, body: reliefProjectInput });
  projectId = created.body.project.projectId;
  const { village, township } = await moneyOfficers(api);
  // Three on the roster, in the sheet's order 丙, 甲, 乙 (by pinyin); 甲 and 乙 have their cards on record, 丙 none.
  for (const [i, n] of [150, 151, 152].entries()) {
    const person = await boundWorker(api, n, { name: `代发${'甲乙丙'[i]}`, groups: ['relocated'], labourClass: 'full' });
    people.push(person);
    const added = await api.call('POST', `/api/v1/relief-projects/${projectId}/roster`, {
      token: contractor,
      body: { workerId: person.workerId, trade: '普工' },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    if (i < 2) expect((await cardInForce(api, person.workerId, `6228480000${n}${i}${n}`, village, township)).status).toBe(200);
  }
  const sheet = await api.call('PUT', path(''), {
    token: contractor,
    body: { lines: people.map((p, i) => ({ workerId: p.workerId, days: 20, payFen: 300_000 + i * 100 })) },
  });
  expect(sheet.status, JSON.stringify(sheet.body)).toBe(200);
  for (const [i, person] of people.entries()) {
    const confirmed = await api.call('POST', `/api/v1/me/relief-work/${projectId}/wages/${month}`, {
      token: person.token,
      body: { version: 1, answer: 'confirm', device: `wage-file-phone-${i}00000` },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  }
});
afterAll(() => api?.close());

describe('以工代赈 代发结果', () => {
  it('refuses money paid to another card than the person’s, and records nothing while any row does not match', async () => {
    const [甲, 乙, 丙] = people as [Person, Person, Person];
    const wrongCard = [
      HEADER,
      `${甲.name},62284800001500150,3000.00,成功,,DF01,${today()}`,
      `${乙.name},6228480000999999,3001.00,成功,,DF02,${today()}`,
      `${丙.name},6228480000152000,3002.00,成功,,DF03,${today()}`,
    ].join('\n');
    const reading = await send(wrongCard);
    expect(reading.status, JSON.stringify(reading.body)).toBe(200);
    expect(reading.body.problems).toEqual({
      count: 1,
      shown: [{ line: 3, message: `序号 3（${乙.name}）的钱发到了尾号 9999 的卡，不是本人在村里登记的卡：要发到本人的卡上` }],
    });
    const refused = await send(wrongCard, contractor, `?record=${reading.body.digest}`);
    expect([refused.status, refused.body.error.field]).toEqual([409, 'body']);
    expect(refused.body.error.message.zh).toContain('一笔也没有登记');
    expect((await line(甲))!.status).toBe('confirmed');
  });

  it('records what the bank paid with its date and reference, the file named on each line, what came back left owed', async () => {
    const [甲, 乙, 丙] = people as [Person, Person, Person];
    const file = [
      '中国农业银行 代发工资处理结果',
      HEADER,
      `${甲.name},62284800001500150,3000.00,成功,,DF01,${today()}`,
      `${乙.name},62284800001511151,3001.00,失败,账户已冻结,DF02,${today()}`,
      `${丙.name},6228480000152000,3002.00,交易成功,,DF03,${today()}`,
    ].join('\n');
    const reading = await send(file);
    expect(reading.body).toMatchObject({
      paid: [
        { row: 2, workerId: 甲.workerId, payFen: 300_000, paidOn: today(), reference: 'DF01', recorded: false },
        { row: 1, workerId: 丙.workerId, payFen: 300_200, paidOn: today(), reference: 'DF03', recorded: false },
      ],
      toRecord: 2,
      returned: [{ row: 3, name: 乙.name, payFen: 300_100, reason: '账户已冻结' }],
      unlisted: [],
      // 丙 has no card on record: paid, to a card nobody could check.
      unchecked: [1],
      problems: { count: 0, shown: [] },
    });
    // Reading records nothing.
    expect((await line(甲))!.status).toBe('confirmed');

    // Another file than the one read is refused.
    const other = await send(`${file}\n`, contractor, `?record=${reading.body.digest}`);
    expect([other.status, other.body.error.field]).toEqual([409, 'query.record']);

    let recorded: Awaited<ReturnType<typeof send>> | undefined;
    const calls = await dynamoCallsDuring(api, async () => {
      recorded = await send(file, contractor, `?record=${reading.body.digest}`);
    });
    expect(recorded!.status, JSON.stringify(recorded!.body)).toBe(200);
    expect(recorded!.body).toMatchObject({ recorded: 2, toRecord: 0 });
    expect(recorded!.body.sheet.totals).toMatchObject({ paid: 2, confirmed: 1 });
    expect((await line(甲))!.payment).toEqual({
      by: 'demo-employer-3',
      at: expect.any(String),
      paidOn: today(),
      reference: 'DF01',
      bankFile: reading.body.digest,
    });
    // 乙's money came back: still owed, still confirmed.
    expect((await line(乙))!.status).toBe('confirmed');
    // The session, the project and the month's task (GetItem 3), the budgets (UpdateItem 2), the sheet (one Query),
    // the cards (one BatchGetItem), one transaction for both lines, the audit (one BatchWriteItem): no read per person.
    const count = (command: string) => calls.filter((call) => call.command === `${command}Command`).length;
    expect(['GetItem', 'UpdateItem', 'Query', 'BatchGetItem', 'TransactWriteItems', 'BatchWriteItem'].map(count)).toEqual([
      3, 2, 1, 1, 1, 1,
    ]);
    expect(calls).toHaveLength(9);

    // The same file again: nothing left to record, nothing recorded twice.
    const again = await send(file, contractor, `?record=${reading.body.digest}`);
    expect(again.body).toMatchObject({ recorded: 0, toRecord: 0 });
    expect((await line(甲))!.version).toBe(3);
  });

  it('is the contractor’s alone, and not a file that is not CSV or XLSX', async () => {
    const county = await api.loginAs('demo-staff-county');
    expect((await send(HEADER, county)).status).toBe(403);
    expect((await send(HEADER, await api.loginAs('demo-employer-1'))).status).toBe(403);
    const json = await api.call('POST', path('/bank-file'), { token: contractor, body: { not: 'a file' } });
    expect([json.status, json.body.error.field]).toEqual([400, 'headers.content-type']);
  });
});
