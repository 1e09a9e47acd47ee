/**
 * One person who applied, as the employer sees them (never an ID number; the phone once
 * accepted): 同意面谈, or 不录用 with a reason the worker reads; 确认录用 records the hire
 * (for piece pay, with the agreed monthly income).
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { occupationName, yuanToFen, type Applicant, type Position } from '@bangfu/shared';
import { useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { decide, hire } from '../../../api/positions';
import { ActionButton } from '../../../components/ActionButton';
import { BigInput } from '../../../components/BigInput';
import { Choices } from '../../../components/Choices';
import { Field, fieldName } from '../../../components/Field';
import { Notice } from '../../../components/Page';
import { APPLICANT_STATUS_ZH, LABOUR_CLASS_ZH } from '../../../labels';
import { distanceText, payText } from '../../../positionText';
import { dayText } from '../../../time';
import { KEYBOARD } from '../../../components/form/keyboards';

const REJECT_REASONS = ['人已经招够了', '和岗位要求不太合适', '离得太远，上下班不方便'];

const APPLICANT_STATE_CLASS: Record<Applicant['application']['status'], string> = {
  applied: 'bf-state bf-state--overdue',
  accepted: 'bf-state bf-state--late',
  rejected: 'bf-state bf-state--pending',
  hired: 'bf-state bf-state--reported',
};

function facts(applicant: Applicant): string {
  const sex = applicant.sex === 'male' ? '男' : '女';
  return `${sex}，${applicant.age} 岁，${LABOUR_CLASS_ZH[applicant.labourClass]}`;
}

type Mode = 'idle' | 'rejecting' | 'hiring';

export function ApplicantCard({
  applicant,
  position,
  onApplicant,
  onPosition,
}: {
  applicant: Applicant;
  position: Position;
  onApplicant: (applicant: Applicant) => void;
  onPosition: (position: Position) => void;
}) {
  const { application } = applicant;
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const [income, setIncome] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const piece = position.pay.unit === 'piece';
  const full = position.filled >= position.headcount;

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    setFieldError(null);
    try {
      await work();
      setMode('idle');
    } catch (error) {
      const field = isApiError(error) ? fieldName(error.field) : undefined;
      if (field === 'reason' || field === 'monthlyIncomeFen') setFieldError(errorText(error));
      else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  // Accepted, the answer's card has the applicant's phone; the rest of the list stays where it is.
  const accept = () =>
    act(async () => {
      onApplicant(await decide(position.positionId, applicant.workerId, 'accept'));
    });

  const reject = () => {
    if (reason.trim().length < 2) {
      setFieldError('请写一句原因（至少 2 个字），劳动者能看到');
      return Promise.resolve();
    }
    return act(async () => {
      onApplicant(await decide(position.positionId, applicant.workerId, 'reject', reason.trim()));
    });
  };

  const confirmHire = () => {
    let fen: number | undefined;
    if (piece) {
      fen = yuanToFen(income);
      if (fen === undefined) {
        setFieldError('请填每月大约能挣多少钱，只填数字，例如 3500');
        return Promise.resolve();
      }
    }
    return act(async () => {
      const result = await hire(position.positionId, applicant.workerId, fen);
      onApplicant({ ...applicant, application: result.application });
      onPosition(result.position);
    });
  };

  return (
    <View className="bf-applicant" data-testid={`applicant-${applicant.workerId}`}>
      <View className="bf-applicant__name">
        <Text>{applicant.name}</Text>
        <Text className={APPLICANT_STATE_CLASS[application.status]} data-testid="applicant-status">
          {APPLICANT_STATUS_ZH[application.status]}
        </Text>
      </View>
      <View className="bf-row__line">{facts(applicant)}</View>
      <View className="bf-row__line">
        技能：{applicant.skills.length ? applicant.skills.map((code) => occupationName(code) ?? code).join('、') : '没有登记'}
      </View>
      {applicant.certificates.length ? <View className="bf-row__line">证书：{applicant.certificates.join('、')}</View> : null}
      {applicant.distanceKm !== undefined ? (
        <View className="bf-row__line">家离干活的地方 {distanceText(applicant.distanceKm)}</View>
      ) : null}
      <View className="bf-row__line bf-row__month">{dayText(application.appliedAt)}报的名</View>
      {applicant.assisted ? (
        <View className="bf-tags">
          <Text className="bf-chip bf-chip--strong">帮扶对象</Text>
        </View>
      ) : null}
      {application.status === 'rejected' && application.reason ? (
        <View className="bf-row__line">您回复的原因：{application.reason}</View>
      ) : null}
      {applicant.phone ? (
        <>
          <View className="bf-applicant__phone" data-testid="applicant-phone">
            {applicant.phone}
          </View>
          <Button
            size="large"
            block
            onClick={() => {
              Taro.makePhoneCall({ phoneNumber: applicant.phone! }).catch(() => undefined);
            }}
          >
            {application.status === 'hired' ? '打电话' : '打电话约面谈'}
          </Button>
        </>
      ) : application.status === 'applied' ? (
        <View className="bf-hint">同意面谈以后，这里会显示他（她）的电话。</View>
      ) : application.status === 'accepted' || application.status === 'hired' ? (
        <View className="bf-hint" data-testid="applicant-no-phone">
          他（她）登记时没有留电话。请找村里的信息员帮忙联系。
        </View>
      ) : null}

      {failure ? <Notice tone="error">{failure}</Notice> : null}

      {mode === 'rejecting' ? (
        <View className="bf-filters">
          <Field label="为什么不录用？" hint="劳动者能看到，请写得客气一点" error={fieldError} testId="applicant-reason">
            <Choices
              options={REJECT_REASONS.map((r) => ({ value: r, label: r }))}
              value={REJECT_REASONS.includes(reason) ? reason : undefined}
              onChange={setReason}
              columns={1}
              testIdPrefix="reason-"
              label="常用原因"
            />
            <BigInput value={reason} onChange={setReason} maxLength={200} placeholder="也可以自己写" testId="applicant-reason" />
          </Field>
          <ActionButton busy={busy} onPress={reject} testId="applicant-reject-confirm">
            确定不录用
          </ActionButton>
          <Button size="large" block disabled={busy} onClick={() => setMode('idle')}>
            算了
          </Button>
        </View>
      ) : null}

      {mode === 'hiring' ? (
        <View className="bf-filters">
          {piece ? (
            <Field
              label="说好每月大约能挣多少钱？"
              hint="计件工资，请按说好的填，会记到他（她）本月的就业情况里"
              error={fieldError}
              testId="applicant-income"
            >
              <BigInput
                value={income}
                onChange={setIncome}
                type={KEYBOARD.decimal}
                maxLength={12}
                placeholder="例如 3500"
                unit="元"
                testId="applicant-income"
              />
            </Field>
          ) : (
            <View className="bf-text">
              确认录用以后，会记到{applicant.name}本月的就业情况里（{payText(position.pay)}）。
            </View>
          )}
          <ActionButton busy={busy} onPress={confirmHire} testId="applicant-hire-confirm">
            确认录用{applicant.name}
          </ActionButton>
          <Button size="large" block disabled={busy} onClick={() => setMode('idle')}>
            算了
          </Button>
        </View>
      ) : null}

      {mode === 'idle' && application.status === 'applied' ? (
        <View className="bf-button-row">
          <Button
            type="primary"
            size="large"
            loading={busy}
            disabled={busy}
            onClick={() => void accept()}
            data-testid="applicant-accept"
          >
            同意面谈
          </Button>
          <Button size="large" disabled={busy} onClick={() => setMode('rejecting')} data-testid="applicant-reject">
            不录用
          </Button>
        </View>
      ) : null}
      {mode === 'idle' && application.status === 'accepted' ? (
        full ? (
          <Notice>人已经招满了。要多录用，请先在“修改岗位”里多招几个人。</Notice>
        ) : (
          <View className="bf-button-row">
            <Button type="primary" size="large" onClick={() => setMode('hiring')} data-testid="applicant-hire">
              确认录用
            </Button>
            <Button size="large" onClick={() => setMode('rejecting')} data-testid="applicant-reject">
              不录用
            </Button>
          </View>
        )
      ) : null}
    </View>
  );
}
