/**
 * 发布岗位 / 修改岗位 (?positionId= to edit): a position in six short steps — what the
 * work is; pay (yuan typed, integer fen sent); form, season and hours; who it suits and
 * board and lodging; where; how many and until when — then 发布 or 存草稿 (a draft is
 * seen by nobody but the employer). A problem the server finds is shown on its step.
 */
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  fenToYuan,
  occupationName,
  yuanToFen,
  type Employer,
  type Intensity,
  type LatLng,
  type PayUnit,
  type Position,
  type PositionForm,
} from '@bangfu/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import {
  createPosition,
  fetchMyEmployer,
  fetchPosition,
  publishPosition,
  updatePosition,
  type PositionBody,
} from '../../../api/positions';
import { ActionButton } from '../../../components/ActionButton';
import { BigInput } from '../../../components/BigInput';
import { Choices, MultiChoices, type Option } from '../../../components/Choices';
import { Field } from '../../../components/Field';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import {
  INTENSITY_ZH,
  optionsOf,
  PAY_UNIT_CHOICE_ZH,
  POSITION_FORM_ZH,
  PUBLIC_WELFARE_CATEGORY_ZH,
  type PublicWelfareCategory,
} from '../../../labels';
import { dateText, payText, seasonText } from '../../../positionText';
import { chinaDate } from '../../../time';
import { LocationPicker } from '../../LocationPicker';
import { OccupationPicker } from '../../OccupationPicker';
import '../../employer.css';

type Step = 'what' | 'pay' | 'when' | 'who' | 'where' | 'count';
const STEPS: Step[] = ['what', 'pay', 'when', 'who', 'where', 'count'];

type FieldKey =
  | 'title'
  | 'occupation'
  | 'minFen'
  | 'maxFen'
  | 'pieceNote'
  | 'form'
  | 'seasonMonths'
  | 'workHours'
  | 'intensity'
  | 'publicWelfareCategory'
  | 'location'
  | 'address'
  | 'headcount'
  | 'validUntil'
  | 'description';
const STEP_OF: Record<FieldKey, Step> = {
  title: 'what',
  occupation: 'what',
  minFen: 'pay',
  maxFen: 'pay',
  pieceNote: 'pay',
  form: 'when',
  seasonMonths: 'when',
  workHours: 'when',
  intensity: 'who',
  publicWelfareCategory: 'who',
  location: 'where',
  address: 'where',
  headcount: 'count',
  validUntil: 'count',
  description: 'count',
};
type Errors = Partial<Record<FieldKey, string>>;

const MONEY_KEYBOARD = process.env.TARO_ENV === 'weapp' ? 'digit' : 'text';
const NUMBER_KEYBOARD = process.env.TARO_ENV === 'weapp' ? 'number' : 'text';

type Suit = 'half' | 'weak';
type Board = 'accommodation' | 'meals';
type Where = 'same' | 'other';
type Until = 'keep' | '1' | '3' | '6' | '12';

const UNIT_OPTIONS = optionsOf(PAY_UNIT_CHOICE_ZH);
const FORM_OPTIONS = optionsOf(POSITION_FORM_ZH);
const INTENSITY_OPTIONS = optionsOf(INTENSITY_ZH);
const WELFARE_OPTIONS = optionsOf(PUBLIC_WELFARE_CATEGORY_ZH);
const MONTH_OPTIONS: Option<string>[] = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }));
const SUIT_OPTIONS: Option<Suit>[] = [
  { value: 'half', label: '适合半劳力（身体一般也能干）' },
  { value: 'weak', label: '适合弱劳力（年纪大、身体弱也能干）' },
];
const BOARD_OPTIONS: Option<Board>[] = [
  { value: 'accommodation', label: '包住' },
  { value: 'meals', label: '包吃' },
];
const UNIT_WORD: Record<PayUnit, string> = { month: '每月', day: '每天', piece: '每件' };

interface Draft {
  title: string;
  occupation: string | undefined;
  unit: PayUnit;
  min: string;
  max: string;
  pieceNote: string;
  form: PositionForm | undefined;
  months: string[];
  workHours: string;
  intensity: Intensity | undefined;
  suits: Suit[];
  board: Board[];
  welfare: PublicWelfareCategory | undefined;
  where: Where;
  location: LatLng | undefined;
  address: string;
  headcount: string;
  until: Until;
  description: string;
}

function newDraft(employer: Employer): Draft {
  return {
    title: '',
    occupation: undefined,
    unit: 'month',
    min: '',
    max: '',
    pieceNote: '',
    form: undefined,
    months: [],
    workHours: '',
    intensity: undefined,
    suits: [],
    board: [],
    welfare: undefined,
    where: 'same',
    location: employer.location,
    address: employer.address,
    headcount: '',
    until: '3',
    description: '',
  };
}

function draftOf(position: Position, employer: Employer): Draft {
  const same =
    position.location.lat === employer.location.lat &&
    position.location.lng === employer.location.lng &&
    position.address === employer.address;
  return {
    title: position.title,
    occupation: position.occupation,
    unit: position.pay.unit,
    min: fenToYuan(position.pay.minFen),
    max: position.pay.maxFen === position.pay.minFen ? '' : fenToYuan(position.pay.maxFen),
    pieceNote: position.pay.pieceNote ?? '',
    form: position.form,
    months: (position.seasonMonths ?? []).map(String),
    workHours: position.workHours ?? '',
    intensity: position.intensity,
    suits: [...(position.suitsHalfLabour ? (['half'] as const) : []), ...(position.suitsWeakLabour ? (['weak'] as const) : [])],
    board: [...(position.accommodation ? (['accommodation'] as const) : []), ...(position.meals ? (['meals'] as const) : [])],
    welfare: position.publicWelfareCategory,
    where: same ? 'same' : 'other',
    location: position.location,
    address: position.address,
    headcount: String(position.headcount),
    until: 'keep',
    description: position.description ?? '',
  };
}

/** "2026-01-31" plus n months, as an ISO date (China's calendar, no time zone involved). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

function untilDate(until: Until, today: string, current: string | undefined): string {
  if (until === 'keep' && current) return current;
  return addMonths(today, until === 'keep' ? 3 : Number(until));
}

/** The API names a field `body.pay.minFen`, `body.title`…: which of ours it is. */
function keyOf(field: string | undefined): FieldKey | undefined {
  const parts = (field ?? '').split('.').filter((p) => p !== 'body');
  const top = parts[0];
  if (top === 'pay') return parts[1] === 'maxFen' || parts[1] === 'pieceNote' ? parts[1] : 'minFen';
  if (top === 'lat' || top === 'lng' || top === 'regionCode') return 'location';
  if (top === 'validFrom') return 'validUntil';
  return top && top in STEP_OF ? (top as FieldKey) : undefined;
}

function StepCount({ step }: { step: Step }) {
  return (
    <View className="bf-steps" data-testid="edit-step">
      第 {STEPS.indexOf(step) + 1} 步，共 {STEPS.length} 步
    </View>
  );
}

function PositionSteps({ employer, position }: { employer: Employer; position: Position | null }) {
  const [step, setStep] = useState<Step>('what');
  const [draft, setDraft] = useState<Draft>(() => (position ? draftOf(position, employer) : newDraft(employer)));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'publish' | 'draft' | 'save' | null>(null);
  const change = (patch: Partial<Draft>) => setDraft((before) => ({ ...before, ...patch }));
  const today = chinaDate(new Date());

  /** Our checks of one step; the pay in fen when it is right. */
  const check = (at: Step): Errors => {
    const e: Errors = {};
    if (at === 'what') {
      if (draft.title.trim().length < 2) e.title = '岗位名称至少 2 个字，例如“缝纫工”“保洁员”';
      if (!draft.occupation) e.occupation = '请选一个工种';
    }
    if (at === 'pay') {
      const min = yuanToFen(draft.min);
      const max = draft.max.trim() ? yuanToFen(draft.max) : min;
      if (min === undefined) e.minFen = '请填金额，只填数字，例如 3000 或 2.5';
      else if (max === undefined) e.maxFen = '请只填数字；工资固定就空着';
      else if (max < min) e.maxFen = '最多的不能比最少的还少';
    }
    if (at === 'when') {
      if (!draft.form) e.form = '请选一种工作形式';
      if (draft.form === 'seasonal' && !draft.months.length) e.seasonMonths = '季节工请选要干活的月份';
    }
    if (at === 'who' && !draft.intensity) e.intensity = '请选干活累不累';
    if (at === 'where' && draft.where === 'other') {
      if (!draft.location) e.location = '请在地图上选好干活的地方';
      if (draft.address.trim().length < 2) e.address = '请写干活的地址';
    }
    if (at === 'count') {
      const n = Number(draft.headcount.trim());
      if (!/^\d+$/.test(draft.headcount.trim()) || n < 1 || n > 10_000) e.headcount = '请填要招几个人，例如 5';
      else if (position && n < position.filled) e.headcount = `已经录用了 ${position.filled} 人，不能少于 ${position.filled}`;
    }
    return e;
  };

  const next = () => {
    const problems = check(step);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    setStep(STEPS[STEPS.indexOf(step) + 1] ?? step);
  };
  const back = () => {
    const at = STEPS.indexOf(step);
    if (at > 0) setStep(STEPS[at - 1]!);
    else Taro.navigateBack().catch(() => undefined);
  };

  const body = (): PositionBody => {
    const minFen = yuanToFen(draft.min)!;
    const maxFen = draft.max.trim() ? yuanToFen(draft.max)! : minFen;
    const seasonal = draft.form === 'seasonal';
    const place =
      draft.where === 'same'
        ? { location: employer.location, address: employer.address }
        : { location: draft.location!, address: draft.address.trim() };
    return {
      title: draft.title.trim(),
      occupation: draft.occupation!,
      headcount: Number(draft.headcount.trim()),
      pay: {
        unit: draft.unit,
        minFen,
        maxFen,
        ...(draft.unit === 'piece' && draft.pieceNote.trim() ? { pieceNote: draft.pieceNote.trim() } : {}),
      },
      form: draft.form!,
      // An edit that stops being seasonal clears the months; a new position just leaves them out.
      ...(seasonal ? { seasonMonths: draft.months.map(Number).sort((a, b) => a - b) } : position ? { seasonMonths: [] } : {}),
      ...(draft.workHours.trim() || position ? { workHours: draft.workHours.trim() } : {}),
      intensity: draft.intensity!,
      suitsHalfLabour: draft.suits.includes('half'),
      suitsWeakLabour: draft.suits.includes('weak'),
      accommodation: draft.board.includes('accommodation'),
      meals: draft.board.includes('meals'),
      ...place,
      regionCode: position?.regionCode ?? employer.regionCode,
      ...(draft.welfare ? { publicWelfareCategory: draft.welfare } : {}),
      validFrom: position?.validFrom ?? today,
      validUntil: untilDate(draft.until, today, position?.validUntil),
      ...(draft.description.trim() || position ? { description: draft.description.trim() } : {}),
    };
  };

  const done = (saved: Position, what: 'published' | 'draft' | 'saved') => {
    Taro.redirectTo({
      url: `/employer/pages/applicants/index?positionId=${encodeURIComponent(saved.positionId)}&saved=${what}`,
    }).catch(() => undefined);
  };

  const submit = async (action: 'publish' | 'draft' | 'save') => {
    // Every step again: a field may have been left wrong on an earlier one.
    for (const at of STEPS) {
      const problems = check(at);
      if (Object.keys(problems).length) {
        setErrors(problems);
        setStep(at);
        return;
      }
    }
    setErrors({});
    setFailure(null);
    setBusy(action);
    try {
      if (!position) {
        done(await createPosition(body(), action === 'publish'), action === 'publish' ? 'published' : 'draft');
        return;
      }
      let saved = await updatePosition(position.positionId, position.version, body());
      if (action === 'publish' && saved.status === 'draft') saved = await publishPosition(saved.positionId, saved.version);
      done(saved, action === 'publish' ? 'published' : 'saved');
    } catch (error) {
      const key = isApiError(error) ? keyOf(error.field) : undefined;
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        setFailure('这个岗位刚刚在别处改过了（也可能有人被录用了）。请回到上一页重新打开它，再改一次。');
      } else if (key) {
        setErrors({ [key]: errorText(error) });
        setStep(STEP_OF[key]);
      } else {
        setFailure(`没能保存：${errorText(error)}`);
      }
    } finally {
      setBusy(null);
    }
  };

  const unitWord = UNIT_WORD[draft.unit];
  const occupationWord = draft.occupation ? occupationName(draft.occupation) : undefined;

  return (
    <View className="bf-section">
      <View className="bf-title">{position ? '修改岗位' : '发布岗位'}</View>
      <StepCount step={step} />

      {step === 'what' ? (
        <>
          <Field label="岗位名称" hint="工人一看就懂的名字" error={errors.title} testId="edit-title">
            <BigInput
              value={draft.title}
              onChange={(title) => change({ title })}
              maxLength={40}
              placeholder="例如：缝纫工（计件）"
              testId="edit-title"
            />
          </Field>
          <Field label="工种" error={errors.occupation} testId="edit-occupation">
            <OccupationPicker value={draft.occupation} onChange={(occupation) => change({ occupation })} />
          </Field>
        </>
      ) : null}

      {step === 'pay' ? (
        <>
          <Field label="工资怎么算？">
            <Choices
              options={UNIT_OPTIONS}
              value={draft.unit}
              onChange={(unit) => change({ unit })}
              columns={1}
              testIdPrefix="unit-"
              label="工资怎么算"
            />
          </Field>
          {draft.unit === 'piece' ? (
            <Field label="一件指什么？" hint="可以不填" error={errors.pieceNote} testId="edit-piece-note">
              <BigInput
                value={draft.pieceNote}
                onChange={(pieceNote) => change({ pieceNote })}
                maxLength={40}
                placeholder="例如：每件衬衫"
                testId="edit-piece-note"
              />
            </Field>
          ) : null}
          <Field label={`${unitWord}最少给多少钱？`} error={errors.minFen} testId="edit-min">
            <BigInput
              value={draft.min}
              onChange={(min) => change({ min })}
              type={MONEY_KEYBOARD}
              maxLength={12}
              placeholder="例如 3000"
              unit="元"
              testId="edit-min"
            />
          </Field>
          <Field label={`${unitWord}最多给多少钱？`} hint="工资固定就空着" error={errors.maxFen} testId="edit-max">
            <BigInput
              value={draft.max}
              onChange={(max) => change({ max })}
              type={MONEY_KEYBOARD}
              maxLength={12}
              placeholder="例如 4500"
              unit="元"
              testId="edit-max"
            />
          </Field>
        </>
      ) : null}

      {step === 'when' ? (
        <>
          <Field label="工作形式" error={errors.form} testId="edit-form">
            <Choices
              options={FORM_OPTIONS}
              value={draft.form}
              onChange={(form) => change({ form })}
              testIdPrefix="form-"
              label="工作形式"
            />
          </Field>
          {draft.form === 'seasonal' ? (
            <Field label="哪几个月要人？" hint="可以选几个" error={errors.seasonMonths} testId="edit-months">
              <View className="bf-months">
                <MultiChoices
                  options={MONTH_OPTIONS}
                  values={draft.months}
                  onChange={(months) => change({ months })}
                  columns="wrap"
                  testIdPrefix="month-"
                  label="月份"
                />
              </View>
            </Field>
          ) : null}
          <Field label="上班时间" hint="可以不填" error={errors.workHours} testId="edit-hours">
            <BigInput
              value={draft.workHours}
              onChange={(workHours) => change({ workHours })}
              maxLength={40}
              placeholder="例如：早 8 点到晚 5 点，中午休息"
              testId="edit-hours"
            />
          </Field>
        </>
      ) : null}

      {step === 'who' ? (
        <>
          <Field label="干活累不累？" error={errors.intensity} testId="edit-intensity">
            <Choices
              options={INTENSITY_OPTIONS}
              value={draft.intensity}
              onChange={(intensity) => change({ intensity })}
              columns={1}
              testIdPrefix="intensity-"
              label="体力"
            />
          </Field>
          <Field label="谁也能干？" hint="可以都不选，也可以选两个">
            <MultiChoices
              options={SUIT_OPTIONS}
              values={draft.suits}
              onChange={(suits) => change({ suits })}
              columns={1}
              testIdPrefix="suits-"
              label="适合"
            />
          </Field>
          <Field label="管住、管饭吗？" hint="管就点一下">
            <MultiChoices
              options={BOARD_OPTIONS}
              values={draft.board}
              onChange={(board) => change({ board })}
              testIdPrefix="board-"
              label="吃住"
            />
          </Field>
          {employer.kind === 'publicWelfare' ? (
            <Field label="公益性岗位类别" error={errors.publicWelfareCategory} testId="edit-welfare">
              <Choices
                options={WELFARE_OPTIONS}
                value={draft.welfare}
                onChange={(welfare) => change({ welfare })}
                testIdPrefix="welfare-"
                label="公益性岗位类别"
              />
            </Field>
          ) : null}
        </>
      ) : null}

      {step === 'where' ? (
        <>
          <Field label="在哪里干活？">
            <Choices
              options={[
                { value: 'same', label: `就在单位：${employer.address}` },
                { value: 'other', label: '在别的地方' },
              ]}
              value={draft.where}
              onChange={(where) => change({ where })}
              columns={1}
              testIdPrefix="where-"
              label="在哪里干活"
            />
          </Field>
          {draft.where === 'other' ? (
            <>
              <LocationPicker
                value={draft.location}
                around={draft.location ?? employer.location}
                onChange={(location, address) => change(address ? { location, address } : { location })}
                error={errors.location}
              />
              <Field label="干活的地址" error={errors.address} testId="edit-address">
                <BigInput
                  value={draft.address}
                  onChange={(address) => change({ address })}
                  maxLength={100}
                  placeholder="例如：西斗铺镇马铃薯种植基地"
                  testId="edit-address"
                />
              </Field>
            </>
          ) : null}
        </>
      ) : null}

      {step === 'count' ? (
        <>
          <Field label="招几个人？" error={errors.headcount} testId="edit-headcount">
            <BigInput
              value={draft.headcount}
              onChange={(headcount) => change({ headcount })}
              type={NUMBER_KEYBOARD}
              maxLength={5}
              placeholder="例如 5"
              unit="人"
              testId="edit-headcount"
            />
          </Field>
          <Field
            label="招到什么时候？"
            hint={`到 ${dateText(untilDate(draft.until, today, position?.validUntil))} 为止`}
            error={errors.validUntil}
            testId="edit-until"
          >
            <Choices
              options={[
                ...(position ? [{ value: 'keep' as const, label: `不改（${dateText(position.validUntil)}）` }] : []),
                { value: '1', label: '1 个月' },
                { value: '3', label: '3 个月' },
                { value: '6', label: '半年' },
                { value: '12', label: '1 年' },
              ]}
              value={draft.until}
              onChange={(until) => change({ until })}
              columns="wrap"
              testIdPrefix="until-"
              label="招到什么时候"
            />
          </Field>
          <Field label="还有什么要说的？" hint="可以不填" error={errors.description} testId="edit-description">
            <BigInput
              value={draft.description}
              onChange={(description) => change({ description })}
              maxLength={1000}
              placeholder="例如：有师傅带，不会可以学"
              testId="edit-description"
            />
          </Field>
          <View className="bf-notice" data-testid="edit-summary">
            <View className="bf-strong">{draft.title.trim() || '（没有名称）'}</View>
            {occupationWord ? <View>工种：{occupationWord}</View> : null}
            {yuanToFen(draft.min) !== undefined ? (
              <View>
                {payText({
                  unit: draft.unit,
                  minFen: yuanToFen(draft.min)!,
                  maxFen: (draft.max.trim() ? yuanToFen(draft.max) : undefined) ?? yuanToFen(draft.min)!,
                  ...(draft.pieceNote.trim() ? { pieceNote: draft.pieceNote.trim() } : {}),
                })}
              </View>
            ) : null}
            {draft.form ? (
              <View>
                {POSITION_FORM_ZH[draft.form]}
                {draft.form === 'seasonal' && draft.months.length ? `（${seasonText(draft.months.map(Number))}）` : ''}
              </View>
            ) : null}
          </View>
        </>
      ) : null}

      {failure ? (
        <Notice tone="error" testId="edit-failure">
          {failure}
        </Notice>
      ) : null}

      {step !== 'count' ? (
        <Button type="primary" size="large" block onClick={next} data-testid="edit-next">
          下一步
        </Button>
      ) : !position || position.status === 'draft' ? (
        <>
          <ActionButton busy={busy === 'publish'} onPress={() => submit('publish')} testId="edit-publish">
            {position ? '保存并发布' : '发布'}
          </ActionButton>
          <Button
            size="large"
            block
            loading={busy === 'draft'}
            disabled={busy !== null}
            onClick={() => void submit(position ? 'save' : 'draft')}
            data-testid="edit-draft"
          >
            {position ? '保存，先不发布' : '存草稿，先不发布'}
          </Button>
        </>
      ) : (
        <ActionButton busy={busy === 'save'} onPress={() => submit('save')} testId="edit-save">
          保存修改
        </ActionButton>
      )}
      <Button size="large" block onClick={back} disabled={busy !== null} data-testid="edit-back">
        {step === 'what' ? '不填了，返回' : '上一步'}
      </Button>
    </View>
  );
}

type Load =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'noProfile' }
  | { state: 'ready'; employer: Employer; position: Position | null };

function EditPosition({ positionId }: { positionId: string }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const reload = useCallback(async () => {
    try {
      const employer = await fetchMyEmployer();
      if (!employer) return setLoad({ state: 'noProfile' });
      const position = positionId ? (await fetchPosition(positionId)).position : null;
      setLoad({ state: 'ready', employer, position });
    } catch (error) {
      setLoad({ state: 'failed', message: errorText(error) });
    }
  }, [positionId]);
  useEffect(() => {
    reload().catch(() => undefined);
  }, [reload]);

  if (load.state === 'loading') return <Notice>正在加载…</Notice>;
  if (load.state === 'failed') {
    return (
      <View className="bf-section">
        <Notice tone="error">没能打开：{load.message}</Notice>
        <Button type="primary" size="large" block onClick={() => void reload()}>
          再试一次
        </Button>
      </View>
    );
  }
  if (load.state === 'noProfile') {
    return (
      <View className="bf-section">
        <Notice>发布岗位以前，请先填写单位信息（名称、地址、联系电话）。</Notice>
        <Button
          type="primary"
          size="large"
          block
          onClick={() => {
            Taro.redirectTo({ url: '/employer/pages/profile/index' }).catch(() => undefined);
          }}
          data-testid="edit-profile"
        >
          填写单位信息
        </Button>
      </View>
    );
  }
  return <PositionSteps employer={load.employer} position={load.position} />;
}

export default function EditPositionPage() {
  const { params } = useRouter();
  const positionId = params.positionId ? decodeURIComponent(params.positionId) : '';
  return (
    <Page>
      <RoleGate roles={['employer']}>{() => <EditPosition positionId={positionId} />}</RoleGate>
    </Page>
  );
}
