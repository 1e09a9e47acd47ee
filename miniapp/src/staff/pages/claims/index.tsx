/**
 * 补贴审核: a township or county officer works through the subsidy claims of their region,
 * oldest first, one state at a time. Each card says who, which subsidy, how much, from
 * which village and when, and why the rules found it due (their reasons and the document);
 * 通过, or 不通过 with a reason the worker reads. 批量通过 approves the loaded claims that
 * need no second approval one by one, with its progress, and stops at the first refusal.
 * Claims above the region's threshold go to 待复核 after the first approval and need an
 * officer of a higher level.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Claim, ClaimStatus, User } from '@bangfu/shared';
import { useCallback, useRef, useState } from 'react';
import { decideClaim, fetchClaims } from '../../../api/claims';
import { errorText, isApiError } from '../../../api/client';
import { type Option } from '../../../components/Choices';
import { StatusTabs } from '../../../components/StatusTabs';
import { LoadMore } from '../../../components/LoadMore';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { villageName, villageNames } from '../../../regionNames';
import { BatchPanel, type Batch } from './BatchPanel';
import { ClaimCard, claimLabel } from './ClaimCard';
import './claims.css';
import { NoStaffRegion, staffRegion } from '../../staffRegion';

/** The tabs, in the order a claim moves through them. */
const STATUS_TABS: Option<ClaimStatus>[] = [
  { value: 'submitted', label: '待审核' },
  { value: 'firstApproved', label: '待复核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '未通过' },
  { value: 'paid', label: '已发放' },
  { value: 'recovering', label: '追回中' },
  { value: 'recovered', label: '已追回' },
  { value: 'writtenOff', label: '已核销' },
];
const TAB_LABEL = Object.fromEntries(STATUS_TABS.map((t) => [t.value, t.label])) as Record<ClaimStatus, string>;

const TAB_HINT: Record<ClaimStatus, string> = {
  submitted: '先看每一项的理由和依据，没有问题就点「通过」。金额较大的，通过后还要上一级复核。',
  firstApproved: '这些申领已经一审通过，因为金额较大，还要比一审更高一级的工作人员复核。',
  approved: '审核通过，等待发放。发现问题的，发放前可以「退回重审」。',
  rejected: '没有通过的申领，申领人能看到原因。',
  paid: '已经发放的申领。发现发错了的，旗县负责复核的工作人员可以「追回多发的钱」。',
  recovering:
    '决定追回、钱还没退回的申领。钱退回以后，由另一位负责发放的工作人员点「钱已退回」登记；旗县批准不再追回的，点「登记核销」，填批准文件的文号。',
  recovered: '多发的钱已经退回的申领。',
  writtenOff: '旗县批准不再追回（核销）的申领，本人不用再退。',
};

/** What happened, said after a decision (the card then leaves the tab). */
const DONE_ZH: Record<ClaimStatus, string> = {
  submitted: '已退回待审核',
  firstApproved: '一审通过，等待上一级复核',
  approved: '已通过',
  rejected: '不通过，申领人能看到原因',
  paid: '已发放',
  recovering: '已决定追回，村里会当面告诉本人',
  recovered: '已登记收回',
  writtenOff: '已登记核销，本人不用再退',
};

function Claims({ user, regionCode }: { user: User; regionCode: string }) {
  const [status, setStatus] = useState<ClaimStatus>('submitted');
  const [done, setDone] = useState<string | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [batch, setBatch] = useState<Batch>({ state: 'idle' });
  const [refused, setRefused] = useState<Readonly<Record<string, string>>>({});
  const refuse = (claimId: string, text: string) => setRefused((before) => ({ ...before, [claimId]: text }));
  const stopRequested = useRef(false);
  const running = batch.state === 'running';

  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchClaims(regionCode, status, cursor);
      villageNames(page.claims.map((c) => c.regionCode))
        .then(setNames)
        .catch(() => undefined);
      return { items: page.claims, nextCursor: page.nextCursor };
    },
    [regionCode, status],
  );
  // Another tab starts empty: its claims are not the last tab's.
  const list = usePagedList(fetchPage, { clearOnChange: true });
  const { items: claims, nextCursor, loading, error, update } = list;

  const reload = () => {
    setDone(null);
    setBatch({ state: 'idle' });
    list.reload();
  };
  const changeTab = (next: ClaimStatus) => {
    if (running) return;
    setDone(null);
    setBatch({ state: 'idle' });
    setStatus(next);
  };
  const decided = (next: Claim) => {
    setDone(`${claimLabel(next)}：${DONE_ZH[next.status]}`);
    update((before) => before.filter((c) => c.claimId !== next.claimId));
  };

  const batchable =
    status === 'submitted'
      ? claims.filter((c) => !c.needsSecondApproval && c.createdBy !== user.userId && !refused[c.claimId])
      : [];
  const batchClaims = batch.state === 'confirming' ? batch.claims : batchable;
  const batchAmount = batchClaims.reduce((sum, c) => sum + c.amountFen, 0);

  const runBatch = async () => {
    if (batch.state !== 'confirming') return;
    const queue = batch.claims;
    stopRequested.current = false;
    setDone(null);
    let approved = 0;
    setBatch({ state: 'running', total: queue.length, done: 0 });
    for (const claim of queue) {
      if (stopRequested.current) {
        setBatch({ state: 'finished', total: queue.length, done: approved, stopped: true });
        return;
      }
      try {
        const next = await decideClaim(claim, 'approve');
        approved += 1;
        update((before) => before.filter((c) => c.claimId !== next.claimId));
        setBatch({ state: 'running', total: queue.length, done: approved });
      } catch (e) {
        if (isApiError(e) && e.status === 403) refuse(claim.claimId, errorText(e));
        setBatch({
          state: 'failed',
          total: queue.length,
          done: approved,
          claim,
          message: errorText(e),
          stale: isApiError(e) && e.status === 409,
        });
        return;
      }
    }
    setBatch({ state: 'finished', total: queue.length, done: approved, stopped: false });
  };

  return (
    <View>
      <StatusTabs tabs={STATUS_TABS} value={status} onChange={changeTab} testIdPrefix="claims-status-" />
      <View className="bf-hint">{TAB_HINT[status]}</View>
      {status === 'submitted' ? (
        <BatchPanel
          batch={batch}
          count={batchable.length}
          amountFen={batchAmount}
          onStart={() => setBatch({ state: 'confirming', claims: batchable })}
          onConfirm={runBatch}
          onCancel={() => setBatch({ state: 'idle' })}
          onStop={() => {
            stopRequested.current = true;
          }}
          onReload={reload}
        />
      ) : null}
      {done ? <Notice testId="claims-done">{done}</Notice> : null}
      {error ? (
        <View>
          <Notice tone="error">没能加载：{error}</Notice>
          <Button size="large" block onClick={reload} data-testid="claims-reload">
            重新加载
          </Button>
        </View>
      ) : null}
      {!loading && !error && claims.length === 0 ? (
        <Notice testId="claims-empty">
          {nextCursor ? '这一页都处理完了，可以加载更多。' : `这里没有${TAB_LABEL[status]}的申领。`}
        </Notice>
      ) : null}
      <View className="bf-cards">
        {claims.map((claim) => (
          <ClaimCard
            key={claim.claimId}
            claim={claim}
            user={user}
            village={villageName(claim.regionCode, names)}
            locked={running || batch.state === 'confirming'}
            refusedText={refused[claim.claimId]}
            onDecided={decided}
            onRefused={refuse}
            onReload={reload}
          />
        ))}
      </View>
      <LoadMore loading={loading} more={Boolean(nextCursor) && !running} onMore={list.more} testId="claims-more" />
    </View>
  );
}

function Review({ user }: { user: User }) {
  const regionCode = staffRegion(user);
  if (!regionCode) return <NoStaffRegion />;
  return (
    <View className="bf-section">
      <View className="bf-text">{user.regionName ?? regionCode}</View>
      <Claims user={user} regionCode={regionCode} />
    </View>
  );
}

export default function ClaimReviewPage() {
  return <RolePage title="补贴审核" roles={['staff', 'admin']} show={(user) => <Review user={user} />} />;
}
