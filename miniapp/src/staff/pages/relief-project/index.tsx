/**
 * One 以工代赈 project for staff: its facts and relocation share, this or last month's wage sheet
 * with its arrears (to download for the bank and 备案), and the roster with the contractor's reasons
 * where the 10% was short.
 */
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { fetchProject, fetchSheet } from '../../../api/reliefWork';
import { LoadView } from '../../../components/LoadView';
import { MonthChoice, thisMonth } from '../../../components/MonthChoice';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useLoad } from '../../../hooks/useLoad';
import { ProjectSummary, Roster } from '../../../reliefWork/ProjectSummary';
import { SheetFile, SheetView } from '../../../reliefWork/SheetView';

function MonthSheet({ projectId, month }: { projectId: string; month: string }) {
  const { load, retry } = useLoad(() => fetchSheet(projectId, month));
  return (
    <LoadView load={load} retry={retry}>
      {(sheet) => (
        <View>
          <SheetView sheet={sheet} month={month} />
          {sheet.lines.length ? <SheetFile projectId={projectId} month={month} /> : null}
        </View>
      )}
    </LoadView>
  );
}

function Project({ projectId }: { projectId: string }) {
  const { load, retry } = useLoad(() => fetchProject(projectId));
  const [month, setMonth] = useState(thisMonth());
  return (
    <LoadView load={load} retry={retry}>
      {({ project, roster }) => (
        <View className="bf-section">
          <ProjectSummary project={project} />
          <View className="bf-subtitle">工资发放表</View>
          <MonthChoice month={month} onChange={setMonth} />
          <MonthSheet key={month} projectId={projectId} month={month} />
          <View className="bf-subtitle">用工名册</View>
          <Roster roster={roster} />
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
      title="以工代赈项目"
      roles={['staff', 'admin']}
      show={() =>
        projectId ? <Project projectId={projectId} /> : <Notice tone="error">没有指定是哪个项目，请从项目列表点开。</Notice>
      }
    />
  );
}
