/**
 * 修改今年目标, for the county's admin: the three shares, then one township at a time its people
 * to train and workshops and bases to build (a box left empty: no target). Saved together on the
 * version read: if someone saved in between, nothing changes and the form says so.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { COUNT_MEASURES, TASK_MEASURE_ZH, type CountMeasure, type TownshipTargets } from '@bangfu/shared';
import { errorText, isApiError } from '../../api/client';
import { saveTaskTargets, type TaskTargets } from '../../api/monitoring';
import { ActionButton } from '../../components/ActionButton';
import { Choices } from '../../components/Choices';
import { TextField } from '../../components/form/TextField';
import { Notice } from '../../components/Page';

const SHARES = ['ableAndWillingEmployedPercent', 'employedSharePercent', 'stableSharePercent'] as const;
type Share = (typeof SHARES)[number];
const SHARE_LABEL: Record<Share, string> = {
  ableAndWillingEmployedPercent: TASK_MEASURE_ZH.ableAndWillingEmployed,
  employedSharePercent: TASK_MEASURE_ZH.employedShare,
  stableSharePercent: TASK_MEASURE_ZH.stableShare,
};
const COUNT_LABEL: Record<CountMeasure, string> = {
  trainedPeople: '今年要培训多少人',
  workshops: '要建成几个就业帮扶车间',
  bases: '要建成几个就业帮扶基地',
};

type CountTexts = Record<CountMeasure, string>;
const textsOf = (targets: TownshipTargets = {}): CountTexts =>
  Object.fromEntries(COUNT_MEASURES.map((m) => [m, targets[m] === undefined ? '' : String(targets[m])])) as CountTexts;

/** The typed targets, or the first box that is not a whole number in range (by its key). */
function parse(
  shares: Record<Share, string>,
  counts: Record<string, CountTexts>,
): { targets: TaskTargets } | { problem: { key: string; text: string } } {
  const parsedShares = {} as Record<Share, number>;
  for (const share of SHARES) {
    const typed = shares[share].trim();
    if (!/^\d{1,3}$/.test(typed) || Number(typed) > 100) {
      return { problem: { key: share, text: '请填 0 到 100 的整数，例如 95' } };
    }
    parsedShares[share] = Number(typed);
  }
  const townships: Record<string, TownshipTargets> = {};
  for (const [code, texts] of Object.entries(counts)) {
    const targets: TownshipTargets = {};
    for (const measure of COUNT_MEASURES) {
      const typed = texts[measure].trim();
      if (!typed) continue;
      if (!/^\d{1,5}$/.test(typed)) return { problem: { key: `${code}.${measure}`, text: '请填整数，不定目标就空着' } };
      targets[measure] = Number(typed);
    }
    if (Object.keys(targets).length) townships[code] = targets;
  }
  return { targets: { ...parsedShares, townships } };
}

export function EditTargets({
  countyCode,
  year,
  targets,
  version,
  townships,
  onSaved,
  onCancel,
  onRefresh,
}: {
  countyCode: string;
  year: number;
  targets: TaskTargets;
  version: number | undefined;
  townships: readonly { regionCode: string; name: string }[];
  onSaved: () => void;
  onCancel: () => void;
  onRefresh: () => void;
}) {
  const [shares, setShares] = useState<Record<Share, string>>(
    () => Object.fromEntries(SHARES.map((s) => [s, String(targets[s])])) as Record<Share, string>,
  );
  const [counts, setCounts] = useState<Record<string, CountTexts>>(() =>
    Object.fromEntries(townships.map((t) => [t.regionCode, textsOf(targets.townships[t.regionCode])])),
  );
  const [township, setTownship] = useState(townships[0]?.regionCode);
  const [problem, setProblem] = useState<{ key: string; text: string } | null>(null);
  const [failure, setFailure] = useState<{ text: string; stale: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setFailure(null);
    const parsed = parse(shares, counts);
    if ('problem' in parsed) {
      setProblem(parsed.problem);
      const code = parsed.problem.key.split('.')[0]!;
      if (counts[code]) setTownship(code);
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      await saveTaskTargets(countyCode, year, parsed.targets, version);
      onSaved();
    } catch (error) {
      const stale = isApiError(error) && error.status === 409;
      setFailure({
        text: stale ? '目标刚被别人改过，您的修改没有保存。请刷新，看过最新的目标再改。' : `没能保存：${errorText(error)}`,
        stale,
      });
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (key: string) => (problem?.key === key ? problem.text : null);
  return (
    <View className="bf-section" data-testid="targets-form">
      <View className="bf-subtitle">修改 {year} 年的目标</View>
      {SHARES.map((share) => (
        <TextField
          key={share}
          label={`${SHARE_LABEL[share]}（%）`}
          error={errorOf(share)}
          type="digit"
          value={shares[share]}
          onChange={(value) => setShares({ ...shares, [share]: value })}
          placeholder="例如 95"
          unit="%"
          maxLength={3}
          testId={`targets-${share}`}
        />
      ))}
      {township ? (
        <>
          <View className="bf-subtitle">各乡镇的数量目标（先选乡镇）</View>
          <Choices
            options={townships.map((t) => ({ value: t.regionCode, label: t.name }))}
            value={township}
            onChange={setTownship}
            columns="wrap"
            testIdPrefix="targets-township-"
            label="给哪个乡镇定数量目标"
          />
          {COUNT_MEASURES.map((measure) => (
            <TextField
              key={measure}
              label={COUNT_LABEL[measure]}
              error={errorOf(`${township}.${measure}`)}
              type="number"
              value={counts[township]![measure]}
              onChange={(value) => setCounts({ ...counts, [township]: { ...counts[township]!, [measure]: value } })}
              placeholder="不定目标就空着"
              maxLength={5}
              testId={`targets-${measure}`}
            />
          ))}
        </>
      ) : null}
      {failure ? <Notice testId="targets-failure">{failure.text}</Notice> : null}
      {failure?.stale ? (
        <Button size="large" block onClick={onRefresh} data-testid="targets-refresh">
          刷新
        </Button>
      ) : (
        <ActionButton busy={busy} onPress={save} testId="targets-save">
          保存目标
        </ActionButton>
      )}
      <Button size="large" block onClick={onCancel} data-testid="targets-cancel">
        不改了
      </Button>
    </View>
  );
}
