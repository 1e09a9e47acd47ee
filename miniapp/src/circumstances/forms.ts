/**
 * The short form of each circumstance: its questions, a few to a screen, the answers as the form
 * holds them (text: dates, months, yes / no, yuan) and the value they make. The value is checked
 * with the API's own schema before it is sent; the server's `body.value.<field>` lands under the
 * question of that field.
 */
import { CIRCUMSTANCE_VALUE_SCHEMAS, yuanToFen, fenToYuan, type CircumstanceKind, type WorkerView } from '@bangfu/shared';
import type { Option } from '../components/Choices';
import { isChinese } from '../forms';
import { chinaDate } from '../time';
import { SCHOOL_KIND_ZH, type ValueOf } from './words';

/** The answers, each as text ('' while unanswered). */
export type Draft = Record<string, string>;

interface Question {
  label: string;
  hint?: string;
  /** Asked only when this holds (e.g. 到哪个月 once 已经停了 is chosen). */
  when?: (draft: Draft) => boolean;
  /** Said when the answer is refused and the schema's words are not Chinese. */
  problem?: string;
}
export type FieldSpec =
  | (Question & { type: 'date' | 'month' })
  | (Question & { type: 'choice'; options: Option<string>[]; columns?: 1 | 2 })
  | (Question & { type: 'yuan'; placeholder: string });

export interface FormSpec {
  fields: Record<string, FieldSpec>;
  /** The questions of each screen, in order. */
  steps: string[][];
  /** The answers to start from: what is recorded now, or the usual first guess. */
  draft: Draft;
  /** The value the answers make (checked with the schema afterwards). */
  value: (draft: Draft) => unknown;
}

const yesNo = (yes: string, no: string): Option<string>[] => [
  { value: 'yes', label: yes },
  { value: 'no', label: no },
];
const yesNoOf = (flag: boolean | undefined) => (flag === undefined ? '' : flag ? 'yes' : 'no');
const today = () => chinaDate(new Date());
/** The same day `years` later (28 February for a 29th that year lacks). */
const yearsAfter = (date: string, years: number) => {
  const moved = `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
  return moved.endsWith('-02-29') ? `${moved.slice(0, 8)}28` : moved;
};
/** 1 September of the school year under way: the usual day a child enrolled. */
const schoolYearStart = () => {
  const now = today();
  const year = Number(now.slice(0, 4)) - (now.slice(5) < '09-01' ? 1 : 0);
  return `${year}-09-01`;
};
const DATE_PROBLEM = '请选一个日期';

/** 参保 and 低保: from a month, still on or until a month. */
function monthRangeForm(
  value: ValueOf<'insured'> | undefined,
  words: { from: string; ongoing: string; yes: string; no: string; until: string },
): FormSpec {
  return {
    fields: {
      from: { type: 'month', label: words.from },
      ongoing: { type: 'choice', label: words.ongoing, options: yesNo(words.yes, words.no) },
      until: { type: 'month', label: words.until, when: (d) => d.ongoing === 'no' },
    },
    steps: [['from', 'ongoing', 'until']],
    draft: { from: value?.from ?? '', ongoing: value ? yesNoOf(value.until === undefined) : '', until: value?.until ?? '' },
    value: (d) => ({ from: d.from, ...(d.ongoing === 'no' ? { until: d.until } : {}) }),
  };
}

const FORMS: { [K in CircumstanceKind]: (value: ValueOf<K> | undefined, worker: WorkerView) => FormSpec } = {
  returnedMigrant: (value) => ({
    fields: {
      returnedOn: {
        type: 'date',
        label: '哪天回到家乡的？',
        hint: '在外打工回来的日子，记不清就选个大概的日子',
        problem: DATE_PROBLEM,
      },
    },
    steps: [['returnedOn']],
    draft: { returnedOn: value?.returnedOn ?? today() },
    value: (d) => ({ returnedOn: d.returnedOn }),
  }),

  insured: (value) =>
    monthRangeForm(value, {
      from: '从哪个月开始参保？',
      ongoing: '现在还在参保吗？',
      yes: '还在参保',
      no: '已经停了',
      until: '最后参保的是哪个月？',
    }),

  minimumLiving: (value) =>
    monthRangeForm(value, {
      from: '从哪个月开始纳入低保？',
      ongoing: '现在还在低保里吗？',
      yes: '还在',
      no: '已经退出了',
      until: '低保到哪个月为止？',
    }),

  graduatingYear: (value) => {
    const thisYear = Number(today().slice(0, 4));
    const years = [1, 0, -1, -2, -3, -4].map((back) => String(thisYear + back));
    // A year recorded earlier and now further back stays among the choices.
    if (value && !years.includes(value.year)) years.push(value.year);
    return {
      fields: {
        year: {
          type: 'choice',
          label: '哪一年毕业？',
          hint: '大学、大专、中专、技校都算，按毕业证上的年份',
          options: years.map((year) => ({ value: year, label: `${year}年` })),
        },
      },
      steps: [['year']],
      draft: { year: value?.year ?? '' },
      value: (d) => ({ year: d.year }),
    };
  },

  vocationalStudent: (value, worker) => {
    // Only a household that is monitored and not 脱贫 stops getting the aid once its risk is cleared.
    const monitoredOnly = worker.groups.includes('monitored') && !worker.groups.includes('povertyAlleviated');
    return {
      fields: {
        schoolKind: {
          type: 'choice',
          label: '孩子上的是哪种学校？',
          columns: 1,
          options: [
            { value: 'secondaryVocational', label: `${SCHOOL_KIND_ZH.secondaryVocational}（中专、职高）` },
            { value: 'higherVocational', label: `${SCHOOL_KIND_ZH.higherVocational}（高职、大专）` },
            { value: 'technicalSchool', label: `${SCHOOL_KIND_ZH.technicalSchool}（技校）` },
          ],
        },
        enrolledOn: { type: 'date', label: '哪天入学的？', hint: '秋季入学一般是 9月1日', problem: DATE_PROBLEM },
        riskCleared: {
          type: 'choice',
          label: '家里的返贫风险消除了吗？',
          hint: '监测对象家庭，风险消除后从下一学期起不再补助',
          options: yesNo('已经消除了', '还没有消除'),
        },
        riskClearedOn: { type: 'date', label: '哪天消除的？', when: (d) => d.riskCleared === 'yes', problem: DATE_PROBLEM },
      },
      steps: monitoredOnly
        ? [
            ['schoolKind', 'enrolledOn'],
            ['riskCleared', 'riskClearedOn'],
          ]
        : [['schoolKind', 'enrolledOn']],
      draft: {
        schoolKind: value?.schoolKind ?? '',
        enrolledOn: value?.enrolledOn ?? schoolYearStart(),
        riskCleared: value ? yesNoOf(value.riskClearedOn !== undefined) : '',
        riskClearedOn: value?.riskClearedOn ?? today(),
      },
      value: (d) => ({
        schoolKind: d.schoolKind,
        enrolledOn: d.enrolledOn,
        ...(d.riskCleared === 'yes' ? { riskClearedOn: d.riskClearedOn } : {}),
      }),
    };
  },

  business: (value) => ({
    fields: {
      registeredOn: { type: 'date', label: '营业执照是哪天办的？', hint: '看执照上的成立日期', problem: DATE_PROBLEM },
      operating: { type: 'choice', label: '现在还在经营吗？', options: yesNo('还在经营', '已经不干了') },
    },
    steps: [['registeredOn', 'operating']],
    draft: { registeredOn: value?.registeredOn ?? today(), operating: yesNoOf(value?.operating) },
    value: (d) => ({ registeredOn: d.registeredOn, operating: d.operating === 'yes' }),
  }),

  startupLoan: (value) => {
    const startedOn = value?.startedOn ?? today();
    return {
      fields: {
        principalFen: {
          type: 'yuan',
          label: '贷了多少钱？',
          hint: '按元填写',
          placeholder: '例如 100000',
          problem: '请只填数字，例如 100000 或 50000.50',
        },
        partnership: { type: 'choice', label: '是几个人合伙创业吗？', options: yesNo('几个人合伙', '一个人干') },
        startedOn: { type: 'date', label: '哪天放的款？', problem: DATE_PROBLEM },
        endsOn: { type: 'date', label: '哪天到期？', hint: '看贷款合同上的到期日', problem: DATE_PROBLEM },
        repaidOnSchedule: { type: 'choice', label: '一直按时还款了吗？', options: yesNo('按时还了', '有过逾期') },
      },
      steps: [['principalFen', 'partnership'], ['startedOn', 'endsOn'], ['repaidOnSchedule']],
      draft: {
        principalFen: value ? fenToYuan(value.principalFen) : '',
        partnership: yesNoOf(value?.partnership),
        startedOn,
        endsOn: value?.endsOn ?? yearsAfter(startedOn, 2),
        repaidOnSchedule: yesNoOf(value?.repaidOnSchedule),
      },
      value: (d) => ({
        principalFen: yuanToFen(d.principalFen ?? ''),
        startedOn: d.startedOn,
        endsOn: d.endsOn,
        partnership: d.partnership === 'yes',
        repaidOnSchedule: d.repaidOnSchedule === 'yes',
      }),
    };
  },
};

/** The form of `kind`, starting from what the record holds now. */
export function formOf(kind: CircumstanceKind, worker: WorkerView): FormSpec {
  // Each kind's form takes its own value: the one the record holds under that kind.
  const form = FORMS[kind] as (value: unknown, worker: WorkerView) => FormSpec;
  return form(worker.circumstances?.[kind]?.value, worker);
}

const UNANSWERED: Record<FieldSpec['type'], string> = {
  choice: '请选一项',
  month: '请选月份',
  date: DATE_PROBLEM,
  yuan: '请填写金额',
};

/**
 * The problems of the questions asked up to screen `upTo` (index), and, when there are none
 * anywhere, the value to send as the schema makes it.
 */
export function checkForm(
  kind: CircumstanceKind,
  spec: FormSpec,
  draft: Draft,
  upTo: number,
): { errors: Record<string, string>; value?: unknown } {
  const asked = spec.steps.slice(0, upTo + 1).flat();
  const shown = (field: string) => spec.fields[field]!.when?.(draft) ?? true;
  const errors: Record<string, string> = {};
  for (const field of asked) {
    if (shown(field) && draft[field]?.trim() === '') errors[field] = UNANSWERED[spec.fields[field]!.type];
  }
  const parsed = CIRCUMSTANCE_VALUE_SCHEMAS[kind].safeParse(spec.value(draft));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      const question = spec.fields[field];
      if (!question || !asked.includes(field) || errors[field]) continue;
      errors[field] = isChinese(issue.message) ? issue.message : (question.problem ?? UNANSWERED[question.type]);
    }
  }
  const complete = upTo >= spec.steps.length - 1 && Object.keys(errors).length === 0 && parsed.success;
  return complete ? { errors, value: parsed.data } : { errors };
}

/** Which screen asks `field` (index), when the form asks it. */
export const stepOf = (spec: FormSpec, field: string): number | undefined => {
  const at = spec.steps.findIndex((fields) => fields.includes(field));
  return at < 0 ? undefined : at;
};
