/**
 * The default file of the job map: Taro builds JobMap.weapp.tsx for WeChat and
 * JobMap.h5.tsx for the browser. This one serves TypeScript (the shared interface)
 * and any other platform, where it says plainly that the map is not available.
 */
import { View } from '@tarojs/components';
import type { JobMapProps } from './types';

export function JobMap({ label, testId }: JobMapProps) {
  return (
    <View className="bf-notice" role="status" aria-label={label} data-testid={testId}>
      这里显示不了地图，请点“列表”看岗位。
    </View>
  );
}
