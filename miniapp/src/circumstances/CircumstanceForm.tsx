/**
 * One circumstance on a screen of its own: its few questions (a loan's in three short steps),
 * checked with the API's schema, saved on the record's version read. The server's problem with
 * a field is shown under it; a record changed meanwhile (409) is said, with 刷新.
 */
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { CIRCUMSTANCE_ZH, type CircumstanceChange, type CircumstanceKind, type WorkerView } from '@bangfu/shared';
import { useMemo, useState } from 'react';
import { isApiError } from '../api/client';
import { fieldMessage } from '../components/Field';
import { ChoiceField } from '../components/form/ChoiceField';
import { DateField } from '../components/form/DateField';
import { BackButton, FormActions, NextButton } from '../components/form/FormButtons';
import { TextField } from '../components/form/TextField';
import { KEYBOARD } from '../components/form/keyboards';
import { Notice } from '../components/Page';
import { fieldPath } from '../forms';
import { checkForm, formOf, stepOf, type Draft, type FieldSpec } from './forms';
import { MonthField } from './MonthField';
import { problemOf, type Problem } from './problems';

export type Who = 'staff' | 'worker';

function Question({
  field,
  spec,
  value,
  error,
  onChange,
}: {
  field: string;
  spec: FieldSpec;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const testId = `circ-field-${field}`;
  switch (spec.type) {
    case 'date':
      return <DateField label={spec.label} hint={spec.hint} value={value} onChange={onChange} error={error} testId={testId} />;
    case 'month':
      return <MonthField label={spec.label} hint={spec.hint} value={value} onChange={onChange} error={error} testId={testId} />;
    case 'choice':
      return (
        <ChoiceField
          label={spec.label}
          hint={spec.hint}
          error={error}
          testId={testId}
          options={spec.options}
          value={value || undefined}
          onChange={onChange}
          columns={spec.columns ?? 2}
          testIdPrefix={`${testId}-`}
          group={spec.label}
        />
      );
    case 'yuan':
      return (
        <TextField
          label={spec.label}
          hint={spec.hint}
          error={error}
          value={value}
          onChange={onChange}
          type={KEYBOARD.decimal}
          placeholder={spec.placeholder}
          maxLength={14}
          unit="元"
          testId={testId}
        />
      );
  }
}

export function CircumstanceForm({
  kind,
  worker,
  who,
  send,
  onSaved,
  onCancel,
  onRefresh,
}: {
  kind: CircumstanceKind;
  worker: WorkerView;
  who: Who;
  send: (change: CircumstanceChange) => Promise<WorkerView>;
  onSaved: (worker: WorkerView) => void;
  onCancel: () => void;
  /** Reads the record again and closes the form (after a 409). */
  onRefresh: () => Promise<void>;
}) {
  const entry = worker.circumstances?.[kind];
  const spec = useMemo(() => formOf(kind, worker), [kind, worker]);
  const [draft, setDraft] = useState<Draft>(spec.draft);
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const last = spec.steps.length - 1;

  const answer = (field: string) => (value: string) => {
    setDraft((before) => ({ ...before, [field]: value }));
    setErrors(({ [field]: _answered, ...others }) => others);
  };

  const next = () => {
    const found = checkForm(kind, spec, draft, step).errors;
    setErrors(found);
    if (!spec.steps[step]!.some((field) => found[field])) setStep(step + 1);
  };

  const save = async () => {
    setFailure(null);
    const checked = checkForm(kind, spec, draft, last);
    setErrors(checked.errors);
    const wrong = Object.keys(checked.errors);
    if (wrong.length) {
      setStep(Math.min(...wrong.map((field) => stepOf(spec, field) ?? last)));
      return;
    }
    if (checked.value === undefined) {
      setFailure({ text: '没能保存：请检查填写的内容', stale: false });
      return;
    }
    setBusy(true);
    try {
      onSaved(await send({ kind, version: worker.version, value: checked.value } as CircumstanceChange));
    } catch (error) {
      // body.value.enrolledOn → the question enrolledOn, on its screen.
      const [where, field] = isApiError(error) ? fieldPath(error.field) : [];
      const at = where === 'value' && field ? stepOf(spec, field) : undefined;
      if (isApiError(error) && field && at !== undefined) {
        setErrors({ [field]: fieldMessage(error.messages.zh) });
        setStep(at);
      } else setFailure(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const refresh = async () => {
    setBusy(true);
    try {
      await onRefresh();
    } catch (error) {
      setFailure(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const verb = who === 'worker' ? (entry ? '修改申报' : '申报') : entry ? '修改' : '登记';
  return (
    <View className="bf-section" data-testid="circ-form">
      <View className="bf-subtitle">
        {verb}：{CIRCUMSTANCE_ZH[kind]}
      </View>
      {who === 'worker' ? <View className="bf-text">您申报以后，村里的信息员核实后才算数。</View> : null}
      {spec.steps.length > 1 ? (
        <View className="bf-steps" data-testid="circ-step">
          第 {step + 1} 步，共 {spec.steps.length} 步
        </View>
      ) : null}
      {spec.steps[step]!.filter((field) => spec.fields[field]!.when?.(draft) ?? true).map((field) => (
        <Question
          key={field}
          field={field}
          spec={spec.fields[field]!}
          value={draft[field] ?? ''}
          error={errors[field]}
          onChange={answer(field)}
        />
      ))}
      {failure ? (
        <Notice tone="error" testId="circ-failure">
          {failure.text}
        </Notice>
      ) : null}
      {failure?.stale ? (
        <>
          <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={refresh} data-testid="circ-refresh">
            刷新
          </Button>
          <BackButton onTap={onCancel} busy={busy} testId="circ-back">
            不改了
          </BackButton>
        </>
      ) : step < last ? (
        <>
          <NextButton onTap={next} testId="circ-next" />
          <BackButton onTap={() => (step > 0 ? setStep(step - 1) : onCancel())} testId="circ-back">
            {step > 0 ? '上一步' : '不改了'}
          </BackButton>
        </>
      ) : (
        <FormActions
          busy={busy}
          onSubmit={save}
          submit={who === 'worker' ? '申报' : '保存'}
          submitTestId="circ-save"
          onBack={() => (step > 0 ? setStep(step - 1) : onCancel())}
          back={step > 0 ? '上一步' : '不改了'}
          backTestId="circ-back"
        />
      )}
    </View>
  );
}
