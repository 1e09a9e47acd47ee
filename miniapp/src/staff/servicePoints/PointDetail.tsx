/**
 * One service point as its staff keep it: the card people see on the map, then each section with
 * its 修改, and 删除 after a confirmation (the point leaves the map at once).
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { removeServicePoint, type StaffServicePoint } from '../../api/servicePoints';
import { errorText } from '../../api/client';
import { Notice } from '../../components/Page';
import { ServicePointCard } from '../../components/servicePoints/ServicePointCard';
import { SECTIONS, type SectionKey } from './pointDraft';

export function PointDetail({
  point,
  notice,
  onEdit,
  onRemoved,
  onBack,
}: {
  point: StaffServicePoint;
  /** What was just done (已保存), said at the top. */
  notice?: string | undefined;
  onEdit: (section: SectionKey) => void;
  onRemoved: () => void;
  onBack: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const remove = async () => {
    const { confirm } = await Taro.showModal({
      title: '删除这个网点？',
      content: `删除后，地图上就看不到「${point.name}」了。`,
      confirmText: '删除',
      cancelText: '不删',
    });
    if (!confirm) return;
    setBusy(true);
    setFailure(null);
    try {
      await removeServicePoint(point.pointId, point.version);
      onRemoved();
    } catch (error) {
      setFailure(`没能删除：${errorText(error)}`);
      setBusy(false);
    }
  };

  return (
    <View data-testid="point-detail">
      {notice ? (
        <Notice testId="point-notice">
          <Text>{notice}</Text>
        </Notice>
      ) : null}
      <ServicePointCard point={point} callable={false} testId="point-card" />
      <View className="bf-section">
        <View className="bf-subtitle">修改</View>
        {SECTIONS.map((section) => (
          <Button
            key={section.key}
            size="large"
            block
            onClick={() => onEdit(section.key)}
            data-testid={`point-edit-${section.key}`}
          >
            改{section.title}
          </Button>
        ))}
      </View>
      {failure ? (
        <Notice tone="error" testId="point-remove-failure">
          {failure}
        </Notice>
      ) : null}
      <View className="bf-section">
        <Button
          size="large"
          block
          loading={busy}
          disabled={busy}
          onClick={() => void remove().catch(() => setBusy(false))}
          data-testid="point-remove"
        >
          删除这个网点
        </Button>
        <Button size="large" block onClick={onBack} data-testid="point-to-list">
          回到网点列表
        </Button>
      </View>
    </View>
  );
}
