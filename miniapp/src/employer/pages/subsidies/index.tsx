/**
 * 我的奖补: the subsidies an employer or agency gets itself (帮扶车间奖补, 就业帮扶基地奖补,
 * 就业创业服务补助…), worked out this month from what the system holds — 可以领 with the
 * amount, or why not, each with its reasons and document — one button that claims all that
 * is due, the corporate account (收款账户) they are paid to, and the unit's claims with
 * their progress (the same timeline a worker sees).
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, type Claim, type SubsidyResult } from '@bangfu/shared';
import { useCallback, useRef, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import {
  claimEmployerSubsidies,
  fetchEmployerClaims,
  fetchEmployerSubsidies,
  newIdempotencyKey,
  type MySubsidies,
} from '../../../api/subsidies';
import { ActionButton } from '../../../components/ActionButton';
import { ClaimTimeline } from '../../../components/ClaimTimeline';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { byStanding, SubsidyCard } from '../../../components/SubsidyCard';
import { useReloadOnShow } from '../../../hooks/useReloadOnShow';
import { monthText } from '../../../time';
import { CorporateAccountSection } from '../../CorporateAccount';
import '../../employer.css';

type Load =
  | { state: 'loading' }
  | { state: 'noProfile' }
  | { state: 'failed'; message: string }
  /** The claims may fail on their own: the subsidies are still worth showing. */
  | { state: 'ready'; subsidies: MySubsidies; claims: Claim[] | { failed: string } };

const go = (url: string) => {
  Taro.navigateTo({ url }).catch(() => undefined);
};

function EmployerSubsidies() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; tone: 'info' | 'error' } | null>(null);
  const [showOthers, setShowOthers] = useState(false);
  const key = useRef(newIdempotencyKey());

  const reload = useCallback(async () => {
    try {
      const [subsidies, claims] = await Promise.all([
        fetchEmployerSubsidies(),
        fetchEmployerClaims().catch((error: unknown) => ({ failed: errorText(error) })),
      ]);
      setLoad({ state: 'ready', subsidies, claims });
    } catch (error) {
      if (isApiError(error) && error.status === 404) setLoad({ state: 'noProfile' });
      else setLoad({ state: 'failed', message: errorText(error) });
    }
  }, []);
  useReloadOnShow(reload);

  if (load.state === 'loading') return <Notice>正在计算单位能领的奖补…</Notice>;
  if (load.state === 'noProfile') {
    return (
      <View className="bf-section">
        <Notice>请先填写单位信息。工作人员审核以后，系统按单位的情况算出能领哪些奖补。</Notice>
        <Button type="primary" size="large" block onClick={() => go('/employer/pages/profile/index')}>
          去填写单位信息
        </Button>
      </View>
    );
  }
  if (load.state === 'failed') {
    return (
      <View className="bf-section">
        <Notice tone="error">没能加载：{load.message}</Notice>
        <Button size="large" block onClick={() => reload()} data-testid="employer-subsidies-reload">
          重新加载
        </Button>
      </View>
    );
  }

  const { subsidies } = load;
  const claims = Array.isArray(load.claims) ? load.claims : [];
  const claimsFailed = Array.isArray(load.claims) ? null : load.claims.failed;
  const claimOf = (r: SubsidyResult) => claims.find((c) => c.subsidy === r.subsidy && c.periodKey === r.periodKey);
  const { due, claimed, missing, others, dueFen: total } = byStanding(subsidies.results);

  const claim = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const { created } = await claimEmployerSubsidies(key.current);
      key.current = newIdempotencyKey(); // the next tap is a new request
      setNotice({
        text: created > 0 ? `已申领 ${created} 项，工作人员审核后发放到单位的对公账户。` : '这些奖补都已经申领过了。',
        tone: 'info',
      });
      await reload();
    } catch (error) {
      setNotice({ text: `没能申领：${errorText(error)}`, tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const cards = (list: SubsidyResult[]) =>
    list.length === 0 ? null : (
      <View className="bf-cards">
        {list.map((r) => (
          <SubsidyCard key={`${r.subsidy}#${r.periodKey}`} result={r} claim={claimOf(r)} />
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
      {due.length > 0 ? (
        <View className="bf-notice" data-testid="employer-subsidies-summary">
          <View className="bf-strong">
            可以申领 {due.length} 项，共 {formatYuan(total)}
          </View>
        </View>
      ) : (
        <Notice testId="employer-subsidies-summary">现在没有可以申领的奖补。</Notice>
      )}
      {due.length > 0 ? (
        <ActionButton busy={busy} onPress={claim} testId="employer-subsidies-claim">
          申领（{due.length} 项）
        </ActionButton>
      ) : null}
      {cards(due)}

      {/* Approved subsidies are paid only to the unit's corporate account. */}
      <CorporateAccountSection />

      <View className="bf-subtitle">申领进度</View>
      {claimsFailed ? (
        <Notice tone="error" testId="employer-claims-error">
          申领记录暂时看不到：{claimsFailed}
        </Notice>
      ) : claims.length === 0 ? (
        <Notice testId="employer-claims-empty">单位还没有申领过奖补。</Notice>
      ) : (
        <View className="bf-cards" data-testid="employer-claims">
          {claims.map((c) => (
            <ClaimTimeline key={c.claimId} claim={c} reader="employer" />
          ))}
        </View>
      )}
      {/* Claimed, but its claim is not in the list above (it could not be loaded): still say so. */}
      {cards(claimed.filter((r) => !claimOf(r)))}

      {missing.length > 0 ? <View className="bf-subtitle">还差一些信息的</View> : null}
      {cards(missing)}
      {subsidies.unavailable.length > 0 ? (
        <Notice>本地区还没有设定标准、暂时算不出来的：{subsidies.unavailable.map((u) => u.name).join('、')}。</Notice>
      ) : null}
      {others.length > 0 ? (
        <Button size="large" block onClick={() => setShowOthers((v) => !v)} data-testid="employer-subsidies-others">
          {showOthers ? '收起' : `其他 ${others.length} 项（现在不符合条件）`}
        </Button>
      ) : null}
      {showOthers ? cards(others) : null}
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
