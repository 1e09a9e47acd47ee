/**
 * Identity numbers (身份证号) against an insider: nothing staff or an employer can read
 * puts a masked number beside a birth date (the eight hidden digits of 150222********0012
 * are exactly the birth date), nor anything else that rebuilds a number; a list read is
 * audited like a record read; an import says nothing about people outside the officer's
 * region beyond what entering one person says; an import belongs to whoever started it.
 */
import { randomUUID } from 'node:crypto';
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCounty } from '../../functions/src/local/seed/seed.js';
import type { WorkerItem } from '../../functions/src/registry/workerRepository.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { cardInForce, claimFor } from '../support/claims.js';
import { idNumber, JINSHAN_VILLAGE, workerInput, XIDOUPU_VILLAGE } from '../support/people.js';
import { csvLine, HEADER } from '../support/registryFile.js';
import { captureStdout } from '../support/stdoutCapture.js';

let api: TestApi;
let county: string;
let township: string;
let village: string; // 小三分子村 (JINSHAN_VILLAGE)
let employer: string;
/** Everything the logger wrote while the test ran. */
let logged: ReturnType<typeof captureStdout>;

beforeAll(async () => {
  logged = captureStdout();
  api = await startTestApi({ env: { LOG_LEVEL: 'DEBUG' } });
  await seedDemoCounty(api.ctx);
  [county, township, village, employer] = await Promise.all([
    api.loginAs('demo-staff-county'),
    api.loginAs('demo-staff-township-1'),
    api.loginAs('demo-staff-village-1'),
    api.loginAs('demo-employer-1'),
  ]);
}, 180_000); // seeding the demo county is slow on a busy machine
afterAll(async () => {
  logged?.restore();
  await api?.close();
});

/** Every number in the registry, opened from its sealed copy, with its birth date in both spellings. */
async function everyIdNumber(): Promise<{ idNumber: string; birthDigits: string; birthDate: string }[]> {
  const { Items = [] } = await api.ctx.table.db.send(
    new ScanCommand({
      TableName: api.tableName,
      FilterExpression: '#type = :worker',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':worker': 'worker' },
    }),
  );
  return Promise.all(
    Items.map(async (item) => {
      const id = await api.ctx.workers.revealIdNumber(item as WorkerItem);
      const birthDigits = id.slice(6, 14);
      return {
        idNumber: id,
        birthDigits,
        birthDate: `${birthDigits.slice(0, 4)}-${birthDigits.slice(4, 6)}-${birthDigits.slice(6)}`,
      };
    }),
  );
}

/** Reads the text of every cell of a workbook. */
async function workbookText(buffer: ArrayBuffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join('\n');
}

/** A line of a registry import file: a 脱贫人口 of 小三分子村, 全劳动力, and nothing more said. */
const row = (name: string, id: string, household = 'H-9') => [
  name,
  id,
  '',
  household,
  JINSHAN_VILLAGE,
  '脱贫人口',
  '全劳动力',
  '',
  '',
  '',
  '',
  '2021/3/1',
];

describe('no response rebuilds an ID number', () => {
  it('no route declares a birth date in what it answers', async () => {
    const { body: openapi } = await api.call('GET', '/api/openapi.json');
    const offenders: string[] = [];
    const walk = (schema: unknown, where: string) => {
      if (Array.isArray(schema)) schema.forEach((s, i) => walk(s, `${where}[${i}]`));
      else if (schema && typeof schema === 'object') {
        for (const [key, value] of Object.entries(schema)) {
          if (key === 'properties' && value && typeof value === 'object' && 'birthDate' in value) offenders.push(where);
          walk(value, `${where}.${key}`);
        }
      }
    };
    for (const [path, methods] of Object.entries(openapi.paths as Record<string, Record<string, { responses: unknown }>>))
      for (const [method, operation] of Object.entries(methods)) walk(operation.responses, `${method.toUpperCase()} ${path}`);
    expect(offenders).toEqual([]);
  });

  it('every person-data response staff, employers and the logs carry: no full number, no birth date, only the narrow mask', async () => {
    // A bound worker with a claim approved, a card, paid in a batch, and an application to the employer's position.
    const { claim, worker } = await claimFor(api, 1, 50_000);
    // Stored as records were before the narrow mask: every response must narrow it still.
    const wide = idNumber('150222', '19800101', 301);
    await api.ctx.table.db.send(
      new UpdateCommand({
        TableName: api.tableName,
        Key: { pk: `WORKER#${worker.workerId}`, sk: 'PROFILE' },
        UpdateExpression: 'SET idNumberMasked = :wide',
        ExpressionAttributeValues: { ':wide': `${wide.slice(0, 6)}********${wide.slice(-4)}` },
      }),
    );
    const approved = await api.call('POST', `/api/v1/claims/${claim.claimId}/decision`, {
      token: township,
      body: { version: claim.version, decision: 'approve' },
    });
    expect(approved.body.claim.status).toBe('approved');
    const card = await cardInForce(api, worker.workerId, '6217991234567890123', village, county);
    expect(card.status).toBe(200);
    const finance = await api.loginAs('demo-staff-county-finance');
    const paid = await api.call('POST', '/api/v1/claims/payments', {
      token: finance,
      body: { regionCode: '150222102', idempotencyKey: randomUUID() },
    });
    expect(paid.body.batch.claimIds).toContain(claim.claimId);
    const positionId = (await api.call('GET', '/api/v1/me/positions', { token: employer })).body.positions[0].positionId;
    expect((await api.call('POST', `/api/v1/positions/${positionId}/applications`, { token: worker.token })).status).toBe(200);
    const importId = randomUUID();
    await fetch(`${api.url}/api/v1/registry/imports?importId=${importId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${county}`, 'content-type': 'text/csv' },
      body: csvLine(HEADER) + csvLine(row('冒名顶替', idNumber('150222', '19800101', 301), 'H')),
    });

    const people = await everyIdNumber();
    const own = people.find((p) => p.idNumber === idNumber('150222', '19800101', 301))!;
    const last4 = own.idNumber.slice(-4);
    const json = async (method: string, path: string, token: string) => {
      const { status, body } = await api.call(method, path, { token });
      expect(status, path).toBe(200);
      return JSON.stringify(body);
    };
    const raw = async (path: string, token: string) => {
      const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, path).toBe(200);
      return path.includes('export') ? workbookText(await response.arrayBuffer()) : response.text();
    };
    const record = `/api/v1/registry/workers/${worker.workerId}`;
    const responses: [string, string][] = [];
    for (const [what, read] of [
      ['registry list (county)', () => json('GET', '/api/v1/registry/workers?regionCode=150222&limit=100', county)],
      ['registry list (village)', () => json('GET', `/api/v1/registry/workers?regionCode=${JINSHAN_VILLAGE}&limit=100`, village)],
      ['search by the last four', () => json('GET', `/api/v1/registry/workers?regionCode=150222102&q=${last4}`, township)],
      ['full record', () => json('GET', `${record}?purpose=service`, township)],
      ['audit trail', () => json('GET', `${record}/audit`, township)],
      ['employment', () => json('GET', `${record}/employment`, township)],
      ['services', () => json('GET', `${record}/services`, township)],
      ['the worker’s own record', () => json('GET', '/api/v1/me/worker', worker.token)],
      ['candidates', () => json('GET', `/api/v1/positions/${positionId}/candidates?limit=50`, employer)],
      ['applicants', () => json('GET', `/api/v1/positions/${positionId}/applications`, employer)],
      ['claims queue', () => json('GET', '/api/v1/claims?regionCode=150222102&status=paid', township)],
      ['import report', () => json('GET', `/api/v1/registry/imports/${importId}`, county)],
      ['payment file', () => raw(`/api/v1/claims/payments/${paid.body.batch.batchId}/file`, finance)],
      ['registry export', () => raw(`/api/v1/registry/export?regionCode=${JINSHAN_VILLAGE}`, county)],
    ] as const)
      responses.push([what, await read()]);
    expect(logged.text()).toContain('"request"'); // the logs were captured
    responses.push(['logs', logged.text()]);

    for (const what of ['search by the last four', 'applicants', 'claims queue', 'payment file'])
      expect(responses.find(([w]) => w === what)![1], what).toContain(what === 'payment file' ? claim.claimId : worker.workerId);
    for (const [what, text] of responses) {
      for (const person of people) {
        expect(text.includes(person.idNumber), `${what}: the full number ${person.idNumber}`).toBe(false);
        expect(text.includes(person.birthDate), `${what}: the birth date ${person.birthDate}`).toBe(false);
        expect(text.includes(person.birthDigits), `${what}: the birth date ${person.birthDigits}`).toBe(false);
      }
      // Every masked number shows the first four and the last two, nothing more.
      for (const masked of text.match(/\d+\*{4,}[\dX]+/g) ?? []) expect(masked, what).toMatch(/^\d{4}\*{12}[\dX]{2}$/);
    }
    const masks = ['registry list (county)', 'full record', 'payment file', 'registry export'].map(
      (what) => responses.find(([w]) => w === what)![1],
    );
    for (const text of masks) expect(text).toContain(`1502${'*'.repeat(12)}${own.idNumber.slice(-2)}`);
  }, 180_000); // some 20 requests, each slow on a busy machine
});

describe('reading the registry list is audited', () => {
  it('puts a list read on the trail of every person it showed, like a record read', async () => {
    const created = await api.call('POST', '/api/v1/registry/workers', {
      token: township,
      body: workerInput({ idNumber: idNumber('150222', '19700303', 71), name: '白玉梅' }),
    });
    const workerId = created.body.worker.workerId;
    const list = await api.call(
      'GET',
      `/api/v1/registry/workers?regionCode=${JINSHAN_VILLAGE}&q=${encodeURIComponent('白玉梅')}`,
      {
        token: village,
      },
    );
    expect(list.body.workers.map((w: { workerId: string }) => w.workerId)).toEqual([workerId]);
    const trail = await api.call('GET', `/api/v1/registry/workers/${workerId}/audit`, { token: county });
    expect(trail.body.entries[0]).toMatchObject({ workerId, actorId: 'demo-staff-village-1', action: 'list' });
  });
});

describe('importing people from outside the officer’s region', () => {
  const upload = async (token: string, rows: string[][], importId = randomUUID()) => {
    const response = await fetch(`${api.url}/api/v1/registry/imports?importId=${importId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csvLine(HEADER) + rows.map(csvLine).join(''),
    });
    const { importId: _id, startedAt: _s, finishedAt: _f, startedBy: _b, bytesRead: _r, ...report } = await response.json();
    return { status: response.status, report };
  };

  it('answers the same for the right and a wrong name, says no more than entering one person does, and writes nothing', async () => {
    const id = idNumber('150222', '19690909', 72);
    const elsewhere = await api.call('POST', '/api/v1/registry/workers', {
      token: county,
      body: workerInput({ idNumber: id, name: '乔金山', villageCode: XIDOUPU_VILLAGE }),
    });
    expect(elsewhere.status).toBe(201);
    const rightName = await upload(village, [row('乔金山', id)]);
    const wrongName = await upload(village, [row('乔银山', id)]);
    expect(rightName).toEqual(wrongName);
    expect(rightName.report).toMatchObject({ status: 'done', rows: 1, written: 0, unchanged: 0, bad: 1 });
    const entered = await api.call('POST', '/api/v1/registry/workers', { token: village, body: workerInput({ idNumber: id }) });
    expect(entered.status).toBe(409);
    expect(rightName.report.badRows).toEqual([{ row: 2, column: '身份证号', reason: entered.body.error.message.zh }]);
    // Nothing was written to the officer's village, and the record elsewhere is as it was.
    const mine = await api.call('GET', `/api/v1/registry/workers?regionCode=${JINSHAN_VILLAGE}&q=${encodeURIComponent('乔')}`, {
      token: village,
    });
    expect(mine.body.workers).toEqual([]);
    const record = await api.call('GET', `/api/v1/registry/workers/${elsewhere.body.worker.workerId}?purpose=verification`, {
      token: county,
    });
    expect(record.body.worker).toMatchObject({ name: '乔金山', villageCode: XIDOUPU_VILLAGE, version: 1 });
  });

  it('leaves an import to whoever started it: another account neither reads nor reuses its id', async () => {
    const importId = randomUUID();
    const first = await upload(county, [row('郝利平', idNumber('150222', '19710711', 73))], importId);
    expect(first.report).toMatchObject({ written: 1 });
    const read = await api.call('GET', `/api/v1/registry/imports/${importId}`, { token: village });
    const unknown = await api.call('GET', `/api/v1/registry/imports/${randomUUID()}`, { token: village });
    expect(read.status).toBe(404);
    expect({ ...read.body.error, requestId: '' }).toEqual({ ...unknown.body.error, requestId: '' });
    // Uploading under the same id neither returns the first report nor imports anything.
    const reuse = await upload(village, [row('郝文斌', idNumber('150222', '19710712', 74))], importId);
    expect(reuse.status).toBe(409);
    expect(reuse.report).toEqual({ error: expect.objectContaining({ code: 'CONFLICT', field: 'query.importId' }) });
    const theirs = await api.call('GET', `/api/v1/registry/imports/${importId}`, { token: county });
    expect(theirs.body).toMatchObject({ startedBy: 'demo-staff-county', rows: 1, written: 1 });
    const written = await api.call(
      'GET',
      `/api/v1/registry/workers?regionCode=${JINSHAN_VILLAGE}&q=${encodeURIComponent('郝文斌')}`,
      {
        token: village,
      },
    );
    expect(written.body.workers).toEqual([]);
  });
});
