/**
 * 填工资发放表: each person on the roster, their days and pay (in yuan) for the month; a line its
 * person confirmed or was paid for is shown, not editable. Saved together; a problem the API finds
 * goes under the person's field.
 */
import { View } from '@tarojs/components';
import { fenToYuan, formatYuan, minimumPayFen, WAGE_LINE_STATUS_ZH, yuanToFen } from '@bangfu/shared';
import { useState } from 'react';
import { errorText, isApiError } from '../../api/client';
import { enterWages, type ProjectView, type RosterEntryView, type WageSheet } from '../../api/reliefWork';
import { ActionButton } from '../../components/ActionButton';
import { TextField } from '../../components/form/TextField';
import { Notice } from '../../components/Page';
import { chinaMonth } from '../../time';

const days = (text: string) => (/^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

export function WageForm({
  project,
  roster,
  month,
  sheet,
  onSaved,
}: {
  project: ProjectView;
  roster: RosterEntryView[];
  month: string;
  sheet: WageSheet;
  onSaved: (sheet: WageSheet) => void;
}) {
  const lineOf = new Map(sheet.lines.map((l) => [l.workerId, l]));
  // Who worked that month: those on the roster, and those who left it in or after the month.
  const shown = roster.filter(
    (r) => r.status === 'onRoster' || lineOf.has(r.workerId) || (r.leftRoster && chinaMonth(new Date(r.leftRoster.at)) >= month),
  );
  const open = shown.filter((r) => {
    const status = lineOf.get(r.workerId)?.status;
    return status === undefined || status === 'entered' || status === 'disputed';
  });
  const [draft, setDraft] = useState<Record<string, { days: string; pay: string }>>(() =>
    Object.fromEntries(
      open.map((r) => {
        const line = lineOf.get(r.workerId);
        return [r.workerId, { days: line ? String(line.days) : '', pay: line ? fenToYuan(line.payFen) : '' }];
      }),
    ),
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (workerId: string, field: 'days' | 'pay', value: string) =>
    setDraft((d) => ({ ...d, [workerId]: { ...d[workerId]!, [field]: value } }));

  const save = async () => {
    const filled = open.filter((r) => draft[r.workerId]!.days.trim() || draft[r.workerId]!.pay.trim());
    const found: Record<string, string> = {};
    const lines = filled.map((r) => {
      const d = days(draft[r.workerId]!.days);
      const pay = yuanToFen(draft[r.workerId]!.pay);
      if (Number.isNaN(d)) found[r.workerId] = '请填务工天数（整数）';
      else if (pay === undefined) found[r.workerId] = '请填劳务报酬，例如 3000';
      return { workerId: r.workerId, days: d, payFen: pay ?? 0 };
    });
    if (!lines.length) found.form = '请至少填一个人的天数和报酬';
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      onSaved(await enterWages(project.projectId, month, { lines }));
    } catch (error) {
      const index = isApiError(error) ? /^body\.lines\.(\d+)\./.exec(error.field ?? '')?.[1] : undefined;
      setProblems({ [index !== undefined ? (lines[Number(index)]?.workerId ?? 'form') : 'form']: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  if (!shown.length) return <Notice>先录用人，再填工资发放表。</Notice>;
  return (
    <View data-testid="wage-form">
      {shown.map((r) => {
        const line = lineOf.get(r.workerId);
        if (!open.includes(r)) {
          return (
            <View key={r.workerId} className="bf-card">
              <View className="bf-card__title">
                {r.name}：{line!.days} 天 · {formatYuan(line!.payFen)}
              </View>
              <View className="bf-card__hint">{WAGE_LINE_STATUS_ZH[line!.status]}</View>
            </View>
          );
        }
        const d = days(draft[r.workerId]!.days);
        const least = Number.isNaN(d) ? undefined : minimumPayFen(project.wageStandard, month, d);
        return (
          <View key={r.workerId} className="bf-card" data-testid={`wage-${r.workerId}`}>
            <View className="bf-card__title">{r.name}</View>
            {line?.dispute ? <Notice tone="error">本人说不对：{line.dispute.note}</Notice> : null}
            <TextField
              label="务工天数"
              value={draft[r.workerId]!.days}
              onChange={(v) => set(r.workerId, 'days', v)}
              type="digit"
              maxLength={2}
              unit="天"
              placeholder={`${r.name}的天数`}
              testId={`wage-days-${r.workerId}`}
            />
            <TextField
              label="劳务报酬"
              hint={least !== undefined ? `按标准至少 ${formatYuan(least)}` : undefined}
              value={draft[r.workerId]!.pay}
              onChange={(v) => set(r.workerId, 'pay', v)}
              type="digit"
              maxLength={12}
              unit="元"
              placeholder={`${r.name}的报酬`}
              error={problems[r.workerId] ?? null}
              testId={`wage-pay-${r.workerId}`}
            />
          </View>
        );
      })}
      {problems.form ? <Notice tone="error">{problems.form}</Notice> : null}
      {open.length ? (
        <ActionButton busy={busy} onPress={save} testId="wage-save">
          保存工资发放表
        </ActionButton>
      ) : null}
    </View>
  );
}
