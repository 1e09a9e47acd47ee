/** 台账: the register of people helped in the staff member's region. */
import { View } from '@tarojs/components';
import { Notice, Page } from '../../../components/Page';
import { MePanel } from '../../../components/MePanel';

export default function RegistryPage() {
  return (
    <Page>
      <View className="bf-title">台账</View>
      <MePanel roles={['staff']}>
        <Notice testId="under-construction">您负责地区的帮扶台账会显示在这里。这部分还在建设中，现在还没有台账数据。</Notice>
      </MePanel>
    </Page>
  );
}
