/**
 * Changing one standard in two steps, 从哪天起 then 新标准 (a number, or 停止执行), saved on
 * the version read: if someone saved in between, nothing changes and the form says so.
 */
import { Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { fenToYuan, yuanToFen } from '@bangfu/shared';
import { useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { saveParameterSteps, type ParameterStepInput, type ParameterView } from '../../../api/parameters';
import { ActionButton } from '../../../components/ActionButton';
import { BigInput } from '../../../components/BigInput';
import { Choices, type Option } from '../../../components/Choices';
import { Field, fieldName } from '../../../components/Field';
import { Notice } from '../../../components/Page';
import { chinaDate, fullDayText } from '../../../time';
import { unitWord, valueText, whereText, type Unit } from './standardText';

/** The value in the input's terms (元, %, whole numbers). */
function inputText(unit: Unit, value: number): string {
  if (unit === 'fen') return fenToYuan(value);
  if (unit === 'ratio') return String(Number((value * 100).toFixed(2)));
  return String(value);
}

/** What was typed, as the API counts it; or why it can't be. */
export function parseValue(
  parameter: Pick<ParameterView, 'unit' | 'label'>,
  text: string,
): { value: number } | { problem: string } {
  const { unit } = parameter;
  const typed = text.trim();
  if (!typed) return { problem: '请填写新的标准' };
  if (unit === 'fen') {
    const fen = yuanToFen(typed);
    return fen === undefined ? { problem: '请按元填写，例如 600 或 600.50' } : { value: fen };
  }
  if (unit === 'ratio') {
    if (!/^\d+(\.\d{1,2})?$/.test(typed)) return { problem: '请填写百分比的数字，例如 60' };
    const percent = Number(typed);
    if (percent > 100) return { problem: '比例不能超过 100%' };
    return { value: Math.round(percent * 100) / 10000 };
  }
  if (!/^\d{1,6}$/.test(typed)) return { problem: `请填写整数，单位是“${unitWord(parameter)}”` };
  return { value: Number(typed) };
}

/** The server's words about one input, without the field path meant for developers. */
function fieldMessage(error: unknown): string {
  const text = errorText(error).replace(/^输入有误（[^）]*）：/, '');
  return text === '太长或太大' ? '这个数太大了，请核对' : text;
}

type Step = 'from' | 'value';
type Change = 'set' | 'end';
const CHANGE_OPTIONS: Option<Change>[] = [
  { value: 'set', label: '定新的标准' },
  { value: 'end', label: '停止执行' },
];

/** The days people usually start a standard from, then 选别的日期. */
function dateOptions(today: string): Option<string>[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  const nextMonth = m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`;
  const candidates: [string, string][] = [
    [`${y}-01-01`, '今年年初'],
    [`${y}-${pad(m)}-01`, '本月1日'],
    [today, '今天'],
    [nextMonth, '下个月1日'],
    [`${y + 1}-01-01`, '明年年初'],
  ];
  const seen = new Set<string>();
  return candidates
    .filter(([date]) => !seen.has(date) && Boolean(seen.add(date)))
    .map(([date, word]) => ({ value: date, label: `${word}：${fullDayText(date)}` }));
}
export function EditStandard({
  parameter,
  regionCode,
  names,
  onSaved,
  onCancel,
  onRefresh,
}: {
  parameter: ParameterView;
  regionCode: string;
  names: ReadonlyMap<string, string>;
  onSaved: (said: string) => void;
  onCancel: () => void;
  onRefresh: () => void;
}) {
  const today = chinaDate(new Date());
  const presets = dateOptions(today);
  const [step, setStep] = useState<Step>('from');
  const [from, setFrom] = useState<string | undefined>();
  const [picked, setPicked] = useState<string | undefined>();
  /** The day came from the date picker (it may equal one of the usual days). */
  const [fromPicker, setFromPicker] = useState(false);
  const [change, setChange] = useState<Change>('set');
  const [text, setText] = useState(parameter.today.status === 'value' ? inputText(parameter.unit, parameter.today.value) : '');
  const [errors, setErrors] = useState<{ from?: string; value?: string }>({});
  const [failure, setFailure] = useState<{ text: string; stale: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const { today: reading } = parameter;

  const dateChoices: Option<string>[] = [
    ...presets,
    { value: 'other', label: picked ? `别的日期：${fullDayText(picked)}` : '选别的日期' },
  ];
  const chosen = from === undefined ? undefined : fromPicker ? 'other' : from;
  const later = (parameter.own?.steps ?? []).filter((s) => from !== undefined && s.from > from);

  const next = () => {
    if (!from) {
      setErrors({ from: '请选从哪天起执行' });
      return;
    }
    setErrors({});
    setStep('value');
  };

  const save = async () => {
    setFailure(null);
    let value: number | null = null;
    if (change === 'set') {
      const parsed = parseValue(parameter, text);
      if ('problem' in parsed) {
        setErrors({ value: parsed.problem });
        return;
      }
      value = parsed.value;
    }
    setErrors({});
    const steps: ParameterStepInput[] = [
      ...(parameter.own?.steps ?? []).filter((s) => s.from !== from).map((s) => ({ from: s.from, value: s.value })),
      { from: from!, value },
    ].sort((a, b) => a.from.localeCompare(b.from));
    setBusy(true);
    try {
      await saveParameterSteps(regionCode, parameter.key, steps, {
        version: parameter.own?.version,
        replaces: parameter.proposal?.proposedAt,
      });
      onSaved(
        `已提交：${parameter.label}，${fullDayText(from!)}起${value === null ? '停止执行' : `是 ${valueText(parameter, value)}`}。要另一位管理员确认以后才生效。`,
      );
    } catch (error) {
      const field = isApiError(error) ? error.field : undefined;
      if (isApiError(error) && (error.status === 409 || error.code === 'VERSION_CONFLICT')) {
        setFailure({ text: '这个标准刚被别人改过，您的修改没有保存。请刷新，看过最新的标准再改。', stale: true });
      } else if (field && field.startsWith('body.steps') && fieldName(field) === 'from') {
        setErrors({ from: fieldMessage(error) });
        setStep('from');
      } else if (field && field.startsWith('body.steps')) {
        setErrors({ value: fieldMessage(error) });
      } else {
        setFailure({ text: `没能保存：${errorText(error)}`, stale: false });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bf-section" data-testid="parameter-form">
      <View className="bf-subtitle">修改：{parameter.label}</View>
      <View className="bf-text">
        现在：
        {reading.status === 'value'
          ? `${valueText(parameter, reading.value)}（${whereText(reading.setIn, regionCode, names)}）`
          : reading.status === 'ended'
            ? '已停止执行'
            : '还没有设定'}
      </View>
      <View className="bf-steps" data-testid="parameter-step">
        第 {step === 'from' ? 1 : 2} 步，共 2 步
      </View>

      {step === 'from' ? (
        <Field
          label="从哪天起执行新标准？"
          hint="按文件写的执行日期选。选以前的日期，从那天起的补贴都按新标准算。"
          error={errors.from}
          testId="parameter-from"
        >
          <Choices
            options={dateChoices.filter((o) => o.value !== 'other')}
            value={chosen}
            onChange={(date) => {
              setFrom(date);
              setFromPicker(false);
            }}
            columns={1}
            testIdPrefix="parameter-from-"
            label="从哪天起"
          />
          <Picker
            mode="date"
            value={picked ?? today}
            start="2015-01-01"
            end="2035-12-31"
            onChange={(e) => {
              setPicked(e.detail.value);
              setFrom(e.detail.value);
              setFromPicker(true);
            }}
          >
            <View
              className={chosen === 'other' ? 'bf-choice bf-choice--on bf-standard__other' : 'bf-choice bf-standard__other'}
              role="radio"
              aria-checked={chosen === 'other'}
              data-testid="parameter-from-other"
            >
              <Text className="bf-choice__mark">{chosen === 'other' ? '✓' : ''}</Text>
              <Text className="bf-choice__label">{dateChoices[dateChoices.length - 1]!.label}</Text>
            </View>
          </Picker>
        </Field>
      ) : (
        <>
          <View className="bf-text">从 {fullDayText(from!)} 起：</View>
          <Choices
            options={CHANGE_OPTIONS}
            value={change}
            onChange={(c) => {
              setChange(c);
              setErrors({});
            }}
            testIdPrefix="parameter-change-"
            label="新标准"
          />
          {change === 'set' ? (
            <Field
              label="新标准是多少？"
              hint={
                parameter.unit === 'fen'
                  ? '按元填写，例如 600'
                  : parameter.unit === 'ratio'
                    ? '按百分比填写，例如 60 就是 60%'
                    : `填整数，单位是“${unitWord(parameter)}”`
              }
              error={errors.value}
              testId="parameter-value"
            >
              <BigInput
                value={text}
                onChange={setText}
                type={parameter.unit === 'fen' || parameter.unit === 'ratio' ? 'digit' : 'number'}
                maxLength={12}
                unit={unitWord(parameter)}
                testId="parameter-value"
              />
            </Field>
          ) : (
            <Notice>从这天起，本地区不再发这项补贴（不是按 0 元发）。</Notice>
          )}
          {later.length > 0 ? <Notice>{fullDayText(later[0]!.from)}起本地区另有设定，那以后仍按那一段执行。</Notice> : null}
        </>
      )}

      {failure ? (
        <View>
          <Notice tone="error" testId="parameter-error">
            {failure.text}
          </Notice>
          {failure.stale ? (
            <Button type="primary" size="large" block onClick={onRefresh} data-testid="parameter-refresh">
              刷新
            </Button>
          ) : null}
        </View>
      ) : null}
      {failure?.stale ? null : step === 'from' ? (
        <Button type="primary" size="large" block onClick={next} data-testid="parameter-next">
          下一步
        </Button>
      ) : (
        <ActionButton busy={busy} onPress={save} testId="parameter-save">
          保存
        </ActionButton>
      )}
      <Button
        size="large"
        block
        disabled={busy}
        onClick={() => (step === 'value' && !failure?.stale ? setStep('from') : onCancel())}
        data-testid="parameter-back"
      >
        {step === 'value' && !failure?.stale ? '上一步' : '不改了'}
      </Button>
    </View>
  );
}
