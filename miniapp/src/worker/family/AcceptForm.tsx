/**
 * 输入家人给的邀请码: the code, the family member's name and how they are related, and that they
 * are 18 or over. Then it waits for the family member's 同意 on their own phone.
 */
import { View } from '@tarojs/components';
import { ADULT_AGE, FAMILY_RELATION_ZH, FAMILY_RELATIONS, type FamilyRelation } from '@bangfu/shared';
import { useState } from 'react';
import { errorText, isApiError } from '../../api/client';
import { acceptInvitation } from '../../api/family';
import { ActionButton } from '../../components/ActionButton';
import { fieldMessage, fieldName } from '../../components/Field';
import { ChoiceField, MultiChoiceField } from '../../components/form/ChoiceField';
import { FormFailure } from '../../components/form/FormFailure';
import { TextField } from '../../components/form/TextField';

const RELATION_OPTIONS = FAMILY_RELATIONS.map((relation) => ({ value: relation, label: FAMILY_RELATION_ZH[relation] }));
const ADULT_OPTIONS = [{ value: 'adult' as const, label: `我已年满 ${ADULT_AGE} 周岁` }];

type Errors = Partial<Record<'code' | 'name' | 'relation' | 'adult', string>>;

export function AcceptForm({ onAccepted }: { onAccepted: (said: string) => void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [relation, setRelation] = useState<FamilyRelation | undefined>();
  const [adult, setAdult] = useState<'adult'[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    const digits = code.replace(/\s+/g, '');
    const problems: Errors = {};
    if (!/^\d{8}$/.test(digits)) problems.code = '邀请码是 8 位数字';
    if (name.trim().length < 2) problems.name = '请写您的真实姓名';
    if (!relation) problems.relation = '请选您是TA的什么人';
    if (!adult.length) problems.adult = `年满 ${ADULT_AGE} 周岁才能帮家人办事`;
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length || !relation) return;
    setBusy(true);
    try {
      await acceptInvitation({ code: digits, name: name.trim(), relation, adult: true });
      setCode('');
      onAccepted('已经告诉TA了。请TA在自己的手机上打开“亲情服务”，点“同意”，您就能帮TA办事了。');
    } catch (error) {
      const field = isApiError(error) ? fieldName(error.field) : undefined;
      if (field === 'code' || field === 'name' || field === 'adult') setErrors({ [field]: fieldMessage(errorText(error)) });
      else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bf-section" data-testid="family-accept">
      <TextField
        label="家人给的邀请码"
        hint="在家人手机的“亲情服务”里能看到，8 位数字"
        error={errors.code}
        value={code}
        onChange={setCode}
        type="number"
        maxLength={9}
        placeholder="8 位数字"
        testId="family-code"
      />
      <TextField
        label="您的名字"
        hint="家人同意前会看到"
        error={errors.name}
        value={name}
        onChange={setName}
        maxLength={30}
        placeholder="真实姓名"
        testId="family-name"
      />
      <ChoiceField
        label="您是TA的"
        error={errors.relation}
        testId="family-relation"
        options={RELATION_OPTIONS}
        value={relation}
        onChange={setRelation}
        columns="wrap"
        testIdPrefix="family-relation-"
        group="关系"
      />
      <MultiChoiceField
        label="年龄"
        error={errors.adult}
        testId="family-adult"
        options={ADULT_OPTIONS}
        values={adult}
        onChange={setAdult}
        columns={1}
        testIdPrefix="family-"
        group="年龄"
      />
      <FormFailure failure={failure} testId="family-accept-failure" />
      <ActionButton busy={busy} onPress={send} testId="family-accept-send">
        提交
      </ActionButton>
    </View>
  );
}
