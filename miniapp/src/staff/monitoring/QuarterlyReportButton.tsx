/** 下载季度报告: the quarter's implementation report of the area (XLSX), to send on or print. */
import { View } from '@tarojs/components';
import { quarterOf } from '@bangfu/shared';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { openFile } from '../../api/files';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Page';

const OPENED = process.env.TARO_ENV === 'h5' ? '报告已下载，在“下载”里能找到。' : '报告已打开，可以转发给电脑或打印。';

export function QuarterlyReportButton({ regionCode, month }: { regionCode: string; month: string }) {
  const quarter = quarterOf(month);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);
  const download = async () => {
    setBusy(true);
    setSaid(null);
    try {
      await openFile(
        `/api/v1/monitoring/quarterly-report?regionCode=${regionCode}&quarter=${quarter}`,
        `季度报告-${regionCode}-${quarter}.xlsx`,
      );
      setSaid({ text: OPENED, failed: false });
    } catch (error) {
      setSaid({ text: `没能下载：${errorText(error)}`, failed: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="bf-section">
      <ActionButton busy={busy} onPress={download} testId="monitoring-report">
        下载{quarter.slice(0, 4)}年第{quarter.slice(6)}季度报告（Excel）
      </ActionButton>
      {said ? <Notice tone={said.failed ? 'error' : undefined}>{said.text}</Notice> : null}
    </View>
  );
}
