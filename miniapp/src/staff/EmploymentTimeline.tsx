/**
 * A person's month-by-month employment for staff, newest first, two years a page (更早的月份 below):
 * each month's status, place, income and who recorded it, 核实属实 on a month the worker reported
 * themselves, and the button to record this month. Read again when the page shows (back from the
 * monthly form) and after a confirmation; a month just saved here shows before that read returns.
 */
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { employmentSourceText, formatYuan, isAccountable, type EmploymentRecord } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { errorText } from '../api/client';
import { confirmEmployment, fetchEmployment } from '../api/registry';
import { ActionButton } from '../components/ActionButton';
import { LoadMore } from '../components/LoadMore';
import { Notice } from '../components/Page';
import { usePagedList } from '../hooks/usePagedList';
import { AT_HOME_REASON_ZH, EMPLOYMENT_FORM_ZH, EMPLOYMENT_PLACE_ZH, EMPLOYMENT_SOURCE_ZH } from '../labels';
import { chinaMonth, dayText, monthText } from '../time';
import { withSavedMonths } from './registryCache';

/** A month the worker reported themselves counts for money once an officer confirms it (核实). */
function ConfirmMonth({ record, onConfirmed }: { record: EmploymentRecord; onConfirmed: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      await confirmEmployment(record.workerId, record.month, record.revision);
      setError(null);
      await onConfirmed();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <ActionButton busy={busy} onPress={confirm} testId={`confirm-month-${record.month}`}>
        核实属实
      </ActionButton>
      {error ? <Notice tone="error">没能核实：{error}</Notice> : null}
    </>
  );
}

function TimelineEntry({ record, onConfirmed }: { record: EmploymentRecord; onConfirmed: () => Promise<void> }) {
  const employed = record.status === 'employed';
  const where = [record.place ? EMPLOYMENT_PLACE_ZH[record.place] : null, record.form ? EMPLOYMENT_FORM_ZH[record.form] : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <View className="bf-timeline__entry" data-testid={`timeline-month-${record.month}`}>
      <View className="bf-card__title bf-timeline__head">
        <Text>{monthText(record.month)}</Text>
        <Text className={employed ? 'bf-tag' : 'bf-badge'}>{employed ? '在岗' : '未就业'}</Text>
      </View>
      {employed && where ? <View>{where}</View> : null}
      {employed && record.employerName ? <View>{record.employerName}</View> : null}
      {!employed && record.atHomeReason ? <View>{AT_HOME_REASON_ZH[record.atHomeReason]}</View> : null}
      <View>月收入：{formatYuan(record.monthlyIncomeFen)}</View>
      <View className="bf-timeline__source">
        登记人：{EMPLOYMENT_SOURCE_ZH[record.source]}，{dayText(record.recordedAt)}
        {record.revision > 1 ? `（第 ${record.revision} 次修改）` : ''}
      </View>
      <View className="bf-timeline__source" data-testid={`timeline-source-${record.month}`}>
        来源：{employmentSourceText(record)}
      </View>
      {isAccountable(record) ? null : <ConfirmMonth record={record} onConfirmed={onConfirmed} />}
    </View>
  );
}

export function EmploymentTimeline({ workerId }: { workerId: string }) {
  const month = chinaMonth(new Date());
  const fetchPage = useCallback((cursor: string | undefined) => fetchEmployment(workerId, cursor), [workerId]);
  const { items, nextCursor, loading, error, reload, more } = usePagedList(fetchPage);
  useDidShow(reload);
  const onConfirmed = useCallback(async () => reload(), [reload]);
  const records = withSavedMonths(workerId, items);
  return (
    <View className="bf-section">
      <View className="bf-subtitle">每月就业情况</View>
      <Button
        type="primary"
        size="large"
        block
        onClick={() => {
          Taro.navigateTo({
            url: `/staff/pages/monthly/index?workerId=${encodeURIComponent(workerId)}&month=${month}`,
          }).catch(() => undefined);
        }}
        data-testid="update-month"
      >
        更新本月情况（{monthText(month)}）
      </Button>
      {error ? <Notice tone="error">没能加载就业情况：{error}</Notice> : null}
      {!loading && !error && records.length === 0 ? <Notice>还没有登记过就业情况。</Notice> : null}
      {records.length ? (
        <View className="bf-timeline" data-testid="timeline">
          {records.map((record) => (
            <TimelineEntry key={record.month} record={record} onConfirmed={onConfirmed} />
          ))}
        </View>
      ) : null}
      <LoadMore loading={loading} more={nextCursor !== undefined && !error} onMore={more} testId="timeline-more" />
    </View>
  );
}
