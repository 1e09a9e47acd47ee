/**
 * 新设公益性岗位 (设岗), in three short steps: what and where; duties and hours; places, term and
 * funding. Checked with the API's own schema before it is sent; a problem the server finds goes
 * back to the step of its field.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import {
  FUNDING_SOURCE_ZH,
  FUNDING_SOURCES,
  POST_CATEGORIES,
  POST_CATEGORY_ZH,
  welfarePostInputSchema,
  type User,
} from '@bangfu/shared';
import { useState } from 'react';
import { createPost } from '../../../api/welfarePosts';
import { ChoiceField } from '../../../components/form/ChoiceField';
import { DateField } from '../../../components/form/DateField';
import { BackButton, FormActions, NextButton } from '../../../components/form/FormButtons';
import { KEYBOARD } from '../../../components/form/keyboards';
import { TextField } from '../../../components/form/TextField';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useSteppedForm } from '../../../hooks/useSteppedForm';
import { chinaDate } from '../../../time';
import { NoStaffRegion, staffRegion } from '../../staffRegion';
import { VillageChoice } from '../../VillageChoice';

/** Which step asks each field, to go back to it with its problem. */
const STEP_OF: Record<string, number> = {
  title: 1,
  category: 1,
  villageCode: 1,
  duties: 2,
  fullTime: 2,
  hoursPerWeek: 2,
  places: 3,
  termStartsOn: 3,
  termEndsOn: 3,
  fundingSource: 3,
};

interface Draft {
  title: string;
  category?: (typeof POST_CATEGORIES)[number];
  villageCode?: string;
  duties: string;
  fullTime?: 'yes' | 'no';
  hoursPerWeek: string;
  places: string;
  termStartsOn: string;
  termEndsOn: string;
  fundingSource?: (typeof FUNDING_SOURCES)[number];
}

const wholeOrNaN = (text: string) => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

function NewPost({ regionCode }: { regionCode: string }) {
  const today = chinaDate(new Date());
  const [draft, setDraft] = useState<Draft>({
    title: '',
    duties: '',
    hoursPerWeek: '',
    places: '1',
    termStartsOn: today,
    termEndsOn: `${Number(today.slice(0, 4)) + 1}-12-31`, // to the end of next year
  });
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft({ ...draft, [key]: value });

  const body = () => ({
    title: draft.title,
    category: draft.category,
    villageCode: draft.villageCode,
    duties: draft.duties,
    fullTime: draft.fullTime === undefined ? undefined : draft.fullTime === 'yes',
    hoursPerWeek: wholeOrNaN(draft.hoursPerWeek),
    fundingSource: draft.fundingSource,
    places: wholeOrNaN(draft.places),
    termStartsOn: draft.termStartsOn,
    termEndsOn: draft.termEndsOn,
  });
  const { step, setStep, errors, failure, busy, next, save } = useSteppedForm(welfarePostInputSchema, body, STEP_OF);
  const submit = () =>
    save(async (input) => {
      const { post } = await createPost(input);
      await Taro.redirectTo({ url: `/staff/pages/welfare-post/index?postId=${post.postId}` });
    });

  return (
    <View className="bf-section" data-testid="post-form">
      <View className="bf-steps" data-testid="post-step">
        第 {step} 步，共 3 步
      </View>
      {step === 1 ? (
        <>
          <TextField
            label="岗位名称"
            error={errors.title}
            value={draft.title}
            onChange={set('title')}
            placeholder="例如：村庄保洁员"
            maxLength={40}
            testId="post-title"
          />
          <ChoiceField
            label="岗位类别"
            error={errors.category}
            testId="post-category"
            options={POST_CATEGORIES.map((c) => ({ value: c, label: POST_CATEGORY_ZH[c] }))}
            value={draft.category}
            onChange={set('category')}
            columns="wrap"
            testIdPrefix="post-category-"
            group="岗位类别"
          />
          <VillageChoice
            question="为哪个村（嘎查）设岗？"
            testId="post"
            accountRegion={regionCode}
            value={draft.villageCode}
            onChange={set('villageCode')}
            error={errors.villageCode}
          />
          <NextButton onTap={() => next(1)} testId="post-next-1" />
        </>
      ) : null}
      {step === 2 ? (
        <>
          <TextField
            label="岗位职责"
            hint="做什么、在哪里做"
            error={errors.duties}
            value={draft.duties}
            onChange={set('duties')}
            placeholder="例如：每天清扫村内主干道"
            maxLength={300}
            testId="post-duties"
          />
          <ChoiceField
            label="全日制还是非全日制？"
            hint="非全日制的人还可以打零工"
            error={errors.fullTime}
            testId="post-full-time"
            options={[
              { value: 'yes' as const, label: '全日制' },
              { value: 'no' as const, label: '非全日制' },
            ]}
            value={draft.fullTime}
            onChange={set('fullTime')}
            testIdPrefix="post-full-time-"
            group="全日制"
          />
          <TextField
            label="每周工作几小时？"
            error={errors.hoursPerWeek}
            value={draft.hoursPerWeek}
            onChange={set('hoursPerWeek')}
            type={KEYBOARD.whole}
            placeholder="例如：40"
            unit="小时"
            maxLength={2}
            testId="post-hours"
          />
          <NextButton onTap={() => next(2)} testId="post-next-2" />
          <BackButton onTap={() => setStep(1)} testId="post-back-2">
            上一步
          </BackButton>
        </>
      ) : null}
      {step === 3 ? (
        <>
          <TextField
            label="设几个名额？"
            error={errors.places}
            value={draft.places}
            onChange={set('places')}
            type={KEYBOARD.whole}
            placeholder="例如：2"
            unit="个"
            maxLength={3}
            testId="post-places"
          />
          {(['termStartsOn', 'termEndsOn'] as const).map((key) => (
            <DateField
              key={key}
              label={key === 'termStartsOn' ? '岗位从哪天开始？' : '岗位设到哪天？'}
              value={draft[key]}
              onChange={set(key)}
              error={errors[key]}
              testId={`post-${key}`}
            />
          ))}
          <ChoiceField
            label="资金来源"
            error={errors.fundingSource}
            testId="post-funding"
            options={FUNDING_SOURCES.map((f) => ({ value: f, label: FUNDING_SOURCE_ZH[f] }))}
            value={draft.fundingSource}
            onChange={set('fundingSource')}
            columns={1}
            testIdPrefix="post-funding-"
            group="资金来源"
          />
          {failure ? <Notice tone="error">{failure}</Notice> : null}
          <FormActions
            busy={busy}
            onSubmit={submit}
            submit="保存岗位"
            submitTestId="post-save"
            onBack={() => setStep(2)}
            back="上一步"
          />
        </>
      ) : null}
    </View>
  );
}

function NewPostFor({ user }: { user: User }) {
  const regionCode = staffRegion(user);
  if (!regionCode) return <NoStaffRegion />;
  if (regionCode.length > 9) return <Notice>公益性岗位由乡镇或旗县设立，村里请联系乡镇。</Notice>;
  return <NewPost regionCode={regionCode} />;
}

export default function NewPostPage() {
  return <RolePage title="新设公益性岗位" roles={['staff', 'admin']} show={(user) => <NewPostFor user={user} />} />;
}
