/**
 * The employer's position form without its page: the draft as typed (yuan as text, choices
 * as words) to the body the API takes and back, and each step's problems in words an
 * employer reads. The rules are the contract's own (shared/src/positions/position.ts); this
 * only says which step a field is on and how to say what is wrong with it.
 */
import {
  fenToYuan,
  positionContracts,
  yuanToFen,
  type Employer,
  type Intensity,
  type LatLng,
  type PayUnit,
  type Position,
  type PositionForm,
  type PublicWelfareCategory,
} from '@bangfu/shared';
import type { PositionBody } from '../api/positions';
import { fieldIn, fieldPath, isChinese, pathOf, problemsOf, type Issue } from '../forms';

export type Step = 'what' | 'pay' | 'when' | 'who' | 'where' | 'count';
export const STEPS: Step[] = ['what', 'pay', 'when', 'who', 'where', 'count'];

export type FieldKey =
  | 'title'
  | 'occupation'
  | 'minFen'
  | 'maxFen'
  | 'pieceNote'
  | 'form'
  | 'seasonMonths'
  | 'workHours'
  | 'intensity'
  | 'publicWelfareCategory'
  | 'location'
  | 'address'
  | 'headcount'
  | 'validUntil'
  | 'description';
export const STEP_OF: Record<FieldKey, Step> = {
  title: 'what',
  occupation: 'what',
  minFen: 'pay',
  maxFen: 'pay',
  pieceNote: 'pay',
  form: 'when',
  seasonMonths: 'when',
  workHours: 'when',
  intensity: 'who',
  publicWelfareCategory: 'who',
  location: 'where',
  address: 'where',
  headcount: 'count',
  validUntil: 'count',
  description: 'count',
};
export type Errors = Partial<Record<FieldKey, string>>;

export type Suit = 'half' | 'weak';
export type Board = 'accommodation' | 'meals';
export type Where = 'same' | 'other';
export type Until = 'keep' | '1' | '3' | '6' | '12';

export interface Draft {
  title: string;
  occupation: string | undefined;
  unit: PayUnit;
  min: string;
  max: string;
  pieceNote: string;
  form: PositionForm | undefined;
  months: string[];
  workHours: string;
  intensity: Intensity | undefined;
  suits: Suit[];
  board: Board[];
  welfare: PublicWelfareCategory | undefined;
  where: Where;
  location: LatLng | undefined;
  address: string;
  headcount: string;
  until: Until;
  description: string;
}

/** What the form is filled in for: the employer, the position being edited (null for a new one), and today. */
export interface FormContext {
  employer: Pick<Employer, 'location' | 'address' | 'regionCode'>;
  position: Pick<Position, 'regionCode' | 'validFrom' | 'validUntil' | 'filled'> | null;
  /** China's date, YYYY-MM-DD. */
  today: string;
}

export function newDraft(employer: Pick<Employer, 'location' | 'address'>): Draft {
  return {
    title: '',
    occupation: undefined,
    unit: 'month',
    min: '',
    max: '',
    pieceNote: '',
    form: undefined,
    months: [],
    workHours: '',
    intensity: undefined,
    suits: [],
    board: [],
    welfare: undefined,
    where: 'same',
    location: employer.location,
    address: employer.address,
    headcount: '',
    until: '3',
    description: '',
  };
}

export function draftOf(position: Position, employer: Pick<Employer, 'location' | 'address'>): Draft {
  const same =
    position.location.lat === employer.location.lat &&
    position.location.lng === employer.location.lng &&
    position.address === employer.address;
  return {
    title: position.title,
    occupation: position.occupation,
    unit: position.pay.unit,
    min: fenToYuan(position.pay.minFen),
    max: position.pay.maxFen === position.pay.minFen ? '' : fenToYuan(position.pay.maxFen),
    pieceNote: position.pay.pieceNote ?? '',
    form: position.form,
    months: (position.seasonMonths ?? []).map(String),
    workHours: position.workHours ?? '',
    intensity: position.intensity,
    suits: [...(position.suitsHalfLabour ? (['half'] as const) : []), ...(position.suitsWeakLabour ? (['weak'] as const) : [])],
    board: [...(position.accommodation ? (['accommodation'] as const) : []), ...(position.meals ? (['meals'] as const) : [])],
    welfare: position.publicWelfareCategory,
    where: same ? 'same' : 'other',
    location: position.location,
    address: position.address,
    headcount: String(position.headcount),
    until: 'keep',
    description: position.description ?? '',
  };
}

/** "2026-01-31" plus n months, as an ISO date (China's calendar, no time zone involved). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

export function untilDate(until: Until, today: string, current: string | undefined): string {
  if (until === 'keep' && current) return current;
  return addMonths(today, until === 'keep' ? 3 : Number(until));
}

/**
 * The body the API takes. Sound once no step has problems (`errorsAt`); before that a field
 * left empty is undefined (or NaN) here, which is what the checks find.
 */
export function bodyOf(draft: Draft, { employer, position, today }: FormContext): PositionBody {
  const minFen = yuanToFen(draft.min)!;
  const maxFen = draft.max.trim() ? yuanToFen(draft.max)! : minFen;
  const seasonal = draft.form === 'seasonal';
  const headcount = draft.headcount.trim();
  const place =
    draft.where === 'same'
      ? { location: employer.location, address: employer.address }
      : { location: draft.location!, address: draft.address.trim() };
  return {
    title: draft.title.trim(),
    occupation: draft.occupation!,
    // Digits only: Number() would also take "1e3" or "0x10".
    headcount: /^\d+$/.test(headcount) ? Number(headcount) : Number.NaN,
    pay: {
      unit: draft.unit,
      minFen,
      maxFen,
      ...(draft.unit === 'piece' && draft.pieceNote.trim() ? { pieceNote: draft.pieceNote.trim() } : {}),
    },
    form: draft.form!,
    // An edit that stops being seasonal clears the months; a new position just leaves them out.
    ...(seasonal ? { seasonMonths: draft.months.map(Number).sort((a, b) => a - b) } : position ? { seasonMonths: [] } : {}),
    ...(draft.workHours.trim() || position ? { workHours: draft.workHours.trim() } : {}),
    intensity: draft.intensity!,
    suitsHalfLabour: draft.suits.includes('half'),
    suitsWeakLabour: draft.suits.includes('weak'),
    accommodation: draft.board.includes('accommodation'),
    meals: draft.board.includes('meals'),
    ...place,
    regionCode: position?.regionCode ?? employer.regionCode,
    ...(draft.welfare ? { publicWelfareCategory: draft.welfare } : {}),
    validFrom: position?.validFrom ?? today,
    validUntil: untilDate(draft.until, today, position?.validUntil),
    ...(draft.description.trim() || position ? { description: draft.description.trim() } : {}),
  };
}

/** The API names a field `body.pay.minFen`, `body.title`… (a zod path joined by dots is the same): which of ours it is. */
export function keyOf(field: string | undefined): FieldKey | undefined {
  const parts = fieldPath(field);
  const top = parts[0];
  if (top === 'pay') return parts[1] === 'maxFen' || parts[1] === 'pieceNote' ? parts[1] : 'minFen';
  if (top === 'lat' || top === 'lng' || top === 'regionCode') return 'location';
  if (top === 'validFrom') return 'validUntil';
  return fieldIn(STEP_OF, field);
}

/** What to say when a field is refused: the form's own words, plainer than the schema's. */
const MESSAGES: Record<FieldKey, string> = {
  title: '岗位名称至少 2 个字，例如“缝纫工”“保洁员”',
  occupation: '请选一个工种',
  minFen: '请填金额，只填数字，例如 3000 或 2.5',
  maxFen: '请只填数字；工资固定就空着',
  pieceNote: '“一件指什么”最多写 40 个字',
  form: '请选一种工作形式',
  seasonMonths: '季节工请选要干活的月份',
  workHours: '上班时间最多写 40 个字',
  intensity: '请选干活累不累',
  publicWelfareCategory: '请选公益性岗位类别',
  location: '请在地图上选好干活的地方',
  address: '请写干活的地址',
  headcount: '请填要招几个人，例如 5',
  validUntil: '截止日期不对，请重新选',
  description: '最多写 1000 个字',
};

/** The field an issue is about and what to tell the employer. */
function explain(issue: Issue): [FieldKey, string] | undefined {
  const path = pathOf(issue);
  // The pay's own rule (min ≤ max) is reported on minFen; the form asks on the second figure.
  if (path === 'pay.minFen' && issue.code === 'custom') return ['maxFen', '最多的不能比最少的还少'];
  const key = keyOf(path);
  if (!key) return undefined;
  if ((key === 'minFen' || key === 'maxFen') && issue.code === 'too_big') return [key, '金额太大了，请核对'];
  // A date the wrong way round, a point outside the country: the schema's words say it best.
  if ((key === 'validUntil' || (key === 'location' && issue.code !== 'invalid_type')) && isChinese(issue.message)) {
    return [key, issue.message];
  }
  return [key, MESSAGES[key]];
}

/**
 * The problems of one step, by the contract's rules: the create body's checks of each field
 * (a required one left empty among them), and the edit body's, whose fields are all optional,
 * given only this step's fields — so a rule across fields (seasonal work names its months, the
 * last day is not before the first) runs while later steps are still empty.
 */
export function errorsAt(draft: Draft, context: FormContext, step: Step): Errors {
  const body = bodyOf(draft, context);
  const onStep = (field: string) => {
    const key = keyOf(field);
    return key !== undefined && STEP_OF[key] === step;
  };
  const ownFields = Object.fromEntries(Object.entries(body).filter(([field]) => onStep(field)));
  const issues = [
    ...(positionContracts.create.body?.safeParse(body).error?.issues ?? []),
    // The version is the edit's, not the form's: any will do to check the fields.
    ...(positionContracts.update.body?.safeParse({ ...ownFields, version: 1 }).error?.issues ?? []),
  ];
  const errors: Errors = problemsOf(issues, explain, (key) => STEP_OF[key] === step);
  const { position } = context;
  if (step === 'count' && !errors.headcount && position && body.headcount < position.filled) {
    errors.headcount = `已经录用了 ${position.filled} 人，不能少于 ${position.filled}`;
  }
  return errors;
}
