/**
 * One subsidy as the rules found it for this month, for the one it would pay (a worker,
 * or an employer or agency): 可以领 with the amount, 已申领 with where the claim stands,
 * 还差信息, or 现在不符合 — with its reasons in plain words and its document.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CircumstanceKind, OwnClaim, SubsidyResult } from '@bangfu/shared';
import { CIRCUMSTANCE_ZH, circumstancesFor, formatYuan, staffOnlyFacts } from '@bangfu/shared';
import { CLAIM_STATUS_ZH } from './ClaimTimeline';
import { ReadAloud } from './readAloud/ReadAloud';
import { ServicePointCard, type ServicePointCardPoint } from './servicePoints/ServicePointCard';
import './subsidies.css';

export type Standing = 'due' | 'claimed' | 'missing' | 'no';

export function standingOf(result: SubsidyResult): Standing {
  if (result.claimed) return 'claimed';
  if (result.eligible) return 'due';
  return result.missing.length > 0 ? 'missing' : 'no';
}

/** The results sorted into the page's groups, and what the due ones add up to (fen). */
export function byStanding(results: readonly SubsidyResult[]) {
  const of = (standing: Standing) => results.filter((r) => standingOf(r) === standing);
  const due = of('due');
  return {
    due,
    claimed: of('claimed'),
    missing: of('missing'),
    others: of('no'),
    dueFen: due.reduce((sum, r) => sum + r.amountFen, 0),
  };
}

const STANDING_BADGE: Record<Standing, { text: string; className: string }> = {
  due: { text: '可以领', className: 'bf-state bf-state--reported' },
  claimed: { text: '已申领', className: 'bf-state bf-state--late' },
  missing: { text: '还差信息', className: 'bf-state bf-state--pending' },
  no: { text: '现在不符合', className: 'bf-state bf-state--pending' },
};

/** A rejected claim: claimed again once the records changed (reclaim.ts), else the way to change them. */
const REJECTED_HINT = {
  changed: '上次没有通过。记录已经更新，可以重新申领。',
  same: '原因在申领进度里。记录不对的，请找村里的信息员更正，更正以后可以重新申领。',
} as const;

/** The reasons a person reads: the rule's steps and the standards it used (the facts are theirs already). */
function reasons(result: SubsidyResult): string[] {
  return result.trace.filter((t) => t.kind !== 'fact').map((t) => t.text);
}

/** The card in sentences, for 朗读. */
function spokenText(result: SubsidyResult, standing: string, claim: OwnClaim | undefined): string {
  return [
    result.name,
    standing,
    result.item ?? '',
    standingOf(result) === 'due' ? formatYuan(result.amountFen) : '',
    claim ? `${formatYuan(claim.amountFen)}，${CLAIM_STATUS_ZH[claim.status]}` : '',
    ...reasons(result),
  ]
    .filter(Boolean)
    .join('。');
}

export function SubsidyCard({
  result,
  claim,
  onOpenClaim,
  onReport,
  askAt,
}: {
  result: SubsidyResult;
  /** Its claim, once made. */
  claim?: OwnClaim | undefined;
  /** Opens the claim's progress (申领进度), when there is a claim. */
  onOpenClaim?: (claim: OwnClaim) => void;
  /** Opens the form to report a circumstance this result still lacks (the worker's own page only). */
  onReport?: (kind: CircumstanceKind) => void;
  /** Where the worker's record is kept (their village's service point…), for facts only staff record. */
  askAt?: ServicePointCardPoint | undefined;
}) {
  const standing = standingOf(result);
  const badge = STANDING_BADGE[standing];
  const reportable = standing === 'missing' && onReport ? circumstancesFor(result.missing) : [];
  const staffRecords = standing === 'missing' && onReport ? staffOnlyFacts(result.missing).length > 0 : false;
  return (
    <View className="bf-card" data-testid={`subsidy-${result.subsidy}`}>
      <View className="bf-card__title">
        <Text>{result.name}</Text>
        <Text className={badge.className} data-testid={`subsidy-${result.subsidy}-state`}>
          {badge.text}
        </Text>
      </View>
      <ReadAloud text={() => spokenText(result, badge.text, claim)} testId={`subsidy-${result.subsidy}-read-aloud`} />
      {result.item ? <View className="bf-row__line">{result.item}</View> : null}
      {standing === 'due' ? <View className="bf-row__line bf-strong">{formatYuan(result.amountFen)}</View> : null}
      {claim ? (
        <View className="bf-row__line bf-strong" data-testid={`subsidy-${result.subsidy}-claim`}>
          {formatYuan(claim.amountFen)} · {CLAIM_STATUS_ZH[claim.status]}
        </View>
      ) : null}
      {claim?.status === 'rejected' ? (
        <View className="bf-row__line" data-testid={`subsidy-${result.subsidy}-rejected`}>
          {REJECTED_HINT[standing === 'due' ? 'changed' : 'same']}
        </View>
      ) : null}
      <View className="bf-reasons">
        {reasons(result).map((line, i) => (
          <View key={i} className="bf-row__line bf-row__month">
            · {line}
          </View>
        ))}
      </View>
      {reportable.length > 0 ? (
        <View className="bf-row__line" data-testid={`subsidy-${result.subsidy}-report`}>
          <View className="bf-row__line">您可以先申报，村里的信息员核实后才算数：</View>
          {reportable.map((kind) => (
            <Button
              key={kind}
              size="large"
              block
              onClick={() => onReport?.(kind)}
              data-testid={`subsidy-${result.subsidy}-report-${kind}`}
            >
              申报：{CIRCUMSTANCE_ZH[kind]}
            </Button>
          ))}
        </View>
      ) : null}
      {staffRecords ? (
        <View className="bf-row__line" data-testid={`subsidy-${result.subsidy}-ask`}>
          <View className="bf-row__line">
            {askAt
              ? '还差的信息由工作人员登记，您不用交材料。可以打电话问问：'
              : '还差的信息由村里的信息员登记，您不用交材料。可以问问村里。'}
          </View>
          {askAt ? <ServicePointCard point={askAt} testId={`subsidy-${result.subsidy}-ask-point`} /> : null}
        </View>
      ) : null}
      <View className="bf-row__line bf-hint">
        依据：{result.reference.document} {result.reference.section}
      </View>
      {claim && onOpenClaim ? (
        <View
          className="bf-open-claim"
          hoverClass="bf-why-toggle--pressed"
          role="button"
          onClick={() => onOpenClaim(claim)}
          data-testid={`subsidy-${result.subsidy}-progress`}
        >
          <Text>看申领进度</Text>
          <Text>›</Text>
        </View>
      ) : null}
    </View>
  );
}
