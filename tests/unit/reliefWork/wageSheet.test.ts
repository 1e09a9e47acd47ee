/**
 * The monthly wage sheet (工资发放表, file 000 §二(三)): one line a person, confirmed by the person,
 * never below the county's standard, and the rows filed with the sector department.
 */
import { describe, expect, it } from 'vitest';
import {
  sheetTotals,
  wageAnswerSchema,
  wageLineProblem,
  wagePaymentInputSchema,
  wageSheetInputSchema,
  wageSheetRows,
  type ReliefWageLine,
} from '@bangfu/shared';

const worker = (n: number) => `w_00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => [i.path.join('.'), i.message]);

describe('what the contractor and the person enter', () => {
  it('refuses the same person twice on a sheet, on lines', () => {
    const line = { workerId: worker(1), days: 20, payFen: 400_000 };
    expect(pathsOf(wageSheetInputSchema.safeParse({ lines: [line, { ...line, workerId: worker(2) }] }))).toEqual([]);
    expect(pathsOf(wageSheetInputSchema.safeParse({ lines: [line, { ...line, days: 3 }] }))).toEqual([
      ['lines', '同一个人填了两次'],
    ]);
  });

  it('takes a confirmation as it is, but a dispute only with what is wrong (at least 2 characters)', () => {
    const answer = { version: 1, device: 'phone-of-person-0001' };
    expect(wageAnswerSchema.safeParse({ ...answer, answer: 'confirm' }).success).toBe(true);
    expect(pathsOf(wageAnswerSchema.safeParse({ ...answer, answer: 'dispute' }))[0]?.[0]).toBe('note');
    expect(pathsOf(wageAnswerSchema.safeParse({ ...answer, answer: 'dispute', note: ' 少 ' }))[0]?.[0]).toBe('note');
    expect(wageAnswerSchema.safeParse({ ...answer, answer: 'dispute', note: '少算了两天' }).success).toBe(true);
  });

  it('records a payment for distinct people on a real date', () => {
    const payment = { workerIds: [worker(1), worker(2)], paidOn: '2026-12-10', reference: 'NX20261210001' };
    expect(wagePaymentInputSchema.safeParse(payment).success).toBe(true);
    expect(pathsOf(wagePaymentInputSchema.safeParse({ ...payment, workerIds: [worker(1), worker(1)] }))[0]?.[0]).toBe(
      'workerIds',
    );
    expect(pathsOf(wagePaymentInputSchema.safeParse({ ...payment, paidOn: '2026-12-32' }))[0]?.[0]).toBe('paidOn');
  });
});

describe('a line against the county’s wage standard (劳务报酬标准)', () => {
  const perDay = { unit: 'day', amountFen: 20_000 } as const;
  const perMonth = { unit: 'month', amountFen: 600_000 } as const;

  it('per day: exactly days × standard passes, one fen less does not, naming the minimum in yuan', () => {
    expect(wageLineProblem('2026-11', '2026-12', perDay, 10, 200_000)).toBeUndefined();
    expect(wageLineProblem('2026-11', '2026-12', perDay, 10, 199_999)).toBe(
      '按本项目劳务报酬标准（每天 200 元），10 天至少应发 2000 元',
    );
  });

  it('per month: the month’s pay pro rata over its days, rounded down; nothing owed for no days', () => {
    // February 2026 has 28 days: 6000 元 × 10 / 28 = 2142.857… → 2142.85 元.
    expect(wageLineProblem('2026-02', '2026-12', perMonth, 10, 214_285)).toBeUndefined();
    expect(wageLineProblem('2026-02', '2026-12', perMonth, 10, 214_284)).toBe(
      '按本项目劳务报酬标准（每月 6000 元），10 天至少应发 2142.85 元',
    );
    expect(wageLineProblem('2026-11', '2026-12', perMonth, 30, 600_000)).toBeUndefined();
    expect(wageLineProblem('2026-11', '2026-12', perMonth, 30, 599_999)).toBeDefined();
    expect(wageLineProblem('2026-11', '2026-12', perMonth, 0, 0)).toBeUndefined();
  });

  it('refuses a month not begun and more days than the month has', () => {
    expect(wageLineProblem('2027-01', '2026-12', perDay, 1, 20_000)).toBe('这个月还没到，不能填工资发放表');
    expect(wageLineProblem('2026-12', '2026-12', perDay, 1, 20_000)).toBeUndefined();
    expect(wageLineProblem('2026-11', '2026-12', perDay, 31, 620_000)).toBe('2026-11 只有 30 天');
  });
});

function line(n: number, overrides: Partial<ReliefWageLine> = {}): ReliefWageLine {
  return {
    projectId: 'rp_00000000-0000-4000-8000-000000000001',
    month: '2026-11',
    workerId: worker(n),
    name: `人${n}`,
    days: 20,
    payFen: 400_050,
    status: 'entered',
    entered: { by: 'contractor', at: '2026-12-01T02:00:00.000Z' },
    version: 1,
    ...overrides,
  };
}

const confirmation = { by: 'user', at: '2026-12-01T17:00:00.000Z', device: 'phone-of-person-0001' };
const lines = [
  line(1),
  line(2, { status: 'confirmed', confirmation, days: 10, payFen: 200_000 }),
  line(3, { status: 'disputed', dispute: { ...confirmation, note: '少算了两天' }, days: 18, payFen: 360_000 }),
  line(4, {
    status: 'paid',
    confirmation,
    payment: { by: 'contractor', at: '2026-12-10T02:00:00.000Z', paidOn: '2026-12-10', reference: 'NX001' },
    days: 22,
    payFen: 440_000,
  }),
];

describe('the month’s sheet', () => {
  it('adds up people, days and pay, and what is confirmed but unpaid', () => {
    expect(sheetTotals(lines)).toEqual({
      workers: 4,
      days: 70,
      payFen: 1_400_050,
      confirmed: 1,
      disputed: 1,
      paid: 1,
      confirmedUnpaidFen: 200_000,
    });
  });

  it('comes out as rows: a title naming project, contractor, month and filing; the header; a row a person; 合计', () => {
    const rows = wageSheetRows(
      { name: '村道硬化项目', contractorName: '某某建筑公司', sectorDepartment: '旗交通运输局' },
      '2026-11',
      lines,
    );
    expect(rows[0]).toEqual(['以工代赈工资发放表：村道硬化项目，施工单位 某某建筑公司，2026年11月，报 旗交通运输局 备案']);
    expect(rows[1]).toEqual(['序号', '姓名', '务工天数', '劳务报酬（元）', '本人确认', '发放情况']);
    expect(rows[2]).toEqual([1, '人1', 20, 4000.5, '未确认', '未发放']);
    // Confirmed 2026-12-01T17:00Z is 2 December in China.
    expect(rows[3]).toEqual([2, '人2', 10, 2000, '已确认（2026-12-02）', '未发放']);
    expect(rows[4]).toEqual([3, '人3', 18, 3600, '有异议：少算了两天', '未发放']);
    expect(rows[5]).toEqual([4, '人4', 22, 4400, '已确认（2026-12-02）', '已发放（2026-12-10，流水号 NX001）']);
    expect(rows.at(-1)).toEqual(['合计', '4 人', 70, 14000.5, '2 人已确认', '1 人已发放']);
    expect(rows).toHaveLength(7);
  });
});
