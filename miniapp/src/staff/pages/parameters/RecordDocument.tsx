/**
 * 记录本地的文件: an admin writes down a document their region issued — its title, issuer and
 * number (step 1), its dates (step 2), and the standards it sets or the region's own document it
 * continues (step 3) — so every local amount names the real local document. Blank standards are
 * not set; the server writes the document and its standards together or not at all.
 */
import { View } from '@tarojs/components';
import { localDocumentInputSchema } from '@bangfu/shared';
import { useState } from 'react';
import { recordLocalDocument, type RegionPolicies } from '../../../api/policies';
import type { ParameterView } from '../../../api/parameters';
import { ChoiceField } from '../../../components/form/ChoiceField';
import { DateField } from '../../../components/form/DateField';
import { BackButton, FormActions, NextButton } from '../../../components/form/FormButtons';
import { KEYBOARD } from '../../../components/form/keyboards';
import { TextField } from '../../../components/form/TextField';
import { Notice } from '../../../components/Page';
import { useSteppedForm } from '../../../hooks/useSteppedForm';
import { chinaDate } from '../../../time';
import { parseValue } from './EditStandard';
import { unitWord } from './standardText';

const STEP_OF: Record<string, number> = { title: 1, issuer: 1, number: 1, date: 2, from: 2, until: 2, sets: 3, continues: 3 };

type Ends = 'open' | 'until';

export function RecordDocument({
  regionCode,
  policies,
  standards,
  onSaved,
  onCancel,
}: {
  regionCode: string;
  policies: RegionPolicies;
  /** The standards the region may set (those the documents leave to local governments), owed ones first. */
  standards: readonly ParameterView[];
  onSaved: (said: string) => void;
  onCancel: () => void;
}) {
  const today = chinaDate(new Date());
  const [draft, setDraft] = useState({
    title: '',
    issuer: '',
    number: '',
    date: today,
    from: today,
    until: `${today.slice(0, 4)}-12-31`,
  });
  const [ends, setEnds] = useState<Ends>('open');
  const [continues, setContinues] = useState<string>('none');
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [valueErrors, setValueErrors] = useState<Record<string, string>>({});
  const set = (key: keyof typeof draft) => (value: string) => setDraft({ ...draft, [key]: value });

  // Only the issuing region continues a document: the shipped ones of exactly this region.
  const continuable = policies.policies.filter((p) => p.kind === 'shipped' && p.jurisdiction === regionCode);
  const owedKeys = new Set(policies.owed.map((o) => o.key));
  const shown = [...standards].sort((a, b) => Number(owedKeys.has(b.key)) - Number(owedKeys.has(a.key)));

  const parsedSets = () =>
    shown.flatMap((parameter) => {
      const text = typed[parameter.key]?.trim();
      if (!text) return [];
      const parsed = parseValue(parameter, text);
      return [
        'value' in parsed
          ? { key: parameter.key, value: parsed.value, problem: undefined }
          : { key: parameter.key, value: Number.NaN, problem: parsed.problem },
      ];
    });
  const body = () => ({
    title: draft.title,
    issuer: draft.issuer,
    ...(draft.number.trim() ? { number: draft.number } : {}),
    date: draft.date,
    from: draft.from,
    ...(ends === 'until' ? { until: draft.until } : {}),
    continues: continues === 'none' ? [] : [continues],
    sets: parsedSets().map(({ key, value }) => ({ key, value })),
  });
  const { step, setStep, errors, failure, busy, next, save } = useSteppedForm(localDocumentInputSchema, body, STEP_OF);
  const submit = () => {
    const problems = Object.fromEntries(parsedSets().flatMap((s) => (s.problem ? [[s.key, s.problem]] : [])));
    setValueErrors(problems);
    if (Object.keys(problems).length > 0) return Promise.resolve();
    return save(async (input) => {
      await recordLocalDocument(regionCode, input);
      onSaved(
        `已记录：${input.title}${input.sets.length ? `，要定 ${input.sets.length} 项标准` : ''}。另一位管理员对照原件确认以后才生效。`,
      );
    });
  };

  return (
    <View className="bf-section" data-testid="record-form">
      <View className="bf-steps">第 {step} 步，共 3 步</View>
      {step === 1 ? (
        <>
          <TextField
            label="文件标题"
            error={errors.title}
            value={draft.title}
            onChange={set('title')}
            placeholder="例如：关于公布就业补贴标准的通知"
            maxLength={80}
            testId="record-title"
          />
          <TextField
            label="发文单位"
            error={errors.issuer}
            value={draft.issuer}
            onChange={set('issuer')}
            placeholder="例如：固阳县人力资源和社会保障局"
            maxLength={40}
            testId="record-issuer"
          />
          <TextField
            label="文号（没有可以不填）"
            error={errors.number}
            value={draft.number}
            onChange={set('number')}
            placeholder="例如：固人社发〔2026〕12号"
            maxLength={40}
            testId="record-number"
          />
          <NextButton onTap={() => next(1)} testId="record-next-1" />
          <BackButton onTap={onCancel} testId="record-cancel">
            不记录了
          </BackButton>
        </>
      ) : null}
      {step === 2 ? (
        <>
          <DateField label="成文日期" value={draft.date} onChange={set('date')} error={errors.date} testId="record-date" />
          <DateField label="从哪天起执行？" value={draft.from} onChange={set('from')} error={errors.from} testId="record-from" />
          <ChoiceField
            label="文件写了截止日期吗？"
            options={[
              { value: 'open', label: '没有写' },
              { value: 'until', label: '写了' },
            ]}
            value={ends}
            onChange={setEnds}
            testIdPrefix="record-ends-"
            group="截止日期"
          />
          {ends === 'until' ? (
            <DateField
              label="执行到哪天？"
              value={draft.until}
              onChange={set('until')}
              error={errors.until}
              testId="record-until"
            />
          ) : null}
          <NextButton onTap={() => next(2)} testId="record-next-2" />
          <BackButton onTap={() => setStep(1)} testId="record-back-2">
            上一步
          </BackButton>
        </>
      ) : null}
      {step === 3 ? (
        <>
          {continuable.length > 0 ? (
            <ChoiceField
              label="这份文件延续执行本地区以前的文件吗？"
              hint="延续后，那份文件规定的补贴在新文件的执行期内继续执行"
              error={errors.continues}
              testId="record-continues"
              options={[
                { value: 'none', label: '不延续' },
                ...continuable.map((p) => ({ value: p.policy, label: `延续：${p.title}` })),
              ]}
              value={continues}
              onChange={setContinues}
              columns={1}
              testIdPrefix="record-continues-"
              group="延续执行"
            />
          ) : null}
          <View className="bf-subtitle">文件定的标准</View>
          <View className="bf-hint">只填这份文件里写了的，没写的空着。“还没有公布”的排在前面。</View>
          {errors.sets ? <Notice tone="error">{errors.sets}</Notice> : null}
          {shown.map((parameter) => (
            <TextField
              key={parameter.key}
              label={`${parameter.label}${owedKeys.has(parameter.key) ? '（还没有公布）' : ''}`}
              error={valueErrors[parameter.key]}
              value={typed[parameter.key] ?? ''}
              onChange={(text) => setTyped({ ...typed, [parameter.key]: text })}
              type={parameter.unit === 'fen' || parameter.unit === 'ratio' ? 'digit' : KEYBOARD.whole}
              unit={unitWord(parameter)}
              placeholder="文件没写就空着"
              maxLength={12}
              testId={`record-set-${parameter.key}`}
            />
          ))}
          {failure ? <Notice tone="error">{failure}</Notice> : null}
          <FormActions
            busy={busy}
            onSubmit={submit}
            submit="记录这份文件"
            submitTestId="record-save"
            onBack={() => setStep(2)}
            back="上一步"
          />
        </>
      ) : null}
    </View>
  );
}
