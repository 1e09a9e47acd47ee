/**
 * 补贴要用的情况 on a record: the seven circumstances the subsidy rules ask for, each with who
 * stands behind it. Staff record, confirm and clear them; the worker reports their own, which
 * counts once an officer confirms it. Changing one opens its form as the whole screen (the page
 * hides the rest while `onFocus(true)`), and comes back here with what was done.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  CIRCUMSTANCE_KINDS,
  CIRCUMSTANCE_ZH,
  type CircumstanceChange,
  type CircumstanceKind,
  type WorkerView,
} from '@bangfu/shared';
import { useEffect, useRef, useState } from 'react';
import { recordCircumstance, reportCircumstance } from '../api/circumstances';
import { Notice } from '../components/Page';
import { CircumstanceForm, type Who } from './CircumstanceForm';
import { CircumstanceRow } from './CircumstanceRow';
import './circumstances.css';

const INTRO: Record<Who, string> = {
  staff: '领补贴要看这些情况。您登记的，补贴就按它算；本人自己申报的，要您核实以后才算数。',
  worker: '领补贴要看这些情况。您可以自己申报，村里的信息员核实后才算数。',
};

export function CircumstancesSection({
  worker,
  who,
  onChanged,
  onRefresh,
  onFocus,
  initial,
}: {
  worker: WorkerView;
  who: Who;
  /** The record as the server answered a change. */
  onChanged: (worker: WorkerView) => void;
  /** Reads the record again (after someone else changed it). */
  onRefresh: () => Promise<void>;
  /** A form is open (true) or closed: the page shows only it meanwhile. */
  onFocus?: (editing: boolean) => void;
  /** A kind to open at once (from 我的补贴's 申报), unless an officer has recorded it. */
  initial?: string | undefined;
}) {
  const [editing, setEditing] = useState<CircumstanceKind | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const opened = useRef(false);

  // The form starts at the top of the screen; closing it comes back to the list.
  useEffect(() => {
    if (editing) {
      opened.current = true;
      Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } else if (opened.current) {
      Taro.pageScrollTo({ selector: '#bf-circumstances', duration: 0 }).catch(() => undefined);
    }
  }, [editing]);

  const send = (change: CircumstanceChange) =>
    who === 'staff' ? recordCircumstance(worker.workerId, change) : reportCircumstance(change);
  const focus = (kind: CircumstanceKind | null) => {
    setEditing(kind);
    onFocus?.(kind !== null);
  };
  // Opened from a 还差信息 card: straight to that kind's form, once, if the worker may still report it.
  useEffect(() => {
    const kind = CIRCUMSTANCE_KINDS.find((k) => k === initial);
    const recorded = kind && worker.circumstances?.[kind];
    if (kind && who === 'worker' && (!recorded || recorded.stamp.source === 'self')) focus(kind);
    // Only on arrival (no dependencies): later changes of the record must not reopen it.
  }, []);

  const done = (changed: WorkerView, text: string) => {
    onChanged(changed);
    setNotice(text);
    focus(null);
  };
  const savedText = (kind: CircumstanceKind) =>
    who === 'staff'
      ? `已登记：${CIRCUMSTANCE_ZH[kind]}。补贴按您登记的算。`
      : `已申报：${CIRCUMSTANCE_ZH[kind]}。村里的信息员核实后才算数。`;

  if (editing) {
    return (
      <CircumstanceForm
        kind={editing}
        worker={worker}
        who={who}
        send={send}
        onSaved={(saved) => done(saved, savedText(editing))}
        onCancel={() => focus(null)}
        onRefresh={async () => {
          await onRefresh();
          setNotice('已刷新，下面是最新登记的情况。');
          focus(null);
        }}
      />
    );
  }

  return (
    <View className="bf-section" id="bf-circumstances" data-testid="circumstances">
      <View className="bf-subtitle">补贴要用的情况</View>
      <View className="bf-text">{INTRO[who]}</View>
      {notice ? <Notice testId="circumstances-notice">{notice}</Notice> : null}
      {CIRCUMSTANCE_KINDS.map((kind) => {
        const entry = worker.circumstances?.[kind];
        return (
          <CircumstanceRow
            key={kind}
            kind={kind}
            entry={entry}
            who={who}
            onEdit={() => {
              setNotice(null);
              focus(kind);
            }}
            onConfirm={async () => {
              if (!entry) return;
              const confirmed = await send({ kind, version: worker.version, value: entry.value } as CircumstanceChange);
              done(confirmed, `已核实：${CIRCUMSTANCE_ZH[kind]}。现在补贴按它算。`);
            }}
            onClear={async () => {
              const cleared = await send({ kind, version: worker.version, value: null } as CircumstanceChange);
              done(cleared, who === 'staff' ? `已清除：${CIRCUMSTANCE_ZH[kind]}。` : `已撤回：${CIRCUMSTANCE_ZH[kind]}的申报。`);
            }}
            onRefresh={async () => {
              await onRefresh();
              setNotice('已刷新，下面是最新登记的情况。');
            }}
          />
        );
      })}
    </View>
  );
}
