/** Registry import and export: bad rows reported by row and column, good rows written whole, a second import changes nothing. */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoCountyApi, type TestApi } from '../support/api.js';
import { idNumber } from '../support/people.js';
import { csvLine, HEADER, personRow } from '../support/registryFile.js';

let api: TestApi;
let county: string;

beforeAll(async () => {
  api = await startDemoCountyApi();
  county = await api.loginAs('demo-staff-county');
});
afterAll(() => api.close());

async function upload(body: string | Buffer, options: { importId?: string; type?: string; token?: string } = {}) {
  const importId = options.importId ?? randomUUID();
  const response = await fetch(`${api.url}/api/v1/registry/imports?importId=${importId}&fileName=test`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token ?? county}`, 'content-type': options.type ?? 'text/csv' },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: response.status, body: await response.json(), importId };
}

/** The region's records, read straight from the repository: the listing route would audit 10,000 reads per count. */
async function countRegistry(regionCode = '150222'): Promise<number> {
  let total = 0;
  let cursor: string | undefined;
  do {
    const page = await api.ctx.workers.page({ regionCode, limit: 1000, ...(cursor ? { cursor } : {}) });
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
}

/** 37 bad rows of six kinds, at known row numbers. */
const BAD: Record<number, { mutate: (row: string[]) => void; column: string }> = {};
for (let k = 0; k < 37; k++) {
  const kinds = [
    { mutate: (r: string[]) => (r[1] = r[1]!.slice(0, 17) + (r[1]!.endsWith('1') ? '2' : '1')), column: '身份证号' }, // check character
    { mutate: (r: string[]) => (r[2] = '0472-8123456'), column: '联系电话' },
    { mutate: (r: string[]) => (r[6] = '强劳动力'), column: '劳动力类型' },
    { mutate: (r: string[]) => (r[0] = ''), column: '姓名' },
    { mutate: (r: string[]) => (r[4] = '150221100200'), column: '村代码' }, // another county: outside scope
    { mutate: (r: string[]) => (r[4] = '150222102999'), column: '村代码' }, // no such village
  ];
  BAD[100 + k * 263] = kinds[k % kinds.length]!;
}

function registryCsv(rows: number): string {
  let csv = csvLine(HEADER);
  for (let i = 0; i < rows; i++) {
    const row = personRow(i);
    BAD[i]?.mutate(row);
    csv += csvLine(row);
  }
  return csv;
}

describe('registry import', () => {
  const before = { count: 0 };
  const file = registryCsv(10_000);
  // 10,000 rows take 20–60 s on 2 cores alone; other suites running alongside can double that.
  const IMPORT_TIMEOUT = 300_000;

  it(
    'writes 9,963 of 10,000 rows and reports the 37 bad ones by row and column',
    async () => {
      before.count = await countRegistry();
      const { status, body } = await upload(file);
      expect(status).toBe(200);
      expect(body).toMatchObject({ status: 'done', rows: 10_000, written: 9_963, unchanged: 0, bad: 37 });
      expect(body.bytesRead).toBe(Buffer.byteLength(file));
      expect(body.badRows).toHaveLength(37);
      for (const bad of body.badRows) {
        const dataIndex = bad.row - 2; // row 1 is the header
        expect(BAD[dataIndex], `row ${bad.row}`).toBeDefined();
        expect(bad.column).toBe(BAD[dataIndex]!.column);
        expect(bad.reason.length).toBeGreaterThan(2);
      }
      expect(await countRegistry()).toBe(before.count + 9_963);
    },
    IMPORT_TIMEOUT,
  );

  it(
    'changes nothing when the same file is imported again',
    async () => {
      const { body } = await upload(file);
      expect(body).toMatchObject({ status: 'done', rows: 10_000, written: 0, unchanged: 9_963, bad: 37 });
      expect(await countRegistry()).toBe(before.count + 9_963);
    },
    IMPORT_TIMEOUT,
  );

  it('answers a retried upload with the first report, without importing again', async () => {
    const small = csvLine(HEADER) + csvLine(personRow(20_001));
    const first = await upload(small);
    const retry = await upload(small, { importId: first.importId });
    expect(retry.body).toEqual(first.body);
    const progress = await api.call('GET', `/api/v1/registry/imports/${first.importId}`, { token: county });
    expect(progress.body).toMatchObject({ status: 'done', written: 1 });
    const other = await api.loginAs('demo-staff-township-1');
    expect((await api.call('GET', `/api/v1/registry/imports/${first.importId}`, { token: other })).status).toBe(404);
  });

  it('reports a row whose ID number belongs to someone else in the registry', async () => {
    const row = personRow(0);
    row[0] = '冒名顶替';
    const { body } = await upload(csvLine(HEADER) + csvLine(row));
    expect(body).toMatchObject({ written: 0, unchanged: 0, bad: 1 });
    expect(body.badRows[0]).toMatchObject({ row: 2, column: '身份证号' });
  });

  it('refuses a file without a required column, or of another type, writing nothing', async () => {
    const count = await countRegistry();
    const noId = await upload(csvLine(HEADER.filter((h) => h !== '身份证号')) + csvLine(personRow(30_000).slice(0, 11)));
    expect(noId.status).toBe(400);
    expect(noId.body.error.message.zh).toContain('身份证号');
    const pdf = await upload('%PDF-1.4', { type: 'application/pdf' });
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.field).toBe('headers.content-type');
    const garbage = await upload(Buffer.from('PK\u0003\u0004 not really a workbook'), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(garbage.status).toBe(400);
    expect(await countRegistry()).toBe(count);
  });

  it('takes the Excel file the monitoring system exports, including a number that Excel mangled', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(HEADER);
    for (let i = 40_000; i < 40_020; i++) sheet.addRow(personRow(i));
    const mangled = personRow(40_020);
    sheet.addRow([mangled[0], Number(mangled[1]!.slice(0, 17) + '0'), ...mangled.slice(2)]); // 18 digits as a number
    sheet.addRow([
      '赵二虎',
      idNumber('150222', '19700101', 401),
      '',
      'H-x',
      '150222102212',
      '脱贫人口',
      '弱劳动力',
      '',
      '',
      '',
      '',
      new Date(Date.UTC(2022, 5, 1)),
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const { status, body } = await upload(buffer, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(status).toBe(200);
    expect(body).toMatchObject({ rows: 22, written: 21, bad: 1 });
    expect(body.badRows[0]).toMatchObject({ row: 22, column: '身份证号' });
    const found = await api.call('GET', `/api/v1/registry/workers?regionCode=150222102212&q=${encodeURIComponent('赵二虎')}`, {
      token: county,
    });
    const detail = await api.call('GET', `/api/v1/registry/workers/${found.body.workers[0].workerId}?purpose=verification`, {
      token: county,
    });
    expect(detail.body.worker).toMatchObject({ registryEntryDate: '2022-06-01', labourClass: 'weak' });
  });

  it('keeps township staff to their own township', async () => {
    const township = await api.loginAs('demo-staff-township-1'); // 金山镇 150222102
    const rows = [personRow(50_000), personRow(50_003)]; // villages of 金山镇 and 西斗铺镇
    const { body } = await upload(csvLine(HEADER) + rows.map(csvLine).join(''), { token: township });
    expect(body).toMatchObject({ written: 1, bad: 1 });
    expect(body.badRows[0]).toMatchObject({ row: 3, column: '村代码' });
  });
});

describe('registry export', () => {
  it('exports the region as XLSX with masked ID numbers and the import’s headers', async () => {
    const response = await fetch(`${api.url}/api/v1/registry/export?regionCode=150222102212`, {
      headers: { authorization: `Bearer ${county}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(HEADER);
    const ids = sheet.getColumn(2).values.slice(2) as string[];
    expect(ids.length).toBe(await countRegistry('150222102212'));
    expect(ids.every((id) => /^1502\*{12}[\dX]{2}$/.test(id))).toBe(true);
  });

  it('refuses a region outside the caller’s scope', async () => {
    const township = await api.loginAs('demo-staff-township-2');
    const response = await fetch(`${api.url}/api/v1/registry/export?regionCode=150222102`, {
      headers: { authorization: `Bearer ${township}` },
    });
    expect(response.status).toBe(403);
  });
});

describe('circumstances in a registry file', () => {
  it('records 是 as imported, stamped with who imported it; 否 or blank records nothing', async () => {
    const cells = (n: number, minimumLiving: string, returnedOn: string) => {
      const row = personRow(900_000 + n);
      row[1] = idNumber('150222', '19591231', 500 + n);
      // 纳入低保, 参加社会保险, 返乡日期 follow the other columns.
      return [...row, minimumLiving, '否', returnedOn];
    };
    const csv = csvLine(HEADER) + csvLine(cells(1, '是', '2025/2/3')) + csvLine(cells(2, '', ''));
    const { status, body } = await upload(csv);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'done', written: 2, bad: 0 });
    const found = async (n: number) => api.ctx.workers.findByIdNumber(idNumber('150222', '19591231', 500 + n));
    const first = (await found(1))!;
    expect(first.circumstances).toMatchObject({
      minimumLiving: { stamp: { source: 'import', recordedBy: 'demo-staff-county' } },
      returnedMigrant: { value: { returnedOn: '2025-02-03' }, stamp: { source: 'import' } },
    });
    expect(first.circumstances!.insured).toBeUndefined(); // 否 records nothing
    expect((await found(2))!.circumstances).toBeUndefined();
  });
});
