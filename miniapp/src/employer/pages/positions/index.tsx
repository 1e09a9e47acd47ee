/** 我的岗位: an employer's positions will be listed here. */
import { View } from '@tarojs/components';
import { Notice, Page } from '../../../components/Page';
import { MePanel } from '../../../components/MePanel';

export default function PositionsPage() {
  return (
    <Page>
      <View className="bf-title">我的岗位</View>
      <MePanel roles={['employer']}>
        <Notice testId="under-construction">您发布的岗位会显示在这里。这部分还在建设中，现在还不能发布和查看岗位。</Notice>
      </MePanel>
    </Page>
  );
}
