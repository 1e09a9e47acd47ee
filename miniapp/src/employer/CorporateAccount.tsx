/**
 * 收款账户: the corporate account (对公账户) an employer's or agency's subsidies are paid
 * to. Without one the county's payment batch skips the unit's approved claims, so a
 * missing account is a clear call to action. Shows the bank and the masked number only
 * (the full number never comes back); a two-field form records or replaces it, and the
 * server's problem with a field is shown right under that field.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useEffect, useState } from 'react';
import { errorText, isApiError } from '../api/client';
import { fetchEmployerAccount, saveEmployerAccount, type CorporateAccount, type EmployerAccounts } from '../api/subsidies';
import { fieldMessage, fieldName } from '../components/Field';
import { FormActions } from '../components/form/FormButtons';
import { FormFailure } from '../components/form/FormFailure';
import { TextField } from '../components/form/TextField';
import { Notice } from '../components/Page';
import { dayText } from '../time';
import './account.css';
import { KEYBOARD } from '../components/form/keyboards';

/** WeChat's number pad for the digits; H5 keeps a plain text box. */

type Load = { state: 'loading' } | { state: 'failed'; message: string } | ({ state: 'ready' } & EmployerAccounts);
type Errors = { bankName?: string; number?: string };

function AccountForm({
  current,
  onSaved,
  onCancel,
}: {
  /** The account on file, when replacing one: its bank is filled in (the number is never sent back). */
  current: CorporateAccount | null;
  onSaved: (account: CorporateAccount & { pending: boolean }) => void;
  onCancel: () => void;
}) {
  const [bankName, setBankName] = useState(current?.bankName ?? '');
  const [number, setNumber] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    // People copy account numbers with spaces; the bank does not need them.
    const digits = number.replace(/\s+/g, '');
    const problems: Errors = {};
    if (!bankName.trim()) problems.bankName = '请写开户银行的全称';
    if (!digits) problems.number = '请写对公账号';
    setErrors(problems);
    setFailure(null);
    if (problems.bankName || problems.number) return;
    setBusy(true);
    try {
      onSaved(await saveEmployerAccount(bankName.trim(), digits));
    } catch (error) {
      const field = isApiError(error) ? fieldName(error.field) : undefined;
      if (field === 'bankName' || field === 'number') setErrors({ [field]: fieldMessage(errorText(error)) });
      else setFailure(`没能保存：${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bf-filters" data-testid="account-form">
      <TextField
        label="开户银行"
        hint="写银行全称，到支行"
        error={errors.bankName}
        value={bankName}
        onChange={setBankName}
        maxLength={40}
        placeholder="例如：中国农业银行固阳县支行"
        testId="account-bank"
      />
      <TextField
        label="对公账号"
        hint="只写数字，和开户许可证上的一样"
        error={errors.number}
        value={number}
        onChange={setNumber}
        type={KEYBOARD.whole}
        maxLength={40}
        placeholder="8 到 30 位数字"
        testId="account-number"
      />
      <FormFailure failure={failure} testId="account-failure" />
      <FormActions
        busy={busy}
        onSubmit={save}
        submit="保存收款账户"
        submitTestId="account-save"
        onBack={onCancel}
        back={current ? '不改了' : '以后再登记'}
        backTestId="account-cancel"
      />
    </View>
  );
}

export function CorporateAccountSection() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  const reload = useCallback(async () => {
    setLoad({ state: 'loading' });
    try {
      setLoad({ state: 'ready', ...(await fetchEmployerAccount()) });
    } catch (error) {
      setLoad({ state: 'failed', message: errorText(error) });
    }
  }, []);
  useEffect(() => {
    reload().catch(() => undefined);
  }, [reload]);

  const account = load.state === 'ready' ? load.account : null;
  const pending = load.state === 'ready' ? load.pending : null;
  return (
    <View className="bf-section" data-testid="account">
      <View className="bf-subtitle">收款账户</View>
      {load.state === 'loading' ? <Notice>正在查看收款账户…</Notice> : null}
      {load.state === 'failed' ? (
        <>
          <Notice tone="error">收款账户暂时看不到：{load.message}</Notice>
          <Button size="large" block onClick={() => reload()} data-testid="account-reload">
            重新加载
          </Button>
        </>
      ) : null}

      {load.state === 'ready' && account ? (
        <View className="bf-account" data-testid="account-shown">
          <View className="bf-account__label">开户银行</View>
          <View className="bf-account__value" data-testid="account-shown-bank">
            {account.bankName}
          </View>
          <View className="bf-account__label">对公账号</View>
          <View className="bf-account__value bf-mono" data-testid="account-shown-number">
            {account.numberMasked}
          </View>
          <View className="bf-account__hint">为了安全，只显示最后 4 位。审核通过的奖补发到这个账户。</View>
        </View>
      ) : null}
      {account?.bankReturned && !pending && !editing ? (
        // The payment batch refuses a returned account: the money waits for another one.
        <Notice tone="error" testId="account-returned">
          银行{dayText(account.bankReturned.at)}退回了发到这个账户的钱：{account.bankReturned.reason}
          。请核对账户，换一个能收款的对公账户，工作人员确认后再发。
        </Notice>
      ) : null}
      {load.state === 'ready' && !account && !editing ? (
        <Notice tone="error" testId="account-missing">
          单位还没有登记对公账户。奖补只发到单位的对公账户，没有登记，审核通过了也发不了。
        </Notice>
      ) : null}
      {pending && !editing ? (
        // A change of account is checked by a second person, so a stolen login cannot redirect the money.
        <Notice testId="account-pending">
          新账户（{pending.bankName} {pending.numberMasked}）已提交，等工作人员核对确认后生效；在这之前奖补仍发到上面的账户。
        </Notice>
      ) : null}
      {saved && !editing && !pending ? <Notice testId="account-saved">已保存。以后的奖补发到这个账户。</Notice> : null}

      {load.state === 'ready' && editing ? (
        <AccountForm
          current={account}
          onSaved={({ pending: waits, ...next }) => {
            setLoad({ state: 'ready', account: waits ? account : next, pending: waits ? next : null });
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      {load.state === 'ready' && !editing ? (
        <Button
          type={account ? 'default' : 'primary'}
          size="large"
          block
          onClick={() => {
            setSaved(false);
            setEditing(true);
          }}
          data-testid="account-start"
        >
          {account ? '更换收款账户' : '登记对公账户'}
        </Button>
      ) : null}
    </View>
  );
}
