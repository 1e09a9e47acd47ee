/** 下载季度报告: the quarter's implementation report of the area (XLSX), to send on or print. */
import { quarterOf } from '@bangfu/shared';
import { FileButton } from '../../components/FileButton';

export function QuarterlyReportButton({ regionCode, month }: { regionCode: string; month: string }) {
  const quarter = quarterOf(month);
  return (
    <FileButton
      path={`/api/v1/monitoring/quarterly-report?regionCode=${regionCode}&quarter=${quarter}`}
      fileName={`季度报告-${regionCode}-${quarter}.xlsx`}
      testId="monitoring-report"
    >
      下载{quarter.slice(0, 4)}年第{quarter.slice(6)}季度报告（Excel）
    </FileButton>
  );
}
