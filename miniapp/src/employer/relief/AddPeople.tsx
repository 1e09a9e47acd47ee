/**
 * 招工 for a project: the site township's people offered first (relocated people while the 10% is
 * short, then 返乡农民工, 脱贫人口, 监测对象), each added to the roster with one tap under the first
 * trade; someone not relocated while the 10% is short asks the contractor's reason first.
 */
import { View } from '@tarojs/components';
import { useState } from 'react';
import { errorText, isApiError } from '../../api/client';
import { addToRoster, type ProjectView, type RosterCandidate } from '../../api/reliefWork';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Page';
import { ReasonForm } from '../../components/ReasonForm';

export function AddPeople({
  project,
  candidates,
  onAdded,
}: {
  project: ProjectView;
  candidates: RosterCandidate[];
  onAdded: (name: string) => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ candidate: RosterCandidate; question: string } | null>(null);
  const trade = project.labourDemand[0]!.trade;
  if (project.rosterCount >= project.plannedJobs) return <Notice testId="roster-full">计划的岗位已经招满了。</Notice>;
  if (!candidates.length) return <Notice testId="candidates-empty">本乡镇暂时没有没工作的人可以推荐。</Notice>;
  const add = async (candidate: RosterCandidate, relocationAnswer?: string) => {
    setBusy(candidate.workerId);
    setProblem(null);
    try {
      await addToRoster(project.projectId, {
        workerId: candidate.workerId,
        trade,
        ...(relocationAnswer ? { relocationAnswer } : {}),
      });
      setAsking(null);
      onAdded(candidate.name);
    } catch (error) {
      if (isApiError(error) && error.field === 'body.relocationAnswer') setAsking({ candidate, question: errorText(error) });
      else setProblem(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  if (asking) {
    return (
      <View data-testid="relocation-ask">
        <Notice tone="error">{asking.question}</Notice>
        <ReasonForm
          label={`为什么录用 ${asking.candidate.name}`}
          hint="旗县会看到这个说明"
          confirm="说明原因并录用"
          testId="relocation-answer"
          onCancel={() => setAsking(null)}
          onDone={(reason) => add(asking.candidate, reason)}
        />
      </View>
    );
  }
  return (
    <View data-testid="roster-candidates">
      <View className="bf-hint">点「录用」登记到用工名册（工种：{trade}）。</View>
      {problem ? <Notice tone="error">没能录用：{problem}</Notice> : null}
      {candidates.map((c) => (
        <View key={c.workerId} className="bf-card" data-testid={`roster-candidate-${c.workerId}`}>
          <View className="bf-card__title">{c.name}</View>
          {c.reasons.length ? <View className="bf-card__hint">优先：{c.reasons.join(' · ')}</View> : null}
          <ActionButton busy={busy === c.workerId} onPress={() => add(c)} testId={`roster-add-${c.workerId}`}>
            录用 {c.name}
          </ActionButton>
        </View>
      ))}
    </View>
  );
}
