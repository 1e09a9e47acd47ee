/**
 * 人岗匹配情况: for the officer's own area and a month (this month unless another is picked),
 * how far the job push reached and how well recommendations turn into jobs — per township
 * of a county, per village of a township, the area's total first. Each area is a card:
 * 有意愿未就业, 本月已推送 (people and share), 311 服务没做够的, 推荐成功率. A share below its
 * goal (50% a month, 15% success) is a red box that says 未达标 and names the goal; one that
 * meets it, a green 达标 box. Never colour alone.
 */
import { Text, View } from '@tarojs/components';
import type { User } from '@bangfu/shared';
import { useState, type ReactNode } from 'react';
import { fetchCoverage, type Coverage, type CoverageRow } from '../../../api/matching';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { ShowWhich } from '../../../components/ShowWhich';
import { MonthlyLoad } from '../../MonthlyLoad';
import { monthText } from '../../../time';
import '../../areaCard.css';

/** 0.583 → "58.3%"; rounded down, so a share just under the goal never reads as the goal. */
function percent(share: number): string {
  const tenths = Math.floor(share * 1000 + 1e-9) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)}%`;
}

function GoalBadge({ share, meets, goal, testId }: { share: number | null; meets: boolean; goal: number; testId: string }) {
  const target = `目标 ≥${percent(goal)}`;
  if (share === null) {
    return (
      <Text className="bf-goal bf-goal--none" data-testid={testId}>
        还没有数（{target}）
      </Text>
    );
  }
  return (
    <Text className={meets ? 'bf-goal bf-goal--met' : 'bf-goal bf-goal--below'} data-testid={testId}>
      {meets ? '✓ 达标' : '✗ 未达标'}（{target}）
    </Text>
  );
}

function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="bf-cov__line">
      <Text className="bf-cov__label">{label}</Text>
      <Text className="bf-cov__value">{children}</Text>
    </View>
  );
}

function RowCard({
  row,
  goals,
  name,
  thisMonth,
  total,
}: {
  row: CoverageRow;
  goals: Coverage['goals'];
  name: string;
  /** The month shown is the current one (本月), else 当月. */
  thisMonth: boolean;
  total?: boolean;
}) {
  const { short } = row;
  return (
    <View
      className={total ? 'bf-cov bf-cov--total' : 'bf-cov'}
      data-testid={total ? 'coverage-total' : `coverage-row-${row.regionCode}`}
    >
      <View className="bf-cov__name">{name}</View>
      <Line label="有意愿、没工作">{row.willingUnemployed} 人</Line>
      <Line label={thisMonth ? '本月已推送' : '当月已推送'}>
        {row.reachedThisMonth} 人{row.monthlyCoverage !== null ? `（${percent(row.monthlyCoverage)}）` : ''}
      </Line>
      <GoalBadge share={row.monthlyCoverage} meets={row.meetsCoverageGoal} goal={goals.monthlyCoverage} testId="coverage-goal" />
      <Line label="311 没做够">{row.below311} 人</Line>
      {row.below311 ? (
        <View className="bf-cov__short">
          岗位推荐不到 {goals.service311.jobRecommendation} 次的 {short.jobRecommendation} 人，没有职业指导的{' '}
          {short.careerGuidance} 人，没有培训的 {short.trainingOffer} 人
        </View>
      ) : null}
      <Line label="推荐成功率">{row.successRate !== null ? percent(row.successRate) : '—'}</Line>
      <View className="bf-cov__short">
        今年推荐 {row.recommendations} 次，报名 {row.applications} 次，录用 {row.hires} 人
      </View>
      <GoalBadge share={row.successRate} meets={row.meetsSuccessGoal} goal={goals.successRate} testId="success-goal" />
    </View>
  );
}

type Show = 'all' | 'below';

function CoverageView({ user, data, thisMonth }: { user: User; data: Coverage; thisMonth: boolean }) {
  const code = user.regionCode ?? '';
  const [show, setShow] = useState<Show>('all');
  const areaWord = code.length === 6 ? '乡镇' : '村';
  const below = (row: CoverageRow) =>
    (row.monthlyCoverage !== null && !row.meetsCoverageGoal) || (row.successRate !== null && !row.meetsSuccessGoal);
  return (
    <>
      <Notice testId="coverage-goals">
        目标：每月把岗位推送给一半以上（≥{percent(data.goals.monthlyCoverage)}）有意愿、没工作的人；推荐成功率 ≥
        {percent(data.goals.successRate)}；每人每年 {data.goals.service311.jobRecommendation} 次岗位推荐、
        {data.goals.service311.careerGuidance} 次职业指导、{data.goals.service311.trainingOffer} 次培训（311）。
      </Notice>
      <View className="bf-subtitle" data-testid="coverage-month">
        {monthText(data.month)}合计
      </View>
      <RowCard
        row={data.total}
        goals={data.goals}
        name={data.total.regionName ?? user.regionName ?? code}
        thisMonth={thisMonth}
        total
      />
      {data.rows.length > 1 || code.length < 12 ? (
        <>
          <View className="bf-subtitle">
            各{areaWord}（{data.rows.length} 个，其中 {data.rows.filter(below).length} 个有指标没达标）
          </View>
          <ShowWhich only="below" onlyLabel="只看没达标的" value={show} onChange={setShow} testIdPrefix="coverage-show-" />
          {data.rows.length === 0 ? <Notice>这里还没有登记的人。</Notice> : null}
          <View data-testid="coverage-rows">
            {(show === 'all' ? data.rows : data.rows.filter(below)).map((row) => (
              <RowCard
                key={row.regionCode}
                row={row}
                goals={data.goals}
                name={row.regionName ?? row.regionCode}
                thisMonth={thisMonth}
              />
            ))}
          </View>
        </>
      ) : null}
    </>
  );
}

function CoverageTable({ user }: { user: User }) {
  const code = user.regionCode ?? '';
  if (code.length < 6) {
    return <Notice>人岗匹配情况按旗县、乡镇、村来看，您的账号没有对应的地区。</Notice>;
  }
  return (
    <View className="bf-section">
      <MonthlyLoad testIdPrefix="coverage-month-" fetch={(month) => fetchCoverage(code, month)}>
        {(data, _month, months) => <CoverageView user={user} data={data} thisMonth={data.month === months[0]!.value} />}
      </MonthlyLoad>
    </View>
  );
}

export default function CoveragePage() {
  return <RolePage title="人岗匹配情况" roles={['staff', 'admin']} show={(user) => <CoverageTable user={user} />} />;
}
