/**
 * 我的奖补: the subsidies an employer or agency gets itself (帮扶车间奖补, 就业帮扶基地奖补,
 * 就业创业服务补助…), worked out this month from what the system holds — 可以领 with the
 * amount, or why not, each with its reasons and document — one button that claims all that
 * is due, the corporate account (收款账户) they are paid to, and the unit's claims with
 * their progress (EmployerClaims).
 */
import { View } from '@tarojs/components';
import type { SubsidyResult } from '@bangfu/shared';
import { claimEmployerSubsidies, fetchEmployerSubsidies, type MySubsidies } from '../../../api/subsidies';
import { ActionButton } from '../../../components/ActionButton';
import { LoadView } from '../../../components/LoadView';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { byStanding, SubsidyCard } from '../../../components/SubsidyCard';
import { DueSummary, OtherSubsidies, useClaimAll } from '../../../components/SubsidyStanding';
import { useLoad } from '../../../hooks/useLoad';
import { monthText } from '../../../time';
import { CorporateAccountSection } from '../../CorporateAccount';
import { EmployerClaims } from '../../EmployerClaims';
import { ProfileFirst } from '../../parts';
import '../../employer.css';

function EmployerSubsidies() {
  // A 404: no profile yet.
  const { load, reload, retry } = useLoad(fetchEmployerSubsidies, { missingOn404: true });
  return (
    <LoadView
      load={load}
      retry={retry}
      loadingText="正在计算单位能领的奖补…"
      missing={<ProfileFirst>请先填写单位信息。工作人员审核以后，系统按单位的情况算出能领哪些奖补。</ProfileFirst>}
    >
      {(subsidies) => <StandingView subsidies={subsidies} reload={reload} />}
    </LoadView>
  );
}

function StandingView({ subsidies, reload }: { subsidies: MySubsidies; reload: () => Promise<void> }) {
  const { busy, notice, claimAll } = useClaimAll(claimEmployerSubsidies, reload, (created) =>
    created > 0 ? `已申领 ${created} 项，工作人员审核后发放到单位的对公账户。` : '这些奖补都已经申领过了。',
  );
  // What is claimed already shows under 申领进度, with its timeline.
  const { due, missing, others, dueFen } = byStanding(subsidies.results);

  const cards = (list: SubsidyResult[]) =>
    list.length === 0 ? null : (
      <View className="bf-cards">
        {list.map((r) => (
          <SubsidyCard key={`${r.subsidy}#${r.periodKey}`} result={r} />
        ))}
      </View>
    );

  return (
    <View className="bf-section">
      <View className="bf-text">按{monthText(subsidies.period)}系统里单位的情况计算，不用再交材料。</View>
      {notice ? (
        <Notice tone={notice.tone} testId="employer-subsidies-notice">
          {notice.text}
        </Notice>
      ) : null}
      <DueSummary due={due.length} totalFen={dueFen} noneText="现在没有可以申领的奖补。" testId="employer-subsidies-summary" />
      {due.length > 0 ? (
        <ActionButton busy={busy} onPress={claimAll} testId="employer-subsidies-claim">
          申领（{due.length} 项）
        </ActionButton>
      ) : null}
      {cards(due)}

      {/* Approved subsidies are paid only to the unit's corporate account. */}
      <CorporateAccountSection />

      {/* Read again after each 申领: its key is this month's claims as they stand. */}
      <EmployerClaims key={subsidies.claims.map((c) => `${c.claimId}:${c.status}`).join()} />

      <OtherSubsidies
        subsidies={subsidies}
        missing={missing}
        others={others}
        cards={cards}
        othersLabel={(count) => `其他 ${count} 项（现在不符合条件）`}
        othersTestId="employer-subsidies-others"
      />
    </View>
  );
}

export default function EmployerSubsidiesPage() {
  return (
    <Page>
      <View className="bf-title">我的奖补</View>
      <RoleGate roles={['employer']}>{() => <EmployerSubsidies />}</RoleGate>
    </Page>
  );
}
