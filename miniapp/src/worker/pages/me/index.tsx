/**
 * 我的信息: a worker binds this account to their registry record (name and ID number,
 * nothing else), then sees what is registered about them, the circumstances the subsidies
 * need (reporting one no officer has recorded: it counts once an officer confirms it), and
 * sets what work they want.
 */
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { fenToYuan, formatYuan, occupationName, yuanToFen, type User, type WorkerView } from '@bangfu/shared';
import { useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { bindWorker, fetchMyWorker, updateMyWorker, type Preferences } from '../../../api/registry';
import { CircumstancesSection } from '../../../circumstances/CircumstancesSection';
import { fieldName } from '../../../components/Field';
import { ActionButton } from '../../../components/ActionButton';
import { ChoiceField, MultiChoiceField } from '../../../components/form/ChoiceField';
import { FormActions } from '../../../components/form/FormButtons';
import { FormFailure } from '../../../components/form/FormFailure';
import { TextField } from '../../../components/form/TextField';
import { LoadView } from '../../../components/LoadView';
import { Notice, Page } from '../../../components/Page';
import { useLoad } from '../../../hooks/useLoad';
import { RoleGate } from '../../../components/RoleGate';
import {
  JOB_TYPE_ZH,
  LABOUR_CLASS_ZH,
  optionsOf,
  TRAVEL_SCOPE_ZH,
  WORKER_GROUP_ZH,
  type JobType,
  type TravelScope,
} from '../../../labels';
import { useSession } from '../../../state/session';
import { KEYBOARD } from '../../../components/form/keyboards';

// ---------------------------------------------------------------- binding

function BindForm({ onBound }: { onBound: (worker: WorkerView) => void }) {
  const { refreshUser } = useSession();
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<{ name?: string; idNumber?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const cleanName = name.trim();
    const cleanId = idNumber.replace(/\s+/g, '').toUpperCase();
    const problems: { name?: string; idNumber?: string } = {};
    if (cleanName.length < 2) problems.name = '请填写您的姓名（身份证上的名字）';
    if (!/^\d{17}[\dX]$/.test(cleanId)) problems.idNumber = '身份证号应为 18 位：17 位数字，最后一位是数字或 X';
    setErrors(problems);
    setFailure(null);
    if (problems.name || problems.idNumber) return;

    setBusy(true);
    try {
      const { worker } = await bindWorker(cleanName, cleanId);
      await refreshUser().catch(() => null);
      onBound(worker);
    } catch (error) {
      const field = isApiError(error) ? fieldName(error.field) : undefined;
      if (field === 'name' || field === 'idNumber') setErrors({ [field]: errorText(error) });
      else setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bf-section">
      <View className="bf-subtitle">绑定身份</View>
      <View className="bf-text">请填写您本人的姓名和身份证号，要和村里登记的一样。绑定以后，就能看到您登记的信息。</View>
      <TextField
        label="姓名"
        error={errors.name}
        value={name}
        onChange={setName}
        placeholder="例如：王秀兰"
        maxLength={30}
        testId="bind-name"
      />
      <TextField
        label="身份证号"
        hint="18 位，最后一位可能是 X"
        error={errors.idNumber}
        value={idNumber}
        onChange={setIdNumber}
        type={KEYBOARD.idCard}
        placeholder="18 位身份证号"
        maxLength={18}
        testId="bind-id"
        onConfirm={() => {
          submit().catch(() => undefined);
        }}
      />
      <FormFailure failure={failure} testId="bind-error" />
      <ActionButton busy={busy} onPress={submit} testId="bind-submit">
        绑定
      </ActionButton>
    </View>
  );
}

// ---------------------------------------------------------------- the record

const joinWords = (words: string[], none: string) => (words.length ? words.join('、') : none);

function Facts({ worker, user }: { worker: WorkerView; user: User }) {
  const skills = worker.skills.map((code) => occupationName(code) ?? code);
  return (
    <View className="bf-section">
      <CellGroup>
        <Cell title="姓名" extra={<Text data-testid="me-name">{worker.name}</Text>} />
        <Cell title="身份证号" description={<Text data-testid="me-id-masked">{worker.idNumberMasked}</Text>} />
        <Cell title="所在村" description={user.regionName ?? worker.villageCode} />
        <Cell
          title="帮扶类别"
          description={joinWords(
            worker.groups.map((g) => WORKER_GROUP_ZH[g]),
            '没有登记',
          )}
        />
        <Cell title="劳动能力" extra={LABOUR_CLASS_ZH[worker.labourClass]} />
        <Cell title="技能" description={joinWords(skills, '没有登记')} />
      </CellGroup>
      <View className="bf-hint">信息不对？请找村里的信息员更正。</View>
    </View>
  );
}

function PreferencesView({ worker, onEdit }: { worker: WorkerView; onEdit: () => void }) {
  const p = worker.preferences;
  return (
    <View className="bf-section">
      <View className="bf-subtitle">找工作的意向</View>
      <CellGroup>
        <Cell title="愿意去多远" description={TRAVEL_SCOPE_ZH[p.travelScope]} />
        <Cell
          title="希望每月挣"
          description={p.expectedMonthlyWageFen !== undefined ? formatYuan(p.expectedMonthlyWageFen) : '还没有填'}
        />
        <Cell
          title="想做的工作"
          description={joinWords(
            p.jobTypes.map((t) => JOB_TYPE_ZH[t]),
            '还没有选',
          )}
        />
      </CellGroup>
      <Button type="primary" size="large" block onClick={onEdit} data-testid="prefs-edit">
        修改找工作的意向
      </Button>
    </View>
  );
}

function PreferencesForm({
  worker,
  onSaved,
  onCancel,
  onConflict,
}: {
  worker: WorkerView;
  onSaved: (worker: WorkerView) => void;
  onCancel: () => void;
  /** Someone else changed the record: reload it. */
  onConflict: () => Promise<void>;
}) {
  const p = worker.preferences;
  const [travelScope, setTravelScope] = useState<TravelScope>(p.travelScope);
  const [wage, setWage] = useState(p.expectedMonthlyWageFen !== undefined ? fenToYuan(p.expectedMonthlyWageFen) : '');
  const [jobTypes, setJobTypes] = useState<JobType[]>(p.jobTypes);
  const [wageError, setWageError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setFailure(null);
    setWageError(null);
    const preferences: Preferences = { travelScope, jobTypes };
    if (wage.trim() !== '') {
      const fen = yuanToFen(wage);
      if (fen === undefined) {
        setWageError('请只填数字，例如 4500 或 4500.50');
        return;
      }
      preferences.expectedMonthlyWageFen = fen;
    }
    setBusy(true);
    try {
      onSaved(await updateMyWorker(worker.version, { preferences }));
    } catch (error) {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        await onConflict();
        return;
      }
      if (isApiError(error) && fieldName(error.field) === 'expectedMonthlyWageFen') setWageError(errorText(error));
      else setFailure(`没能保存：${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bf-section">
      <View className="bf-subtitle">找工作的意向</View>
      <ChoiceField
        label="愿意去多远工作？"
        options={optionsOf(TRAVEL_SCOPE_ZH)}
        value={travelScope}
        onChange={setTravelScope}
        columns={1}
        testIdPrefix="travel-"
        group="愿意去多远工作"
      />
      <TextField
        label="希望每月挣多少钱？"
        hint="可以不填"
        error={wageError}
        value={wage}
        onChange={setWage}
        type={KEYBOARD.decimal}
        placeholder="例如 4500"
        maxLength={12}
        unit="元"
        testId="prefs-wage"
      />
      <MultiChoiceField
        label="想做哪种工作？"
        hint="可以选几个"
        options={optionsOf(JOB_TYPE_ZH)}
        values={jobTypes}
        onChange={setJobTypes}
        testIdPrefix="job-type-"
        group="想做哪种工作"
      />
      <FormFailure failure={failure} />
      <FormActions busy={busy} onSubmit={save} submit="保存" submitTestId="prefs-save" onBack={onCancel} back="不改了" />
    </View>
  );
}

function MyInfo({ user }: { user: User }) {
  const router = useRouter();
  const { load, reload, retry, show } = useLoad(fetchMyWorker);
  const [editing, setEditing] = useState(false);
  /** A circumstance's form is open: the screen is its alone. */
  const [focused, setFocused] = useState(false);
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string; at: 'top' | 'preferences' } | null>(null);

  // Shown where the eyes are: above the record after binding, above the preferences after saving them.
  const notice = message ? (
    <Notice tone={message.tone} testId="me-message">
      {message.text}
    </Notice>
  ) : null;
  return (
    <LoadView
      load={load}
      retry={retry}
      what="您的信息"
      missing={
        <BindForm
          onBound={(worker) => {
            show(worker);
            setMessage({ tone: 'info', text: '绑定成功。下面是村里为您登记的信息。', at: 'top' });
          }}
        />
      }
    >
      {(worker) => (
        <>
          {/* While a circumstance's form is open the rest is hidden, not unmounted. */}
          <View style={focused ? { display: 'none' } : undefined}>
            {message?.at === 'top' ? notice : null}
            <Facts worker={worker} user={user} />
            {message?.at === 'preferences' ? notice : null}
            {editing ? (
              <PreferencesForm
                worker={worker}
                onSaved={(saved) => {
                  show(saved);
                  setEditing(false);
                  setMessage({ tone: 'info', text: '已保存找工作的意向。', at: 'preferences' });
                }}
                onCancel={() => setEditing(false)}
                onConflict={async () => {
                  await reload();
                  setEditing(false);
                  setMessage({
                    tone: 'error',
                    text: '您的信息刚刚被别人改过（可能是村里的信息员），这里已显示最新的内容。请看一下，需要的话再改一次。',
                    at: 'preferences',
                  });
                }}
              />
            ) : (
              <PreferencesView
                worker={worker}
                onEdit={() => {
                  setMessage(null);
                  setEditing(true);
                }}
              />
            )}
          </View>
          <CircumstancesSection
            worker={worker}
            who="worker"
            initial={router.params.report}
            onChanged={show}
            onRefresh={reload}
            onFocus={(open) => {
              setMessage(null);
              setFocused(open);
            }}
          />
        </>
      )}
    </LoadView>
  );
}

export default function MyInfoPage() {
  return (
    <Page>
      <View className="bf-title">我的信息</View>
      <RoleGate roles={['worker']}>{(user) => <MyInfo user={user} />}</RoleGate>
    </Page>
  );
}
