/**
 * 欠薪防控预警 (file 004 §二(七)): a confirmed wage unpaid more than N days after the day it was
 * confirmed is raised, not on day N; a disputed wage is raised at once; a paid one only when its
 * person says the money never came.
 */
import { describe, expect, it } from 'vitest';
import { arrearsFindings, arrearsSummary, type ReliefWageLine } from '@bangfu/shared';

const worker = (n: number) => `w_00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
// 2026-12-01T17:00Z is 2 December in China: the days count from there.
const confirmation = { by: 'user', at: '2026-12-01T17:00:00.000Z', device: 'phone-of-person-0001' };

function line(n: number, overrides: Partial<ReliefWageLine> = {}): ReliefWageLine {
  return {
    projectId: 'rp_00000000-0000-4000-8000-000000000001',
    month: '2026-11',
    workerId: worker(n),
    name: `人${n}`,
    days: 20,
    payFen: 400_050,
    status: 'confirmed',
    entered: { by: 'contractor', at: '2026-12-01T02:00:00.000Z' },
    confirmation,
    version: 2,
    ...overrides,
  };
}

const find = (lines: ReliefWageLine[], today: string) => arrearsFindings({ lines, today, unpaidAfterDays: 30 });

describe('wage-arrears findings', () => {
  it('raise a confirmed, unpaid wage on day 31 after its China-date confirmation, not on day 30', () => {
    expect(find([line(1)], '2027-01-01')).toEqual([]);
    expect(find([line(1)], '2027-01-02')).toEqual([
      {
        workerId: worker(1),
        name: '人1',
        month: '2026-11',
        payFen: 400_050,
        kind: 'confirmedUnpaid',
        sinceDays: 31,
        text: '人1 2026-11 的劳务报酬 4000.50 元，本人 2026-12-02 已确认，31 天了还没有发放',
      },
    ]);
  });

  it('raise a disputed wage whatever its age, with what the person said', () => {
    const disputed = line(2, { status: 'disputed', confirmation: undefined, dispute: { ...confirmation, note: '少算了两天' } });
    const [finding] = find([disputed], '2026-12-02');
    expect(finding).toMatchObject({ kind: 'disputed', sinceDays: 0, payFen: 400_050 });
    expect(finding!.text).toBe('人2 对2026-11 的劳务报酬 4000.50 元有异议（2026-12-02）：少算了两天');
  });

  it('never raise a paid wage its person received or has not answered, nor one still waiting for the person', () => {
    const payment = { by: 'contractor', at: '2026-12-10T02:00:00.000Z', paidOn: '2026-12-10' };
    const paid = line(3, { status: 'paid', payment });
    const received = line(5, { status: 'paid', payment, receipt: { ...confirmation, received: true } });
    const waiting = line(4, { status: 'entered', confirmation: undefined });
    expect(find([paid, received, waiting], '2027-06-01')).toEqual([]);
  });

  it('raise a wage recorded paid that its person says never came (没收到), with the contractor’s date', () => {
    const payment = { by: 'contractor', at: '2026-12-10T02:00:00.000Z', paidOn: '2026-12-10' };
    const receipt = { ...confirmation, at: '2026-12-12T02:00:00.000Z', received: false, note: '卡上没有这笔钱' };
    const [finding] = find([line(6, { status: 'paid', payment, receipt })], '2026-12-15');
    expect(finding).toMatchObject({ kind: 'notReceived', sinceDays: 3, payFen: 400_050 });
    expect(finding!.text).toBe(
      '人6 2026-11 的劳务报酬 4000.50 元，施工单位登记 2026-12-10 已发放，本人 2026-12-12 说没有收到：卡上没有这笔钱',
    );
  });

  it('sum up people, amount and disputes', () => {
    const findings = find(
      [
        line(1),
        line(1, { month: '2026-10', payFen: 100_000 }),
        line(2, { status: 'disputed', confirmation: undefined, dispute: { ...confirmation, note: '没发够' }, payFen: 50_000 }),
      ],
      '2027-02-01',
    );
    expect(arrearsSummary(findings)).toEqual({ workers: 2, amountFen: 550_050, disputed: 1 });
    expect(arrearsSummary([])).toEqual({ workers: 0, amountFen: 0, disputed: 0 });
  });
});
