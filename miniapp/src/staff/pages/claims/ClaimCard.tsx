/** One claim as an officer reviews it: who, which subsidy, how much, why it is due, and 通过 / 不通过. */
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Claim, StaffLevel, User } from '@bangfu/shared';
import { formatYuan, proxyText } from '@bangfu/shared';
import { Fragment, useState } from 'react';
import { decideClaim, reopenClaim, type ClaimDecision } from '../../../api/claims';
import { errorText, isApiError } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Notice } from '../../../components/Page';
import { ReasonForm } from '../../../components/ReasonForm';
import { STAFF_LEVEL_LABEL } from '../../../labels';
import { dayText, monthText } from '../../../time';
import { RecoveryPanel } from './RecoveryPanel';

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

export function claimLabel(claim: Claim): string {
  return `${claim.beneficiary.name} ${claim.name}`;
}
export function ClaimCard({
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
  const [reopening, setReopening] = useState(false);
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
  /** 退回重审: a refusal or a stale read is said on the card, as for a decision. */
  const reopen = async (reason: string) => {
    setFailure(null);
    try {
      onDecided(await reopenClaim(claim, reason));
    } catch (error) {
      const status = isApiError(error) ? error.status : 0;
      if (status !== 403 && status !== 409) throw error;
      setFailure({ text: errorText(error), stale: status === 409 });
      setReopening(false);
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
  const reviews = (user.duties ?? []).some((duty) => duty === 'review' || duty === 'recheck');
  const reopenable = claim.status === 'approved' && !claim.paymentBatchId && reviews;
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
      <Facts
        className="bf-row__month"
        parts={[
          `按${monthText(claim.period)}台账计算`,
          claim.proxy ? `本人账号，${proxyText(claim.proxy)}` : SOURCE_ZH[claim.source],
        ]}
      />
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
      <RecoveryPanel claim={claim} user={user} onDone={onDecided} />
      {reopenable ? (
        reopening ? (
          <ReasonForm
            label="为什么退回重审？"
            hint="退回以后要重新审核才能发放。申领人能看到这句话，请写清楚"
            confirm="确认退回重审"
            testId={`claim-${id}-reopen`}
            onDone={reopen}
            onCancel={() => setReopening(false)}
          />
        ) : (
          <Button
            size="large"
            block
            onClick={() => {
              setFailure(null);
              setReopening(true);
            }}
            data-testid={`claim-${id}-reopen`}
          >
            退回重审
          </Button>
        )
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
