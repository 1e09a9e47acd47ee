/**
 * 务工监测 (务工规模 and 务工收入, file 000 §三(二)): the officer's own area for a month (this one
 * unless another is picked) — who is working, where, for what pay — beside the month before and
 * the same month last year; the twelve months before; and its townships or villages, those
 * whose employed count fell most first. Figures come from the month records as they are written.
 */
import { View } from '@tarojs/components';
import { previousMonth, sameMonthLastYear, type User } from '@bangfu/shared';
import { fetchChildFigures, fetchFigures, type ChildFigures, type RegionMonths } from '../../../api/monitoring';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { monthText } from '../../../time';
import { ChildrenRanking } from '../../monitoring/ChildrenRanking';
import { recordedIn } from '../../monitoring/figureText';
import { MonthTrend } from '../../monitoring/MonthTrend';
import { TrendChart } from '../../monitoring/TrendChart';
import { QuarterlyReportButton } from '../../monitoring/QuarterlyReportButton';
import { RegionMonthCard } from '../../monitoring/RegionMonthCard';
import { MonthlyLoad } from '../../MonthlyLoad';
import '../../areaCard.css';

/** Two years up to the month: the twelve shown and, for each, the same month the year before. */
const firstOfSpan = (month: string) => {
  let from = month;
  for (let i = 0; i < 23; i++) from = previousMonth(from);
  return from;
};

/** The area's months up to `month` (two years: each beside last year's) and, above a village, its parts. */
async function readMonth(code: string, month: string): Promise<{ region: RegionMonths; children: ChildFigures[] }> {
  const [region, children] = await Promise.all([
    fetchFigures(code, firstOfSpan(month), month),
    code.length < 12 ? fetchChildFigures(code, month) : Promise.resolve({ children: [] }),
  ]);
  return { region, children: children.children };
}

function MonthView({ user, month, data }: { user: User; month: string; data: Awaited<ReturnType<typeof readMonth>> }) {
  const code = user.regionCode!;
  const figuresOf = (m: string) => data.region.months.find((x) => x.month === m)?.figures;
  const households = data.region.months.find((x) => x.month === month)?.zeroEmploymentHouseholds;
  const shown = figuresOf(month)!;
  const areaWord = code.length <= 4 ? '旗县' : code.length === 6 ? '乡镇' : '村';
  return (
    <>
      {shown.recorded === 0 ? (
        <Notice testId="monitoring-nothing">{monthText(month)}还没有登记就业情况。村里每月 15 日前、乡镇 25 日前登记完。</Notice>
      ) : null}
      <RegionMonthCard
        name={`${user.regionName ?? code} ${monthText(month)}`}
        figures={shown}
        previous={recordedIn(figuresOf(previousMonth(month)))}
        lastYear={recordedIn(figuresOf(sameMonthLastYear(month)))}
        households={households}
      />
      {data.children.length ? (
        <>
          <View className="bf-subtitle">各{areaWord}（在岗人数比上月少得多的在前）</View>
          <ChildrenRanking rows={data.children} />
        </>
      ) : null}
      <View className="bf-subtitle">最近 12 个月</View>
      <TrendChart
        months={data.region.months}
        summary="最近 12 个月在岗人数（和去年同月比）与人均月收入的折线图，每月的数字见图下的列表"
      />
      <MonthTrend months={data.region.months} />
      <QuarterlyReportButton regionCode={code} month={month} />
    </>
  );
}

function Monitoring({ user }: { user: User }) {
  const code = user.regionCode;
  if (!code) return <Notice>您的账号没有对应的地区，看不了务工数据。请联系旗县人社局的管理员。</Notice>;
  return (
    <View className="bf-section">
      <MonthlyLoad testIdPrefix="monitoring-month-" fetch={(month) => readMonth(code, month)}>
        {(data, month) => <MonthView user={user} month={month} data={data} />}
      </MonthlyLoad>
    </View>
  );
}

export default function MonitoringPage() {
  return <RolePage title="务工监测" roles={['staff', 'admin']} show={(user) => <Monitoring user={user} />} />;
}
