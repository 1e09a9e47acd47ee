/**
 * One claim as the person who is paid reads it (a worker, or an employer or agency): what,
 * how much, where it stands, and its life as a vertical timeline in plain words —
 * 提交申领 → 苏木乡镇审核通过 → 复核通过 → 已发放 (→ 银行退回 → 已发放) (→ 要退回 → 已退回 or 不用再退), or 未通过 with the reason — then the
 * step still to come. 「为什么是这个金额」 opens the rules' reasons, the standards they used
 * and the facts they read, with the document.
 */
import { Text, View } from '@tarojs/components';
import type { ClaimStatus, OwnClaim, StaffLevel } from '@bangfu/shared';
import { formatYuan, isBankReturnStep, proxyText } from '@bangfu/shared';
import { useState, type ReactNode } from 'react';
import { STAFF_LEVEL_LABEL } from '../labels';
import { chinaDate, monthText } from '../time';
import './subsidies.css';

/** Where a claim stands, said to the one who is paid. */
export const CLAIM_STATUS_ZH: Record<ClaimStatus, string> = {
  submitted: '已申领，正在审核',
  firstApproved: '一审通过，等待复核',
  approved: '审核通过，等待发放',
  rejected: '审核没有通过',
  paid: '已发放',
  recovering: '多发了，要退回',
  recovered: '多发的已经退回',
  writtenOff: '多发的不用再退了',
};

/** The short word on the card's badge (in words, not colour alone). */
const BADGE: Record<ClaimStatus, { text: string; className: string }> = {
  submitted: { text: '审核中', className: 'bf-state bf-state--late' },
  firstApproved: { text: '等待复核', className: 'bf-state bf-state--late' },
  approved: { text: '等待发放', className: 'bf-state bf-state--late' },
  rejected: { text: '未通过', className: 'bf-state bf-state--overdue' },
  paid: { text: '已发放', className: 'bf-state bf-state--reported' },
  recovering: { text: '要退回', className: 'bf-state bf-state--overdue' },
  recovered: { text: '已退回', className: 'bf-state bf-state--pending' },
  writtenOff: { text: '不用退了', className: 'bf-state bf-state--pending' },
};

/** What comes next, while the claim is open (or money is owed back). */
const NEXT_ZH: Partial<Record<ClaimStatus, string>> = {
  submitted: '等待工作人员审核',
  firstApproved: '金额较大，等待上一级复核',
  approved: '等待发放',
};

function nextText(claim: OwnClaim, reader: ClaimReader): string | undefined {
  if (claim.status !== 'recovering' || !claim.recovery) return NEXT_ZH[claim.status];
  const how = reader === 'worker' ? '村里的工作人员会告诉您怎么退' : '请按旗县人社局告知的账户退回';
  return `退回 ${formatYuan(claim.recovery.amountFen)}，${how}`;
}

export type ClaimReader = 'worker' | 'employer';

/** "11月22日"; with the year when it is not this year's ("2025年11月22日"). */
export function claimDayText(instant: string, now = new Date()): string {
  const date = instant.length > 10 ? chinaDate(new Date(instant)) : instant;
  const [year, m, d] = date.split('-');
  const day = `${Number(m)}月${Number(d)}日`;
  return year === chinaDate(now).slice(0, 4) ? day : `${year}年${day}`;
}

function levelText(level: string | undefined): string {
  if (!level) return '';
  return (STAFF_LEVEL_LABEL as Record<string, string | undefined>)[level as StaffLevel] ?? '';
}

interface Step {
  at: string;
  what: string;
  /** Said under the step (who made the claim, the refusal's reason…). */
  detail?: string;
  tone: 'done' | 'refused' | 'paid';
}

const SOURCE_DETAIL: Record<ClaimReader, Record<OwnClaim['source'], string>> = {
  worker: { worker: '您自己申领的', staff: '工作人员替您申领的', auto: '系统按台账自动申领的', employer: '单位申领的' },
  employer: { worker: '个人申领的', staff: '工作人员替单位申领的', auto: '系统自动申领的', employer: '单位自己申领的' },
};

/** The claim's history, oldest first, in plain words. */
export function claimSteps(claim: OwnClaim, reader: ClaimReader): Step[] {
  const approvals = [...claim.approvals];
  return claim.history.map((step): Step => {
    if (step.from === null || (step.to === 'submitted' && step.from !== 'submitted')) {
      // 亲情服务: a family member who claimed in the worker's name is named (由 X 代办).
      const source = claim.proxy ? proxyText(claim.proxy) : SOURCE_DETAIL[reader][claim.source];
      if (step.from === null) return { at: step.at, what: '提交申领', detail: source, tone: 'done' };
      if (step.from === 'rejected') {
        return { at: step.at, what: '重新申领', detail: '记录更新以后，按新的记录重新计算', tone: 'done' };
      }
      // 退回重审 by a reviewer, or 发放前复核 by the batch: the reason is the officer's or the records'.
      return step.from === 'approved'
        ? { at: step.at, what: '退回重新审核', detail: step.reason?.replace(/^(退回重审|发放前复核)：/, '') ?? '', tone: 'done' }
        : { at: step.at, what: '重新提交审核', tone: 'done' };
    }
    if (isBankReturnStep(step)) {
      // 银行退回: the reason is the bank's, with its reference, as the payer recorded it.
      return {
        at: step.at,
        what: '银行退回',
        detail: `${step.reason?.replace(/^银行退回：/, '') ?? '银行把钱退回来了'}。${
          reader === 'worker' ? '村里登记好您本人正确的卡以后，会再发一次' : '单位的对公账户核对好以后，会再发一次'
        }`,
        tone: 'refused',
      };
    }
    if (step.to === 'firstApproved' || step.to === 'approved') {
      const index = approvals.findIndex((a) => a.by === step.by);
      const approval = index >= 0 ? approvals.splice(index, 1)[0] : undefined;
      const level = levelText(approval?.level);
      if (step.from === 'firstApproved') return { at: step.at, what: `${level}复核通过`, tone: 'done' };
      return { at: step.at, what: `${level}审核通过`, tone: 'done' };
    }
    if (step.to === 'rejected') {
      return {
        at: step.at,
        what: '未通过',
        detail: step.reason ? `原因：${step.reason}` : '请问问村里或乡镇的工作人员',
        tone: 'refused',
      };
    }
    if (step.to === 'recovering') {
      // 追回: the county's decision and its reason, as the person reads it.
      return { at: step.at, what: '多发了，要退回', detail: step.reason ?? '', tone: 'refused' };
    }
    if (step.to === 'recovered') return { at: step.at, what: '多发的已经退回', detail: step.reason ?? '', tone: 'done' };
    // 核销: the county decided the money will not come back; the person owes nothing more.
    if (step.to === 'writtenOff') return { at: step.at, what: '多发的不用再退了', detail: step.reason ?? '', tone: 'done' };
    if (step.to === 'paid') {
      return {
        at: step.at,
        what: '已发放',
        detail: reader === 'worker' ? '钱打到您登记的银行卡或社保卡' : '钱打到单位登记的对公账户',
        tone: 'paid',
      };
    }
    return { at: step.at, what: CLAIM_STATUS_ZH[step.to], tone: 'done' };
  });
}

const WHY_GROUPS: { kind: 'fact' | 'parameter' | 'rule'; title: Record<ClaimReader, string> }[] = [
  { kind: 'rule', title: { worker: '怎么算的', employer: '怎么算的' } },
  { kind: 'parameter', title: { worker: '用的标准', employer: '用的标准' } },
  { kind: 'fact', title: { worker: '台账里您的情况', employer: '系统里单位的情况' } },
];

function Why({ claim, reader }: { claim: OwnClaim; reader: ClaimReader }) {
  return (
    <View className="bf-why" data-testid={`claim-${claim.claimId}-why`}>
      {WHY_GROUPS.map((group) => {
        const lines = claim.trace.filter((t) => t.kind === group.kind);
        if (lines.length === 0) return null;
        return (
          <View key={group.kind} className="bf-why__group">
            <View className="bf-strong">{group.title[reader]}</View>
            {lines.map((line, i) => (
              <View key={i} className="bf-why__line">
                · {line.text}
                {line.source ? `（${line.source}）` : ''}
              </View>
            ))}
          </View>
        );
      })}
      <View className="bf-why__reference">
        依据：{claim.reference.document} {claim.reference.section}
      </View>
    </View>
  );
}

export function ClaimTimeline({
  claim,
  reader,
  chosen = false,
  children,
}: {
  claim: OwnClaim;
  reader: ClaimReader;
  /** Opened from a subsidy's card: framed more strongly, and its reasons open. */
  chosen?: boolean;
  /** What the reader may do about it now, below its steps (e.g. say whether the money came). */
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(chosen);
  const id = claim.claimId;
  const steps = claimSteps(claim, reader);
  const next = nextText(claim, reader);
  const badge = BADGE[claim.status];
  return (
    <View className={chosen ? 'bf-card bf-card--chosen bf-claim-tl' : 'bf-card bf-claim-tl'} data-testid={`claim-${id}`}>
      <View className="bf-card__title">
        <Text>{claim.name}</Text>
        <Text className={badge.className} data-testid={`claim-${id}-status`}>
          {badge.text}
        </Text>
      </View>
      {claim.item ? <View className="bf-row__line">{claim.item}</View> : null}
      <View className="bf-claim-tl__amount" data-testid={`claim-${id}-amount`}>
        {formatYuan(claim.amountFen)}
      </View>
      <View className="bf-row__line bf-row__month">按{monthText(claim.period)}的情况计算</View>

      <View className="bf-tl" role="list" aria-label="申领进度">
        {steps.map((step, i) => (
          <View key={i} className={`bf-tl__step bf-tl__step--${step.tone}`} role="listitem" data-testid={`claim-${id}-step-${i}`}>
            <View className="bf-tl__rail">
              <View className="bf-tl__dot" />
              {i < steps.length - 1 || next ? <View className="bf-tl__line" /> : null}
            </View>
            <View className="bf-tl__body">
              <View className="bf-tl__what">
                <Text className="bf-tl__when">{claimDayText(step.at)}</Text>
                <Text>{step.what}</Text>
              </View>
              {step.detail ? (
                <View
                  className={step.tone === 'refused' ? 'bf-tl__detail bf-tl__detail--refused' : 'bf-tl__detail'}
                  data-testid={step.tone === 'refused' ? `claim-${id}-refusal` : undefined}
                >
                  {step.detail}
                </View>
              ) : null}
            </View>
          </View>
        ))}
        {next ? (
          <View className="bf-tl__step bf-tl__step--next" role="listitem" data-testid={`claim-${id}-next`}>
            <View className="bf-tl__rail">
              <View className="bf-tl__dot" />
            </View>
            <View className="bf-tl__body">
              <View className="bf-tl__what">
                <Text className="bf-tl__when">下一步</Text>
                <Text>{next}</Text>
              </View>
            </View>
          </View>
        ) : null}
      </View>
      {children}

      <View
        className="bf-why-toggle"
        hoverClass="bf-why-toggle--pressed"
        role="button"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
        data-testid={`claim-${id}-why-toggle`}
      >
        <Text>为什么是这个金额</Text>
        <Text>{open ? '收起 ▲' : '展开 ▼'}</Text>
      </View>
      {open ? <Why claim={claim} reader={reader} /> : null}
    </View>
  );
}
