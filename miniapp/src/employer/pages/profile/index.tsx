/**
 * 单位信息: an employer account fills in its profile once, in four short steps (name and
 * kind; township or village; place on the map and address; contact), and can change it
 * later (the kind stays). Until staff have checked it, it says 等待工作人员审核: positions
 * of an unverified employer are not shown to workers.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { Employer, LatLng, User } from '@bangfu/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { createEmployer, fetchMyEmployer, updateEmployer } from '../../../api/positions';
import { ChoiceField } from '../../../components/form/ChoiceField';
import { BackButton, FormActions, NextButton } from '../../../components/form/FormButtons';
import { FormFailure } from '../../../components/form/FormFailure';
import { TextField } from '../../../components/form/TextField';
import { useDraft } from '../../../components/form/useDraft';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { COUNTY_TOWN } from '../../../components/map/types';
import { EMPLOYER_KIND_ZH, EMPLOYER_VERIFICATION_ZH, optionsOf } from '../../../labels';
import { useSession } from '../../../state/session';
import {
  bodyOf,
  changesOf,
  draftOf,
  errorsAt,
  keyOf,
  STEP_OF,
  STEPS,
  type Draft,
  type Errors,
  type Step,
} from '../../employerForm';
import { LocationPicker } from '../../../components/LocationPicker';
import { VerificationNotice } from '../../parts';
import { RegionPicker } from '../../RegionPicker';
import '../../employer.css';
import { KEYBOARD } from '../../../components/form/keyboards';

const KIND_OPTIONS = optionsOf(EMPLOYER_KIND_ZH);

function StepCount({ step }: { step: Step }) {
  return (
    <View className="bf-steps" data-testid="employer-step">
      第 {STEPS.indexOf(step) + 1} 步，共 {STEPS.length} 步
    </View>
  );
}

function ProfileForm({
  user,
  employer,
  onSaved,
  onCancel,
}: {
  user: User;
  employer: Employer | null;
  onSaved: (employer: Employer, created: boolean) => void;
  onCancel: (() => void) | null;
}) {
  const { refreshUser } = useSession();
  const [step, setStep] = useState<Step>('name');
  const { draft, change, bind } = useDraft<Draft>(() => draftOf(employer, user));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [centre, setCentre] = useState<LatLng | undefined>();
  const accountRegion = user.regionCode ?? '150222';

  const next = () => {
    const problems = errorsAt(draft, step);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setStep(STEPS[STEPS.indexOf(step) + 1] ?? step);
  };

  const save = async () => {
    setFailure(null);
    // Every step again: a field may have been left wrong on an earlier one.
    for (const at of STEPS) {
      const problems = errorsAt(draft, at);
      if (Object.keys(problems).length) {
        setErrors(problems);
        setStep(at);
        return;
      }
    }
    setErrors({});
    setBusy(true);
    try {
      if (employer) {
        onSaved(await updateEmployer(employer.version, changesOf(draft)), false);
      } else {
        const { employer: created } = await createEmployer(bodyOf(draft));
        await refreshUser().catch(() => null);
        onSaved(created, true);
      }
    } catch (error) {
      const key = isApiError(error) ? keyOf(error.field) : undefined;
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        setFailure('单位信息刚刚在别处改过了。请点“不改了”回去看最新的内容，再改一次。');
      } else if (key) {
        setErrors({ [key]: errorText(error) });
        setStep(STEP_OF[key]);
      } else {
        setFailure(`没能保存：${errorText(error)}`);
      }
    } finally {
      setBusy(false);
    }
  };

  const back = () => {
    const at = STEPS.indexOf(step);
    if (at > 0) setStep(STEPS[at - 1]!);
    else onCancel?.();
  };

  return (
    <View className="bf-section">
      <View className="bf-subtitle">{employer ? '修改单位信息' : '填写单位信息'}</View>
      <StepCount step={step} />

      {step === 'name' ? (
        <>
          <TextField
            label="单位名称"
            hint="营业执照或挂牌上的名字"
            error={errors.name}
            {...bind('name')}
            maxLength={60}
            placeholder="例如：金山镇服装加工帮扶车间"
            testId="employer-name"
          />
          {employer ? (
            <View className="bf-text">单位类型：{EMPLOYER_KIND_ZH[employer.kind]}（改类型请找工作人员）</View>
          ) : (
            <ChoiceField
              label="单位类型"
              error={errors.kind}
              testId="employer-kind"
              options={KIND_OPTIONS}
              {...bind('kind')}
              testIdPrefix="kind-"
              group="单位类型"
            />
          )}
        </>
      ) : null}

      {step === 'region' ? (
        <RegionPicker accountRegion={accountRegion} {...bind('regionCode')} error={errors.regionCode} onCentre={setCentre} />
      ) : null}

      {step === 'place' ? (
        <>
          <LocationPicker
            value={draft.location}
            around={centre ?? COUNTY_TOWN}
            onChange={(location, address) => change(address && !draft.address.trim() ? { location, address } : { location })}
            error={errors.location}
          />
          <TextField
            label="地址"
            hint="写到门牌号，工人好找"
            error={errors.address}
            {...bind('address')}
            maxLength={100}
            placeholder="例如：金山镇工业园 3 号"
            testId="employer-address"
          />
        </>
      ) : null}

      {step === 'contact' ? (
        <>
          <TextField
            label="联系人"
            error={errors.contactName}
            {...bind('contactName')}
            maxLength={30}
            placeholder="例如：王经理"
            testId="employer-contact"
          />
          <TextField
            label="联系电话"
            hint="工人会打这个电话问工作"
            error={errors.contactPhone}
            {...bind('contactPhone')}
            type={KEYBOARD.whole}
            maxLength={11}
            placeholder="11 位手机号"
            testId="employer-phone"
          />
          <TextField
            label="单位介绍"
            hint="可以不填"
            error={errors.description}
            {...bind('description')}
            maxLength={500}
            placeholder="做什么的，有多少人"
            testId="employer-description"
          />
        </>
      ) : null}

      <FormFailure failure={failure} />
      {step === 'contact' ? (
        <FormActions
          busy={busy}
          onSubmit={save}
          submit={employer ? '保存' : '提交，等待审核'}
          submitTestId="employer-save"
          onBack={back}
          back="上一步"
          backTestId="employer-back"
        />
      ) : (
        <>
          <NextButton onTap={next} testId="employer-next" />
          {step !== 'name' || onCancel ? (
            <BackButton onTap={back} busy={busy} testId="employer-back">
              {step === 'name' ? '不改了' : '上一步'}
            </BackButton>
          ) : null}
        </>
      )}
    </View>
  );
}

function ProfileView({ employer, onEdit }: { employer: Employer; onEdit: () => void }) {
  return (
    <View className="bf-section">
      <VerificationNotice employer={employer} />
      <CellGroup>
        <Cell title="单位名称" description={<Text data-testid="employer-view-name">{employer.name}</Text>} />
        <Cell title="单位类型" extra={EMPLOYER_KIND_ZH[employer.kind]} />
        <Cell
          title="审核"
          extra={<Text data-testid="employer-view-status">{EMPLOYER_VERIFICATION_ZH[employer.verification.status]}</Text>}
        />
        <Cell title="地址" description={employer.address} />
        <Cell title="联系人" extra={employer.contactName} />
        <Cell title="联系电话" extra={employer.contactPhone} />
      </CellGroup>
      <Button
        type="primary"
        size="large"
        block
        onClick={() => {
          Taro.navigateTo({ url: '/employer/pages/positions/index' }).catch(() => undefined);
        }}
        data-testid="employer-to-positions"
      >
        看我的岗位
      </Button>
      <Button size="large" block onClick={onEdit} data-testid="employer-edit">
        修改单位信息
      </Button>
    </View>
  );
}

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; employer: Employer | null };

function Profile({ user }: { user: User }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setLoad({ state: 'ready', employer: await fetchMyEmployer() });
    } catch (error) {
      setLoad({ state: 'failed', message: errorText(error) });
    }
  }, []);
  useEffect(() => {
    reload().catch(() => undefined);
  }, [reload]);

  if (load.state === 'loading') return <Notice>正在加载…</Notice>;
  if (load.state === 'failed') {
    return (
      <View className="bf-section">
        <Notice tone="error">没能打开单位信息：{load.message}</Notice>
        <Button type="primary" size="large" block onClick={() => void reload()}>
          再试一次
        </Button>
      </View>
    );
  }
  const { employer } = load;
  if (!employer || editing) {
    return (
      <>
        {!employer ? <Notice>发布岗位以前，请先填写单位信息。工作人员审核以后，求职的人就能看到您的岗位。</Notice> : null}
        <ProfileForm
          user={user}
          employer={employer}
          onSaved={(saved, created) => {
            setLoad({ state: 'ready', employer: saved });
            setEditing(false);
            setMessage(created ? '已提交单位信息。' : '已保存。');
          }}
          onCancel={
            employer
              ? () => {
                  setEditing(false);
                  reload().catch(() => undefined);
                }
              : null
          }
        />
      </>
    );
  }
  return (
    <>
      {message ? <Notice testId="employer-message">{message}</Notice> : null}
      <ProfileView
        employer={employer}
        onEdit={() => {
          setMessage(null);
          setEditing(true);
        }}
      />
    </>
  );
}

export default function EmployerProfilePage() {
  return (
    <Page>
      <View className="bf-title">单位信息</View>
      <RoleGate roles={['employer']}>{(user) => <Profile user={user} />}</RoleGate>
    </Page>
  );
}
