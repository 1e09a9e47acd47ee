/**
 * 发放批次: one earlier batch as its bank file has it — every row by its number (序号), found by a
 * name from the bank's return slip (退票回单) — its file again, the bank's return file read into it
 * (银行回盘), and 银行退回 recorded on a row by hand.
 */
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, type User } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import type { ListPage } from '../../../api/client';
import {
  fetchBatch,
  paymentFilePath,
  type PaymentBatchSummary,
  type PaymentBatchView,
  type PaymentLineView,
} from '../../../api/payments';
import { BigInput } from '../../../components/BigInput';
import { FileButton } from '../../../components/FileButton';
import { NextPage } from '../../../components/LoadMore';
import { LoadView } from '../../../components/LoadView';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useLoad } from '../../../hooks/useLoad';
import { useLoadMore } from '../../../hooks/useLoadMore';
import { clockText, fullDayText } from '../../../time';
import { BatchLine } from '../../payments/BatchLine';
import { ReturnFileReader } from '../../payments/ReturnFileReader';

type BatchPage = ListPage<PaymentLineView> & { batch: PaymentBatchSummary };

/** The bank's return as a row shows it, from the batch the return answered with. */
function withReturn(page: BatchPage, answered: PaymentBatchView, userId: string): BatchPage {
  const byClaim = new Map(answered.returned.map((r) => [r.claimId, r]));
  const items = page.items.map((line) => {
    const r = byClaim.get(line.claimId);
    return r && !line.returned
      ? { ...line, returned: { reason: r.reason, bankReference: r.bankReference, at: r.at, by: userId } }
      : line;
  });
  const returnedFen = answered.returned.reduce((sum, r) => sum + r.amountFen, 0);
  return { ...page, items, batch: { ...page.batch, returnedCount: answered.returned.length, returnedFen } };
}

function Lines({ batchId, name, userId }: { batchId: string; name: string; userId: string }) {
  const fetchPage = useCallback(
    async (cursor?: string): Promise<BatchPage> => {
      const answer = await fetchBatch(batchId, { ...(name ? { name } : {}), ...(cursor ? { cursor } : {}) });
      return { batch: answer.batch, items: answer.lines, nextCursor: answer.nextCursor };
    },
    [batchId, name],
  );
  const { load, retry, update } = useLoad(() => fetchPage());
  // A later page adds rows; the batch's summary stays as the first page brought it.
  const pager = useLoadMore(fetchPage, (change) => update((shown) => ({ ...shown, ...change(shown) })));
  return (
    <LoadView load={load} retry={retry} what="这一批">
      {({ batch, items, nextCursor }) => (
        <>
          <Notice testId="batch-summary">
            <View className="bf-strong">
              {fullDayText(batch.createdAt)} {clockText(batch.createdAt)} 发放 {batch.count} 份，共 {formatYuan(batch.totalFen)}。
            </View>
            {batch.returnedCount > 0 ? (
              <View data-testid="batch-summary-returned">
                银行退回 {batch.returnedCount} 份，{formatYuan(batch.returnedFen)}，等下一批再发。
              </View>
            ) : null}
            {batch.returnFile ? (
              <View data-testid="batch-summary-returnfile">
                {fullDayText(batch.returnFile.at)}记下了银行回盘：到账 {batch.returnFile.paidCount} 份，退回{' '}
                {batch.returnFile.returnedCount} 份
                {batch.returnFile.unlistedCount > 0 ? `，文件里没有 ${batch.returnFile.unlistedCount} 份` : ''}。
              </View>
            ) : (
              <View data-testid="batch-summary-returnfile">还没有读银行回盘文件。</View>
            )}
          </Notice>
          <FileButton path={paymentFilePath(batchId)} fileName={`补贴发放-${batchId}.csv`} testId="batch-file">
            再下载银行文件
          </FileButton>
          {items.length === 0 ? (
            <Notice testId="batch-none">{name ? `这一批里没有名字里有“${name}”的。` : '这一批没有发放。'}</Notice>
          ) : (
            items.map((line) => (
              <BatchLine
                key={line.claimId}
                batchId={batchId}
                line={line}
                onReturned={(answered) => update((shown) => withReturn(shown, answered, userId))}
              />
            ))
          )}
          <NextPage pager={pager} nextCursor={nextCursor} testId="lines-more" />
        </>
      )}
    </LoadView>
  );
}

function Batch({ user }: { user: User }) {
  const { params } = useRouter();
  const batchId = params.id ?? '';
  const [typed, setTyped] = useState('');
  const [name, setName] = useState('');
  // Read again once a return file is recorded: its returns and its mark show on the rows and the summary.
  const [readings, setReadings] = useState(0);
  return (
    <View className="bf-section">
      <ReturnFileReader batchId={batchId} onRecorded={() => setReadings((n) => n + 1)} />
      <View className="bf-filters">
        <View className="bf-field__label">按退票回单上的名字找</View>
        <BigInput
          value={typed}
          onChange={setTyped}
          maxLength={40}
          placeholder="姓名或单位名称"
          confirmType="search"
          onConfirm={() => setName(typed.trim())}
          testId="lines-name"
        />
        <Button size="large" block onClick={() => setName(typed.trim())} data-testid="lines-search">
          {typed.trim() ? '查找' : '看全部'}
        </Button>
      </View>
      {/* Made anew for each name and each return file recorded: the list starts from its first page. */}
      <Lines key={`${name}#${readings}`} batchId={batchId} name={name} userId={user.userId} />
    </View>
  );
}

export default function PaymentBatchPage() {
  return <RolePage title="发放批次" roles={['staff', 'admin']} show={(user) => <Batch user={user} />} />;
}
