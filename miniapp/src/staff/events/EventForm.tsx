/**
 * 办一场招聘会: the title, place and day, and the positions of the officer's region to offer
 * there (open ones, still wanting people), ticked from a list. The rules are the contract's
 * own (recruitmentEventInputSchema); this only says in plain words what is wrong and where.
 */
import { View } from '@tarojs/components';
import { eventContracts, isListable, type Position } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { errorText, isApiError } from '../../api/client';
import { createEvent, type EventBody, type RecruitmentEventRow } from '../../api/events';
import { fetchRegionPositions } from '../../api/staffReview';
import { FormActions } from '../../components/form/FormButtons';
import { FormFailure } from '../../components/form/FormFailure';
import { MultiChoiceField } from '../../components/form/ChoiceField';
import { TextField } from '../../components/form/TextField';
import { LoadView } from '../../components/LoadView';
import { Notice } from '../../components/Page';
import { fieldIn, isChinese, pathOf, problemsOf, type Issue } from '../../forms';
import { useLoad } from '../../hooks/useLoad';
import { chinaDate } from '../../time';

type Key = 'title' | 'place' | 'date' | 'positionIds';
type Errors = Partial<Record<Key, string>>;
const KEYS: Record<Key, true> = { title: true, place: true, date: true, positionIds: true };

const MESSAGES: Record<Key, string> = {
  title: '请写招聘会的名称（4 到 40 个字）',
  place: '请写在哪里办（2 到 60 个字）',
  date: '请按 2026-12-20 这样写日期',
  positionIds: '请至少选一个岗位（最多 50 个）',
};

/** An issue of the body as a problem of the form; the schema's own Chinese words where it has them. */
function explain(issue: Issue): [Key, string] | undefined {
  const key = fieldIn(KEYS, pathOf(issue));
  if (!key) return undefined;
  return [key, isChinese(issue.message) ? issue.message : MESSAGES[key]];
}

export function errorsOf(body: EventBody): Errors {
  const issues = eventContracts.create.body?.safeParse(body).error?.issues ?? [];
  return problemsOf(issues, explain, () => true);
}

/** The region's positions that can still take people: a few pages, enough for one event. */
async function openPositions(regionCode: string): Promise<Position[]> {
  const today = chinaDate(new Date());
  const found: Position[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 5; page += 1) {
    const answer = await fetchRegionPositions(regionCode, cursor);
    found.push(...answer.positions.filter((position) => isListable(position, today)));
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return found;
}

function Form({
  regionCode,
  positions,
  onSaved,
  onCancel,
}: {
  regionCode: string;
  positions: Position[];
  onSaved: (event: RecruitmentEventRow) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [date, setDate] = useState('');
  const [positionIds, setPositionIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const body: EventBody = { title: title.trim(), regionCode, place: place.trim(), date: date.trim(), positionIds };
    const found = errorsOf(body);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) {
      setFailure('有几项要改一下，请看红字。');
      return;
    }
    setBusy(true);
    try {
      onSaved((await createEvent(body)).event);
    } catch (error) {
      const key = isApiError(error) ? fieldIn(KEYS, error.field) : undefined;
      if (key) setErrors({ [key]: errorText(error) });
      setFailure(`没能保存：${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const options = positions.map((p) => ({ value: p.positionId, label: `${p.title}（${p.employerName}）` }));
  return (
    <View className="bf-section" data-testid="event-form">
      <View className="bf-subtitle">办一场招聘会</View>
      <TextField
        label="招聘会名称"
        hint="例如：金山镇春季招聘会"
        value={title}
        onChange={setTitle}
        maxLength={40}
        error={errors.title}
        testId="event-field-title"
      />
      <TextField
        label="地点"
        hint="例如：金山镇政府院里"
        value={place}
        onChange={setPlace}
        maxLength={60}
        error={errors.place}
        testId="event-field-place"
      />
      <TextField
        label="哪一天"
        hint="按 年-月-日 写，例如 2026-12-20"
        value={date}
        onChange={setDate}
        maxLength={10}
        placeholder={chinaDate(new Date())}
        error={errors.date}
        testId="event-field-date"
      />
      {options.length ? (
        <MultiChoiceField
          label="招哪些岗位"
          hint="点一下选上，再点一下取消。只列出还在招人的岗位。"
          options={options}
          values={positionIds}
          onChange={setPositionIds}
          columns={1}
          testIdPrefix="event-position-"
          group="招哪些岗位"
          error={errors.positionIds}
          testId="event-field-positions"
        />
      ) : (
        <Notice tone="error" testId="event-form-no-positions">
          本地区现在没有在招的岗位。请先让用人单位发布岗位，再来办招聘会。
        </Notice>
      )}
      <FormFailure failure={failure} testId="event-form-failure" />
      <FormActions
        busy={busy}
        onSubmit={save}
        submit="保存"
        submitTestId="event-save"
        onBack={onCancel}
        back="不办了"
        backTestId="event-cancel"
      />
    </View>
  );
}

export function EventForm(props: { regionCode: string; onSaved: (event: RecruitmentEventRow) => void; onCancel: () => void }) {
  const { regionCode } = props;
  const { load, retry } = useLoad(useCallback(() => openPositions(regionCode), [regionCode]));
  return (
    <LoadView load={load} retry={retry} what="本地区的岗位">
      {(positions) => <Form {...props} positions={positions} />}
    </LoadView>
  );
}
