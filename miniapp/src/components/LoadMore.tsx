/**
 * The foot of a list read a page at a time: 正在加载, then 加载更多 while there is more,
 * or (where the list says it) how many are shown once all are.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { LoadMorePager } from '../hooks/useLoadMore';
import { Notice } from './Page';

export function LoadMore({
  loading,
  more,
  onMore,
  testId,
  allShown,
}: {
  loading: boolean;
  /** There is a next page and it may be read now. */
  more: boolean;
  onMore: () => void;
  testId: string;
  /** Said when the last page is in, e.g. "已经全部显示（20 人）"; nothing where it is not given. */
  allShown?: string;
}) {
  return (
    <>
      {loading ? <Notice>正在加载…</Notice> : null}
      {!loading && more ? (
        <Button size="large" block onClick={onMore} data-testid={testId}>
          加载更多
        </Button>
      ) : null}
      {!loading && !more && allShown ? <View className="bf-hint">{allShown}</View> : null}
    </>
  );
}

/** The foot of a list whose first page came with the page and later ones through useLoadMore. */
export function NextPage({
  pager,
  nextCursor,
  testId,
}: {
  pager: LoadMorePager;
  nextCursor: string | undefined;
  testId: string;
}) {
  return (
    <>
      {pager.error ? <Notice tone="error">{pager.error}</Notice> : null}
      <LoadMore
        loading={pager.loading}
        more={nextCursor !== undefined}
        onMore={() => nextCursor && void pager.more(nextCursor)}
        testId={testId}
      />
    </>
  );
}
