import { describe, expect, it } from 'vitest';
import { positionContracts, type Employer, type Position } from '@bangfu/shared';
import {
  bodyOf,
  draftOf,
  errorsAt,
  newDraft,
  STEPS,
  type Draft,
  type FormContext,
  type Step,
} from '../../miniapp/src/employer/positionForm';

const today = '2026-03-15';
const employer: Pick<Employer, 'location' | 'address' | 'regionCode'> = {
  location: { lat: 40.65, lng: 109.84 },
  address: '西斗铺镇工业园 3 号',
  regionCode: '150222100',
};

const position: Position = {
  positionId: 'p_00000000-0000-4000-8000-000000000001',
  employerId: 'e_00000000-0000-4000-8000-000000000001',
  employerName: '固阳县服装帮扶车间',
  employerKind: 'assistanceWorkshop',
  title: '缝纫工',
  occupation: 'sewing_worker',
  description: '有师傅带',
  headcount: 5,
  filled: 2,
  pay: { unit: 'piece', minFen: 150, maxFen: 300, pieceNote: '每件衬衫' },
  form: 'seasonal',
  seasonMonths: [4, 5, 9],
  workHours: '早 8 点到晚 5 点',
  intensity: 'light',
  suitsHalfLabour: true,
  suitsWeakLabour: false,
  accommodation: false,
  meals: true,
  location: { lat: 40.7, lng: 109.9 },
  address: '马铃薯种植基地',
  regionCode: '150222100201',
  crossProvinceTransfer: false,
  requiredCertificates: [],
  validFrom: '2026-03-01',
  validUntil: '2026-06-30',
  status: 'open',
  createdAt: '2026-03-01T02:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
  version: 3,
};

const newContext: FormContext = { employer, position: null, today };
const editContext: FormContext = { employer, position, today };

/** A new position filled in on every step. */
const filled: Draft = {
  ...newDraft(employer),
  title: ' 保洁员 ',
  occupation: 'cleaner',
  min: '3000',
  max: '4500.5',
  form: 'fullTime',
  intensity: 'medium',
  suits: ['weak'],
  board: ['meals', 'accommodation'],
  headcount: '5',
};

const allErrors = (draft: Draft, context: FormContext) =>
  Object.assign({}, ...STEPS.map((step: Step) => errorsAt(draft, context, step))) as Record<string, string>;

describe('the position form: draft to body', () => {
  it('sends a new position in fen, at the employer’s place, open three months from today', () => {
    expect(allErrors(filled, newContext)).toEqual({});
    const body = bodyOf(filled, newContext);
    expect(body).toEqual({
      title: '保洁员',
      occupation: 'cleaner',
      headcount: 5,
      pay: { unit: 'month', minFen: 300_000, maxFen: 450_050 },
      form: 'fullTime',
      intensity: 'medium',
      suitsHalfLabour: false,
      suitsWeakLabour: true,
      accommodation: true,
      meals: true,
      location: employer.location,
      address: employer.address,
      regionCode: employer.regionCode,
      validFrom: today,
      validUntil: '2026-06-15',
    });
    expect(positionContracts.create.body?.safeParse({ ...body, publish: true }).success).toBe(true);
  });

  it('takes a fixed wage (the second figure left empty) as min = max', () => {
    expect(bodyOf({ ...filled, max: '' }, newContext).pay).toEqual({ unit: 'month', minFen: 300_000, maxFen: 300_000 });
  });

  it('reads a stored position back unchanged: draft → body gives its fields again', () => {
    const draft = draftOf(position, employer);
    expect(draft).toMatchObject({ unit: 'piece', min: '1.50', max: '3', months: ['4', '5', '9'], where: 'other', until: 'keep' });
    expect(allErrors(draft, editContext)).toEqual({});
    const body = bodyOf(draft, editContext);
    const fields = Object.keys(body) as (keyof typeof body)[];
    expect(Object.fromEntries(fields.map((field) => [field, position[field as keyof Position]]))).toEqual(body);
    expect(positionContracts.update.body?.safeParse({ ...body, version: position.version }).success).toBe(true);
  });

  it('clears the months and empty texts of an edit rather than leaving them out', () => {
    const draft = { ...draftOf(position, employer), form: 'fullTime' as const, workHours: '', description: ' ' };
    expect(bodyOf(draft, editContext)).toMatchObject({ seasonMonths: [], workHours: '', description: '' });
    expect(bodyOf({ ...filled }, newContext)).not.toHaveProperty('seasonMonths');
    expect(bodyOf({ ...filled }, newContext)).not.toHaveProperty('workHours');
  });
});

describe('the position form: what each step refuses', () => {
  it('asks on the first step only for the first step’s fields', () => {
    expect(errorsAt(newDraft(employer), newContext, 'what')).toEqual({
      title: '岗位名称至少 2 个字，例如“缝纫工”“保洁员”',
      occupation: '请选一个工种',
    });
  });

  it('refuses a pay range the wrong way round, on the second figure', () => {
    expect(errorsAt({ ...filled, min: '5000', max: '4000' }, newContext, 'pay')).toEqual({
      maxFen: '最多的不能比最少的还少',
    });
  });

  it('refuses pay that is not a figure, or too large', () => {
    expect(errorsAt({ ...filled, min: '三千' }, newContext, 'pay')).toEqual({
      minFen: '请填金额，只填数字，例如 3000 或 2.5',
    });
    expect(errorsAt({ ...filled, max: 'abc' }, newContext, 'pay')).toEqual({ maxFen: '请只填数字；工资固定就空着' });
    expect(errorsAt({ ...filled, min: '2000000', max: '' }, newContext, 'pay').minFen).toBe('金额太大了，请核对');
  });

  it('asks seasonal work for its months even while later steps are empty', () => {
    const draft = { ...newDraft(employer), title: '摘果工', occupation: 'cleaner', form: 'seasonal' as const };
    expect(errorsAt(draft, newContext, 'when')).toEqual({ seasonMonths: '季节工请选要干活的月份' });
    expect(errorsAt({ ...draft, months: ['9', '10'] }, newContext, 'when')).toEqual({});
  });

  it('refuses a headcount that is not a whole number from 1 to 10 000', () => {
    for (const headcount of ['', '0', '1.5', '1e3', '10001', '五']) {
      expect(errorsAt({ ...filled, headcount }, newContext, 'count')).toEqual({ headcount: '请填要招几个人，例如 5' });
    }
    expect(errorsAt({ ...filled, headcount: '10000' }, newContext, 'count')).toEqual({});
  });

  it('refuses a headcount below those already hired', () => {
    const draft = { ...draftOf(position, employer), headcount: '1' };
    expect(errorsAt(draft, editContext, 'count')).toEqual({ headcount: '已经录用了 2 人，不能少于 2' });
  });

  it('refuses a last day before the first', () => {
    const context = { ...editContext, position: { ...position, validFrom: '2026-07-01' } };
    expect(errorsAt(draftOf(position, employer), context, 'count')).toEqual({ validUntil: '截止日期不能早于开始日期' });
  });

  it('asks for the place only when the work is elsewhere', () => {
    const elsewhere = { ...filled, where: 'other' as const, location: undefined, address: ' ' };
    expect(errorsAt(elsewhere, newContext, 'where')).toEqual({
      location: '请在地图上选好干活的地方',
      address: '请写干活的地址',
    });
    expect(errorsAt({ ...elsewhere, location: { lat: 1, lng: 109.9 }, address: '基地' }, newContext, 'where')).toEqual({
      location: '纬度不在中国境内',
    });
    expect(errorsAt(filled, newContext, 'where')).toEqual({});
  });

  it('asks for the form of work and how hard it is', () => {
    const draft = { ...filled, form: undefined, intensity: undefined };
    expect(errorsAt(draft, newContext, 'when')).toEqual({ form: '请选一种工作形式' });
    expect(errorsAt(draft, newContext, 'who')).toEqual({ intensity: '请选干活累不累' });
  });
});
