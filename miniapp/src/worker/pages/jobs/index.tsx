/** 找工作: the job map will live here. For now: who you are, your region, and an honest note. */
import { View } from '@tarojs/components';
import { Notice, Page } from '../../../components/Page';
import { MePanel } from '../../../components/MePanel';

export default function JobsPage() {
  return (
    <Page>
      <View className="bf-title">找工作</View>
      <MePanel roles={['worker']}>
        <Notice testId="under-construction">
          这里以后会显示您所在地区附近正在招人的岗位。这部分还在建设中，现在还没有岗位信息。
        </Notice>
      </MePanel>
    </Page>
  );
}
