/**
 * 补贴标准: the subsidy standards in force today in the officer's region — each with today's
 * value and unit, since when, where it was set (本地区设定, or 沿用 the region above) and its
 * document; 示例数值 where the system only ships an example. Those the documents leave to
 * local governments the region's admin changes in two steps, 从哪天起 and 新标准 (a number,
 * or 停止执行), on the version read: if someone saved in between, nothing changes and the
 * page says so. Those the documents fix can't be changed and say why. Staff only look.
 */
import { Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { User } from '@bangfu/shared';
import { fenToYuan, formatYuan, yuanToFen } from '@bangfu/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { fetchParameters, saveParameterSteps, type ParameterStepInput, type ParameterView } from '../../../api/parameters';
import { ActionButton } from '../../../components/ActionButton';
import { BigInput } from '../../../components/BigInput';
import { Choices, type Option } from '../../../components/Choices';
import { Field, fieldName } from '../../../components/Field';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { chinaDate } from '../../../time';
import { regionNames } from '../../../regionNames';
import './parameters.css';

type Unit = ParameterView['unit'];

/** "2026-01-01" → "2026年1月1日". */
function fullDateText(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const UNIT_WORD: Record<Exclude<Unit, 'fen' | 'ratio'>, string> = {
  months: '个月',
  years: '年',
  days: '天',
  persons: '人',
};

/** A standard's value as people read it: 500 元, 60%, 6 个月, 16 岁. */
function valueText(parameter: Pick<ParameterView, 'unit' | 'label'>, value: number): string {
  const { unit } = parameter;
  if (unit === 'fen') return formatYuan(value);
  if (unit === 'ratio') return `${Number((value * 100).toFixed(2))}%`;
  return `${value} ${unitWord(parameter)}`;
}

/** The word after a count; an age in years is said in 岁. */
function unitWord(parameter: Pick<ParameterView, 'unit' | 'label'>): string {
  const { unit } = parameter;
  if (unit === 'fen') return '元';
  if (unit === 'ratio') return '%';
  return unit === 'years' && parameter.label.includes('年龄') ? '岁' : UNIT_WORD[unit];
}

/** The value in the input's terms (元, %, whole numbers). */
function inputText(unit: Unit, value: number): string {
  if (unit === 'fen') return fenToYuan(value);
  if (unit === 'ratio') return String(Number((value * 100).toFixed(2)));
  return String(value);
}

/** What was typed, as the API counts it; or why it can't be. */
function parseValue(parameter: Pick<ParameterView, 'unit' | 'label'>, text: string): { value: number } | { problem: string } {
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

/** Where today's value was set, in words. */
function whereText(setIn: string, regionCode: string, names: ReadonlyMap<string, string>): string {
  if (setIn === regionCode) return '本地区设定';
  if (setIn === '') return '各地统一的标准';
  return `沿用${names.get(setIn) ?? `上级地区（${setIn}）`}的标准`;
}

/** The server's words about one input, without the field path meant for developers. */
function fieldMessage(error: unknown): string {
  const text = errorText(error).replace(/^输入有误（[^）]*）：/, '');
  return text === '太长或太大' ? '这个数太大了，请核对' : text;
}

// ---------------------------------------------------------------- one standard

function ParameterCard({
  parameter,
  regionCode,
  names,
  canEdit,
  onEdit,
}: {
  parameter: ParameterView;
  regionCode: string;
  names: ReadonlyMap<string, string>;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const { key, today } = parameter;
  const example = today.status === 'value' && today.example;
  const setIn = today.status === 'missing' ? undefined : today.setIn;
  return (
    <View className="bf-card bf-standard" data-testid={`parameter-${key}`}>
      <View className="bf-standard__label">
        <Text>{parameter.label}</Text>
        {example ? (
          <Text className="bf-state bf-state--late" data-testid={`parameter-${key}-example`}>
            示例数值
          </Text>
        ) : null}
      </View>
      <View className="bf-standard__value" data-testid={`parameter-${key}-value`}>
        {today.status === 'value' ? valueText(parameter, today.value) : today.status === 'ended' ? '已停止执行' : '还没有设定'}
      </View>
      {today.status === 'value' ? (
        <View className="bf-row__line">
          {fullDateText(today.from)}起执行
          {today.until ? `，${fullDateText(today.until)}起换成新的标准` : ''}
        </View>
      ) : null}
      {today.status === 'ended' ? <View className="bf-row__line">{fullDateText(today.since)}起停止执行</View> : null}
      {setIn !== undefined ? (
        <View className="bf-row__line bf-strong" data-testid={`parameter-${key}-where`}>
          {whereText(setIn, regionCode, names)}
        </View>
      ) : null}
      {example ? <View className="bf-row__line bf-row__month">这是系统带的示例，请按本地的文件改成实际的标准。</View> : null}
      {parameter.own && (parameter.own.steps.length > 1 || setIn !== regionCode) ? (
        <View className="bf-standard__own" data-testid={`parameter-${key}-own`}>
          <View className="bf-strong">本地区的设定</View>
          {parameter.own.steps.map((step) => (
            <View key={step.from} className="bf-row__line">
              · {fullDateText(step.from)}起：{step.value === null ? '停止执行' : valueText(parameter, step.value)}
            </View>
          ))}
        </View>
      ) : null}
      <View className="bf-row__line bf-hint">
        依据：{parameter.reference.document} {parameter.reference.section}
      </View>
      {parameter.fixedByPolicy ? (
        <View className="bf-standard__fixed" data-testid={`parameter-${key}-fixed`}>
          按文件规定，本地不能修改
        </View>
      ) : canEdit ? (
        <Button size="large" block onClick={onEdit} data-testid={`parameter-${key}-edit`}>
          修改这个标准
        </Button>
      ) : null}
    </View>
  );
}

// ---------------------------------------------------------------- the step form

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
    .map(([date, word]) => ({ value: date, label: `${word}：${fullDateText(date)}` }));
}

function EditStandard({
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
    { value: 'other', label: picked ? `别的日期：${fullDateText(picked)}` : '选别的日期' },
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
      ...(parameter.own?.steps ?? []).filter((s) => s.from !== from),
      { from: from!, value },
    ].sort((a, b) => a.from.localeCompare(b.from));
    setBusy(true);
    try {
      await saveParameterSteps(regionCode, parameter.key, steps, parameter.own?.version);
      onSaved(
        `已保存：${parameter.label}，${fullDateText(from!)}起${value === null ? '停止执行' : `是 ${valueText(parameter, value)}`}。`,
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
          <View className="bf-text">从 {fullDateText(from!)} 起：</View>
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
          {later.length > 0 ? <Notice>{fullDateText(later[0]!.from)}起本地区另有设定，那以后仍按那一段执行。</Notice> : null}
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

// ---------------------------------------------------------------- the page

type Tab = 'local' | 'fixed';

function Standards({ user, regionCode }: { user: User; regionCode: string }) {
  const canEdit = user.role === 'admin';
  const [parameters, setParameters] = useState<ParameterView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [tab, setTab] = useState<Tab>('local');
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const list = await fetchParameters(regionCode);
      setParameters(list);
      const codes = list.flatMap((p) => (p.today.status === 'missing' ? [] : [p.today.setIn]));
      regionNames([regionCode, ...codes])
        .then(setNames)
        .catch(() => undefined);
    } catch (e) {
      setError(errorText(e));
    }
  }, [regionCode]);
  useEffect(() => {
    load().catch(() => undefined);
  }, [load]);

  if (error) {
    return (
      <View className="bf-section">
        <Notice tone="error">没能加载：{error}</Notice>
        <Button size="large" block onClick={() => load()} data-testid="parameters-reload">
          重新加载
        </Button>
      </View>
    );
  }
  if (!parameters) return <Notice>正在加载补贴标准…</Notice>;

  const editingParameter = parameters.find((p) => p.key === editing);
  if (editingParameter) {
    return (
      <EditStandard
        parameter={editingParameter}
        regionCode={regionCode}
        names={names}
        onSaved={(said) => {
          setDone(said);
          setEditing(null);
          load().catch(() => undefined);
        }}
        onCancel={() => setEditing(null)}
        onRefresh={() => {
          setEditing(null);
          setDone(null);
          load().catch(() => undefined);
        }}
      />
    );
  }

  const local = parameters.filter((p) => !p.fixedByPolicy);
  const fixed = parameters.filter((p) => p.fixedByPolicy);
  const examples = local.filter((p) => p.today.status === 'value' && p.today.example).length;
  const shown = tab === 'local' ? local : fixed;
  const tabs: Option<Tab>[] = [
    { value: 'local', label: `本地可以定的（${local.length}）` },
    { value: 'fixed', label: `文件规定的（${fixed.length}）` },
  ];
  return (
    <View className="bf-section">
      <View className="bf-text">{names.get(regionCode) ?? user.regionName ?? regionCode}今天执行的补贴标准。</View>
      {canEdit ? (
        examples > 0 ? (
          <Notice testId="parameters-examples">有 {examples} 项还是系统带的“示例数值”，请按本地的文件改成实际的标准。</Notice>
        ) : null
      ) : (
        <Notice testId="parameters-readonly">这里只能查看。标准由本地区的系统管理员修改。</Notice>
      )}
      {done ? <Notice testId="parameters-done">{done}</Notice> : null}
      <Choices options={tabs} value={tab} onChange={setTab} columns={1} testIdPrefix="parameters-tab-" label="哪一类标准" />
      <View className="bf-hint">
        {tab === 'local'
          ? '文件把这些标准交给各地定。本地区没有定的，沿用上级地区的。'
          : '这些标准是文件定死的，各地都一样，不能修改。'}
      </View>
      <View className="bf-cards">
        {shown.map((p) => (
          <ParameterCard
            key={p.key}
            parameter={p}
            regionCode={regionCode}
            names={names}
            canEdit={canEdit}
            onEdit={() => {
              setDone(null);
              setEditing(p.key);
            }}
          />
        ))}
      </View>
    </View>
  );
}

function Region({ user }: { user: User }) {
  if (!user.regionCode || user.regionCode.length < 6) {
    return <Notice tone="error">您的账号还没有设置负责的地区。请联系旗县人社局的管理员。</Notice>;
  }
  return <Standards user={user} regionCode={user.regionCode} />;
}

export default function ParametersPage() {
  return (
    <Page>
      <View className="bf-title">补贴标准</View>
      <RoleGate roles={['staff', 'admin']}>{(user) => <Region user={user} />}</RoleGate>
    </Page>
  );
}
