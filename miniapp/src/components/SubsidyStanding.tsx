/**
 * The parts 我的补贴 (a worker) and 我的奖补 (an employer) share: the one-line summary of what
 * is due, the one tap that claims it all, and below the claims what still lacks facts, what
 * the region has no standard for yet (当地标准还没有公布), (folded) the subsidies that do not
 * apply now, and the documents they were reckoned by.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, type SubsidyResult } from '@bangfu/shared';
import { useRef, useState, type ReactNode } from 'react';
import { errorText } from '../api/client';
import { newIdempotencyKey, type MySubsidies } from '../api/subsidies';
import { Notice } from './Page';

/** 可以申领 N 项，共 X 元 — or that nothing is due now. */
export function DueSummary({
  due,
  totalFen,
  noneText,
  testId,
}: {
  due: number;
  totalFen: number;
  noneText: string;
  testId: string;
}) {
  if (due === 0) return <Notice testId={testId}>{noneText}</Notice>;
  return (
    <View className="bf-notice" data-testid={testId}>
      <View className="bf-strong">
        可以申领 {due} 项，共 {formatYuan(totalFen)}
      </View>
    </View>
  );
}

export interface ClaimNotice {
  text: string;
  tone: 'info' | 'error';
}

/**
 * One tap claims everything due. The idempotency key is kept until the server answers, so a
 * retried tap on a slow network claims once; then the page reloads to show where claims stand.
 */
export function useClaimAll(
  claim: (idempotencyKey: string) => Promise<{ created: number }>,
  reload: () => Promise<void>,
  doneText: (created: number) => string,
) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<ClaimNotice | null>(null);
  const key = useRef(newIdempotencyKey());
  const claimAll = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const { created } = await claim(key.current);
      key.current = newIdempotencyKey(); // the next tap is a new request
      setNotice({ text: doneText(created), tone: 'info' });
      await reload();
    } catch (error) {
      setNotice({ text: `没能申领：${errorText(error)}`, tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { busy, notice, claimAll };
}

interface OtherSubsidiesProps {
  subsidies: MySubsidies;
  missing: SubsidyResult[];
  others: SubsidyResult[];
  cards: (list: SubsidyResult[]) => ReactNode;
  othersLabel: (count: number) => string;
  othersTestId: string;
}

export function OtherSubsidies({ subsidies, missing, others, cards, othersLabel, othersTestId }: OtherSubsidiesProps) {
  const [showOthers, setShowOthers] = useState(false);
  return (
    <>
      {missing.length > 0 ? <View className="bf-subtitle">还差一些信息的</View> : null}
      {cards(missing)}
      {subsidies.unavailable.length > 0 ? (
        <Notice testId="subsidies-unavailable">
          当地标准还没有公布，暂时算不出来：{subsidies.unavailable.map((u) => u.name).join('、')}。公布以后这里会自动算出金额。
        </Notice>
      ) : null}
      {others.length > 0 ? (
        <Button size="large" block onClick={() => setShowOthers((v) => !v)} data-testid={othersTestId}>
          {showOthers ? '收起' : othersLabel(others.length)}
        </Button>
      ) : null}
      {showOthers ? cards(others) : null}
      {subsidies.policies.length > 0 ? (
        <View className="bf-hint" data-testid="subsidies-policies">
          按这些政策文件计算：{subsidies.policies.map((p) => p.document).join('；')}
        </View>
      ) : null}
    </>
  );
}
