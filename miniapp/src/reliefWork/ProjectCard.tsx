/**
 * A 以工代赈 project as a card — name, site, contractor, people on the roster of the planned jobs,
 * and the relocation share in words (还差 N 人 framed as a warning) — opening `url` when tapped.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { ProjectView } from '../api/reliefWork';
import './reliefWork.css';

export function ProjectCard({ project, villageName, url }: { project: ProjectView; villageName?: string; url: string }) {
  const short = project.relocation.short > 0;
  return (
    <View
      className="bf-card"
      hoverClass="bf-card--pressed"
      role="button"
      data-testid={`project-${project.projectId}`}
      onClick={() => {
        Taro.navigateTo({ url }).catch(() => undefined);
      }}
    >
      <View className="bf-card__title">{project.name}</View>
      <View className="bf-card__hint">
        {villageName ?? project.villageCode} · 施工单位：{project.contractorName}
      </View>
      <View className="bf-card__hint">
        用工名册 {project.rosterCount} 人 / 计划 {project.plannedJobs} 个岗位
      </View>
      {project.relocation.text ? (
        <View
          className={short ? 'bf-card__hint bf-relief-short' : 'bf-card__hint'}
          data-testid={`project-share-${project.projectId}`}
        >
          易地搬迁：{project.relocation.text}
        </View>
      ) : null}
    </View>
  );
}
