/**
 * 更新本月情况: one person's employment for one month, a few taps per screen.
 * Step 1 在岗 / 未就业; employed: step 2 where and in what form, step 3 employer and
 * income; not employed: step 2 why at home and income (0 by default). Saved with PUT;
 * a problem the server finds is shown next to its field, on its step.
 */
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatYuan, type EmploymentRecord } from '@bangfu/shared';
import { useEffect, useRef, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { fetchEmploymentMonth, saveEmployment } from '../../../api/registry';
import { ChoiceField } from '../../../components/form/ChoiceField';
import { BackButton, FormActions, NextButton } from '../../../components/form/FormButtons';
import { FormFailure } from '../../../components/form/FormFailure';
import { TextField } from '../../../components/form/TextField';
import { useDraft } from '../../../components/form/useDraft';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { AT_HOME_REASON_ZH, EMPLOYMENT_FORM_ZH, EMPLOYMENT_PLACE_ZH, optionsOf } from '../../../labels';
import { chinaMonth, isMonth, monthText } from '../../../time';
import {
  bodyOf,
  draftOf,
  errorsAt,
  firstStepOf,
  keyOf,
  stepOf,
  withStatus,
  type Draft,
  type Errors,
  type Status,
  type Step,
} from '../../monthForm';
import { recallWorker, rememberSavedMonth } from '../../registryCache';
import { KEYBOARD } from '../../../components/form/keyboards';

const PLACE_OPTIONS = optionsOf(EMPLOYMENT_PLACE_ZH);
const FORM_OPTIONS = optionsOf(EMPLOYMENT_FORM_ZH);
const AT_HOME_OPTIONS = optionsOf(AT_HOME_REASON_ZH);

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
  const { draft, setDraft, bind } = useDraft<Draft>(() => draftOf(undefined));
  const [existing, setExisting] = useState<EmploymentRecord | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { status, place, form } = draft;

  /** Once the officer has tapped, a late answer must not overwrite their choices. */
  const touched = useRef(false);

  // What is already recorded for the month fills the form in; saving replaces it (history is kept).
  useEffect(() => {
    fetchEmploymentMonth(workerId, month)
      .then((record) => {
        if (!record) return;
        setExisting(record);
        if (!touched.current) setDraft(draftOf(record));
      })
      .catch(() => undefined);
  }, [workerId, month]);

  const chooseStatus = (next: Status) => {
    touched.current = true;
    if (next !== status) setErrors({});
    setDraft((before) => withStatus(before, next, existing));
    setFailure(null);
    setStep(firstStepOf(next));
  };

  const nextFromWhere = () => {
    const problems = errorsAt(draft, 'where');
    setErrors(problems);
    if (!Object.keys(problems).length) setStep('income');
  };

  const save = async () => {
    if (!status) return;
    setFailure(null);
    // The employed's earlier step again: its answers may have been left open.
    for (const at of status === 'employed' ? (['where', 'income'] as const) : (['atHome'] as const)) {
      const problems = errorsAt(draft, at);
      if (Object.keys(problems).length) {
        setErrors(problems);
        setStep(at);
        return;
      }
    }
    setErrors({});
    setBusy(true);
    try {
      const record = await saveEmployment(workerId, month, bodyOf({ ...draft, status }));
      rememberSavedMonth(record);
      Taro.showToast({ title: '已保存', icon: 'success', duration: 1500 }).catch(() => undefined);
      backToWorker(workerId);
    } catch (error) {
      const key = isApiError(error) ? keyOf(error.field) : undefined;
      if (key) {
        setErrors({ [key]: errorText(error) });
        setStep(stepOf(key, status));
      } else {
        setFailure(`没能保存：${errorText(error)}`);
      }
    } finally {
      setBusy(false);
    }
  };

  const saveOrBack = (to: Step) => (
    <>
      <FormFailure failure={failure} />
      <FormActions
        busy={busy}
        onSubmit={save}
        submit="保存"
        submitTestId="monthly-save"
        onBack={() => setStep(to)}
        back="上一步"
        backTestId="monthly-back"
      />
    </>
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
          <BackButton onTap={() => backToWorker(workerId)}>不填了，返回</BackButton>
        </>
      ) : null}

      {step === 'where' ? (
        <>
          <ChoiceField
            label="在哪里工作？"
            error={errors.place}
            testId="monthly-place"
            options={PLACE_OPTIONS}
            {...bind('place')}
            testIdPrefix="place-"
            group="务工地点"
          />
          <ChoiceField
            label="什么形式？"
            error={errors.form}
            testId="monthly-form"
            options={FORM_OPTIONS}
            {...bind('form')}
            testIdPrefix="form-"
            group="就业形式"
          />
          <NextButton onTap={nextFromWhere} testId="monthly-next" />
          <BackButton onTap={() => setStep('status')} busy={busy} testId="monthly-back">
            上一步
          </BackButton>
        </>
      ) : null}

      {step === 'income' ? (
        <>
          <View className="bf-text bf-strong">
            在岗{place ? ` · ${EMPLOYMENT_PLACE_ZH[place]}` : ''}
            {form ? ` · ${EMPLOYMENT_FORM_ZH[form]}` : ''}
          </View>
          <TextField
            label="在哪个单位？"
            hint="可以不填"
            error={errors.employerName}
            {...bind('employerName')}
            maxLength={60}
            placeholder="单位名称"
            testId="monthly-employer"
          />
          <TextField
            label="这个月挣了多少钱？"
            error={errors.monthlyIncomeFen}
            {...bind('income')}
            type={KEYBOARD.decimal}
            maxLength={12}
            placeholder="例如 4500"
            unit="元"
            testId="monthly-income"
          />
          {saveOrBack('where')}
        </>
      ) : null}

      {step === 'atHome' ? (
        <>
          <ChoiceField
            label="为什么在家？"
            hint="可以不选"
            error={errors.atHomeReason}
            testId="monthly-at-home"
            options={AT_HOME_OPTIONS}
            {...bind('atHomeReason')}
            testIdPrefix="at-home-"
            group="在家原因"
          />
          <TextField
            label="这个月有多少收入？"
            hint="没有收入就填 0"
            error={errors.monthlyIncomeFen}
            {...bind('income')}
            type={KEYBOARD.decimal}
            maxLength={12}
            unit="元"
            testId="monthly-income"
          />
          {saveOrBack('status')}
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
