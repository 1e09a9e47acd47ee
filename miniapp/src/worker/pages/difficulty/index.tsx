/**
 * 我有困难: a worker tells the village what is wrong in a few taps, and sees each thing they told
 * being taken up and done. Before binding, it says why binding comes first.
 */
import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { isApiError } from '../../../api/client';
import { fetchMyDifficulties } from '../../../api/difficulties';
import { BindFirst } from '../../../components/LoadView';
import { LoadMore } from '../../../components/LoadMore';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { DifficultyForm } from '../../difficulty/DifficultyForm';
import { MyDifficulties } from '../../difficulty/MyDifficulties';

function Difficulty() {
  const [told, setTold] = useState<string | null>(null);
  const [unbound, setUnbound] = useState(false);
  const fetchPage = useCallback(async (cursor: string | undefined) => {
    try {
      const page = await fetchMyDifficulties(cursor);
      return { items: page.difficulties, nextCursor: page.nextCursor };
    } catch (error) {
      if (isApiError(error) && error.status === 404) setUnbound(true);
      throw error;
    }
  }, []);
  const list = usePagedList(fetchPage);
  if (unbound) return <BindFirst>绑定身份以后，村里才知道是谁遇到了困难，好联系您。</BindFirst>;
  return (
    <View className="bf-section">
      <View className="bf-hint">说清楚遇到了什么困难，村里的工作人员会打电话或上门来帮您。</View>
      {told ? <Notice testId="difficulty-told">{told}</Notice> : null}
      <DifficultyForm
        onTold={(created) => {
          setTold(created ? '已经告诉村里了，会尽快联系您。' : '今天已经说过这件事，刚说的也告诉村里了。');
          list.reload();
        }}
      />
      {list.items.length ? (
        <>
          <View className="bf-subtitle">我说过的困难</View>
          <MyDifficulties items={list.items} />
          <LoadMore loading={list.loading} more={Boolean(list.nextCursor)} onMore={list.more} testId="difficulties-more" />
        </>
      ) : null}
    </View>
  );
}

export default function DifficultyPage() {
  return <RolePage title="我有困难" roles={['worker']} show={() => <Difficulty />} />;
}
