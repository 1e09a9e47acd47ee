/** Why a scanned code could not be opened, big, above the scanner that stays ready. */
import { View } from '@tarojs/components';
import './scanResult.css';

export function ScanProblem({ problem }: { problem: string }) {
  return (
    <View className="bf-notice bf-notice--error" role="alert" data-testid="scan-problem">
      <View>没能打开这个码：</View>
      <View className="bf-scan-problem">{problem}</View>
    </View>
  );
}
