/** A project's facts, its wage standard, and its roster with the contractor's reasons where the 10% was short. */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { errorText } from '../api/client';
import { formatYuan, RELOCATION_SITE_KIND_ZH, WAGE_UNIT_ZH, WORKER_GROUP_ZH } from '@bangfu/shared';
import type { ProjectView, RosterEntryView } from '../api/reliefWork';
import { Notice } from '../components/Page';
import { fullDayText } from '../time';

export function ProjectSummary({ project }: { project: ProjectView }) {
  return (
    <View className="bf-card" data-testid="project-summary">
      <View className="bf-card__title">{project.name}</View>
      <View className="bf-card__hint">业主单位：{project.ownerUnit}</View>
      <View className="bf-card__hint">施工单位：{project.contractorName}</View>
      <View className="bf-card__hint">
        {fullDayText(project.startsOn)} 到 {fullDayText(project.endsOn)} · 计划 {project.plannedJobs} 个岗位（
        {project.labourDemand.map((d) => `${d.trade} ${d.count} 人`).join('，')}）
      </View>
      <View className="bf-card__hint">
        劳务报酬标准：{WAGE_UNIT_ZH[project.wageStandard.unit]} {formatYuan(project.wageStandard.amountFen)} · 报{' '}
        {project.sectorDepartment} 备案
      </View>
      <View className="bf-card__hint">{RELOCATION_SITE_KIND_ZH[project.relocationSite]}</View>
      {project.relocation.text ? (
        <Notice tone={project.relocation.short > 0 ? 'error' : 'info'} testId="project-share">
          易地搬迁群众不少于 10%：{project.relocation.text}
        </Notice>
      ) : null}
    </View>
  );
}

/** The roster; for the contractor, with 离开项目 on those on it (their paid months stay). */
export function Roster({ roster, onLeave }: { roster: RosterEntryView[]; onLeave?: (entry: RosterEntryView) => Promise<void> }) {
  if (!roster.length) return <Notice testId="roster-empty">用工名册上还没有人。</Notice>;
  return (
    <View data-testid="roster">
      {roster.map((entry) => (
        <View key={entry.workerId} className="bf-card" data-testid={`roster-${entry.workerId}`}>
          <View className="bf-card__title">
            {entry.name} · {entry.trade}
            {entry.status === 'left' ? '（已离开）' : ''}
          </View>
          <View className="bf-card__hint">
            {entry.groups.length ? entry.groups.map((g) => WORKER_GROUP_ZH[g]).join('、') : '一般劳动力'}
          </View>
          {entry.relocationAnswer ? (
            <View className="bf-card__hint">不是搬迁群众，施工单位说明：{entry.relocationAnswer}</View>
          ) : null}
          {onLeave && entry.status === 'onRoster' ? <LeaveButton entry={entry} onLeave={onLeave} /> : null}
        </View>
      ))}
    </View>
  );
}

function LeaveButton({ entry, onLeave }: { entry: RosterEntryView; onLeave: (entry: RosterEntryView) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const leave = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await onLeave(entry);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <Button
        size="large"
        block
        loading={busy}
        disabled={busy}
        onClick={() => void leave()}
        data-testid={`roster-leave-${entry.workerId}`}
      >
        {entry.name} 离开项目
      </Button>
    </View>
  );
}
