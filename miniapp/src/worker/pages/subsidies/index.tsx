/**
 * 我的补贴: every subsidy for the worker this month, worked out from what the registry
 * holds — 可以领 with the amount, 已申领 with where the claim stands, 还差什么, or why
 * not — each with its reasons in plain words, and one button that claims all that is due.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, type Claim, type ClaimStatus, type SubsidyResult } from '@bangfu/shared';
import { useCallback, useRef, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { claimAll, fetchMyClaims, fetchMySubsidies, newIdempotencyKey, type MySubsidies } from '../../../api/subsidies';
import { ActionButton } from '../../../components/ActionButton';
import { Notice, Page } from '../../../components/Page';
import { useReloadOnShow } from '../../../hooks/useReloadOnShow';
import { RoleGate } from '../../../components/RoleGate';
import { monthText } from '../../../time';
import '../../worker.css';

type Load =
  | { state: 'loading' }
  | { state: 'unbound' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; subsidies: MySubsidies; claims: Claim[] };

const CLAIM_STATUS_ZH: Record<ClaimStatus, string> = {
  submitted: '已申领，正在审核',
  firstApproved: '一审通过，等待复核',
  approved: '审核通过，等待发放',
  rejected: '审核没有通过',
  paid: '已发放',
};

type Standing = 'due' | 'claimed' | 'missing' | 'no';
function standingOf(result: SubsidyResult): Standing {
  if (result.claimed) return 'claimed';
  if (result.eligible) return 'due';
  return result.missing.length > 0 ? 'missing' : 'no';
}
const STANDING_BADGE: Record<Standing, { text: string; className: string }> = {
  due: { text: '可以领', className: 'bf-state bf-state--reported' },
  claimed: { text: '已申领', className: 'bf-state bf-state--late' },
  missing: { text: '还差信息', className: 'bf-state bf-state--pending' },
  no: { text: '现在不符合', className: 'bf-state bf-state--pending' },
};

/** The reasons a person reads: the rule's steps and the standards it used (the facts are theirs already). */
function reasons(result: SubsidyResult): string[] {
  return result.trace.filter((t) => t.kind !== 'fact').map((t) => t.text);
}

function SubsidyCard({ result, claim }: { result: SubsidyResult; claim: Claim | undefined }) {
  const standing = standingOf(result);
  const badge = STANDING_BADGE[standing];
  return (
    <View className="bf-card" data-testid={`subsidy-${result.subsidy}`}>
      <View className="bf-card__title">
        <Text>{result.name}</Text>
        <Text className={badge.className} data-testid={`subsidy-${result.subsidy}-state`}>
          {badge.text}
        </Text>
      </View>
      {result.item ? <View className="bf-row__line">{result.item}</View> : null}
      {standing === 'due' ? <View className="bf-row__line bf-strong">{formatYuan(result.amountFen)}</View> : null}
      {claim ? (
        <View className="bf-row__line bf-strong" data-testid={`subsidy-${result.subsidy}-claim`}>
          {formatYuan(claim.amountFen)} · {CLAIM_STATUS_ZH[claim.status]}
        </View>
      ) : null}
      <View className="bf-reasons">
        {reasons(result).map((line, i) => (
          <View key={i} className="bf-row__line bf-row__month">
            · {line}
          </View>
        ))}
      </View>
      <View className="bf-row__line bf-hint">
        依据：{result.reference.document} {result.reference.section}
      </View>
    </View>
  );
}

function MySubsidiesView() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [showOthers, setShowOthers] = useState(false);
  const key = useRef(newIdempotencyKey());

  const reload = useCallback(async () => {
    try {
      const [subsidies, claims] = await Promise.all([fetchMySubsidies(), fetchMyClaims()]);
      setLoad({ state: 'ready', subsidies, claims });
    } catch (error) {
      if (isApiError(error) && error.status === 404) setLoad({ state: 'unbound' });
      else setLoad({ state: 'failed', message: errorText(error) });
    }
  }, []);
  useReloadOnShow(reload);

  if (load.state === 'loading') return <Notice>正在计算您能领的补贴…</Notice>;
  if (load.state === 'unbound') {
    return (
      <View className="bf-section">
        <Notice>您还没有绑定身份。绑定以后，系统会按台账里的信息算出您能领哪些补贴，不用再交材料。</Notice>
        <Button
          type="primary"
          size="large"
          block
          onClick={() => {
            Taro.navigateTo({ url: '/worker/pages/me/index' }).catch(() => undefined);
          }}
        >
          去绑定身份
        </Button>
      </View>
    );
  }
  if (load.state === 'failed') return <Notice tone="error">没能加载：{load.message}</Notice>;

  const { subsidies, claims } = load;
  const claimOf = (r: SubsidyResult) => claims.find((c) => c.subsidy === r.subsidy && c.periodKey === r.periodKey);
  const due = subsidies.results.filter((r) => standingOf(r) === 'due');
  const claimed = subsidies.results.filter((r) => standingOf(r) === 'claimed');
  const missing = subsidies.results.filter((r) => standingOf(r) === 'missing');
  const others = subsidies.results.filter((r) => standingOf(r) === 'no');
  const total = due.reduce((sum, r) => sum + r.amountFen, 0);

  const claim = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const { created } = await claimAll(key.current);
      key.current = newIdempotencyKey(); // the next tap is a new request
      setNotice(created > 0 ? `已申领 ${created} 项，工作人员审核后发放到您的银行卡或社保卡。` : '这些补贴都已经申领过了。');
      await reload();
    } catch (error) {
      setNotice(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const cards = (list: SubsidyResult[]) => (
    <View className="bf-cards">
      {list.map((r) => (
        <SubsidyCard key={`${r.subsidy}#${r.periodKey}`} result={r} claim={claimOf(r)} />
      ))}
    </View>
  );

  return (
    <View className="bf-section">
      <View className="bf-text">按{monthText(subsidies.period)}台账里的信息计算，不用再交材料。</View>
      {due.length > 0 ? (
        <View className="bf-notice" data-testid="subsidies-summary">
          <View className="bf-strong">
            可以申领 {due.length} 项，共 {formatYuan(total)}
          </View>
        </View>
      ) : (
        <Notice testId="subsidies-summary">现在没有可以申领的补贴。</Notice>
      )}
      {notice ? <Notice testId="subsidies-notice">{notice}</Notice> : null}
      {due.length > 0 ? (
        <ActionButton busy={busy} onPress={claim} testId="subsidies-claim-all">
          一键申领（{due.length} 项）
        </ActionButton>
      ) : null}
      {cards(due)}
      {claimed.length > 0 ? <View className="bf-subtitle">已经申领的</View> : null}
      {cards(claimed)}
      {missing.length > 0 ? <View className="bf-subtitle">还差一些信息的</View> : null}
      {cards(missing)}
      {subsidies.unavailable.length > 0 ? (
        <Notice>本地区还没有设定标准、暂时算不出来的：{subsidies.unavailable.map((u) => u.name).join('、')}。</Notice>
      ) : null}
      {others.length > 0 ? (
        <Button size="large" block onClick={() => setShowOthers((v) => !v)} data-testid="subsidies-others">
          {showOthers ? '收起' : `其他 ${others.length} 项补贴（现在不符合条件）`}
        </Button>
      ) : null}
      {showOthers ? cards(others) : null}
    </View>
  );
}

export default function SubsidiesPage() {
  return (
    <Page>
      <View className="bf-title">我的补贴</View>
      <RoleGate roles={['worker']}>{() => <MySubsidiesView />}</RoleGate>
    </Page>
  );
}
