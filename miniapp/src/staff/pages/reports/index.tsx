/**
 * 每月报送: villages report their month to the township by the 15th, townships
 * enter theirs by the 25th (file 003 §(十九)). A village officer sees their own
 * village and the 报送本月 button; township and county officers see every village
 * and township of their area with its state.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ReportState, User } from '@bangfu/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../../../api/client';
import { fetchReports, submitReport, type RegionReport, type ReportStatus } from '../../../api/registry';
import { ActionButton } from '../../../components/ActionButton';
import { LoadFailed } from '../../../components/LoadView';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { ShowWhich } from '../../../components/ShowWhich';
import { REPORT_STATE_ZH } from '../../../labels';
import { chinaDate, chinaMonth, dayText, monthText } from '../../../time';

const VILLAGE_DAY = 15;
const TOWNSHIP_DAY = 25;

function StateBadge({ state, testId }: { state: ReportState; testId?: string }) {
  return (
    <Text className={`bf-state bf-state--${state}`} data-testid={testId}>
      {REPORT_STATE_ZH[state]}
    </Text>
  );
}

/** As the server decides it: in by the deadline (China's date) is on time. */
function stateOf(deadline: string, reportedAt: string | undefined): ReportState {
  if (reportedAt) return chinaDate(new Date(reportedAt)) <= deadline ? 'reported' : 'late';
  return chinaDate(new Date()) > deadline ? 'overdue' : 'pending';
}

function Deadlines({ month }: { month: string }) {
  return (
    <View className="bf-notice" data-testid="reports-deadlines">
      <View>
        村（嘎查）每月 {VILLAGE_DAY} 日前报送乡镇。本月截止：{dayText(`${month}-${VILLAGE_DAY}`)}
      </View>
      <View>
        乡镇（苏木）每月 {TOWNSHIP_DAY} 日前录入。本月截止：{dayText(`${month}-${TOWNSHIP_DAY}`)}
      </View>
    </View>
  );
}

function daysLeftText(deadline: string): string {
  const today = chinaDate(new Date());
  if (today > deadline) return `已经过了截止日（${dayText(deadline)}），请尽快报送。`;
  const days = Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
  return days === 0 ? '今天是截止日。' : `离截止日还有 ${days} 天。`;
}

/** The one button that reports a region's month, and what happened. */
function SubmitReport({
  month,
  regionCode,
  deadline,
  what,
  onReported,
}: {
  month: string;
  regionCode: string;
  deadline: string;
  what: string;
  onReported: (reportedAt: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const report = await submitReport(month, regionCode);
      onReported(report.reportedAt);
    } catch (error) {
      setFailure(`没能报送：${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View>
      <View className="bf-text">{daysLeftText(deadline)}报送前，请先把每个人这个月的情况更新好。</View>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <ActionButton busy={busy} onPress={submit} testId="reports-submit">
        {what}
      </ActionButton>
    </View>
  );
}

// ---------------------------------------------------------------- a village officer

/** The API lets a village officer report but not read the area's status, so their own report is remembered here. */
const reportKey = (month: string, code: string) => `bangfu.report.${month}.${code}`;

function readRemembered(month: string, code: string): string | undefined {
  try {
    const value: unknown = Taro.getStorageSync(reportKey(month, code));
    return typeof value === 'string' && value ? value : undefined;
  } catch {
    return undefined;
  }
}

function VillageReport({ user, month }: { user: User; month: string }) {
  const code = user.regionCode!;
  const deadline = `${month}-${VILLAGE_DAY}`;
  const [reportedAt, setReportedAt] = useState<string | undefined>(() => readRemembered(month, code));
  const state = stateOf(deadline, reportedAt);
  return (
    <View className="bf-section">
      <View className="bf-report-row bf-report-row--big">
        <Text className="bf-strong">{user.regionName ?? code}</Text>
        <StateBadge state={state} testId="reports-own-state" />
      </View>
      {reportedAt ? (
        <Notice testId="reports-done">
          本村{monthText(month)}的情况已在 {dayText(reportedAt)} 报送{state === 'late' ? '，过了截止日' : '，按时'}。
        </Notice>
      ) : (
        <SubmitReport
          month={month}
          regionCode={code}
          deadline={deadline}
          what="报送本月"
          onReported={(at) => {
            Taro.setStorageSync(reportKey(month, code), at);
            setReportedAt(at);
          }}
        />
      )}
    </View>
  );
}

// ---------------------------------------------------------------- township and county

function RegionRow({ region }: { region: RegionReport }) {
  return (
    <View className="bf-report-row" data-testid={`report-${region.code}`}>
      <View className="bf-report-row__name">
        <View>{region.name}</View>
        {region.reportedAt ? <View className="bf-report-row__when">{dayText(region.reportedAt)} 报送</View> : null}
      </View>
      <StateBadge state={region.state} />
    </View>
  );
}

function Summary({ regions, what }: { regions: RegionReport[]; what: string }) {
  const done = regions.filter((r) => r.state === 'reported' || r.state === 'late').length;
  const overdue = regions.filter((r) => r.state === 'overdue').length;
  return (
    <View className="bf-text bf-strong" data-testid="reports-summary">
      {regions.length} 个{what}：已报送 {done} 个，没报送 {regions.length - done} 个
      {overdue ? `（其中 ${overdue} 个已逾期）` : ''}
    </View>
  );
}

type Show = 'all' | 'missing';

function AreaReport({ user, month }: { user: User; month: string }) {
  const code = user.regionCode!;
  const isTownship = code.length === 9;
  const [status, setStatus] = useState<ReportStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [show, setShow] = useState<Show>('all');

  const load = useCallback(async () => {
    try {
      setStatus(await fetchReports(month, code));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [month, code]);
  useEffect(() => {
    load().catch(() => undefined);
  }, [load]);

  if (error) {
    return (
      <LoadFailed
        onRetry={() => {
          load().catch(() => undefined);
        }}
      >
        没能加载报送情况：{error}
      </LoadFailed>
    );
  }
  if (!status) return <Notice>正在加载…</Notice>;

  const visible = (regions: RegionReport[]) =>
    show === 'all' ? regions : regions.filter((r) => r.state === 'pending' || r.state === 'overdue');
  const own = isTownship ? status.townships.find((t) => t.code === code) : undefined;

  return (
    <View className="bf-section">
      {own ? (
        <View className="bf-section">
          <View className="bf-subtitle">本乡镇</View>
          <RegionRow region={own} />
          {own.state === 'pending' || own.state === 'overdue' ? (
            <SubmitReport
              month={month}
              regionCode={code}
              deadline={status.deadlines.township}
              what="报送本乡镇"
              onReported={() => {
                load().catch(() => undefined);
              }}
            />
          ) : null}
        </View>
      ) : null}

      {!isTownship ? <Summary regions={status.townships} what="乡镇" /> : null}
      <Summary regions={status.villages} what="村" />
      <ShowWhich only="missing" onlyLabel="只看没报送的" value={show} onChange={setShow} testIdPrefix="reports-show-" />

      {isTownship ? (
        <View className="bf-report-list">
          {visible(status.villages).map((v) => (
            <RegionRow key={v.code} region={v} />
          ))}
        </View>
      ) : (
        status.townships.map((township) => {
          const villages = visible(status.villages.filter((v) => v.parentCode === township.code));
          if (show === 'missing' && villages.length === 0 && !['pending', 'overdue'].includes(township.state)) return null;
          return (
            <View key={township.code} className="bf-report-group">
              <View className="bf-report-group__head">
                <RegionRow region={township} />
              </View>
              <View className="bf-report-list">
                {villages.map((v) => (
                  <RegionRow key={v.code} region={v} />
                ))}
              </View>
            </View>
          );
        })
      )}
    </View>
  );
}

function Reports({ user }: { user: User }) {
  const month = chinaMonth(new Date());
  const code = user.regionCode ?? '';
  return (
    <>
      <View className="bf-title">{monthText(month)}报送情况</View>
      <Deadlines month={month} />
      {code.length === 12 ? <VillageReport user={user} month={month} /> : null}
      {code.length === 9 || code.length === 6 ? <AreaReport user={user} month={month} /> : null}
      {![6, 9, 12].includes(code.length) ? <Notice>报送按旗县、乡镇、村来看，您的账号没有对应的地区。</Notice> : null}
    </>
  );
}

export default function ReportsPage() {
  return (
    <Page>
      <RoleGate roles={['staff', 'admin']}>{(user) => <Reports user={user} />}</RoleGate>
    </Page>
  );
}
