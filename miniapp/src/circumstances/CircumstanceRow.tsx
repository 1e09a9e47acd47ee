/**
 * One circumstance on a record: its value in plain words and who stands behind it (a person's own
 * report marked 待核实), or 没有登记, with what the reader may do about it. Staff: 登记 / 修改, 核实 a
 * report (records the same value as theirs) and 清除. The worker: 申报 what no officer recorded,
 * change or take back their own report; an officer's record is only shown (村里已经登记).
 */
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { CIRCUMSTANCE_ZH, circumstanceSourceText, isVouched, type Circumstances, type CircumstanceKind } from '@bangfu/shared';
import { useState } from 'react';
import { ActionButton } from '../components/ActionButton';
import { Notice } from '../components/Page';
import type { Who } from './CircumstanceForm';
import { problemOf, type Problem } from './problems';
import { circumstanceText } from './words';

export function CircumstanceRow<K extends CircumstanceKind>({
  kind,
  entry,
  who,
  onEdit,
  onConfirm,
  onClear,
  onRefresh,
}: {
  kind: K;
  entry: Circumstances[K];
  who: Who;
  onEdit: () => void;
  /** Staff: record the worker's own report as theirs. */
  onConfirm: () => Promise<void>;
  onClear: () => Promise<void>;
  onRefresh: () => Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const id = `circ-${kind}`;
  const waiting = entry !== undefined && !isVouched(entry.stamp);
  const mayChange = who === 'staff' || waiting;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      setAsking(false);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  const clearWord = who === 'staff' ? '清除' : '撤回';

  // Nothing recorded: one line and the way to record it, beside it where the screen is wide enough.
  if (!entry) {
    return (
      <View className="bf-circ bf-circ--empty" data-testid={id}>
        <View className="bf-circ__main">
          <View className="bf-circ__name">{CIRCUMSTANCE_ZH[kind]}</View>
          <View className="bf-circ__value bf-circ__value--none" data-testid={`${id}-value`}>
            没有登记
          </View>
        </View>
        <Button size="large" onClick={onEdit} data-testid={`${id}-edit`}>
          {who === 'staff' ? '登记' : '申报'}
        </Button>
      </View>
    );
  }

  return (
    <View className={waiting ? 'bf-circ bf-circ--waiting' : 'bf-circ'} data-testid={id}>
      <View className="bf-circ__head">
        <Text className="bf-circ__name">{CIRCUMSTANCE_ZH[kind]}</Text>
        {waiting ? (
          <Text className="bf-circ__badge" data-testid={`${id}-badge`}>
            待核实
          </Text>
        ) : (
          <Text className="bf-tag" data-testid={`${id}-badge`}>
            已登记
          </Text>
        )}
      </View>
      <View className="bf-circ__value" data-testid={`${id}-value`}>
        {circumstanceText(kind, entry.value)}
      </View>
      <View className="bf-circ__source" data-testid={`${id}-source`}>
        {circumstanceSourceText(entry.stamp)}
      </View>
      {!mayChange ? (
        <View className="bf-circ__note" data-testid={`${id}-recorded`}>
          村里已经登记。有变化请找村里的信息员改。
        </View>
      ) : null}

      {problem ? (
        <Notice tone="error" testId={`${id}-problem`}>
          {problem.text}
        </Notice>
      ) : null}
      {problem?.stale ? (
        <ActionButton busy={busy} onPress={() => run(async () => onRefresh())} testId={`${id}-refresh`}>
          刷新
        </ActionButton>
      ) : asking ? (
        <>
          <Notice>
            {who === 'staff'
              ? `确定清除“${CIRCUMSTANCE_ZH[kind]}”吗？清除以后，要用这一项的补贴就不能领了。`
              : `确定撤回“${CIRCUMSTANCE_ZH[kind]}”的申报吗？`}
          </Notice>
          <View className="bf-button-row">
            <ActionButton busy={busy} onPress={() => run(onClear)} testId={`${id}-clear-yes`}>
              确定{clearWord}
            </ActionButton>
            <Button size="large" disabled={busy} onClick={() => setAsking(false)} data-testid={`${id}-clear-no`}>
              不{clearWord}
            </Button>
          </View>
        </>
      ) : !mayChange ? null : (
        <>
          {who === 'staff' && waiting ? (
            <ActionButton busy={busy} onPress={() => run(onConfirm)} testId={`${id}-confirm`}>
              核实属实
            </ActionButton>
          ) : null}
          <View className="bf-button-row">
            <Button size="large" disabled={busy} onClick={onEdit} data-testid={`${id}-edit`}>
              修改
            </Button>
            <Button size="large" disabled={busy} onClick={() => setAsking(true)} data-testid={`${id}-clear`}>
              {clearWord}
            </Button>
          </View>
        </>
      )}
    </View>
  );
}
