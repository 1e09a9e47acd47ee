/**
 * 我有困难, the form: what is wrong (six big choices), since when, a sentence about it, another
 * number to call if not the registered one, and when to call. Five fields, most of them taps.
 */
import { View } from '@tarojs/components';
import {
  CONTACT_TIME_ZH,
  CONTACT_TIMES,
  DIFFICULTY_KINDS,
  DIFFICULTY_ZH,
  previousMonth,
  type DifficultyKind,
} from '@bangfu/shared';
import { useState } from 'react';
import { errorText, isApiError } from '../../api/client';
import { reportDifficulty, type DifficultyReport } from '../../api/difficulties';
import { ActionButton } from '../../components/ActionButton';
import { fieldMessage, fieldName } from '../../components/Field';
import { ChoiceField } from '../../components/form/ChoiceField';
import { FormFailure } from '../../components/form/FormFailure';
import { TextField } from '../../components/form/TextField';
import { chinaMonth } from '../../time';

type Since = 'thisMonth' | 'lastMonth' | 'earlier';
const SINCE_OPTIONS = [
  { value: 'thisMonth' as const, label: '这个月' },
  { value: 'lastMonth' as const, label: '上个月' },
  { value: 'earlier' as const, label: '更早' },
];
const KIND_OPTIONS = DIFFICULTY_KINDS.map((kind) => ({ value: kind, label: DIFFICULTY_ZH[kind] }));
const TIME_OPTIONS = CONTACT_TIMES.map((time) => ({ value: time, label: CONTACT_TIME_ZH[time] }));

function sinceMonth(since: Since): string {
  const now = chinaMonth(new Date());
  return since === 'thisMonth' ? now : since === 'lastMonth' ? previousMonth(now) : previousMonth(previousMonth(now));
}

type Errors = Partial<Record<'kind' | 'since' | 'detail' | 'phone', string>>;

export function DifficultyForm({ onTold }: { onTold: (created: boolean) => void }) {
  const [kind, setKind] = useState<DifficultyKind | undefined>();
  const [since, setSince] = useState<Since | undefined>();
  const [detail, setDetail] = useState('');
  const [phone, setPhone] = useState('');
  const [contactTime, setContactTime] = useState<DifficultyReport['contactTime']>('any');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    const problems: Errors = {};
    if (!kind) problems.kind = '请选一项是什么困难';
    if (!since) problems.since = '请选从什么时候开始';
    if (detail.trim().length < 2) problems.detail = '请说一句是什么情况（至少 2 个字）';
    setErrors(problems);
    setFailure(null);
    if (!kind || !since || problems.detail) return;
    setBusy(true);
    try {
      const { created } = await reportDifficulty({
        kind,
        since: sinceMonth(since),
        detail: detail.trim(),
        contactTime,
        ...(phone.trim() ? { phone: phone.trim() } : {}),
      });
      setDetail('');
      onTold(created);
    } catch (error) {
      const field = isApiError(error) ? fieldName(error.field) : undefined;
      if (field === 'detail' || field === 'phone' || field === 'kind') setErrors({ [field]: fieldMessage(errorText(error)) });
      else setFailure(`没能告诉村里：${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bf-section" data-testid="difficulty-form">
      <ChoiceField
        label="遇到了什么困难？"
        error={errors.kind}
        testId="difficulty-kind"
        options={KIND_OPTIONS}
        value={kind}
        onChange={setKind}
        columns={2}
        testIdPrefix="difficulty-kind-"
        group="困难"
      />
      <ChoiceField
        label="从什么时候开始？"
        error={errors.since}
        testId="difficulty-since"
        options={SINCE_OPTIONS}
        value={since}
        onChange={setSince}
        columns="wrap"
        testIdPrefix="difficulty-since-"
        group="时间"
      />
      <TextField
        label="说一句是什么情况"
        hint="例如：工地老板欠了两个月工资，电话打不通"
        error={errors.detail}
        value={detail}
        onChange={setDetail}
        maxLength={200}
        placeholder="至少 2 个字"
        testId="difficulty-detail"
      />
      <TextField
        label="换个电话联系您（可以不填）"
        hint="不填就打您登记的电话"
        error={errors.phone}
        value={phone}
        onChange={setPhone}
        type="number"
        maxLength={11}
        placeholder="11 位手机号"
        testId="difficulty-phone"
      />
      <ChoiceField
        label="什么时候打电话方便？"
        testId="difficulty-time"
        options={TIME_OPTIONS}
        value={contactTime}
        onChange={setContactTime}
        columns="wrap"
        testIdPrefix="difficulty-time-"
        group="方便的时间"
      />
      <FormFailure failure={failure} testId="difficulty-failure" />
      <ActionButton busy={busy} onPress={send} testId="difficulty-send">
        告诉村里
      </ActionButton>
    </View>
  );
}
