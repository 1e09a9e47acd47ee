/**
 * 我的补贴: every subsidy for the worker this month, worked out from what the registry
 * holds — 可以领 with the amount, 已申领 with where the claim stands, 还差什么, or why
 * not — each with its reasons in plain words, and one button that claims all that is due.
 * A claimed card (and 我的申领) opens 申领进度, where each claim's steps are; below it, the card
 * the money goes to.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { staffOnlyFacts, type OwnClaim, type SubsidyResult } from '@bangfu/shared';
import { claimAll, fetchMySubsidies, type MySubsidies } from '../../../api/subsidies';
import { ActionButton } from '../../../components/ActionButton';
import { BindFirst, LoadView } from '../../../components/LoadView';
import { Notice } from '../../../components/Page';
import { byStanding, SubsidyCard } from '../../../components/SubsidyCard';
import { useServingPoint } from '../../../components/servicePoints/useServingPoint';
import { DueSummary, OtherSubsidies, useClaimAll } from '../../../components/SubsidyStanding';
import { useLoad } from '../../../hooks/useLoad';
import { RolePage } from '../../../components/RoleGate';
import { monthText } from '../../../time';
import { PayoutCard } from './PayoutCard';
import '../../worker.css';

/** 申领进度: all the worker's claims, the one tapped first. */
function openClaims(claim?: OwnClaim): void {
  const query = claim ? `?claimId=${encodeURIComponent(claim.claimId)}` : '';
  Taro.navigateTo({ url: `/worker/pages/claims/index${query}` }).catch(() => undefined);
}

function MySubsidiesView() {
  const { load, reload, retry } = useLoad(fetchMySubsidies, { missingOn404: true });
  return (
    <LoadView
      load={load}
      retry={retry}
      loadingText="正在计算您能领的补贴…"
      missing={<BindFirst>您还没有绑定身份。绑定以后，系统会按台账里的信息算出您能领哪些补贴，不用再交材料。</BindFirst>}
    >
      {(subsidies) => <StandingView subsidies={subsidies} reload={reload} />}
    </LoadView>
  );
}

function StandingView({ subsidies, reload }: { subsidies: MySubsidies; reload: () => Promise<void> }) {
  const {
    busy,
    notice,
    claimAll: claim,
  } = useClaimAll(claimAll, reload, (created) =>
    created > 0 ? `已申领 ${created} 项，工作人员审核后发放到您的银行卡或社保卡。` : '这些补贴都已经申领过了。',
  );
  // The claims already made of this month's subsidies come with them.
  const { claims } = subsidies;
  const claimOf = (r: SubsidyResult) => claims.find((c) => c.subsidy === r.subsidy && c.periodKey === r.periodKey);
  const { due, claimed, missing, others, dueFen } = byStanding(subsidies.results);
  const askAt = useServingPoint(missing.some((r) => staffOnlyFacts(r.missing).length > 0));

  const cards = (list: SubsidyResult[]) => (
    <View className="bf-cards">
      {list.map((r) => (
        <SubsidyCard
          key={`${r.subsidy}#${r.periodKey}`}
          result={r}
          claim={claimOf(r)}
          onOpenClaim={openClaims}
          askAt={askAt}
          onReport={(kind) => {
            Taro.navigateTo({ url: `/worker/pages/me/index?report=${kind}` }).catch(() => undefined);
          }}
        />
      ))}
    </View>
  );

  return (
    <View className="bf-section">
      <View className="bf-text">按{monthText(subsidies.period)}台账里的信息计算，不用再交材料。</View>
      <DueSummary due={due.length} totalFen={dueFen} noneText="现在没有可以申领的补贴。" testId="subsidies-summary" />
      {notice ? (
        <Notice tone={notice.tone} testId="subsidies-notice">
          {notice.text}
        </Notice>
      ) : null}
      {due.length > 0 ? (
        <ActionButton busy={busy} onPress={claim} testId="subsidies-claim-all">
          一键申领（{due.length} 项）
        </ActionButton>
      ) : null}
      <Button size="large" block onClick={() => openClaims()} data-testid="subsidies-my-claims">
        我的申领进度
      </Button>
      <PayoutCard />
      {cards(due)}
      {claimed.length > 0 ? <View className="bf-subtitle">已经申领的</View> : null}
      {cards(claimed)}
      <OtherSubsidies
        subsidies={subsidies}
        missing={missing}
        others={others}
        cards={cards}
        othersLabel={(count) => `其他 ${count} 项补贴（现在不符合条件）`}
        othersTestId="subsidies-others"
      />
    </View>
  );
}

export default function SubsidiesPage() {
  return <RolePage title="我的补贴" roles={['worker']} show={() => <MySubsidiesView />} />;
}
