/**
 * 申领进度: the worker's claims, newest first, a page at a time (the one tapped on 我的补贴
 * first), each with its steps in plain words — 提交申领, who approved it and when, 已发放, or
 * 未通过 and why — what comes next, and 为什么是这个金额; above them, what all of them come to. On a
 * paid one the worker says whether the money came (收到了 / 没收到, which tells the county).
 */
import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, type OwnClaim, type ClaimSummary } from '@bangfu/shared';
import type { ListPage } from '../../../api/client';
import { answerClaimReceipt, fetchMyClaims, fetchMyClaimsFirst } from '../../../api/subsidies';
import { ClaimTimeline } from '../../../components/ClaimTimeline';
import { NextPage } from '../../../components/LoadMore';
import { BindFirst, LoadView } from '../../../components/LoadView';
import { Notice } from '../../../components/Page';
import { ReceivedOrNot } from '../../../components/ReceivedOrNot';
import { RolePage } from '../../../components/RoleGate';
import { useLoad } from '../../../hooks/useLoad';
import { useLoadMore, type LoadMorePager } from '../../../hooks/useLoadMore';
import '../../worker.css';

function go(url: string): void {
  Taro.navigateTo({ url }).catch(() => undefined);
}

/** The one tapped first (a claim of this month: on the first page), then the rest as the API orders them. */
function ordered(claims: OwnClaim[], chosenId: string | undefined): OwnClaim[] {
  const chosen = claims.filter((c) => c.claimId === chosenId);
  return [...chosen, ...claims.filter((c) => c.claimId !== chosenId)];
}

interface ClaimsShown {
  page: ListPage<OwnClaim>;
  summary?: ClaimSummary | undefined;
}

function MyClaims({ chosenId }: { chosenId: string | undefined }) {
  const { load, retry, update } = useLoad<ClaimsShown>(fetchMyClaimsFirst, { missingOn404: true });
  const updatePage = useCallback(
    (change: (shown: ListPage<OwnClaim>) => ListPage<OwnClaim>) => update((shown) => ({ ...shown, page: change(shown.page) })),
    [update],
  );
  const loadMore = useLoadMore(fetchMyClaims, updatePage);
  return (
    <LoadView
      load={load}
      retry={retry}
      loadingText="正在加载您的申领…"
      missing={<BindFirst>您还没有绑定身份。绑定以后才能申领补贴、看进度。</BindFirst>}
    >
      {(shown) => (
        <ClaimList
          {...shown}
          chosenId={chosenId}
          loadMore={loadMore}
          onChanged={(claim) =>
            updatePage((page) => ({ ...page, items: page.items.map((c) => (c.claimId === claim.claimId ? claim : c)) }))
          }
        />
      )}
    </LoadView>
  );
}

/** Whether the money of a paid claim came: asked until the worker says, then what they said. */
function Receipt({
  claim,
  onChanged,
  onSaid,
}: {
  claim: OwnClaim;
  onChanged: (claim: OwnClaim) => void;
  onSaid: (said: string) => void;
}) {
  if (claim.status !== 'paid' && !claim.receipt) return null;
  if (claim.receipt) {
    return (
      <View className="bf-card__hint" data-testid={`claim-${claim.claimId}-receipt`}>
        {claim.receipt.received ? '您说钱已经收到了。' : '您说没有收到，已经告诉旗县，会有人向银行核对这笔钱发到了哪里。'}
      </View>
    );
  }
  return (
    <ReceivedOrNot
      testId={`claim-${claim.claimId}`}
      onAnswered={onSaid}
      say={async (answer) => {
        onChanged((await answerClaimReceipt(claim.claimId, answer)).claim);
        return answer === 'received'
          ? '好的，记下了：钱已经到您的卡上。'
          : '已经告诉旗县，会有人向银行核对这笔钱发到了哪里，再告诉您。';
      }}
    />
  );
}

function ClaimList({
  page,
  summary,
  chosenId,
  loadMore,
  onChanged,
}: ClaimsShown & { chosenId: string | undefined; loadMore: LoadMorePager; onChanged: (claim: OwnClaim) => void }) {
  const [said, setSaid] = useState<string | null>(null);
  const claims = page.items;
  if (claims.length === 0) {
    return (
      <View className="bf-section">
        <Notice testId="my-claims-empty">您还没有申领过补贴。</Notice>
        <Button type="primary" size="large" block onClick={() => go('/worker/pages/subsidies/index')}>
          看看能领哪些补贴
        </Button>
      </View>
    );
  }
  return (
    <View className="bf-section">
      {said ? <Notice testId="my-claims-said">{said}</Notice> : null}
      {summary ? (
        <Notice testId="my-claims-summary">
          <View className="bf-strong">
            共申领 {summary.all} 项{summary.inProgress > 0 ? `，${summary.inProgress} 项还在办` : ''}
          </View>
          {summary.paidFen > 0 ? <View>已经发给您 {formatYuan(summary.paidFen)}</View> : null}
          {summary.owedFen > 0 ? (
            <View className="bf-strong" data-testid="my-claims-owed">
              多发了，要退回 {formatYuan(summary.owedFen)}，原因在下面
            </View>
          ) : null}
        </Notice>
      ) : null}
      <View className="bf-cards">
        {ordered(claims, chosenId).map((claim) => (
          <ClaimTimeline key={claim.claimId} claim={claim} reader="worker" chosen={claim.claimId === chosenId}>
            <Receipt claim={claim} onChanged={onChanged} onSaid={setSaid} />
          </ClaimTimeline>
        ))}
      </View>
      <NextPage pager={loadMore} nextCursor={page.nextCursor} testId="my-claims-more" />
      <View className="bf-hint">有疑问，请问村里的信息员或乡镇就业服务站。</View>
    </View>
  );
}

export default function MyClaimsPage() {
  const { params } = useRouter();
  return <RolePage title="申领进度" roles={['worker']} show={() => <MyClaims chosenId={params.claimId} />} />;
}
