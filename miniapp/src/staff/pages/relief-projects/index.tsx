/**
 * 以工代赈: the region's projects, each with its roster against the planned jobs and, at a
 * relocation site, whether 10% of the jobs went to relocated people; tap one for its roster and
 * wage sheets.
 */
import { View } from '@tarojs/components';
import type { User } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { fetchProjects } from '../../../api/reliefWork';
import { LoadMore } from '../../../components/LoadMore';
import { NavButton } from '../../../components/NavButton';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { ProjectCard } from '../../../reliefWork/ProjectCard';
import { villageNames } from '../../../regionNames';
import { NoStaffRegion, staffRegion } from '../../staffRegion';

function Projects({ regionCode }: { regionCode: string }) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchProjects(regionCode, cursor);
      villageNames(page.projects.map((p) => p.villageCode))
        .then(setNames)
        .catch(() => undefined);
      return { items: page.projects, nextCursor: page.nextCursor };
    },
    [regionCode],
  );
  const { items, nextCursor, loading, error, more } = usePagedList(fetchPage);
  return (
    <View className="bf-section">
      <View className="bf-hint">以工代赈项目的用工名册和每月工资发放表。易地搬迁安置区的项目，至少 10% 的岗位安排搬迁群众。</View>
      {regionCode.length <= 9 ? (
        <NavButton url="/staff/pages/relief-project-new/index" primary testId="projects-new">
          登记一个项目
        </NavButton>
      ) : null}
      {error ? <Notice tone="error">没能加载：{error}</Notice> : null}
      {!loading && !error && !items.length ? <Notice testId="projects-empty">本地区还没有以工代赈项目。</Notice> : null}
      <View className="bf-cards" data-testid="projects-list">
        {items.map((project) => (
          <ProjectCard
            key={project.projectId}
            project={project}
            villageName={names.get(project.villageCode)}
            url={`/staff/pages/relief-project/index?projectId=${project.projectId}`}
          />
        ))}
      </View>
      <LoadMore loading={loading} more={Boolean(nextCursor)} onMore={more} testId="projects-more" />
    </View>
  );
}

function ProjectsFor({ user }: { user: User }) {
  const regionCode = staffRegion(user);
  if (!regionCode) return <NoStaffRegion />;
  return <Projects regionCode={regionCode} />;
}

export default function ReliefProjectsPage() {
  return <RolePage title="以工代赈" roles={['staff', 'admin']} show={(user) => <ProjectsFor user={user} />} />;
}
