/**
 * One person's record, for staff. Opening it is audited with a purpose, so the page
 * first asks why (one tap). Then: the record with the ID number masked (the full number
 * only with a reason, after a warning), the circumstances the subsidies need (补贴要用的情况,
 * recorded, confirmed or cleared here), the month-by-month employment timeline, and the
 * "311" services of the year (first when the record was opened to give a service).
 */
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { occupationName, type WorkerView } from '@bangfu/shared';
import { useState } from 'react';
import { errorText } from '../../../api/client';
import { fetchWorker, revealIdNumber } from '../../../api/registry';
import { CircumstancesSection } from '../../../circumstances/CircumstancesSection';
import type { Option } from '../../../components/Choices';
import { ChoiceField } from '../../../components/form/ChoiceField';
import { FormActions } from '../../../components/form/FormButtons';
import { FormFailure } from '../../../components/form/FormFailure';
import { TextField } from '../../../components/form/TextField';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { UnlockBinding } from '../../UnlockBinding';
import { LABOUR_CLASS_ZH, READ_PURPOSE_ZH, WORKER_GROUP_ZH, type ReadPurpose } from '../../../labels';
import { dayText } from '../../../time';
import { rememberWorker } from '../../registryCache';
import { villageName, villageNames } from '../../../regionNames';
import { EmploymentTimeline } from '../../EmploymentTimeline';
import { Services311 } from '../../Services311';
import { PayoutCardsSection } from '../../payout/PayoutCardsSection';

const PURPOSE_HINT: Record<ReadPurpose, string> = {
  service: '介绍工作、推荐岗位、培训',
  monthlyUpdate: '登记这个月在不在岗、收入多少',
  claimReview: '审核补贴申请',
  verification: '核对登记的信息对不对',
};

// ---------------------------------------------------------------- step 1: why

function PurposeStep({ onChoose, busy }: { onChoose: (purpose: ReadPurpose) => void; busy: ReadPurpose | null }) {
  return (
    <View className="bf-section">
      <View className="bf-subtitle">您这次查看是为了什么？</View>
      <View className="bf-text">个人信息受保护，每次查看都会记下是谁、什么时间、为什么。请点一项：</View>
      <View className="bf-cards">
        {(Object.keys(READ_PURPOSE_ZH) as ReadPurpose[]).map((purpose) => (
          <View
            key={purpose}
            className={busy === purpose ? 'bf-card bf-card--pressed' : 'bf-card'}
            hoverClass="bf-card--pressed"
            onClick={() => {
              if (!busy) onChoose(purpose);
            }}
            role="button"
            data-testid={`purpose-${purpose}`}
          >
            <View className="bf-card__title">
              <Text>{READ_PURPOSE_ZH[purpose]}</Text>
              <Text className="bf-card__arrow">›</Text>
            </View>
            <View className="bf-card__hint">{busy === purpose ? '正在打开…' : PURPOSE_HINT[purpose]}</View>
          </View>
        ))}
      </View>
    </View>
  );
}

// ---------------------------------------------------------------- the full ID number

const REVEAL_REASONS: Option<string>[] = [
  { value: '核对本人身份', label: '核对本人身份' },
  { value: '办理补贴需要', label: '办理补贴需要' },
  { value: '办理社保需要', label: '办理社保需要' },
  { value: 'other', label: '其他原因' },
];

function RevealId({ worker }: { worker: WorkerView }) {
  const [stage, setStage] = useState<'masked' | 'asking' | 'shown'>('masked');
  const [reason, setReason] = useState<string | undefined>();
  const [otherReason, setOtherReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [idNumber, setIdNumber] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const confirm = async () => {
    const text = reason === 'other' ? otherReason.trim() : reason;
    if (!text || text.length < 4) {
      setReasonError(reason === 'other' ? '请写明原因，至少 4 个字' : '请先选一个原因');
      return;
    }
    setReasonError(null);
    setFailure(null);
    setBusy(true);
    try {
      setIdNumber(await revealIdNumber(worker.workerId, text));
      setStage('shown');
    } catch (error) {
      setFailure(`没能查看：${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const hide = () => {
    setIdNumber(null);
    setReason(undefined);
    setOtherReason('');
    setStage('masked');
  };

  return (
    <View className="bf-id-box">
      <View className="bf-field__label">身份证号</View>
      <View className="bf-id-box__number bf-mono" data-testid={stage === 'shown' ? 'worker-id-full' : 'worker-id-masked'}>
        {stage === 'shown' && idNumber ? idNumber : worker.idNumberMasked}
      </View>
      {stage === 'masked' ? (
        <Button size="large" block onClick={() => setStage('asking')} data-testid="reveal-start">
          查看完整身份证号
        </Button>
      ) : null}
      {stage === 'asking' ? (
        <View>
          <Notice tone="error">查看完整号码会被记录：谁、什么时间、为什么看。只在确实需要时查看，不要抄写、拍照或转发。</Notice>
          <ChoiceField
            label="为什么要看完整号码？"
            error={reasonError}
            testId="reveal-reason"
            options={REVEAL_REASONS}
            value={reason}
            onChange={setReason}
            columns={2}
            testIdPrefix="reveal-reason-"
            group="查看原因"
          />
          {reason === 'other' ? (
            <TextField
              label="请写明原因"
              hint="至少 4 个字"
              value={otherReason}
              onChange={setOtherReason}
              maxLength={200}
              placeholder="例如：核对银行卡开户信息"
              testId="reveal-other"
            />
          ) : null}
          <FormFailure failure={failure} />
          <FormActions
            busy={busy}
            onSubmit={confirm}
            submit="确认查看"
            submitTestId="reveal-confirm"
            onBack={hide}
            back="不看了"
          />
        </View>
      ) : null}
      {stage === 'shown' ? (
        <Button size="large" block onClick={hide} data-testid="reveal-hide">
          看完了，隐藏号码
        </Button>
      ) : null}
    </View>
  );
}

// ---------------------------------------------------------------- the record

function WorkerFacts({ worker, village }: { worker: WorkerView; village: string }) {
  const skills = worker.skills.map((code) => occupationName(code) ?? code);
  return (
    <View className="bf-section">
      <View className="bf-subtitle">登记的信息</View>
      <CellGroup>
        <Cell title="所在村" extra={village} />
        <Cell title="年龄" extra={`${worker.age} 岁`} />
        <Cell title="性别" extra={worker.sex === 'male' ? '男' : '女'} />
        <Cell title="劳动能力" extra={LABOUR_CLASS_ZH[worker.labourClass]} />
        <Cell title="帮扶类别" description={worker.groups.map((g) => WORKER_GROUP_ZH[g]).join('、') || '没有登记'} />
        <Cell title="技能" description={skills.join('、') || '没有登记'} />
        <Cell title="电话" extra={worker.phone ?? '没有登记'} />
        <Cell title="微信绑定" extra={worker.boundUserId ? '已绑定' : '还没绑定'} />
        {worker.registryExitDate ? <Cell title="退出台账" extra={dayText(worker.registryExitDate)} /> : null}
      </CellGroup>
    </View>
  );
}

function WorkerRecord({ workerId }: { workerId: string }) {
  const [purposeBusy, setPurposeBusy] = useState<ReadPurpose | null>(null);
  const [worker, setWorker] = useState<WorkerView | null>(null);
  const [purpose, setPurpose] = useState<ReadPurpose | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  /** A circumstance's form is open: the screen is its alone. */
  const [focused, setFocused] = useState(false);

  const open = async (chosen: ReadPurpose) => {
    setPurposeBusy(chosen);
    setOpenError(null);
    try {
      const opened = await fetchWorker(workerId, chosen);
      rememberWorker(opened);
      setPurpose(chosen);
      setWorker(opened);
      villageNames([opened.villageCode])
        .then(setNames)
        .catch(() => undefined);
    } catch (error) {
      setOpenError(errorText(error));
    } finally {
      setPurposeBusy(null);
    }
  };

  if (!worker) {
    return (
      <>
        <PurposeStep
          onChoose={(purpose) => {
            open(purpose).catch(() => undefined);
          }}
          busy={purposeBusy}
        />
        {openError ? (
          <Notice tone="error" testId="worker-open-error">
            没能打开：{openError}
          </Notice>
        ) : null}
      </>
    );
  }
  const show = (changed: WorkerView) => {
    rememberWorker(changed);
    setWorker(changed);
  };
  const circumstances = (
    <CircumstancesSection
      worker={worker}
      who="staff"
      onChanged={show}
      // Read again with the purpose it was opened for (each read is audited).
      onRefresh={async () => show(await fetchWorker(worker.workerId, purpose ?? 'verification'))}
      onFocus={setFocused}
    />
  );
  const facts = <WorkerFacts worker={worker} village={villageName(worker.villageCode, names)} />;
  const timeline = <EmploymentTimeline workerId={worker.workerId} />;
  const services = <Services311 workerId={worker.workerId} />;
  const cards = <PayoutCardsSection workerId={worker.workerId} />;
  // While a circumstance's form is open the rest is hidden, not unmounted: nothing is read again.
  const hidden = focused ? { display: 'none' } : undefined;
  return (
    <>
      <View className="bf-title" data-testid="worker-name">
        {worker.name}
      </View>
      <View style={hidden}>
        <RevealId worker={worker} />
        {/* Opened to give a service: the 311 come first. */}
        {purpose === 'service' ? services : null}
        {/* Opened for the monthly update: the months come first. */}
        {purpose === 'monthlyUpdate' ? timeline : null}
        {facts}
      </View>
      {circumstances}
      <View style={hidden}>
        {purpose === 'monthlyUpdate' ? null : timeline}
        {purpose === 'service' ? null : services}
        {cards}
        {worker.boundUserId || worker.registryExitDate ? null : <UnlockBinding workerId={worker.workerId} />}
      </View>
    </>
  );
}

export default function WorkerPage() {
  const { params } = useRouter();
  const workerId = params.workerId ? decodeURIComponent(params.workerId) : '';
  return (
    <Page>
      <RoleGate roles={['staff', 'admin']}>
        {() =>
          workerId ? <WorkerRecord workerId={workerId} /> : <Notice tone="error">没有指定要查看的人，请从台账里点开。</Notice>
        }
      </RoleGate>
    </Page>
  );
}
