/**
 * 申领进度: every claim of the worker, newest first (the one tapped on 我的补贴 first), each
 * with its steps in plain words — 提交申领, who approved it and when, 已发放, or 未通过 and
 * why — what comes next, and 为什么是这个金额.
 */
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, type Claim } from '@bangfu/shared';
import { fetchMyClaims } from '../../../api/subsidies';
import { ClaimTimeline } from '../../../components/ClaimTimeline';
import { BindFirst, LoadView } from '../../../components/LoadView';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useLoad } from '../../../hooks/useLoad';
import '../../worker.css';

function go(url: string): void {
  Taro.navigateTo({ url }).catch(() => undefined);
}

/** The one tapped first, then the rest as the API orders them (newest first). */
function ordered(claims: Claim[], chosenId: string | undefined): Claim[] {
  const chosen = claims.filter((c) => c.claimId === chosenId);
  return [...chosen, ...claims.filter((c) => c.claimId !== chosenId)];
}

function MyClaims({ chosenId }: { chosenId: string | undefined }) {
  const { load, retry } = useLoad(fetchMyClaims, { missingOn404: true });
  return (
    <LoadView
      load={load}
      retry={retry}
      loadingText="正在加载您的申领…"
      missing={<BindFirst>您还没有绑定身份。绑定以后才能申领补贴、看进度。</BindFirst>}
    >
      {(claims) => <ClaimList claims={claims} chosenId={chosenId} />}
    </LoadView>
  );
}

function ClaimList({ claims, chosenId }: { claims: Claim[]; chosenId: string | undefined }) {
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
  return <RolePage title="申领进度" roles={['worker']} show={() => <MyClaims chosenId={params.claimId} />} />;
}
