/**
 * 追回 on a claim card: what was ordered back and why, and whether it came back or was written off;
 * for a county officer who rechecks, 追回多发的钱 on a paid claim (how much, and the reason the
 * person reads); for a county payer other than who ordered it, 钱已退回 with the bank's reference,
 * or 登记核销 with the county's approval (WriteOffForm.tsx).
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { fenToYuan, formatYuan, yuanToFen, type Claim, type User } from '@bangfu/shared';
import { useState } from 'react';
import { orderRecovery, recoveryReceived } from '../../../api/claims';
import { errorText, isApiError } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { BigInput } from '../../../components/BigInput';
import { Field, fieldName } from '../../../components/Field';
import { Notice } from '../../../components/Page';
import { useFieldProblems } from '../../../hooks/useFieldProblems';
import { dayText } from '../../../time';
import { WriteOffForm } from './WriteOffForm';

type FieldName = 'amountFen' | 'reason' | 'bankReference';

/** The server's refusal under the field it names, or over the form. */
function problemsOf(error: unknown): Partial<Record<FieldName | 'form', string>> {
  const field = isApiError(error) ? fieldName(error.field) : undefined;
  const known = field === 'amountFen' || field === 'reason' || field === 'bankReference';
  return { [known ? field : 'form']: errorText(error) };
}

function OrderForm({ claim, onDone, onCancel }: { claim: Claim; onDone: (next: Claim) => void; onCancel: () => void }) {
  const [amount, setAmount] = useState(fenToYuan(claim.amountFen));
  const [reason, setReason] = useState('');
  const { problems, setProblems, changing } = useFieldProblems<FieldName>();
  const [busy, setBusy] = useState(false);
  const id = claim.claimId;
  const submit = async () => {
    const amountFen = yuanToFen(amount.trim());
    const found: Partial<Record<FieldName, string>> = {};
    if (amountFen === undefined || amountFen < 1) found.amountFen = '请写追回多少元，如 500';
    else if (amountFen > claim.amountFen) found.amountFen = `不能超过发放的 ${formatYuan(claim.amountFen)}`;
    if (reason.trim().length < 4) found.reason = '请写明为什么追回，至少 4 个字';
    setProblems(found);
    if (Object.keys(found).length > 0 || amountFen === undefined) return;
    setBusy(true);
    try {
      onDone(await orderRecovery(claim, amountFen, reason.trim()));
    } catch (error) {
      setProblems(problemsOf(error));
      setBusy(false);
    }
  };
  return (
    <View className="bf-filters" data-testid={`claim-${id}-recovery-form`}>
      <Field
        label="追回多少"
        hint="多发的部分；全部发错了就是全部"
        error={problems.amountFen}
        testId={`claim-${id}-recovery-amount`}
      >
        {/* The placeholder names the box to a screen reader as well (the H5 input has no label of its own). */}
        <BigInput
          value={amount}
          onChange={changing('amountFen', setAmount)}
          type="digit"
          unit="元"
          maxLength={12}
          placeholder="追回的金额，如 500"
          testId={`claim-${id}-recovery-amount`}
        />
      </Field>
      <Field
        label="为什么追回"
        hint="申领人能看到这句话，请写清楚"
        error={problems.reason}
        testId={`claim-${id}-recovery-reason`}
      >
        <BigInput
          value={reason}
          onChange={changing('reason', setReason)}
          maxLength={200}
          placeholder="如：顶岗替岗，实际由他人上岗"
          testId={`claim-${id}-recovery-reason`}
        />
      </Field>
      <View className="bf-hint">村里会收到任务，当面告诉本人原因和金额。钱退回以后，由另一位负责发放的工作人员登记。</View>
      {problems.form ? <Notice tone="error">{problems.form}</Notice> : null}
      <ActionButton busy={busy} onPress={submit} testId={`claim-${id}-recovery-confirm`}>
        确认追回
      </ActionButton>
      <Button size="large" block onClick={onCancel} disabled={busy} data-testid={`claim-${id}-recovery-cancel`}>
        不了，返回
      </Button>
    </View>
  );
}

function ReceiveForm({ claim, onDone, onCancel }: { claim: Claim; onDone: (next: Claim) => void; onCancel: () => void }) {
  const [reference, setReference] = useState('');
  const { problems, setProblems, changing } = useFieldProblems<FieldName>();
  const [busy, setBusy] = useState(false);
  const id = claim.claimId;
  const submit = async () => {
    setBusy(true);
    setProblems({});
    try {
      onDone(await recoveryReceived(claim, reference.trim()));
    } catch (error) {
      setProblems(problemsOf(error));
      setBusy(false);
    }
  };
  return (
    <View className="bf-filters" data-testid={`claim-${id}-received-form`}>
      <Field
        label="退回款的流水号"
        hint="在银行的收款回单上"
        error={problems.bankReference}
        testId={`claim-${id}-received-reference`}
      >
        <BigInput
          value={reference}
          onChange={changing('bankReference', setReference)}
          maxLength={40}
          placeholder="字母或数字"
          testId={`claim-${id}-received-reference`}
        />
      </Field>
      {problems.form ? <Notice tone="error">{problems.form}</Notice> : null}
      <ActionButton busy={busy} onPress={submit} testId={`claim-${id}-received-confirm`}>
        登记已收回
      </ActionButton>
      <Button size="large" block onClick={onCancel} disabled={busy} data-testid={`claim-${id}-received-cancel`}>
        不了，返回
      </Button>
    </View>
  );
}

export function RecoveryPanel({ claim, user, onDone }: { claim: Claim; user: User; onDone: (next: Claim) => void }) {
  const [asking, setAsking] = useState<'order' | 'receive' | 'writeOff' | undefined>();
  const { recovery } = claim;
  const id = claim.claimId;
  const county = user.role === 'admin' || (user.regionCode !== undefined && user.regionCode.length <= 6);
  const duties = user.duties ?? [];
  const mayOrder = claim.status === 'paid' && county && duties.includes('recheck');
  const mayReceive = claim.status === 'recovering' && county && duties.includes('pay') && recovery?.orderedBy !== user.userId;
  const done = (next: Claim) => {
    setAsking(undefined);
    onDone(next);
  };
  const cancel = () => setAsking(undefined);
  return (
    <>
      {recovery ? (
        <View className="bf-row__line bf-strong" data-testid={`claim-${id}-recovery`}>
          追回 {formatYuan(recovery.amountFen)}：{recovery.reason}（{dayText(recovery.orderedAt)}
          {recovery.orderedBy === user.userId ? '您' : ''}决定）
          {recovery.received ? `。${dayText(recovery.received.at)}已收回，流水号 ${recovery.received.bankReference}` : ''}
          {recovery.writtenOff
            ? `。${dayText(recovery.writtenOff.at)}已核销（${recovery.writtenOff.documentNo}）：${recovery.writtenOff.reason}`
            : ''}
        </View>
      ) : null}
      {mayOrder ? (
        asking === 'order' ? (
          <OrderForm claim={claim} onDone={done} onCancel={cancel} />
        ) : (
          <Button size="large" block onClick={() => setAsking('order')} data-testid={`claim-${id}-recovery-start`}>
            追回多发的钱
          </Button>
        )
      ) : null}
      {mayReceive && asking === 'receive' ? <ReceiveForm claim={claim} onDone={done} onCancel={cancel} /> : null}
      {mayReceive && asking === 'writeOff' ? <WriteOffForm claim={claim} onDone={done} onCancel={cancel} /> : null}
      {mayReceive && asking === undefined ? (
        <>
          <Button size="large" block onClick={() => setAsking('receive')} data-testid={`claim-${id}-received-start`}>
            钱已退回
          </Button>
          <Button size="large" block onClick={() => setAsking('writeOff')} data-testid={`claim-${id}-writeoff-start`}>
            收不回来，登记核销
          </Button>
        </>
      ) : null}
      {claim.status === 'recovering' && recovery?.orderedBy === user.userId && duties.includes('pay') ? (
        <Notice>追回是您决定的，钱退回或核销要由另一位负责发放的工作人员登记。</Notice>
      ) : null}
    </>
  );
}
