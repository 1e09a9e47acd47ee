/**
 * 单位信息: an employer account fills in its profile once, in four short steps (name and
 * kind; township or village; place on the map and address; contact), and can change it
 * later (the kind stays). Until staff have checked it, it says 等待工作人员审核: positions
 * of an unverified employer are not shown to workers.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { Employer, EmployerInput, EmployerKind, LatLng, User } from '@bangfu/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { createEmployer, fetchMyEmployer, updateEmployer } from '../../../api/positions';
import { fetchRegion, type Region } from '../../../api/regions';
import { ActionButton } from '../../../components/ActionButton';
import { BigInput } from '../../../components/BigInput';
import { Choices, type Option } from '../../../components/Choices';
import { Field, fieldName } from '../../../components/Field';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { COUNTY_TOWN } from '../../../components/map/types';
import { EMPLOYER_KIND_ZH, EMPLOYER_VERIFICATION_ZH, optionsOf } from '../../../labels';
import { useSession } from '../../../state/session';
import { LocationPicker } from '../../LocationPicker';
import { VerificationNotice } from '../../parts';
import '../../employer.css';

type Step = 'name' | 'region' | 'place' | 'contact';
const STEPS: Step[] = ['name', 'region', 'place', 'contact'];
type FieldKey = 'name' | 'kind' | 'regionCode' | 'location' | 'address' | 'contactName' | 'contactPhone' | 'description';
const STEP_OF: Record<FieldKey, Step> = {
  name: 'name',
  kind: 'name',
  regionCode: 'region',
  location: 'place',
  address: 'place',
  contactName: 'contact',
  contactPhone: 'contact',
  description: 'contact',
};
const FIELD_KEYS = Object.keys(STEP_OF) as FieldKey[];
const PHONE_KEYBOARD = process.env.TARO_ENV === 'weapp' ? 'number' : 'text';
const KIND_OPTIONS = optionsOf(EMPLOYER_KIND_ZH);

interface Draft {
  name: string;
  kind: EmployerKind | undefined;
  regionCode: string | undefined;
  location: LatLng | undefined;
  address: string;
  contactName: string;
  contactPhone: string;
  description: string;
}

function draftOf(employer: Employer | null, user: User): Draft {
  return {
    name: employer?.name ?? (user.displayName.length >= 2 ? user.displayName : ''),
    kind: employer?.kind,
    regionCode: employer?.regionCode ?? (user.regionCode && user.regionCode.length >= 9 ? user.regionCode : undefined),
    location: employer?.location,
    address: employer?.address ?? '',
    contactName: employer?.contactName ?? '',
    contactPhone: employer?.contactPhone ?? '',
    description: employer?.description ?? '',
  };
}

function StepCount({ step }: { step: Step }) {
  return (
    <View className="bf-steps" data-testid="employer-step">
      第 {STEPS.indexOf(step) + 1} 步，共 {STEPS.length} 步
    </View>
  );
}

/** The township (9 digits) or village (12) the employer sits in, starting from the account's region. */
function RegionStep({
  accountRegion,
  value,
  onChange,
  error,
  onCentre,
}: {
  accountRegion: string;
  value: string | undefined;
  onChange: (code: string) => void;
  error?: string | undefined;
  onCentre: (centre: LatLng | undefined) => void;
}) {
  const [townships, setTownships] = useState<Region[]>([]);
  const [villages, setVillages] = useState<Region[]>([]);
  const [township, setTownship] = useState<Region | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const townshipCode =
    value && value.length >= 9 ? value.slice(0, 9) : accountRegion.length >= 9 ? accountRegion.slice(0, 9) : undefined;

  // A county account picks its township first.
  useEffect(() => {
    if (accountRegion.length >= 9) return;
    fetchRegion(accountRegion)
      .then(({ children }) => setTownships(children))
      .catch((e: unknown) => setFailure(errorText(e)));
  }, [accountRegion]);

  useEffect(() => {
    if (!townshipCode) return;
    fetchRegion(townshipCode)
      .then(({ region, children }) => {
        setTownship(region);
        setVillages(children);
      })
      .catch((e: unknown) => setFailure(errorText(e)));
  }, [townshipCode]);

  useEffect(() => {
    const chosen = value && value.length === 12 ? villages.find((v) => v.code === value) : township;
    onCentre(chosen?.center ?? township?.center);
  }, [value, villages, township, onCentre]);

  const villageOptions: Option<string>[] = township
    ? [
        { value: township.code, label: `就在${township.name}上，不在村里` },
        ...villages.map((v) => ({ value: v.code, label: v.name })),
      ]
    : [];

  return (
    <>
      {townships.length ? (
        <Field label="在哪个镇（苏木）？">
          <Choices
            options={townships.map((t) => ({ value: t.code, label: t.name }))}
            value={townshipCode}
            onChange={onChange}
            columns="wrap"
            testIdPrefix="township-"
            label="乡镇"
          />
        </Field>
      ) : null}
      {township ? (
        <Field label={`在${township.name}的哪个村（嘎查）？`} error={error} testId="employer-region">
          <Choices options={villageOptions} value={value} onChange={onChange} columns="wrap" testIdPrefix="region-" label="村" />
        </Field>
      ) : (
        <Notice>正在加载地区…</Notice>
      )}
      {failure ? <Notice tone="error">没能加载地区：{failure}</Notice> : null}
    </>
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
  const [draft, setDraft] = useState<Draft>(() => draftOf(employer, user));
  const [errors, setErrors] = useState<Partial<Record<FieldKey, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [centre, setCentre] = useState<LatLng | undefined>();
  const change = (patch: Partial<Draft>) => setDraft((before) => ({ ...before, ...patch }));
  const accountRegion = user.regionCode ?? '150222';

  /** Our own checks of a step, before the server's. */
  const problemsOf = (at: Step): Partial<Record<FieldKey, string>> => {
    const p: Partial<Record<FieldKey, string>> = {};
    if (at === 'name') {
      if (draft.name.trim().length < 2) p.name = '单位名称至少 2 个字';
      if (!draft.kind) p.kind = '请选一个单位类型';
    }
    if (at === 'region' && (!draft.regionCode || draft.regionCode.length < 9)) p.regionCode = '请选单位所在的镇或村';
    if (at === 'place') {
      if (!draft.location) p.location = '请在地图上选好单位的位置';
      if (draft.address.trim().length < 2) p.address = '请写单位的地址，例如 金山镇工业园 3 号';
    }
    if (at === 'contact') {
      if (!draft.contactName.trim()) p.contactName = '请写联系人的名字';
      if (!/^1[3-9]\d{9}$/.test(draft.contactPhone.trim())) p.contactPhone = '手机号应为 11 位数字，以 1 开头';
    }
    return p;
  };

  const next = () => {
    const problems = problemsOf(step);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setStep(STEPS[STEPS.indexOf(step) + 1] ?? step);
  };

  const save = async () => {
    const problems = problemsOf('contact');
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length) return;
    const input: EmployerInput = {
      name: draft.name.trim(),
      kind: draft.kind!,
      regionCode: draft.regionCode!,
      location: draft.location!,
      address: draft.address.trim(),
      contactName: draft.contactName.trim(),
      contactPhone: draft.contactPhone.trim(),
      ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    };
    setBusy(true);
    try {
      if (employer) {
        const { kind: _kind, ...changes } = input;
        onSaved(await updateEmployer(employer.version, changes), false);
      } else {
        const { employer: created } = await createEmployer(input);
        await refreshUser().catch(() => null);
        onSaved(created, true);
      }
    } catch (error) {
      const field = isApiError(error) ? (fieldName(error.field) as FieldKey | undefined) : undefined;
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        setFailure('单位信息刚刚在别处改过了。请点“不改了”回去看最新的内容，再改一次。');
      } else if (field && FIELD_KEYS.includes(field)) {
        setErrors({ [field]: errorText(error) });
        setStep(STEP_OF[field]);
      } else if (isApiError(error) && error.field?.includes('location')) {
        setErrors({ location: errorText(error) });
        setStep('place');
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
          <Field label="单位名称" hint="营业执照或挂牌上的名字" error={errors.name} testId="employer-name">
            <BigInput
              value={draft.name}
              onChange={(name) => change({ name })}
              maxLength={60}
              placeholder="例如：金山镇服装加工帮扶车间"
              testId="employer-name"
            />
          </Field>
          {employer ? (
            <View className="bf-text">单位类型：{EMPLOYER_KIND_ZH[employer.kind]}（改类型请找工作人员）</View>
          ) : (
            <Field label="单位类型" error={errors.kind} testId="employer-kind">
              <Choices
                options={KIND_OPTIONS}
                value={draft.kind}
                onChange={(kind) => change({ kind })}
                testIdPrefix="kind-"
                label="单位类型"
              />
            </Field>
          )}
        </>
      ) : null}

      {step === 'region' ? (
        <RegionStep
          accountRegion={accountRegion}
          value={draft.regionCode}
          onChange={(regionCode) => change({ regionCode })}
          error={errors.regionCode}
          onCentre={setCentre}
        />
      ) : null}

      {step === 'place' ? (
        <>
          <LocationPicker
            value={draft.location}
            around={centre ?? COUNTY_TOWN}
            onChange={(location, address) => change(address && !draft.address.trim() ? { location, address } : { location })}
            error={errors.location}
          />
          <Field label="地址" hint="写到门牌号，工人好找" error={errors.address} testId="employer-address">
            <BigInput
              value={draft.address}
              onChange={(address) => change({ address })}
              maxLength={100}
              placeholder="例如：金山镇工业园 3 号"
              testId="employer-address"
            />
          </Field>
        </>
      ) : null}

      {step === 'contact' ? (
        <>
          <Field label="联系人" error={errors.contactName} testId="employer-contact">
            <BigInput
              value={draft.contactName}
              onChange={(contactName) => change({ contactName })}
              maxLength={30}
              placeholder="例如：王经理"
              testId="employer-contact"
            />
          </Field>
          <Field label="联系电话" hint="工人会打这个电话问工作" error={errors.contactPhone} testId="employer-phone">
            <BigInput
              value={draft.contactPhone}
              onChange={(contactPhone) => change({ contactPhone })}
              type={PHONE_KEYBOARD}
              maxLength={11}
              placeholder="11 位手机号"
              testId="employer-phone"
            />
          </Field>
          <Field label="单位介绍" hint="可以不填" error={errors.description} testId="employer-description">
            <BigInput
              value={draft.description}
              onChange={(description) => change({ description })}
              maxLength={500}
              placeholder="做什么的，有多少人"
              testId="employer-description"
            />
          </Field>
        </>
      ) : null}

      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {step === 'contact' ? (
        <ActionButton busy={busy} onPress={save} testId="employer-save">
          {employer ? '保存' : '提交，等待审核'}
        </ActionButton>
      ) : (
        <Button type="primary" size="large" block onClick={next} data-testid="employer-next">
          下一步
        </Button>
      )}
      {step !== 'name' || onCancel ? (
        <Button size="large" block onClick={back} disabled={busy} data-testid="employer-back">
          {step === 'name' ? '不改了' : '上一步'}
        </Button>
      ) : null}
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
