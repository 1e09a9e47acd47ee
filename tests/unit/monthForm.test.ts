import { describe, expect, it } from 'vitest';
import { employmentContracts, type EmploymentRecord } from '@bangfu/shared';
import { bodyOf, draftOf, errorsAt, keyOf, stepOf, withStatus, type Draft } from '../../miniapp/src/staff/monthForm';

const input = {
  status: 'employed' as const,
  place: 'withinCounty' as const,
  form: 'enterprise' as const,
  employerName: '金山镇服装帮扶车间',
  monthlyIncomeFen: 450_050,
};
const recorded: EmploymentRecord = {
  ...input,
  workerId: 'w_00000000-0000-4000-8000-000000000001',
  month: '2026-02',
  source: 'staff',
  recordedBy: 'u_00000000-0000-4000-8000-000000000002',
  recordedAt: '2026-03-01T02:00:00.000Z',
  revision: 1,
};

const employed: Draft & { status: 'employed' } = {
  status: 'employed',
  place: 'withinCounty',
  form: 'enterprise',
  employerName: ' 金山镇服装帮扶车间 ',
  income: '4500.5',
  atHomeReason: undefined,
};

describe('the monthly form: draft to body and back', () => {
  it('sends employment in fen, with the employer’s name trimmed', () => {
    const body = bodyOf(employed);
    expect(body).toEqual({
      status: 'employed',
      place: 'withinCounty',
      form: 'enterprise',
      employerName: '金山镇服装帮扶车间',
      monthlyIncomeFen: 450_050,
    });
    expect(employmentContracts.record.body?.safeParse(body).success).toBe(true);
  });

  it('sends only the answers of the chosen status', () => {
    const atHome = withStatus({ ...employed, atHomeReason: 'caringForFamily' }, 'notEmployed', null);
    expect(bodyOf({ ...atHome, status: 'notEmployed' })).toEqual({
      status: 'notEmployed',
      monthlyIncomeFen: 0,
      atHomeReason: 'caringForFamily',
    });
    expect(bodyOf({ ...employed, employerName: ' ' })).not.toHaveProperty('employerName');
  });

  it('reads a recorded month back unchanged', () => {
    const draft = draftOf(recorded);
    expect(draft).toMatchObject({ status: 'employed', income: '4500.50' });
    expect(bodyOf({ ...draft, status: 'employed' })).toEqual(input);
    expect(draftOf(undefined)).toEqual({
      status: undefined,
      place: undefined,
      form: undefined,
      employerName: '',
      income: '',
      atHomeReason: undefined,
    });
  });

  it('starts the income again when the status changes: the record’s, or 0 at home', () => {
    const fresh = draftOf(undefined);
    expect(withStatus(fresh, 'notEmployed', null).income).toBe('0');
    expect(withStatus(fresh, 'employed', null).income).toBe('');
    expect(withStatus(fresh, 'employed', recorded).income).toBe('4500.50');
    const typed = { ...employed, income: '3000' };
    expect(withStatus(typed, 'employed', recorded)).toBe(typed);
  });

  it('names the form’s field, and its step, from the API’s', () => {
    expect(keyOf('body.monthlyIncomeFen')).toBe('monthlyIncomeFen');
    expect(keyOf('body.note')).toBeUndefined();
    expect(stepOf('monthlyIncomeFen', 'employed')).toBe('income');
    expect(stepOf('monthlyIncomeFen', 'notEmployed')).toBe('atHome');
  });
});

describe('the monthly form: what each step refuses', () => {
  it('asks the employed for place and form before the income is typed', () => {
    const draft = withStatus(draftOf(undefined), 'employed', null);
    expect(errorsAt(draft, 'where')).toEqual({ place: '请选一个务工地点', form: '请选一种就业形式' });
    expect(errorsAt({ ...draft, place: 'withinCounty', form: 'enterprise' }, 'where')).toEqual({});
  });

  it('refuses an income that is not a figure, or over the limit', () => {
    for (const income of ['', '四千', '-5', '1.234']) {
      expect(errorsAt({ ...employed, income }, 'income')).toEqual({
        monthlyIncomeFen: '请填写金额，只填数字，例如 4500 或 4500.50；没有收入填 0',
      });
    }
    expect(errorsAt({ ...employed, income: '1000001' }, 'income')).toEqual({ monthlyIncomeFen: '月收入超过 100 万元，请核对' });
  });

  it('asks someone at home only for the income', () => {
    const atHome = withStatus(draftOf(undefined), 'notEmployed', null);
    expect(errorsAt(atHome, 'atHome')).toEqual({});
    expect(errorsAt({ ...atHome, income: '' }, 'atHome')).toEqual({
      monthlyIncomeFen: '请填写金额，只填数字，例如 4500 或 4500.50；没有收入填 0',
    });
  });

  it('refuses nothing before the status is chosen', () => {
    expect(errorsAt(draftOf(undefined), 'status')).toEqual({});
  });
});
