/**
 * 预警任务: what the warnings found in the officer's area that someone must follow up — a village
 * whose employed count fell, a 监测对象 out of work, a household with nobody working, a late
 * report — by village then deadline, each saying who must act and how long is left. 待办 first;
 * 已办结 to look back.
 */
import { View } from '@tarojs/components';
import type { User } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { fetchTasks, type TaskRow } from '../../../api/tasks';
import { LoadMore } from '../../../components/LoadMore';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { Choices } from '../../../components/Choices';
import { usePagedList } from '../../../hooks/usePagedList';
import { villageNames } from '../../../regionNames';
import { TaskCard } from '../../tasks/TaskCard';
import '../../areaCard.css';
import { NoStaffRegion, staffRegion } from '../../staffRegion';

const TABS = [
  { value: 'open' as const, label: '待办' },
  { value: 'closed' as const, label: '已办结' },
];

function Tasks({ regionCode }: { regionCode: string }) {
  const [status, setStatus] = useState<TaskRow['status']>('open');
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchTasks(regionCode, status, cursor);
      villageNames(page.tasks.map((t) => t.regionCode))
        .then(setNames)
        .catch(() => undefined);
      return { items: page.tasks, nextCursor: page.nextCursor };
    },
    [regionCode, status],
  );
  const { items: tasks, nextCursor, loading, error, more } = usePagedList(fetchPage, { clearOnChange: true });
  return (
    <View className="bf-section">
      <View className="bf-hint">每天夜里按本地区的务工数据查一遍，有情况就在这里。按期限办完；过期没办结的交上一级。</View>
      <Choices
        options={TABS}
        value={status}
        onChange={setStatus}
        columns="wrap"
        testIdPrefix="tasks-status-"
        label="看哪些任务"
      />
      {error ? <Notice tone="error">没能加载：{error}</Notice> : null}
      {!loading && !error && !tasks.length ? (
        <Notice testId="tasks-empty">{status === 'open' ? '现在没有要办的预警任务。' : '还没有办结的任务。'}</Notice>
      ) : null}
      <View className="bf-cards" data-testid="tasks-list">
        {tasks.map((task) => (
          <TaskCard key={task.taskId} task={task} names={names} />
        ))}
      </View>
      <LoadMore loading={loading} more={Boolean(nextCursor)} onMore={more} testId="tasks-more" />
    </View>
  );
}

function TasksFor({ user }: { user: User }) {
  const regionCode = staffRegion(user);
  if (!regionCode) return <NoStaffRegion />;
  return <Tasks regionCode={regionCode} />;
}

export default function TasksPage() {
  return <RolePage title="预警任务" roles={['staff', 'admin']} show={(user) => <TasksFor user={user} />} />;
}
