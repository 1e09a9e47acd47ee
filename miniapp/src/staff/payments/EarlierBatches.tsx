/**
 * 以前的发放批次: the region's batches, newest first, each opening its rows (to find one the bank
 * sent back). A batch whose answer never reached its payer's phone is listed as not finished; its
 * own payer resumes it here from any phone, and nobody else can.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { formatYuan } from '@bangfu/shared';
import { useCallback } from 'react';
import { fetchBatches, type PaymentBatchSummary } from '../../api/payments';
import { ActionButton } from '../../components/ActionButton';
import { NextPage } from '../../components/LoadMore';
import { LoadView } from '../../components/LoadView';
import { NavCard } from '../../components/NavCard';
import { Notice } from '../../components/Page';
import { useLoad } from '../../hooks/useLoad';
import { useLoadMore } from '../../hooks/useLoadMore';
import { clockText, fullDayText } from '../../time';

/** When: the card's title, short enough for one line on a small phone. */
const whenText = (batch: PaymentBatchSummary) => `${fullDayText(batch.createdAt)} ${clockText(batch.createdAt)}`;
const byText = (batch: PaymentBatchSummary, userId: string) => `发放人：${batch.createdBy === userId ? '您' : batch.createdBy}`;

function Unfinished({
  batch,
  userId,
  resume,
}: {
  batch: PaymentBatchSummary;
  userId: string;
  resume: { busy: boolean; run: (key: string) => Promise<void> };
}) {
  const { resumeKey } = batch;
  return (
    <View className="bf-card" data-testid={`batch-${batch.batchId}`}>
      <View className="bf-card__title">{whenText(batch)}</View>
      <View className="bf-row__line">{byText(batch, userId)}</View>
      <View className="bf-row__line">
        <Text className="bf-state bf-state--overdue">没有发完</Text>
      </View>
      <View className="bf-hint">放进这一批的申领等它发完，不会发两次，也不会进别的批次。</View>
      {resumeKey ? (
        <ActionButton busy={resume.busy} onPress={() => resume.run(resumeKey)} testId="batch-resume">
          继续发放这一批
        </ActionButton>
      ) : (
        <View className="bf-hint">要由发起这一批的工作人员接着发放。</View>
      )}
    </View>
  );
}

function Finished({ batch, userId }: { batch: PaymentBatchSummary; userId: string }) {
  const open = () => {
    Taro.navigateTo({ url: `/staff/pages/payment-batch/index?id=${batch.batchId}` }).catch(() => undefined);
  };
  return (
    <NavCard title={whenText(batch)} onOpen={open} testId={`batch-${batch.batchId}`}>
      <View className="bf-row__line">{byText(batch, userId)}</View>
      <View className="bf-row__line bf-strong">
        {batch.count} 份，共 {formatYuan(batch.totalFen)}
      </View>
      {batch.returnedCount > 0 ? (
        <View className="bf-row__line" data-testid="batch-returned">
          银行退回 {batch.returnedCount} 份，{formatYuan(batch.returnedFen)}
        </View>
      ) : null}
      <View className="bf-row__line" data-testid="batch-returnfile">
        {batch.returnFile ? `${fullDayText(batch.returnFile.at)}记下了银行回盘` : '还没有读银行回盘文件'}
      </View>
    </NavCard>
  );
}

export function EarlierBatches({
  regionCode,
  userId,
  resume,
}: {
  regionCode: string;
  userId: string;
  resume: { busy: boolean; run: (key: string) => Promise<void> };
}) {
  const fetchPage = useCallback((cursor?: string) => fetchBatches(regionCode, cursor), [regionCode]);
  const { load, retry, update } = useLoad(() => fetchPage());
  const pager = useLoadMore(fetchPage, update);
  return (
    <View className="bf-cards" data-testid="payments-earlier">
      <View className="bf-subtitle">以前的发放批次</View>
      <LoadView load={load} retry={retry} what="以前的发放批次">
        {({ items, nextCursor }) =>
          items.length === 0 ? (
            <Notice>还没有发放过。</Notice>
          ) : (
            <>
              {items.map((batch) =>
                batch.state === 'done' ? (
                  <Finished key={batch.batchId} batch={batch} userId={userId} />
                ) : (
                  <Unfinished key={batch.batchId} batch={batch} userId={userId} resume={resume} />
                ),
              )}
              <NextPage pager={pager} nextCursor={nextCursor} testId="batches-more" />
            </>
          )
        }
      </LoadView>
    </View>
  );
}
