/**
 * 发放补贴: the county's payer (发放 duty) sees what is approved and waiting, and pays it in one
 * batch: each claim is weighed once more on the records as they stand, a claim without an account
 * to pay to is left out with the reason, and the batch's file goes to the bank. The batch's key is
 * kept on the phone until the server answers, so a retry after a timeout resumes it, never pays twice;
 * from another phone, 以前的发放批次 lists it unfinished for its payer to resume. Each earlier batch
 * opens its rows, where a payment the bank sent back is recorded.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, type User } from '@bangfu/shared';
import { useState } from 'react';
import { fetchClaims } from '../../../api/claims';
import { payApproved, type PaymentBatchView } from '../../../api/payments';
import { ActionButton } from '../../../components/ActionButton';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useAction } from '../../../hooks/useAction';
import { useLoad } from '../../../hooks/useLoad';
import { BatchResult } from '../../payments/BatchResult';
import { EarlierBatches } from '../../payments/EarlierBatches';
import { batchAnswered, batchKey, unfinishedBatchKey } from '../../payments/batchKey';
import { NoStaffRegion, staffRegion } from '../../staffRegion';

function Payments({ userId, regionCode }: { userId: string; regionCode: string }) {
  const waiting = useLoad(() => fetchClaims(regionCode, 'approved'));
  const [asking, setAsking] = useState(false);
  const [batch, setBatch] = useState<PaymentBatchView | null>(null);
  // An attempt left unanswered when the page opened, or one that failed now: the same key resumes it.
  const [leftOver] = useState(() => unfinishedBatchKey(userId, regionCode) !== undefined);
  const pay = useAction(
    () => payApproved(regionCode, batchKey(userId, regionCode)),
    (answered) => {
      batchAnswered(userId, regionCode);
      setAsking(false);
      setBatch(answered);
      waiting.reload().catch(() => undefined);
    },
  );
  // A batch left unfinished, resumed from the list by its own payer (perhaps on another phone).
  const resume = useAction(
    async (key: string) => {
      const answered = await payApproved(regionCode, key);
      // The phone's own unfinished attempt, if it was this one, is answered now.
      if (unfinishedBatchKey(userId, regionCode) === key) batchAnswered(userId, regionCode);
      return answered;
    },
    (answered) => {
      setBatch(answered);
      waiting.reload().catch(() => undefined);
    },
  );

  if (waiting.load.state === 'loading') return <Notice>正在查看等待发放的申领…</Notice>;
  if (waiting.load.state === 'failed' || waiting.load.state === 'missing') {
    return (
      <View className="bf-section">
        <Notice tone="error">没能加载：{waiting.load.state === 'failed' ? waiting.load.message : ''}</Notice>
        <Button size="large" block onClick={waiting.retry} data-testid="payments-reload">
          重新加载
        </Button>
      </View>
    );
  }
  const unfinished = (leftOver && !batch) || pay.failure !== null;
  const { claims, nextCursor } = waiting.load.data;
  const total = claims.reduce((sum, c) => sum + c.amountFen, 0);
  const countText = `${claims.length}${nextCursor ? ' 份以上' : ' 份'}`;
  return (
    <View className="bf-section">
      {batch ? <BatchResult batch={batch} /> : null}
      {unfinished ? (
        <Notice tone="error" testId="payments-unfinished">
          上一次发放还没有完成。点“继续发放”接着发，已经发了的不会再发。
        </Notice>
      ) : null}
      {claims.length === 0 && !unfinished ? (
        <Notice testId="payments-none">现在没有审核通过、等待发放的申领。</Notice>
      ) : (
        <View className="bf-text" data-testid="payments-waiting">
          审核通过、等待发放的申领：{countText}
          {nextCursor ? '' : `，共 ${formatYuan(total)}`}。
        </View>
      )}
      {pay.failure ? (
        // The server's words end a sentence already: one full stop, not two.
        <Notice tone="error" testId="payments-failure">
          没能发放：{pay.failure.replace(/。$/, '')}。可以再点一次，接着上一次发。
        </Notice>
      ) : null}
      {asking || unfinished ? (
        <View className="bf-filters" data-testid="payments-ask">
          <View className="bf-hint">
            发放前按最新记录把每一份再核一遍：不再符合的退回待审核，没有确认的收款账户的先不发，都会写明原因。
          </View>
          <ActionButton busy={pay.busy} onPress={pay.run} testId="payments-confirm">
            {unfinished ? '继续发放' : `确认发放 ${countText}`}
          </ActionButton>
          {unfinished ? null : (
            <Button size="large" block onClick={() => setAsking(false)} data-testid="payments-cancel">
              不了，返回
            </Button>
          )}
        </View>
      ) : claims.length > 0 ? (
        <Button type="primary" size="large" block onClick={() => setAsking(true)} data-testid="payments-start">
          发放这些补贴
        </Button>
      ) : null}
      {resume.failure ? (
        <Notice tone="error" testId="batch-resume-failure">
          没能接着发放：{resume.failure}
        </Notice>
      ) : null}
      {/* Made again after each batch, so the list holds it. */}
      <EarlierBatches key={batch?.batchId ?? ''} regionCode={regionCode} userId={userId} resume={resume} />
    </View>
  );
}

function Region({ user }: { user: User }) {
  const regionCode = staffRegion(user);
  if (!regionCode) return <NoStaffRegion />;
  if (!user.duties?.includes('pay')) {
    return (
      <Notice testId="payments-no-duty">
        您的账号没有发放补贴的职责。补贴由旗县人社局负责发放的工作人员发放，审核的人不能自己发。
      </Notice>
    );
  }
  return <Payments userId={user.userId} regionCode={regionCode} />;
}

export default function PaymentsPage() {
  return <RolePage title="发放补贴" roles={['staff', 'admin']} show={(user) => <Region user={user} />} />;
}
