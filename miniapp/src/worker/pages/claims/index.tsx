/**
 * 申领进度: every claim of the worker, newest first (the one tapped on 我的补贴 first), each
 * with its steps in plain words — 提交申领, who approved it and when, 已发放, or 未通过 and
 * why — what comes next, and 为什么是这个金额.
 */
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, type Claim } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { fetchMyClaims } from '../../../api/subsidies';
import { ClaimTimeline } from '../../../components/ClaimTimeline';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { useReloadOnShow } from '../../../hooks/useReloadOnShow';
import '../../worker.css';

type Load =
  { state: 'loading' } | { state: 'unbound' } | { state: 'failed'; message: string } | { state: 'ready'; claims: Claim[] };

function go(url: string): void {
  Taro.navigateTo({ url }).catch(() => undefined);
}

/** The one tapped first, then the rest as the API orders them (newest first). */
function ordered(claims: Claim[], chosenId: string | undefined): Claim[] {
  const chosen = claims.filter((c) => c.claimId === chosenId);
  return [...chosen, ...claims.filter((c) => c.claimId !== chosenId)];
}

function MyClaims({ chosenId }: { chosenId: string | undefined }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const reload = useCallback(async () => {
    try {
      setLoad({ state: 'ready', claims: await fetchMyClaims() });
    } catch (error) {
      if (isApiError(error) && error.status === 404) setLoad({ state: 'unbound' });
      else setLoad({ state: 'failed', message: errorText(error) });
    }
  }, []);
  useReloadOnShow(reload);

  if (load.state === 'loading') return <Notice>正在加载您的申领…</Notice>;
  if (load.state === 'unbound') {
    return (
      <View className="bf-section">
        <Notice>您还没有绑定身份。绑定以后才能申领补贴、看进度。</Notice>
        <Button type="primary" size="large" block onClick={() => go('/worker/pages/me/index')}>
          去绑定身份
        </Button>
      </View>
    );
  }
  if (load.state === 'failed') {
    return (
      <View className="bf-section">
        <Notice tone="error">没能加载：{load.message}</Notice>
        <Button size="large" block onClick={() => reload()} data-testid="my-claims-reload">
          重新加载
        </Button>
      </View>
    );
  }

  const { claims } = load;
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
  const open = claims.filter((c) => c.status === 'submitted' || c.status === 'firstApproved' || c.status === 'approved');
  const paid = claims.filter((c) => c.status === 'paid').reduce((sum, c) => sum + c.amountFen, 0);
  return (
    <View className="bf-section">
      <Notice testId="my-claims-summary">
        <View className="bf-strong">
          共申领 {claims.length} 项{open.length > 0 ? `，${open.length} 项还在办` : ''}
        </View>
        {paid > 0 ? <View>已经发给您 {formatYuan(paid)}</View> : null}
      </Notice>
      <View className="bf-cards">
        {ordered(claims, chosenId).map((claim) => (
          <ClaimTimeline key={claim.claimId} claim={claim} reader="worker" chosen={claim.claimId === chosenId} />
        ))}
      </View>
      <View className="bf-hint">有疑问，请问村里的信息员或乡镇就业服务站。</View>
    </View>
  );
}

export default function MyClaimsPage() {
  const { params } = useRouter();
  return (
    <Page>
      <View className="bf-title">申领进度</View>
      <RoleGate roles={['worker']}>{() => <MyClaims chosenId={params.claimId} />}</RoleGate>
    </Page>
  );
}
