/**
 * The monthly employment form without its page: the draft as tapped and typed (income in
 * yuan as text) to the body the API takes and back, and each step's problems in words an
 * officer reads. The rules are the contract's own (shared/src/registry/employment.ts); this
 * only says which step a field is on and how to say what is wrong with it.
 */
import {
  employmentContracts,
  fenToYuan,
  yuanToFen,
  type AtHomeReason,
  type BodyOf,
  type EmploymentForm,
  type EmploymentPlace,
  type EmploymentRecord,
} from '@bangfu/shared';
import { explainer, fieldIn, problemsOf } from '../forms';

export type EmploymentBody = BodyOf<typeof employmentContracts.record>;
export type Status = EmploymentBody['status'];
/** 在岗 goes status → where → income; 未就业 goes status → atHome. */
export type Step = 'status' | 'where' | 'income' | 'atHome';
export type FieldKey = 'place' | 'form' | 'employerName' | 'monthlyIncomeFen' | 'atHomeReason';
export type Errors = Partial<Record<FieldKey, string>>;

export interface Draft {
  status: Status | undefined;
  place: EmploymentPlace | undefined;
  form: EmploymentForm | undefined;
  employerName: string;
  income: string;
  atHomeReason: AtHomeReason | undefined;
}

/** The month as already recorded, or nothing chosen yet. */
export function draftOf(record: EmploymentRecord | undefined): Draft {
  return {
    status: record?.status,
    place: record?.place,
    form: record?.form,
    employerName: record?.employerName ?? '',
    income: record ? fenToYuan(record.monthlyIncomeFen) : '',
    atHomeReason: record?.atHomeReason,
  };
}

/**
 * The draft with its status chosen. A changed answer starts the income again: the recorded
 * one if the record said the same, else empty, or 0 for someone at home (the usual answer).
 */
export function withStatus(draft: Draft, status: Status, recorded: EmploymentRecord | null): Draft {
  if (draft.status === status) return draft;
  const income = recorded?.status === status ? fenToYuan(recorded.monthlyIncomeFen) : status === 'notEmployed' ? '0' : '';
  return { ...draft, status, income };
}

/** The step after the status. */
export const firstStepOf = (status: Status): Step => (status === 'employed' ? 'where' : 'atHome');

/** The step on which a field is asked. */
export function stepOf(field: FieldKey, status: Status): Step {
  if (field === 'place' || field === 'form') return 'where';
  if (field === 'atHomeReason') return 'atHome';
  return status === 'employed' ? 'income' : 'atHome';
}

/**
 * The body the API takes, with only the answers of the chosen status. Sound once no step has
 * problems (`errorsAt`); before that an income that is not a figure is NaN, which the checks find.
 */
export function bodyOf(draft: Draft & { status: Status }): EmploymentBody {
  const monthlyIncomeFen = yuanToFen(draft.income) ?? Number.NaN;
  const employerName = draft.employerName.trim();
  return draft.status === 'employed'
    ? { status: 'employed', place: draft.place, form: draft.form, monthlyIncomeFen, ...(employerName ? { employerName } : {}) }
    : { status: 'notEmployed', monthlyIncomeFen, ...(draft.atHomeReason ? { atHomeReason: draft.atHomeReason } : {}) };
}

/** What to say when a field is refused: the form's own words, plainer than the schema's. */
const MESSAGES: Record<FieldKey, string> = {
  place: '请选一个务工地点',
  form: '请选一种就业形式',
  employerName: '单位名称最多 60 个字',
  monthlyIncomeFen: '请填写金额，只填数字，例如 4500 或 4500.50；没有收入填 0',
  atHomeReason: '请选一个在家的原因',
};

/** Which of the form's fields the API's `field` (`body.monthlyIncomeFen`…) names. */
export const keyOf = (field: string | undefined): FieldKey | undefined => fieldIn(MESSAGES, field);

// Hidden characters in a name, an income over the limit: the schema's words say it best.
const explain = explainer(
  keyOf,
  MESSAGES,
  (key, { code }) => (key === 'employerName' && code === 'custom') || (key === 'monthlyIncomeFen' && code === 'too_big'),
);

/** The problems of one step (none before a status is chosen: it is chosen by a tap). */
export function errorsAt(draft: Draft, step: Step): Errors {
  const { status } = draft;
  if (!status) return {};
  const body = bodyOf({ ...draft, status });
  // Zod runs the rule across fields (在岗 names its place and form) only on a body sound in
  // itself: on the step before the income is asked, a stand-in income lets it run.
  const checked = step === 'where' ? { ...body, monthlyIncomeFen: 0 } : body;
  const issues = employmentContracts.record.body?.safeParse(checked).error?.issues ?? [];
  return problemsOf(issues, explain, (key) => stepOf(key, status) === step);
}
