/**
 * A month's wage sheet as staff and the contractor read it: each person's days, pay and where the
 * line stands (and whether its person says the payment came); the totals; and, framed as warnings,
 * the arrears (欠薪) — wages disputed, confirmed and unpaid too long, or paid but not received —
 * with whether the county has been warned.
 */
import { View } from '@tarojs/components';
import { formatYuan, WAGE_LINE_STATUS_ZH } from '@bangfu/shared';
import { sheetFilePath, type WageSheet } from '../api/reliefWork';
import { FileButton } from '../components/FileButton';
import { Notice } from '../components/Page';
import { monthText } from '../time';

export function SheetView({ sheet, month }: { sheet: WageSheet; month: string }) {
  if (!sheet.lines.length) return <Notice testId="sheet-empty">{monthText(month)}的工资发放表还没有填。</Notice>;
  const { totals } = sheet;
  return (
    <View data-testid="sheet">
      {sheet.arrears.length ? (
        <Notice tone="error" testId="sheet-arrears">
          欠薪风险：{sheet.arrears.map((f) => f.text).join('；')}。{sheet.warned ? '已向旗县发出欠薪预警。' : ''}
        </Notice>
      ) : null}
      {sheet.lines.map((line) => (
        <View key={line.workerId} className="bf-card" data-testid={`sheet-line-${line.workerId}`}>
          <View className="bf-card__title">
            {line.name}：{line.days} 天 · {formatYuan(line.payFen)}
          </View>
          <View className="bf-card__hint">
            {WAGE_LINE_STATUS_ZH[line.status]}
            {line.payment
              ? `（${line.payment.paidOn}${line.payment.reference ? `，流水号 ${line.payment.reference}` : ''}）`
              : ''}
          </View>
          {line.dispute ? <View className="bf-card__hint">本人说：{line.dispute.note}</View> : null}
          {line.receipt ? (
            <View className="bf-card__hint" data-testid={`sheet-line-${line.workerId}-receipt`}>
              {line.receipt.received ? '本人已确认收到' : '本人说没有收到'}
            </View>
          ) : null}
        </View>
      ))}
      <View className="bf-card__hint" data-testid="sheet-totals">
        合计 {totals.workers} 人，{totals.days} 天，{formatYuan(totals.payFen)}；已发放 {totals.paid} 人，确认待发{' '}
        {formatYuan(totals.confirmedUnpaidFen)}
      </View>
    </View>
  );
}

/** The month's sheet as an XLSX, for the bank and 备案 with the sector department. */
export function SheetFile({ projectId, month }: { projectId: string; month: string }) {
  return (
    <FileButton path={sheetFilePath(projectId, month)} fileName={`工资发放表-${month}.xlsx`} testId="sheet-file">
      下载{monthText(month)}工资发放表（Excel，给银行和备案）
    </FileButton>
  );
}
