/** The contractor's 以工代赈 projects (施工单位): tap one to take people on and fill its wage sheets. */
import { View } from '@tarojs/components';
import { useCallback } from 'react';
import { fetchMyProjects } from '../../../api/reliefWork';
import { LoadMore } from '../../../components/LoadMore';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { ProjectCard } from '../../../reliefWork/ProjectCard';

function MyProjects() {
  const fetchPage = useCallback(async (cursor: string | undefined) => {
    const page = await fetchMyProjects(cursor);
    return { items: page.projects, nextCursor: page.nextCursor };
  }, []);
  const { items, nextCursor, loading, error, more } = usePagedList(fetchPage);
  return (
    <View className="bf-section">
      <View className="bf-hint">至少每月填一次工资发放表，务工群众在小程序里确认后，通过银行卡发到本人。</View>
      {error ? <Notice tone="error">没能加载：{error}</Notice> : null}
      {!loading && !error && !items.length ? (
        <Notice testId="my-projects-empty">还没有登记在本单位名下的以工代赈项目，请联系旗县或乡镇。</Notice>
      ) : null}
      {items.map((project) => (
        <ProjectCard
          key={project.projectId}
          project={project}
          url={`/employer/pages/relief-project/index?projectId=${project.projectId}`}
        />
      ))}
      <LoadMore loading={loading} more={Boolean(nextCursor)} onMore={more} testId="my-projects-more" />
    </View>
  );
}

export default function MyReliefProjectsPage() {
  return <RolePage title="以工代赈项目" roles={['employer']} show={() => <MyProjects />} />;
}
