/**
 * What a scan of a worker's 就业帮扶码 shows staff:
 * - the service card (a worker of the officer's own area): name (masked), age, village,
 *   劳动力, this year's 311 against the goals, subsidies being claimed, the latest month;
 * - the desk card (someone from elsewhere, e.g. at a job fair): only what helps find a job.
 */
import { View } from '@tarojs/components';
import { formatYuan, occupationName } from '@bangfu/shared';
import type { DeskCard, ServiceCard } from '../../api/helpCodes';
import { CLAIM_STATUS_ZH } from '../../components/ClaimTimeline';
import { NavButton } from '../../components/NavButton';
import { Notice } from '../../components/Page';
import { JOB_TYPE_ZH, LABOUR_CLASS_ZH, TRAVEL_SCOPE_ZH } from '../../labels';
import { monthText } from '../../time';
import { Goals } from '../Services311';
import '../../components/scan/scanResult.css';

function skillsText(skills: readonly string[]): string {
  return skills.length ? skills.map((code) => occupationName(code) ?? code).join('、') : '没有登记';
}

/** 找工作的意向, one line each. */
function PreferenceLines({ preferences: p }: { preferences: DeskCard['preferences'] }) {
  return (
    <>
      <View className="bf-scan-line">愿意去多远：{TRAVEL_SCOPE_ZH[p.travelScope]}</View>
      <View className="bf-scan-line">
        希望每月挣：{p.expectedMonthlyWageFen !== undefined ? formatYuan(p.expectedMonthlyWageFen) : '没有填'}
      </View>
      <View className="bf-scan-line">
        想做的工作：{p.jobTypes.length ? p.jobTypes.map((t) => JOB_TYPE_ZH[t]).join('、') : '没有选'}
      </View>
    </>
  );
}

export function ServiceCardView({ card }: { card: ServiceCard }) {
  const latest = card.latestEmployment;
  return (
    <View className="bf-scan-card" data-testid="scan-card">
      <View className="bf-scan-name" data-testid="scan-card-name">
        {card.nameMasked}
      </View>
      <View className="bf-scan-line">
        {card.age} 岁，{LABOUR_CLASS_ZH[card.labourClass]}
      </View>
      <View className="bf-scan-line" data-testid="scan-card-village">
        家在：{card.villageName}
      </View>

      <View className="bf-subtitle">{card.services.year}年的服务（311）</View>
      <Goals counts={card.services} />

      <View className="bf-subtitle">正在办的补贴</View>
      {card.openClaims.length ? (
        card.openClaims.map((claim) => (
          <View key={claim.claimId} className="bf-scan-line" data-testid={`scan-card-claim-${claim.claimId}`}>
            {claim.name}：{formatYuan(claim.amountFen)}，{CLAIM_STATUS_ZH[claim.status]}
          </View>
        ))
      ) : (
        <View className="bf-scan-line">没有正在办的补贴</View>
      )}

      <View className="bf-subtitle">最近一个月</View>
      <View className="bf-scan-line" data-testid="scan-card-month">
        {latest ? `${monthText(latest.month)}：${latest.status === 'employed' ? '在岗' : '未就业'}` : '还没有登记过月份'}
      </View>
      <NavButton url={`/staff/pages/worker/index?workerId=${encodeURIComponent(card.workerId)}`} testId="scan-card-record">
        打开台账里的记录
      </NavButton>
    </View>
  );
}

export function DeskCardView({ desk }: { desk: DeskCard }) {
  return (
    <View className="bf-scan-card" data-testid="scan-desk">
      <View className="bf-scan-name" data-testid="scan-desk-name">
        {desk.nameMasked}
      </View>
      <View className="bf-scan-line">
        {desk.age} 岁，{LABOUR_CLASS_ZH[desk.labourClass]}
      </View>
      <View className="bf-scan-line">家在：{desk.countyName || '外地'}</View>
      <View className="bf-scan-line">技能：{skillsText(desk.skills)}</View>
      <View className="bf-subtitle">找工作的意向</View>
      <PreferenceLines preferences={desk.preferences} />
      <Notice testId="scan-desk-note">不是您管辖的群众，只显示求职信息；登记的服务会转给他所在地的工作人员。</Notice>
    </View>
  );
}
