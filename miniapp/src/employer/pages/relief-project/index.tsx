/**
 * A contractor's project: its facts and relocation share; 招工 from the people the township's
 * registry offers first; and each month's wage sheet — fill it, see who confirmed or disputed,
 * record the bank payment from the bank's 代发结果 or by hand, download it for the bank and 备案.
 */
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { fetchProject, fetchRosterCandidates, fetchSheet, leaveRoster, type WageSheet } from '../../../api/reliefWork';
import { LoadView } from '../../../components/LoadView';
import { MonthChoice, thisMonth } from '../../../components/MonthChoice';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useLoad } from '../../../hooks/useLoad';
import { ProjectSummary, Roster } from '../../../reliefWork/ProjectSummary';
import { SheetFile, SheetView } from '../../../reliefWork/SheetView';
import { monthText } from '../../../time';
import { AddPeople } from '../../relief/AddPeople';
import { PayForm } from '../../relief/PayForm';
import { WageFileReader } from '../../relief/WageFileReader';
import { WageForm } from '../../relief/WageForm';

type Loaded = Awaited<ReturnType<typeof fetchProject>>;

function MonthWages({ data, month }: { data: Loaded; month: string }) {
  const { project, roster } = data;
  const { load, retry, show } = useLoad(() => fetchSheet(project.projectId, month));
  const [said, setSaid] = useState<string | null>(null);
  const saved = (text: string) => (sheet: WageSheet) => {
    setSaid(text);
    show(sheet);
  };
  return (
    <LoadView load={load} retry={retry}>
      {(sheet) => (
        <View>
          {said ? <Notice testId="wages-said">{said}</Notice> : null}
          <SheetView sheet={sheet} month={month} />
          <View className="bf-subtitle">填{monthText(month)}的天数和报酬</View>
          <WageForm
            key={sheet.lines.map((l) => `${l.workerId}.${l.status}.${l.days}.${l.payFen}`).join(' ')}
            project={project}
            roster={roster}
            month={month}
            sheet={sheet}
            onSaved={saved('已保存。每个人会在小程序里看到自己的一行，确认后再发放。')}
          />
          <View className="bf-subtitle">登记发放</View>
          <WageFileReader projectId={project.projectId} month={month} onRecorded={saved('已按银行代发结果登记发放。')} />
          <PayForm projectId={project.projectId} month={month} sheet={sheet} onPaid={saved('已登记发放。')} />
          {sheet.lines.length ? <SheetFile projectId={project.projectId} month={month} /> : null}
        </View>
      )}
    </LoadView>
  );
}

function Project({ projectId }: { projectId: string }) {
  const { load, retry, reload } = useLoad(async () => {
    const [detail, { candidates }] = await Promise.all([fetchProject(projectId), fetchRosterCandidates(projectId)]);
    return { detail, candidates };
  });
  const [month, setMonth] = useState(thisMonth());
  const [added, setAdded] = useState<string | null>(null);
  return (
    <LoadView load={load} retry={retry}>
      {({ detail, candidates }) => (
        <View className="bf-section">
          <ProjectSummary project={detail.project} />
          <View className="bf-subtitle">工资发放表</View>
          <MonthChoice month={month} onChange={setMonth} />
          <MonthWages key={month} data={detail} month={month} />
          <View className="bf-subtitle">用工名册</View>
          <Roster
            roster={detail.roster}
            onLeave={async (entry) => {
              await leaveRoster(projectId, entry.workerId);
              setAdded(null);
              await reload();
            }}
          />
          <View className="bf-subtitle">招工</View>
          {added ? <Notice testId="roster-added">已录用 {added}。</Notice> : null}
          <AddPeople
            project={detail.project}
            candidates={candidates}
            onAdded={(name) => {
              setAdded(name);
              void reload();
            }}
          />
        </View>
      )}
    </LoadView>
  );
}

export default function ReliefProjectPage() {
  const { params } = useRouter();
  const projectId = params.projectId ? decodeURIComponent(params.projectId) : '';
  return (
    <RolePage
      title="用工名册和工资表"
      roles={['employer']}
      show={() =>
        projectId ? <Project projectId={projectId} /> : <Notice tone="error">没有指定是哪个项目，请从项目列表点开。</Notice>
      }
    />
  );
}
