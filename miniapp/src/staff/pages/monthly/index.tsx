/**
 * 更新本月情况: one person's employment for one month, a few taps per screen.
 * Step 1 在岗 / 未就业; employed: step 2 where and in what form, step 3 employer and
 * income; not employed: step 2 why at home and income (0 by default). Saved with PUT;
 * a problem the server finds is shown next to its field, on its step.
 */
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { fenToYuan, formatYuan, yuanToFen, type EmploymentInput, type EmploymentRecord } from '@bangfu/shared';
import { useEffect, useRef, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { fetchEmployment, saveEmployment } from '../../../api/registry';
import { BigInput } from '../../../components/BigInput';
import { Choices } from '../../../components/Choices';
import { Field, fieldName } from '../../../components/Field';
import { ActionButton } from '../../../components/ActionButton';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import {
  AT_HOME_REASON_ZH,
  EMPLOYMENT_FORM_ZH,
  EMPLOYMENT_PLACE_ZH,
  optionsOf,
  type AtHomeReason,
  type EmploymentForm,
  type EmploymentPlace,
} from '../../../labels';
import { chinaMonth, isMonth, monthText } from '../../../time';
import { recallWorker, rememberSavedMonth } from '../../registryCache';

type Status = EmploymentInput['status'];
type Step = 'status' | 'where' | 'income' | 'atHome';
type FieldKey = 'place' | 'form' | 'employerName' | 'monthlyIncomeFen' | 'atHomeReason';

const MONEY_KEYBOARD = process.env.TARO_ENV === 'weapp' ? 'digit' : 'text';
const PLACE_OPTIONS = optionsOf(EMPLOYMENT_PLACE_ZH);
const FORM_OPTIONS = optionsOf(EMPLOYMENT_FORM_ZH);
const AT_HOME_OPTIONS = optionsOf(AT_HOME_REASON_ZH);

/** The step on which each field is asked. */
function stepOf(field: FieldKey, status: Status): Step {
  if (field === 'place' || field === 'form') return 'where';
  if (field === 'atHomeReason') return 'atHome';
  return status === 'employed' ? 'income' : 'atHome';
}

function StepCount({ step, status }: { step: Step; status: Status | undefined }) {
  const total = status === 'notEmployed' ? 2 : 3;
  const at = step === 'status' ? 1 : step === 'income' ? 3 : 2;
  return (
    <View className="bf-steps" data-testid="monthly-step">
      第 {at} 步，共 {total} 步
    </View>
  );
}

function BigChoice({
  title,
  hint,
  selected,
  onTap,
  testId,
}: {
  title: string;
  hint: string;
  selected: boolean;
  onTap: () => void;
  testId: string;
}) {
  return (
    <View
      className={selected ? 'bf-card bf-card--chosen' : 'bf-card'}
      hoverClass="bf-card--pressed"
      onClick={onTap}
      role="radio"
      aria-checked={selected}
      data-testid={testId}
    >
      <View className="bf-card__title">
        <Text>
          {selected ? '✓ ' : ''}
          {title}
        </Text>
        <Text className="bf-card__arrow">›</Text>
      </View>
      <View className="bf-card__hint">{hint}</View>
    </View>
  );
}

function describe(record: EmploymentRecord): string {
  if (record.status === 'notEmployed') {
    return [
      '未就业',
      record.atHomeReason ? AT_HOME_REASON_ZH[record.atHomeReason] : null,
      `月收入 ${formatYuan(record.monthlyIncomeFen)}`,
    ]
      .filter(Boolean)
      .join('，');
  }
  return [
    '在岗',
    record.place ? EMPLOYMENT_PLACE_ZH[record.place] : null,
    record.form ? EMPLOYMENT_FORM_ZH[record.form] : null,
    `月收入 ${formatYuan(record.monthlyIncomeFen)}`,
  ]
    .filter(Boolean)
    .join('，');
}

function backToWorker(workerId: string): void {
  Taro.navigateBack().catch(() => {
    Taro.redirectTo({ url: `/staff/pages/worker/index?workerId=${encodeURIComponent(workerId)}` }).catch(() => undefined);
  });
}

function MonthlyForm({ workerId, month }: { workerId: string; month: string }) {
  const worker = recallWorker(workerId);
  const [step, setStep] = useState<Step>('status');
  const [status, setStatus] = useState<Status | undefined>();
  const [place, setPlace] = useState<EmploymentPlace | undefined>();
  const [form, setForm] = useState<EmploymentForm | undefined>();
  const [employerName, setEmployerName] = useState('');
  const [income, setIncome] = useState('');
  const [atHomeReason, setAtHomeReason] = useState<AtHomeReason | undefined>();
  const [existing, setExisting] = useState<EmploymentRecord | null>(null);
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Once the officer has tapped, a late answer must not overwrite their choices. */
  const touched = useRef(false);

  // What is already recorded for the month fills the form in; saving replaces it (history is kept).
  useEffect(() => {
    fetchEmployment(workerId)
      .then((records) => {
        const record = records.find((r) => r.month === month);
        if (!record) return;
        setExisting(record);
        if (touched.current) return;
        setStatus(record.status);
        setPlace(record.place);
        setForm(record.form);
        setEmployerName(record.employerName ?? '');
        setIncome(fenToYuan(record.monthlyIncomeFen));
        setAtHomeReason(record.atHomeReason);
      })
      .catch(() => undefined);
  }, [workerId, month]);

  const chooseStatus = (next: Status) => {
    touched.current = true;
    if (next !== status) {
      setStatus(next);
      const fromRecord = existing?.status === next ? fenToYuan(existing.monthlyIncomeFen) : undefined;
      setIncome(fromRecord ?? (next === 'notEmployed' ? '0' : ''));
      setErrors({});
    }
    setFailure(null);
    setStep(next === 'employed' ? 'where' : 'atHome');
  };

  const nextFromWhere = () => {
    const problems: Partial<Record<FieldKey, string>> = {};
    if (!place) problems.place = '请选一个务工地点';
    if (!form) problems.form = '请选一种就业形式';
    setErrors(problems);
    if (!problems.place && !problems.form) setStep('income');
  };

  const save = async () => {
    if (!status) return;
    setFailure(null);
    const fen = yuanToFen(income);
    if (fen === undefined) {
      setErrors({ monthlyIncomeFen: '请填写金额，只填数字，例如 4500 或 4500.50；没有收入填 0' });
      return;
    }
    const input: EmploymentInput =
      status === 'employed'
        ? {
            status,
            place: place!,
            form: form!,
            monthlyIncomeFen: fen,
            ...(employerName.trim() ? { employerName: employerName.trim() } : {}),
          }
        : { status, monthlyIncomeFen: fen, ...(atHomeReason ? { atHomeReason } : {}) };
    setErrors({});
    setBusy(true);
    try {
      const record = await saveEmployment(workerId, month, input);
      rememberSavedMonth(record);
      Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 }).catch(() => undefined);
      backToWorker(workerId);
    } catch (error) {
      const field = isApiError(error) ? (fieldName(error.field) as FieldKey | undefined) : undefined;
      if (field && ['place', 'form', 'employerName', 'monthlyIncomeFen', 'atHomeReason'].includes(field)) {
        setErrors({ [field]: errorText(error) });
        setStep(stepOf(field, status));
      } else {
        setFailure(`没能保存：${errorText(error)}`);
      }
    } finally {
      setBusy(false);
    }
  };

  const saveButton = (
    <ActionButton busy={busy} onPress={save} testId="monthly-save">
      保存
    </ActionButton>
  );
  const backButton = (to: Step) => (
    <Button size="large" block onClick={() => setStep(to)} disabled={busy} data-testid="monthly-back">
      上一步
    </Button>
  );

  return (
    <View className="bf-section">
      <View className="bf-title">{worker ? `${worker.name}，${monthText(month)}` : monthText(month)}</View>
      <StepCount step={step} status={status} />
      {existing && step === 'status' ? (
        <Notice testId="monthly-existing">
          这个月已经登记过：{describe(existing)}。重新填写会替换它，原来的记录会留在历史里。
        </Notice>
      ) : null}

      {step === 'status' ? (
        <>
          <View className="bf-subtitle">这个月在岗吗？</View>
          <View className="bf-cards">
            <BigChoice
              title="在岗"
              hint="这个月有工作：打工、公益岗、自己干都算"
              selected={status === 'employed'}
              onTap={() => chooseStatus('employed')}
              testId="monthly-employed"
            />
            <BigChoice
              title="未就业"
              hint="这个月没有工作"
              selected={status === 'notEmployed'}
              onTap={() => chooseStatus('notEmployed')}
              testId="monthly-not-employed"
            />
          </View>
          <Button size="large" block onClick={() => backToWorker(workerId)}>
            不填了，返回
          </Button>
        </>
      ) : null}

      {step === 'where' ? (
        <>
          <Field label="在哪里工作？" error={errors.place} testId="monthly-place">
            <Choices options={PLACE_OPTIONS} value={place} onChange={setPlace} testIdPrefix="place-" label="务工地点" />
          </Field>
          <Field label="什么形式？" error={errors.form} testId="monthly-form">
            <Choices options={FORM_OPTIONS} value={form} onChange={setForm} testIdPrefix="form-" label="就业形式" />
          </Field>
          <Button type="primary" size="large" block onClick={nextFromWhere} data-testid="monthly-next">
            下一步
          </Button>
          {backButton('status')}
        </>
      ) : null}

      {step === 'income' ? (
        <>
          <View className="bf-text bf-strong">
            在岗{place ? ` · ${EMPLOYMENT_PLACE_ZH[place]}` : ''}
            {form ? ` · ${EMPLOYMENT_FORM_ZH[form]}` : ''}
          </View>
          <Field label="在哪个单位？" hint="可以不填" error={errors.employerName} testId="monthly-employer">
            <BigInput
              value={employerName}
              onChange={setEmployerName}
              maxLength={60}
              placeholder="单位名称"
              testId="monthly-employer"
            />
          </Field>
          <Field label="这个月挣了多少钱？" error={errors.monthlyIncomeFen} testId="monthly-income">
            <BigInput
              value={income}
              onChange={setIncome}
              type={MONEY_KEYBOARD}
              maxLength={12}
              placeholder="例如 4500"
              unit="元"
              testId="monthly-income"
            />
          </Field>
          {failure ? <Notice tone="error">{failure}</Notice> : null}
          {saveButton}
          {backButton('where')}
        </>
      ) : null}

      {step === 'atHome' ? (
        <>
          <Field label="为什么在家？" hint="可以不选" error={errors.atHomeReason} testId="monthly-at-home">
            <Choices
              options={AT_HOME_OPTIONS}
              value={atHomeReason}
              onChange={setAtHomeReason}
              testIdPrefix="at-home-"
              label="在家原因"
            />
          </Field>
          <Field label="这个月有多少收入？" hint="没有收入就填 0" error={errors.monthlyIncomeFen} testId="monthly-income">
            <BigInput
              value={income}
              onChange={setIncome}
              type={MONEY_KEYBOARD}
              maxLength={12}
              unit="元"
              testId="monthly-income"
            />
          </Field>
          {failure ? <Notice tone="error">{failure}</Notice> : null}
          {saveButton}
          {backButton('status')}
        </>
      ) : null}
    </View>
  );
}

export default function MonthlyPage() {
  const { params } = useRouter();
  const workerId = params.workerId ? decodeURIComponent(params.workerId) : '';
  const month = isMonth(params.month) ? params.month : chinaMonth(new Date());
  return (
    <Page>
      <RoleGate roles={['staff', 'admin']}>
        {() =>
          workerId ? (
            <MonthlyForm workerId={workerId} month={month} />
          ) : (
            <Notice tone="error">没有指定是谁的记录，请从台账里点开这个人再更新。</Notice>
          )
        }
      </RoleGate>
    </Page>
  );
}
