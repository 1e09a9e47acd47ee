/**
 * 我的补贴: every subsidy for the worker this month, worked out from what the registry
 * holds — 可以领 with the amount, 已申领 with where the claim stands, 还差什么, or why
 * not — each with its reasons in plain words, and one button that claims all that is due.
 * A claimed card (and 我的申领) opens 申领进度, where each claim's steps are.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, type Claim, type SubsidyResult } from '@bangfu/shared';
import { useCallback, useRef, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { claimAll, fetchMyClaims, fetchMySubsidies, newIdempotencyKey, type MySubsidies } from '../../../api/subsidies';
import { ActionButton } from '../../../components/ActionButton';
import { Notice, Page } from '../../../components/Page';
import { byStanding, SubsidyCard } from '../../../components/SubsidyCard';
import { useReloadOnShow } from '../../../hooks/useReloadOnShow';
import { RoleGate } from '../../../components/RoleGate';
import { monthText } from '../../../time';
import '../../worker.css';

/** 申领进度: all the worker's claims, the one tapped first. */
function openClaims(claim?: Claim): void {
  const query = claim ? `?claimId=${encodeURIComponent(claim.claimId)}` : '';
  Taro.navigateTo({ url: `/worker/pages/claims/index${query}` }).catch(() => undefined);
}

type Load =
  | { state: 'loading' }
  | { state: 'unbound' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; subsidies: MySubsidies; claims: Claim[] };

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
  const { due, claimed, missing, others, dueFen: total } = byStanding(subsidies.results);

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
        <SubsidyCard key={`${r.subsidy}#${r.periodKey}`} result={r} claim={claimOf(r)} onOpenClaim={openClaims} />
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
      {claims.length > 0 ? (
        <Button size="large" block onClick={() => openClaims()} data-testid="subsidies-my-claims">
          我的申领进度（{claims.length} 项）
        </Button>
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
