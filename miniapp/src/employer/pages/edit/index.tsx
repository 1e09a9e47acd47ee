/**
 * 发布岗位 / 修改岗位 (?positionId= to edit): a position in six short steps — what the
 * work is; pay (yuan typed, integer fen sent); form, season and hours; who it suits and
 * board and lodging; where; how many and until when — then 发布 or 存草稿 (a draft is
 * seen by nobody but the employer). A problem the server finds is shown on its step.
 */
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Employer, Position } from '@bangfu/shared';
import { useCallback, useEffect, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { createPosition, fetchMyEmployer, fetchPosition, publishPosition, updatePosition } from '../../../api/positions';
import { ActionButton } from '../../../components/ActionButton';
import { BackButton, NextButton } from '../../../components/form/FormButtons';
import { FormFailure } from '../../../components/form/FormFailure';
import { useDraft } from '../../../components/form/useDraft';
import { Notice, Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { chinaDate } from '../../../time';
import { StepFields } from './StepFields';
import {
  bodyOf,
  draftOf,
  errorsAt,
  keyOf,
  newDraft,
  STEP_OF,
  STEPS,
  type Draft,
  type Errors,
  type Step,
} from '../../positionForm';
import '../../employer.css';

function StepCount({ step }: { step: Step }) {
  return (
    <View className="bf-steps" data-testid="edit-step">
      第 {STEPS.indexOf(step) + 1} 步，共 {STEPS.length} 步
    </View>
  );
}

function PositionSteps({ employer, position }: { employer: Employer; position: Position | null }) {
  const [step, setStep] = useState<Step>('what');
  const { draft, change, bind } = useDraft<Draft>(() => (position ? draftOf(position, employer) : newDraft(employer)));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'publish' | 'draft' | 'save' | null>(null);
  const today = chinaDate(new Date());

  const context = { employer, position, today };
  const check = (at: Step): Errors => errorsAt(draft, context, at);

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
        done(await createPosition(bodyOf(draft, context), action === 'publish'), action === 'publish' ? 'published' : 'draft');
        return;
      }
      let saved = await updatePosition(position.positionId, position.version, bodyOf(draft, context));
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

  return (
    <View className="bf-section">
      <View className="bf-title">{position ? '修改岗位' : '发布岗位'}</View>
      <StepCount step={step} />

      <StepFields
        step={step}
        draft={draft}
        change={change}
        bind={bind}
        errors={errors}
        employer={employer}
        position={position}
        today={today}
      />

      <FormFailure failure={failure} testId="edit-failure" />

      {step !== 'count' ? (
        <NextButton onTap={next} testId="edit-next" />
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
      <BackButton onTap={back} busy={busy !== null} testId="edit-back">
        {step === 'what' ? '不填了，返回' : '上一步'}
      </BackButton>
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
