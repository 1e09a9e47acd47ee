/**
 * The fields of each of the six steps of 发布岗位 / 修改岗位: what the work is; pay; form,
 * season and hours; who it suits and board and lodging; where; how many and until when.
 */
import { View } from '@tarojs/components';
import type { Employer, PayUnit, Position } from '@bangfu/shared';
import { MultiChoices, type Option } from '../../../components/Choices';
import { Field } from '../../../components/Field';
import { ChoiceField, MultiChoiceField } from '../../../components/form/ChoiceField';
import { TextField } from '../../../components/form/TextField';
import type { useDraft } from '../../../components/form/useDraft';
import { INTENSITY_ZH, optionsOf, PAY_UNIT_CHOICE_ZH, POSITION_FORM_ZH, PUBLIC_WELFARE_CATEGORY_ZH } from '../../../labels';
import { dateText } from '../../../positionText';
import { LocationPicker } from '../../../components/LocationPicker';
import { OccupationPicker } from '../../OccupationPicker';
import { PositionSummary } from '../../PositionSummary';
import { untilDate, type Board, type Draft, type Errors, type Step, type Suit } from '../../positionForm';
import { KEYBOARD } from '../../../components/form/keyboards';

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

interface StepFieldsProps extends Pick<ReturnType<typeof useDraft<Draft>>, 'draft' | 'change' | 'bind'> {
  step: Step;
  errors: Errors;
  employer: Employer;
  position: Position | null;
  today: string;
}

export function StepFields({ step, draft, change, bind, errors, employer, position, today }: StepFieldsProps) {
  const unitWord = UNIT_WORD[draft.unit];
  return (
    <>
      {step === 'what' ? (
        <>
          <TextField
            label="岗位名称"
            hint="工人一看就懂的名字"
            error={errors.title}
            {...bind('title')}
            maxLength={40}
            placeholder="例如：缝纫工（计件）"
            testId="edit-title"
          />
          <Field label="工种" error={errors.occupation} testId="edit-occupation">
            <OccupationPicker value={draft.occupation} onChange={(occupation) => change({ occupation })} />
          </Field>
        </>
      ) : null}

      {step === 'pay' ? (
        <>
          <ChoiceField
            label="工资怎么算？"
            options={UNIT_OPTIONS}
            {...bind('unit')}
            columns={1}
            testIdPrefix="unit-"
            group="工资怎么算"
          />
          {draft.unit === 'piece' ? (
            <TextField
              label="一件指什么？"
              hint="可以不填"
              error={errors.pieceNote}
              {...bind('pieceNote')}
              maxLength={40}
              placeholder="例如：每件衬衫"
              testId="edit-piece-note"
            />
          ) : null}
          <TextField
            label={`${unitWord}最少给多少钱？`}
            error={errors.minFen}
            {...bind('min')}
            type={KEYBOARD.decimal}
            maxLength={12}
            placeholder="例如 3000"
            unit="元"
            testId="edit-min"
          />
          <TextField
            label={`${unitWord}最多给多少钱？`}
            hint="工资固定就空着"
            error={errors.maxFen}
            {...bind('max')}
            type={KEYBOARD.decimal}
            maxLength={12}
            placeholder="例如 4500"
            unit="元"
            testId="edit-max"
          />
        </>
      ) : null}

      {step === 'when' ? (
        <>
          <ChoiceField
            label="工作形式"
            error={errors.form}
            testId="edit-form"
            options={FORM_OPTIONS}
            {...bind('form')}
            testIdPrefix="form-"
            group="工作形式"
          />
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
          <TextField
            label="上班时间"
            hint="可以不填"
            error={errors.workHours}
            {...bind('workHours')}
            maxLength={40}
            placeholder="例如：早 8 点到晚 5 点，中午休息"
            testId="edit-hours"
          />
        </>
      ) : null}

      {step === 'who' ? (
        <>
          <ChoiceField
            label="干活累不累？"
            error={errors.intensity}
            testId="edit-intensity"
            options={INTENSITY_OPTIONS}
            {...bind('intensity')}
            columns={1}
            testIdPrefix="intensity-"
            group="体力"
          />
          <MultiChoiceField
            label="谁也能干？"
            hint="可以都不选，也可以选两个"
            options={SUIT_OPTIONS}
            values={draft.suits}
            onChange={(suits) => change({ suits })}
            columns={1}
            testIdPrefix="suits-"
            group="适合"
          />
          <MultiChoiceField
            label="管住、管饭吗？"
            hint="管就点一下"
            options={BOARD_OPTIONS}
            values={draft.board}
            onChange={(board) => change({ board })}
            testIdPrefix="board-"
            group="吃住"
          />
          {employer.kind === 'publicWelfare' ? (
            <ChoiceField
              label="公益性岗位类别"
              error={errors.publicWelfareCategory}
              testId="edit-welfare"
              options={WELFARE_OPTIONS}
              {...bind('welfare')}
              testIdPrefix="welfare-"
              group="公益性岗位类别"
            />
          ) : null}
        </>
      ) : null}

      {step === 'where' ? (
        <>
          <ChoiceField
            label="在哪里干活？"
            options={[
              { value: 'same', label: `就在单位：${employer.address}` },
              { value: 'other', label: '在别的地方' },
            ]}
            {...bind('where')}
            columns={1}
            testIdPrefix="where-"
            group="在哪里干活"
          />
          {draft.where === 'other' ? (
            <>
              <LocationPicker
                value={draft.location}
                around={draft.location ?? employer.location}
                onChange={(location, address) => change(address ? { location, address } : { location })}
                error={errors.location}
              />
              <TextField
                label="干活的地址"
                error={errors.address}
                {...bind('address')}
                maxLength={100}
                placeholder="例如：西斗铺镇马铃薯种植基地"
                testId="edit-address"
              />
            </>
          ) : null}
        </>
      ) : null}

      {step === 'count' ? (
        <>
          <TextField
            label="招几个人？"
            error={errors.headcount}
            {...bind('headcount')}
            type={KEYBOARD.whole}
            maxLength={5}
            placeholder="例如 5"
            unit="人"
            testId="edit-headcount"
          />
          <ChoiceField
            label="招到什么时候？"
            hint={`到 ${dateText(untilDate(draft.until, today, position?.validUntil))} 为止`}
            error={errors.validUntil}
            testId="edit-until"
            options={[
              ...(position ? [{ value: 'keep' as const, label: `不改（${dateText(position.validUntil)}）` }] : []),
              { value: '1', label: '1 个月' },
              { value: '3', label: '3 个月' },
              { value: '6', label: '半年' },
              { value: '12', label: '1 年' },
            ]}
            {...bind('until')}
            columns="wrap"
            testIdPrefix="until-"
            group="招到什么时候"
          />
          <TextField
            label="还有什么要说的？"
            hint="可以不填"
            error={errors.description}
            {...bind('description')}
            maxLength={1000}
            placeholder="例如：有师傅带，不会可以学"
            testId="edit-description"
          />
          <PositionSummary draft={draft} />
        </>
      ) : null}
    </>
  );
}
