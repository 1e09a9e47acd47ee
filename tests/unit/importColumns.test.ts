import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS, mapHeaders, rowToWorker, type ImportField } from '@bangfu/shared';
import { idNumber } from '../support/people.js';

const row = (overrides: Partial<Record<ImportField, string>> = {}) => ({
  name: '王秀兰',
  idNumber: idNumber('150222', '19750308', 1, 'female'),
  householdId: 'H1',
  villageCode: '150222102212',
  labourClass: '半劳动力',
  registryEntryDate: '2021年3月1日',
  ...overrides,
});

describe('registry file columns', () => {
  it('maps headers, including the spellings real exports use, and names missing ones', () => {
    const { columns, missing } = mapHeaders(['证件号码', ' 姓名 ', '备注', '户码', '村代码', '劳动力状况']);
    expect([...columns.entries()]).toEqual([
      [0, 'idNumber'],
      [1, 'name'],
      [3, 'householdId'],
      [4, 'villageCode'],
      [5, 'labourClass'],
    ]);
    expect(missing).toEqual(['registryEntryDate']);
  });

  it('turns Chinese labels into codes and yuan into fen', () => {
    const result = rowToWorker(
      row({
        groups: '脱贫人口、防止返贫监测对象',
        labourClass: '技能劳动力',
        skills: '电焊工，瓦工',
        travelScope: '不限',
        expectedMonthlyWage: '4500',
        atHomeReason: '务工回流',
      }),
    );
    expect(result.ok && result.worker).toMatchObject({
      groups: ['povertyAlleviated', 'monitored'],
      labourClass: 'full',
      skills: ['welder', 'bricklayer'],
      atHomeReason: 'returnedFromWork',
      preferences: { travelScope: 'any', expectedMonthlyWageFen: 450_000 },
      registryEntryDate: '2021-03-01',
    });
  });

  it('names the column and the reason of a bad row', () => {
    expect(rowToWorker(row({ labourClass: '强劳动力' }))).toEqual({
      ok: false,
      column: IMPORT_COLUMNS.labourClass,
      reason: '「强劳动力」不是有效的取值',
    });
    expect(rowToWorker(row({ name: '' }))).toMatchObject({ ok: false, column: '姓名', reason: '必须填写' });
    expect(rowToWorker(row({ expectedMonthlyWage: '四千' }))).toMatchObject({ ok: false, column: '期望月薪（元）' });
    expect(rowToWorker(row({ idNumber: '150222197503080021' }))).toMatchObject({
      ok: false,
      column: '身份证号',
      reason: expect.stringContaining('校验位'),
    });
  });

  it('reads what the file says of 低保, 参保 and 返乡: 是 records it, 否 or blank nothing, anything else is a bad cell', () => {
    expect(rowToWorker(row({ minimumLiving: '是', insured: '否', returnedOn: '2025/2/3' }))).toMatchObject({
      ok: true,
      circumstances: { minimumLiving: true, returnedOn: '2025-02-03' },
    });
    const none = rowToWorker(row({ minimumLiving: '', insured: '否' }));
    expect(none.ok && none.circumstances).toEqual({});
    expect(rowToWorker(row({ insured: '也许' }))).toEqual({
      ok: false,
      column: '参加社会保险',
      reason: '「也许」请填“是”或“否”',
    });
    expect(rowToWorker(row({ returnedOn: '去年春节' }))).toMatchObject({ ok: false, column: '返乡日期' });
    expect(mapHeaders(['是否纳入低保', '是否参保', '返乡时间']).columns).toEqual(
      new Map([
        [0, 'minimumLiving'],
        [1, 'insured'],
        [2, 'returnedOn'],
      ]),
    );
  });
});
