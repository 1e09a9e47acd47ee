/**
 * 服务网点: the 就业服务网点 of the officer's region (零工驿站, village points, township stations,
 * the county bureau) as people see them on the job map; open one to change its phone, hours,
 * services, address or place, add one, or remove one. One screen at a time: the list, a point,
 * or the few fields being changed.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { openStatus, SERVICE_POINT_KIND_ZH, type User } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { fetchRegionServicePoints, type StaffServicePoint } from '../../../api/servicePoints';
import { LoadMore } from '../../../components/LoadMore';
import { NavCard } from '../../../components/NavCard';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { NoStaffRegion, staffRegion } from '../../staffRegion';
import { PointDetail } from '../../servicePoints/PointDetail';
import { PointForm } from '../../servicePoints/PointForm';
import type { SectionKey } from '../../servicePoints/pointDraft';

type Screen =
  | { at: 'list'; notice?: string }
  | { at: 'point'; point: StaffServicePoint; notice?: string }
  | { at: 'edit'; point: StaffServicePoint; section: SectionKey }
  | { at: 'new' };

function PointList({
  regionCode,
  notice,
  onOpen,
  onAdd,
}: {
  regionCode: string;
  notice?: string | undefined;
  onOpen: (point: StaffServicePoint) => void;
  onAdd: () => void;
}) {
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchRegionServicePoints(regionCode, cursor);
      return { items: page.points, nextCursor: page.nextCursor };
    },
    [regionCode],
  );
  const { items: points, nextCursor, loading, error, more } = usePagedList(fetchPage);
  const now = new Date();
  return (
    <View className="bf-section">
      {notice ? <Notice testId="points-notice">{notice}</Notice> : null}
      <View className="bf-hint">群众在找工作的地图上能看到这些网点的电话和办公时间。有变化请及时改。</View>
      <Button type="primary" size="large" block onClick={onAdd} data-testid="points-new">
        新增服务网点
      </Button>
      {error ? <Notice tone="error">没能加载：{error}</Notice> : null}
      {!loading && !error && !points.length ? <Notice testId="points-empty">本地区还没有登记服务网点。</Notice> : null}
      <View className="bf-cards" data-testid="points-list">
        {points.map((point) => (
          <NavCard key={point.pointId} title={point.name} onOpen={() => onOpen(point)} testId={`point-${point.pointId}`}>
            <View className="bf-card__hint">
              <View>{SERVICE_POINT_KIND_ZH[point.kind]}</View>
              <View>
                <Text>{openStatus(point.hours, now).text}</Text>
              </View>
              <View>电话：{point.phone}</View>
            </View>
          </NavCard>
        ))}
      </View>
      <LoadMore loading={loading} more={Boolean(nextCursor)} onMore={more} testId="points-more" />
    </View>
  );
}

function ServicePoints({ regionCode }: { regionCode: string }) {
  const [screen, setScreen] = useState<Screen>({ at: 'list' });
  switch (screen.at) {
    case 'list':
      return (
        <PointList
          regionCode={regionCode}
          notice={screen.notice}
          onOpen={(point) => setScreen({ at: 'point', point })}
          onAdd={() => setScreen({ at: 'new' })}
        />
      );
    case 'point':
      return (
        <PointDetail
          point={screen.point}
          notice={screen.notice}
          onEdit={(section) => setScreen({ at: 'edit', point: screen.point, section })}
          onRemoved={() => setScreen({ at: 'list', notice: `已删除「${screen.point.name}」。` })}
          onBack={() => setScreen({ at: 'list' })}
        />
      );
    case 'edit':
      return (
        <PointForm
          accountRegion={regionCode}
          point={screen.point}
          section={screen.section}
          onSaved={(point) => setScreen({ at: 'point', point, notice: '已保存，地图上马上就能看到。' })}
          onCancel={() => setScreen({ at: 'point', point: screen.point })}
        />
      );
    case 'new':
      return (
        <PointForm
          accountRegion={regionCode}
          onSaved={(point) => setScreen({ at: 'point', point, notice: '已添加，地图上马上就能看到。' })}
          onCancel={() => setScreen({ at: 'list' })}
        />
      );
  }
}

function ServicePointsFor({ user }: { user: User }) {
  const regionCode = staffRegion(user);
  if (!regionCode) return <NoStaffRegion />;
  return <ServicePoints regionCode={regionCode} />;
}

export default function ServicePointsPage() {
  return <RolePage title="服务网点" roles={['staff', 'admin']} show={(user) => <ServicePointsFor user={user} />} />;
}
