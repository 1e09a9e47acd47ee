/**
 * A village service point (村就业服务点), opened from its poster (?code=, the 12-digit village
 * code): who serves it, the subsidies people there can claim, the policy documents in force,
 * and the way to jobs nearby. Anyone may look; no login.
 */
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useCallback } from 'react';
import { fetchVillage, type VillageServicePoint } from '../../../api/helpCodes';
import { LoadView } from '../../../components/LoadView';
import { NavButton } from '../../../components/NavButton';
import { Notice, Page } from '../../../components/Page';
import { useLoad } from '../../../hooks/useLoad';
import { OpenProblem } from '../../OpenProblem';
import '../../codes.css';

function Officers({ officers }: { officers: VillageServicePoint['officers'] }) {
  return (
    <View className="bf-section">
      <View className="bf-subtitle">为您服务的人</View>
      {officers.length ? (
        <View className="bf-place" role="list" data-testid="village-officers">
          {officers.map((officer) => (
            <View key={`${officer.name}-${officer.office}`} className="bf-list__item" role="listitem">
              <View className="bf-list__main">{officer.name}</View>
              <View className="bf-list__sub">{officer.office}</View>
            </View>
          ))}
        </View>
      ) : (
        <Notice>这里还没有登记服务人员，可以去乡镇（苏木）便民服务中心问问。</Notice>
      )}
    </View>
  );
}

function Subsidies({ subsidies }: { subsidies: string[] }) {
  return (
    <View className="bf-section">
      <View className="bf-subtitle">在这里能领的补贴</View>
      {subsidies.length ? (
        <View className="bf-place" role="list" data-testid="village-subsidies">
          {subsidies.map((name) => (
            <View key={name} className="bf-list__item bf-list__main" role="listitem">
              {name}
            </View>
          ))}
        </View>
      ) : (
        <Notice>现在没有列出补贴。</Notice>
      )}
      <View className="bf-hint">能不能领、领多少，要看每个人的情况。请问村里的信息员。</View>
    </View>
  );
}

function Policies({ policies }: { policies: VillageServicePoint['policies'] }) {
  return (
    <View className="bf-section">
      <View className="bf-subtitle">本地执行的政策文件</View>
      {policies.length ? (
        <View className="bf-place" role="list" data-testid="village-policies">
          {policies.map((policy) => (
            <View key={`${policy.title}-${policy.number ?? ''}`} className="bf-list__item" role="listitem">
              <View className="bf-list__main">{policy.title}</View>
              <View className="bf-list__sub">{policy.issuer}</View>
              {policy.number ? <View className="bf-list__sub">文号：{policy.number}</View> : null}
            </View>
          ))}
        </View>
      ) : (
        <Notice>现在没有列出政策文件。</Notice>
      )}
    </View>
  );
}

function VillageView({ village }: { village: VillageServicePoint }) {
  return (
    <>
      <View className="bf-title" data-testid="village-title">
        {village.villageName}就业服务点
      </View>
      <View className="bf-text">{village.fullName}</View>
      <View className="bf-section">
        <NavButton url="/worker/pages/jobs/index" primary testId="village-jobs">
          看附近的工作
        </NavButton>
      </View>
      <Officers officers={village.officers} />
      <Subsidies subsidies={village.subsidies} />
      <Policies policies={village.policies} />
    </>
  );
}

function PublicVillageView({ code }: { code: string }) {
  const { load, retry } = useLoad(useCallback(() => fetchVillage(code), [code]));
  return (
    <LoadView load={load} retry={retry} what="这个服务点">
      {(village) => <VillageView village={village} />}
    </LoadView>
  );
}

export default function VillagePage() {
  const { params } = useRouter();
  const code = params.code ? decodeURIComponent(params.code).trim() : '';
  return (
    <Page>
      {code ? (
        <PublicVillageView code={code} />
      ) : (
        <OpenProblem title="找不到这个服务点" text="没有说是哪个村。请重新扫一次海报上的码。" />
      )}
    </Page>
  );
}
