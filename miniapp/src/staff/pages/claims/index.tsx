/**
 * 补贴审核: a township or county officer works through the subsidy claims of their region,
 * oldest first, one state at a time. Each card says who, which subsidy, how much, from
 * which village and when, and why the rules found it due (their reasons and the document);
 * 通过, or 不通过 with a reason the worker reads. 批量通过 approves the loaded claims that
 * need no second approval one by one, with its progress, and stops at the first refusal.
 * Claims above the region's threshold go to 待复核 after the first approval and need an
 * officer of a higher level.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Claim, ClaimStatus, StaffLevel, User } from '@bangfu/shared';
import { formatYuan } from '@bangfu/shared';
import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import { decideClaim, fetchClaims, type ClaimDecision } from '../../../api/claims';
import { errorText, isApiError } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Choices, type Option } from '../../../components/Choices';
import { Notice, Page } from '../../../components/Page';
import { ReasonForm } from '../../../components/ReasonForm';
import { RoleGate } from '../../../components/RoleGate';
import { STAFF_LEVEL_LABEL } from '../../../labels';
import { dayText, monthText } from '../../../time';
import { villageName, villageNames } from '../../../regionNames';
import './claims.css';

/** The tabs, in the order a claim moves through them. */
const STATUS_TABS: Option<ClaimStatus>[] = [
  { value: 'submitted', label: '待审核' },
  { value: 'firstApproved', label: '待复核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '未通过' },
  { value: 'paid', label: '已发放' },
];
const TAB_LABEL = Object.fromEntries(STATUS_TABS.map((t) => [t.value, t.label])) as Record<ClaimStatus, string>;

const TAB_HINT: Record<ClaimStatus, string> = {
  submitted: '先看每一项的理由和依据，没有问题就点「通过」。金额较大的，通过后还要上一级复核。',
  firstApproved: '这些申领已经一审通过，因为金额较大，还要比一审更高一级的工作人员复核。',
  approved: '审核通过，等待发放。',
  rejected: '没有通过的申领，申领人能看到原因。',
  paid: '已经发放的申领。',
};

/** What happened, said after a decision (the card then leaves the tab). */
const DONE_ZH: Record<ClaimStatus, string> = {
  submitted: '已退回待审核',
  firstApproved: '一审通过，等待上一级复核',
  approved: '已通过',
  rejected: '不通过，申领人能看到原因',
  paid: '已发放',
};

const SOURCE_ZH: Record<Claim['source'], string> = {
  worker: '本人申领',
  staff: '工作人员代为申领',
  auto: '系统自动申领',
  employer: '单位自己申领',
};

/** The reasons an officer reads: the rules' steps, the standards they used, and each fact with who stands behind it. */
function reasonsOf(claim: Claim): string[] {
  return claim.trace
    .filter((t) => t.kind === 'rule' || t.kind === 'parameter' || t.source)
    .map((t) => (t.source ? `${t.text}（${t.source}）` : t.text));
}

function levelText(level: string): string {
  return (STAFF_LEVEL_LABEL as Record<string, string | undefined>)[level as StaffLevel] ?? level;
}

/** The worker reads this: the reason of the latest refusal. */
function rejectionReason(claim: Claim): string | undefined {
  const steps = claim.history.filter((step) => step.to === 'rejected');
  return steps[steps.length - 1]?.reason;
}

/** Short facts on one line, " · " between them; a narrow screen (or 关怀版) breaks between facts, not inside one. */
function Facts({ parts, className }: { parts: string[]; className?: string }) {
  return (
    <View className={className ? `bf-row__line ${className}` : 'bf-row__line'}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <Text> · </Text> : null}
          <Text className="bf-claim__part">{part}</Text>
        </Fragment>
      ))}
    </View>
  );
}

function claimLabel(claim: Claim): string {
  return `${claim.beneficiary.name} ${claim.name}`;
}

function ClaimCard({
  claim,
  user,
  village,
  locked,
  refusedText,
  onDecided,
  onRefused,
  onReload,
}: {
  claim: Claim;
  user: User;
  village: string;
  /** While 批量通过 runs, the cards' own buttons wait. */
  locked: boolean;
  /** The server's words when it refused this officer this claim (403) earlier, e.g. in 批量通过. */
  refusedText: string | undefined;
  onDecided: (next: Claim) => void;
  /** A 403 stays a 403 for this officer: 批量通过 then leaves the claim out. */
  onRefused: (claimId: string, text: string) => void;
  onReload: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [failure, setFailure] = useState<{ text: string; stale: boolean } | null>(null);
  const id = claim.claimId;

  /** A refusal or a stale read is said on the card; other failures of a rejection stay in its form. */
  const decide = async (decision: ClaimDecision, reason?: string) => {
    setFailure(null);
    try {
      onDecided(await decideClaim(claim, decision, reason));
    } catch (error) {
      const status = isApiError(error) ? error.status : 0;
      if (decision === 'reject' && status !== 403 && status !== 409) throw error;
      setFailure({ text: errorText(error), stale: status === 409 });
      if (status === 403 && decision === 'approve') onRefused(claim.claimId, errorText(error));
      setRejecting(false);
    }
  };
  const approve = async () => {
    setBusy(true);
    try {
      await decide('approve');
    } finally {
      setBusy(false);
    }
  };

  const open = claim.status === 'submitted' || claim.status === 'firstApproved';
  const ownClaim = claim.createdBy === user.userId;
  const approvedByMe = claim.approvals.some((a) => a.by === user.userId);
  const reasons = reasonsOf(claim);
  const approveLabel = claim.status === 'firstApproved' ? '复核通过' : '通过';
  const refusal = claim.status === 'rejected' ? rejectionReason(claim) : undefined;

  return (
    <View className="bf-card bf-claim" data-testid={`claim-${id}`}>
      <View className="bf-card__title">
        <Text>{claim.beneficiary.name}</Text>
        <Text className="bf-claim__amount" data-testid={`claim-${id}-amount`}>
          {formatYuan(claim.amountFen)}
        </Text>
      </View>
      <View className="bf-row__line bf-strong">{claim.name}</View>
      {claim.item ? <View className="bf-row__line">{claim.item}</View> : null}
      <Facts parts={[village, `${dayText(claim.createdAt)}申领`]} />
      <Facts className="bf-row__month" parts={[`按${monthText(claim.period)}台账计算`, SOURCE_ZH[claim.source]]} />
      {claim.needsSecondApproval ? (
        <View className="bf-claim__second" data-testid={`claim-${id}-second`}>
          金额较大，需要上一级复核
        </View>
      ) : null}
      {claim.approvals.map((a, i) => (
        <Facts
          key={i}
          parts={[
            `${i === 0 ? (claim.needsSecondApproval ? '一审通过' : '审核通过') : '复核通过'}：${levelText(a.level)}${a.by === user.userId ? '（您）' : ''}`,
            dayText(a.at),
          ]}
        />
      ))}
      {refusal ? (
        <View className="bf-row__line bf-strong" data-testid={`claim-${id}-refusal`}>
          不通过的原因：{refusal}
        </View>
      ) : null}
      <View className="bf-claim__why" data-testid={`claim-${id}-why`}>
        <View className="bf-strong">为什么能领</View>
        {reasons.map((line, i) => (
          <View key={i} className="bf-claim__reason">
            · {line}
          </View>
        ))}
        <View className="bf-claim__reference">
          依据：{claim.reference.document} {claim.reference.section}
        </View>
      </View>
      {!failure && refusedText ? (
        <Notice tone="error" testId={`claim-${id}-error`}>
          {refusedText}
        </Notice>
      ) : null}
      {failure ? (
        <View className="bf-claim__failure">
          <Notice tone="error" testId={`claim-${id}-error`}>
            {failure.text}
          </Notice>
          {failure.stale ? (
            <Button size="large" block onClick={onReload} data-testid={`claim-${id}-reload`}>
              重新加载
            </Button>
          ) : null}
        </View>
      ) : null}
      {!open ? null : ownClaim ? (
        <Notice>这是您代为申领的，要由其他工作人员审核。</Notice>
      ) : rejecting ? (
        <ReasonForm
          label="为什么不通过？"
          hint="申领人能看到这句话，请写清楚"
          confirm="确认不通过"
          testId={`claim-${id}-reject`}
          onDone={(reason) => decide('reject', reason)}
          onCancel={() => setRejecting(false)}
        />
      ) : (
        <>
          {approvedByMe ? <Notice>您已经一审通过了，复核要由上一级的工作人员来做。</Notice> : null}
          <View className="bf-button-row bf-claim__buttons">
            {approvedByMe ? null : locked ? (
              // Waiting for 批量通过: greyed out, not spinning (it is not this card's work).
              <Button type="primary" size="large" block disabled data-testid={`claim-${id}-approve`}>
                {approveLabel}
              </Button>
            ) : (
              <ActionButton busy={busy} onPress={approve} testId={`claim-${id}-approve`}>
                {approveLabel}
              </ActionButton>
            )}
            <Button
              size="large"
              block
              disabled={busy || locked}
              onClick={() => {
                setFailure(null);
                setRejecting(true);
              }}
              data-testid={`claim-${id}-reject`}
            >
              不通过
            </Button>
          </View>
        </>
      )}
    </View>
  );
}

type Batch =
  | { state: 'idle' }
  | { state: 'confirming'; claims: Claim[] }
  | { state: 'running'; total: number; done: number }
  | { state: 'finished'; total: number; done: number; stopped: boolean }
  | { state: 'failed'; total: number; done: number; claim: Claim; message: string; stale: boolean };

function BatchPanel({
  batch,
  amountFen,
  onStart,
  onConfirm,
  onCancel,
  onStop,
  onReload,
  count,
}: {
  batch: Batch;
  count: number;
  amountFen: number;
  onStart: () => void;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
  onStop: () => void;
  onReload: () => void;
}) {
  if (batch.state === 'confirming') {
    return (
      <View className="bf-filters" data-testid="claims-batch-ask">
        <View className="bf-strong">
          逐项通过下面 {batch.claims.length} 项申领，共 {formatYuan(amountFen)}？
        </View>
        <View className="bf-hint">需要上一级复核的和您代为申领的不在其中。请先确认每一项的理由和依据都看过了。</View>
        <ActionButton busy={false} onPress={onConfirm} testId="claims-batch-confirm">
          确认通过 {batch.claims.length} 项
        </ActionButton>
        <Button size="large" block onClick={onCancel} data-testid="claims-batch-cancel">
          不了，返回
        </Button>
      </View>
    );
  }
  if (batch.state === 'running') {
    return (
      <View className="bf-section">
        <Notice testId="claims-batch-progress">
          <View className="bf-strong">
            正在逐项通过：已通过 {batch.done} / {batch.total}
          </View>
        </Notice>
        <Button size="large" block onClick={onStop} data-testid="claims-batch-stop">
          停止
        </Button>
      </View>
    );
  }
  const report =
    batch.state === 'finished' ? (
      <Notice testId="claims-batch-progress">
        <View className="bf-strong">
          {batch.stopped ? '已停止。' : '批量通过完成。'}已通过 {batch.done} / {batch.total}
        </View>
      </Notice>
    ) : batch.state === 'failed' ? (
      <View>
        <Notice tone="error" testId="claims-batch-progress">
          <View className="bf-strong">
            已通过 {batch.done} / {batch.total}，在第 {batch.done + 1} 项停下了
          </View>
          <View>
            {claimLabel(batch.claim)}（{formatYuan(batch.claim.amountFen)}）：{batch.message}
          </View>
          {batch.total - batch.done - 1 > 0 ? <View>后面 {batch.total - batch.done - 1} 项还没有处理。</View> : null}
        </Notice>
        {batch.stale ? (
          <Button size="large" block onClick={onReload} data-testid="claims-batch-reload">
            重新加载
          </Button>
        ) : null}
      </View>
    ) : null;
  return (
    <View>
      {report}
      {count >= 2 && !(batch.state === 'failed' && batch.stale) ? (
        <Button type="primary" size="large" block onClick={onStart} data-testid="claims-batch">
          批量通过（{count} 项）
        </Button>
      ) : null}
    </View>
  );
}

function Claims({ user, regionCode }: { user: User; regionCode: string }) {
  const [status, setStatus] = useState<ClaimStatus>('submitted');
  const [claims, setClaims] = useState<Claim[]>([]);
  const [nextCursor, setNextCursor] = useState<string | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [batch, setBatch] = useState<Batch>({ state: 'idle' });
  const [refused, setRefused] = useState<Readonly<Record<string, string>>>({});
  const refuse = (claimId: string, text: string) => setRefused((before) => ({ ...before, [claimId]: text }));
  const stopRequested = useRef(false);
  /** Only the newest request may change the list (the tab can change while one is under way). */
  const latest = useRef(0);
  const running = batch.state === 'running';

  const load = useCallback(
    async (cursor?: string) => {
      const ticket = ++latest.current;
      setLoading(true);
      setError(null);
      try {
        const page = await fetchClaims(regionCode, status, cursor);
        if (ticket !== latest.current) return;
        setClaims((before) => (cursor ? [...before, ...page.claims] : page.claims));
        setNextCursor(page.nextCursor);
        villageNames(page.claims.map((c) => c.regionCode))
          .then(setNames)
          .catch(() => undefined);
      } catch (e) {
        if (ticket === latest.current) setError(errorText(e));
      } finally {
        if (ticket === latest.current) setLoading(false);
      }
    },
    [regionCode, status],
  );
  useEffect(() => {
    load().catch(() => undefined);
  }, [load]);

  const reload = () => {
    setDone(null);
    setBatch({ state: 'idle' });
    load().catch(() => undefined);
  };
  const changeTab = (next: ClaimStatus) => {
    if (running) return;
    setDone(null);
    setBatch({ state: 'idle' });
    setClaims([]);
    setNextCursor(undefined);
    setStatus(next);
  };
  const decided = (next: Claim) => {
    setDone(`${claimLabel(next)}：${DONE_ZH[next.status]}`);
    setClaims((before) => before.filter((c) => c.claimId !== next.claimId));
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
        setClaims((before) => before.filter((c) => c.claimId !== next.claimId));
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
      <Choices
        options={STATUS_TABS}
        value={status}
        onChange={changeTab}
        columns="wrap"
        testIdPrefix="claims-status-"
        label="审核状态"
      />
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
      {loading ? <Notice>正在加载…</Notice> : null}
      {!loading && nextCursor && !running ? (
        <Button size="large" block data-testid="claims-more" onClick={() => load(nextCursor).catch(() => undefined)}>
          加载更多
        </Button>
      ) : null}
    </View>
  );
}

function Review({ user }: { user: User }) {
  if (!user.regionCode || user.regionCode.length < 6) {
    return <Notice tone="error">您的账号还没有设置负责的地区。请联系旗县人社局的管理员。</Notice>;
  }
  return (
    <View className="bf-section">
      <View className="bf-text">{user.regionName ?? user.regionCode}</View>
      <Claims user={user} regionCode={user.regionCode} />
    </View>
  );
}

export default function ClaimReviewPage() {
  return (
    <Page>
      <View className="bf-title">补贴审核</View>
      <RoleGate roles={['staff', 'admin']}>{(user) => <Review user={user} />}</RoleGate>
    </Page>
  );
}
