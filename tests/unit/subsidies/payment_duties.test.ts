/**
 * The pure rules behind paying: a CSV field no spreadsheet runs, who may not pay a claim
 * (审核 / 复核 / 发放 kept apart; never to a card its worker disowned), who may not decide it, the
 * county's task when a worker says a card is not theirs, and whole units for parameters.
 */
import { describe, expect, it } from 'vitest';
import {
  bankReturnWarning,
  cardDisputeWarning,
  csvField,
  decideClaim,
  parameterValueProblem,
  reopenRefusal,
  paymentObstacle,
  type Claim,
} from '@bangfu/shared';

describe('csvField', () => {
  it('leads every text a spreadsheet would run as a formula with an apostrophe, and quotes what CSV needs quoted', () => {
    const fields: [value: string | number, field: string][] = [
      ['=1+1', "'=1+1"],
      ['+8613900000000', "'+8613900000000"],
      ['-2+3', "'-2+3"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\t=cmd', "'\t=cmd"],
      ['\r=cmd', `"'\r=cmd"`],
      ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
      ['王秀兰, 刘海军', '"王秀兰, 刘海军"'],
      ['666.00', '666.00'],
      [3, '3'],
    ];
    for (const [value, field] of fields) expect(csvField(value)).toBe(field);
  });
});

type Payable = Pick<Claim, 'beneficiary' | 'approvals' | 'history' | 'status'>;
const claim = (approvers: string[]): Payable => ({
  beneficiary: { kind: 'worker', workerId: 'w_1', name: '王秀兰' },
  approvals: approvers.map((by) => ({ by, level: 'township', at: '2026-11-20T00:00:00.000Z' })),
  status: 'approved',
  history: [
    { at: '2026-11-19T00:00:00.000Z', by: 'w', from: null, to: 'submitted' },
    ...approvers.map((by) => ({ at: '2026-11-20T00:00:00.000Z', by, from: 'submitted' as const, to: 'approved' as const })),
  ],
});
/** The claim paid by `payer`, then returned by the bank as `recorder` recorded it. */
const returned = (recorder: string): Payable => {
  const approved = claim(['township']);
  return {
    ...approved,
    history: [
      ...approved.history,
      { at: '2026-11-25T00:00:00.000Z', by: 'finance0', from: 'approved', to: 'paid' },
      { at: '2026-12-01T00:00:00.000Z', by: recorder, from: 'paid', to: 'approved', reason: '银行退回：账户已销户（流水号 T1）' },
    ],
  };
};
const payer = { userId: 'finance', ownHousehold: false };

describe('paymentObstacle', () => {
  it('pays only when approver, card setter (or confirmer) and payer are three people, none of the payer’s household', () => {
    expect(paymentObstacle(claim(['township']), { setBy: 'village' }, payer)).toBeUndefined();
    expect(paymentObstacle(claim(['township']), undefined, payer)).toContain('没有登记银行卡');
    expect(paymentObstacle(claim(['finance']), { setBy: 'village' }, payer)).toContain('您审核的');
    expect(paymentObstacle(claim(['township']), { setBy: 'finance' }, payer)).toContain('您登记或确认的');
    expect(paymentObstacle(claim(['township']), { setBy: 'village', confirmedBy: 'finance' }, payer)).toContain('您登记或确认的');
    expect(paymentObstacle(claim(['township']), { setBy: 'township' }, payer)).toContain('审核人也登记');
    expect(paymentObstacle(claim(['township']), { setBy: 'village' }, { ...payer, ownHousehold: true })).toContain('自己家庭');
  });

  it('pays nothing to a card its worker said is not theirs, whoever set and confirmed it', () => {
    const disputed = { setBy: 'village', confirmedBy: 'township2', disputedAt: '2026-12-06T09:00:00.000Z' };
    expect(paymentObstacle(claim(['township']), disputed, payer)).toContain('本人说收款的卡不是自己的');
  });

  it('pays nothing more to an account the bank sent money back from, and a return is paid again by another payer', () => {
    expect(paymentObstacle(claim(['township']), { setBy: 'village', returned: '账户已销户' }, payer)).toBe(
      '银行退回过发到这个账户的钱（账户已销户），请核实后重新登记账户，确认以后再发放',
    );
    const card = { setBy: 'village2', confirmedBy: 'township2' };
    expect(paymentObstacle(returned('finance'), card, payer)).toBe('银行退回是您登记的，要由另一位工作人员再发放');
    expect(paymentObstacle(returned('finance2'), card, payer)).toBeUndefined();
    // Once paid again and a later step follows, the old return no longer names the next payer.
    const repaid = returned('finance');
    expect(paymentObstacle({ ...repaid, status: 'paid' }, card, payer)).toBeUndefined();
  });
});

describe('bankReturnWarning', () => {
  it('gives the village one task a card, with what the bank said and the card’s last four digits', () => {
    const warning = bankReturnWarning({
      workerId: 'w_1',
      name: '王秀兰',
      villageCode: '150222102201',
      subsidyName: '一次性交通补助',
      amountText: '500 元',
      account: { kind: 'socialSecurityCard', numberMasked: '**************5678', setAt: '2026-11-01T02:00:00.000Z' },
      mark: { at: '2026-12-06T17:30:00.000Z', reason: 'other', note: '开户行撤并', batchId: 'b_1' },
    });
    expect(warning).toMatchObject({
      cause: 'payoutReturned',
      level: 'village',
      regionCode: '150222102201',
      month: '2026-12',
      subject: 'w_1#2026-11-01T02:00:00.000Z',
    });
    expect(warning.text).toBe(
      '银行退回了发给 王秀兰 的一次性交通补助（500 元）：开户行撤并。补贴先不发到这张社保卡。请当面核对本人的卡，登记正确的卡，由另一位工作人员确认以后再发放',
    );
    expect(warning.figures).toEqual([
      { label: '退回的卡', value: '社保卡（尾号 5678）' },
      { label: '银行说', value: '开户行撤并' },
      { label: '退回日期', value: '2026-12-07' },
    ]);
  });
});

describe('cardDisputeWarning', () => {
  const dispute = {
    workerId: 'w_1',
    name: '王秀兰',
    villageCode: '150222102201',
    card: { kind: 'bankCard' as const, numberMasked: '************1234', setBy: 'village', setAt: '2026-12-05T02:00:00.000Z' },
    at: new Date('2026-12-06T17:30:00.000Z'), // 12月7日 in China
  };

  it('gives the county, not the village that entered the card, a task naming who entered and who confirmed it', () => {
    const warning = cardDisputeWarning({ ...dispute, confirmedBy: 'township2' });
    expect(warning).toMatchObject({
      cause: 'payoutCardDisputed',
      level: 'county',
      month: '2026-12',
      subject: 'w_1#2026-12-05T02:00:00.000Z',
    });
    expect(warning.text).toBe(
      '王秀兰 说登记的银行卡（尾号 1234）不是本人的卡。这张卡已停用，补贴先不发到这张卡。请当面核实本人的卡，查清是谁、为什么登记了这张卡',
    );
    expect(warning.figures).toEqual([
      { label: '登记的卡', value: '银行卡（尾号 1234）' },
      { label: '登记时间', value: '2026-12-05' },
      { label: '登记人账号', value: 'village' },
      { label: '确认人账号', value: 'township2' },
    ]);
  });

  it('says a waiting card was withdrawn, with nobody yet to name as its confirmer', () => {
    const warning = cardDisputeWarning(dispute);
    expect(warning.text).toContain('这次登记已作废');
    expect(warning.figures.at(-1)).toEqual({ label: '确认人账号', value: '还没有人确认' });
  });
});

describe('decideClaim', () => {
  const submitted = { status: 'submitted' as const, createdBy: 'w', needsSecondApproval: false, approvals: [] };
  const officer = (duties: ('review' | 'recheck' | 'pay')[], memberIdHashes: string[] = []) => ({
    userId: 'o',
    regionCode: '150222102',
    duties,
    household: { householdIds: [], memberIdHashes },
  });

  it('needs the duty 审核, and refuses a declared household member by ID-number hash', () => {
    expect(decideClaim(submitted, {}, officer(['review']), 'approve')).toMatchObject({ ok: true, to: 'approved' });
    expect(decideClaim(submitted, {}, officer(['pay']), 'approve')).toMatchObject({ ok: false, status: 403 });
    expect(decideClaim(submitted, { idHash: 'h1' }, officer(['review'], ['h1']), 'reject')).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('refuses the approval, not the rejection, of an officer who vouched for a fact the claim rests on (四眼原则)', () => {
    const vouched = { ...submitted, vouchedBy: ['v', 'o'] };
    expect(decideClaim(vouched, {}, officer(['review']), 'approve')).toMatchObject({ ok: false, status: 403 });
    expect(decideClaim(vouched, {}, officer(['review']), 'reject')).toMatchObject({ ok: true, to: 'rejected' });
    expect(decideClaim({ ...submitted, vouchedBy: ['v'] }, {}, officer(['review']), 'approve')).toMatchObject({ ok: true });
  });

  it('refuses a second approval by the officer who gave the first, even after a move to the county', () => {
    const first = {
      ...submitted,
      status: 'firstApproved' as const,
      needsSecondApproval: true,
      approvals: [{ by: 'o', level: 'township', at: '2026-11-20T00:00:00.000Z' }],
    };
    const moved = { ...officer(['recheck']), regionCode: '150222' };
    expect(decideClaim(first, {}, moved, 'approve')).toMatchObject({ ok: false, status: 403, zh: '同一位工作人员不能审核两次' });
    expect(decideClaim(first, {}, { ...moved, userId: 'c' }, 'approve')).toMatchObject({ ok: true, to: 'approved' });
  });
});

describe('reopenRefusal (退回重审)', () => {
  it('lets an officer who reviews or rechecks send back an approved claim no batch has taken, and nothing else', () => {
    const approved = { status: 'approved' as const };
    expect(reopenRefusal(approved, { duties: ['review'] })).toBeUndefined();
    expect(reopenRefusal(approved, { duties: ['recheck'] })).toBeUndefined();
    expect(reopenRefusal(approved, { duties: ['pay'] })).toMatchObject({ status: 403 });
    expect(reopenRefusal({ ...approved, paymentBatchId: 'b_1' }, { duties: ['review'] })).toMatchObject({
      status: 409,
      zh: '这份申领已经进了发放批次，请找旗县负责发放的工作人员',
    });
    for (const status of ['submitted', 'firstApproved', 'rejected', 'paid'] as const) {
      expect(reopenRefusal({ status }, { duties: ['review'] })).toMatchObject({ status: 409 });
    }
  });
});

describe('parameterValueProblem', () => {
  it('takes fen, months, years, days and persons whole; a ratio at most 1', () => {
    expect(parameterValueProblem('fen', 12345.5)).toContain('整数');
    expect(parameterValueProblem('months', 6.5)).toBe('应为整数');
    expect(parameterValueProblem('fen', 12345)).toBeUndefined();
    expect(parameterValueProblem('ratio', 0.85)).toBeUndefined();
    expect(parameterValueProblem('ratio', 1.5)).toContain('100%');
  });
});
