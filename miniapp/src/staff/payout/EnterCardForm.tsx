/**
 * 登记收款卡: the kind and the number as printed on the person's card, typed twice (a digit
 * wrong sends their money to a stranger). It waits for a second officer, which the form says.
 */
import { View } from '@tarojs/components';
import { PAYOUT_KIND_ZH, payoutAccountSchema, WORKER_PAYOUT_KINDS } from '@bangfu/shared';
import { useState } from 'react';
import { errorText, isApiError } from '../../api/client';
import { enterWorkerCard } from '../../api/subsidies';
import { fieldMessage, fieldName } from '../../components/Field';
import { ChoiceField } from '../../components/form/ChoiceField';
import { FormActions } from '../../components/form/FormButtons';
import { FormFailure } from '../../components/form/FormFailure';
import { KEYBOARD } from '../../components/form/keyboards';
import { TextField } from '../../components/form/TextField';
import { Notice } from '../../components/Page';

type Kind = (typeof WORKER_PAYOUT_KINDS)[number];
const KIND_OPTIONS = WORKER_PAYOUT_KINDS.map((kind) => ({ value: kind, label: PAYOUT_KIND_ZH[kind] }));

export function EnterCardForm({
  workerId,
  onEntered,
  onCancel,
}: {
  workerId: string;
  onEntered: (said: string) => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<Kind>('socialSecurityCard');
  const [number, setNumber] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<{ number?: string; again?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setFailure(null);
    const card = { kind, number: number.replace(/\s/g, '') };
    const checked = payoutAccountSchema.safeParse(card);
    const found = {
      ...(checked.success ? {} : { number: checked.error.issues[0]!.message }),
      ...(again.replace(/\s/g, '') === card.number ? {} : { again: '两次填的卡号不一样，请对着卡再看一遍' }),
    };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const entered = await enterWorkerCard(workerId, card);
      const told = [
        entered.notified ? '已在微信上告诉本人。' : '',
        entered.textTo ? `短信也会发到本人手机 ${entered.textTo}。` : '',
      ].join('');
      onEntered(
        `已登记${PAYOUT_KIND_ZH[entered.kind]}（尾号 ${entered.numberMasked.slice(-4)}），请另一位工作人员核对后确认。${told}`,
      );
    } catch (error) {
      if (isApiError(error) && fieldName(error.field) === 'number') setProblems({ number: fieldMessage(errorText(error)) });
      else setFailure(`没能登记：${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View data-testid="enter-card-form">
      <Notice>
        请看着本人带来的卡填写。登记以后要另一位工作人员当面核对、确认，才会用这张卡发补贴；本人也会在小程序里看到。
      </Notice>
      <ChoiceField
        label="卡的种类"
        group="卡的种类"
        options={KIND_OPTIONS}
        columns={2}
        testIdPrefix="enter-card-kind-"
        value={kind}
        onChange={setKind}
        testId="enter-card-kind"
      />
      <TextField
        label="卡号"
        hint="按卡上印的数字填写，不用空格"
        type={KEYBOARD.whole}
        maxLength={23}
        placeholder="卡号，12 到 19 位数字"
        value={number}
        onChange={setNumber}
        error={problems.number}
        testId="enter-card-number"
      />
      <TextField
        label="再填一遍卡号"
        type={KEYBOARD.whole}
        maxLength={23}
        placeholder="再填一遍卡号"
        value={again}
        onChange={setAgain}
        error={problems.again}
        testId="enter-card-again"
      />
      <FormFailure failure={failure} testId="enter-card-failure" />
      <FormActions
        busy={busy}
        onSubmit={submit}
        submit="登记这张卡"
        submitTestId="enter-card-submit"
        onBack={onCancel}
        back="不登记了"
      />
    </View>
  );
}
