/**
 * 办公时间: one or more periods, each the days it holds and when the door opens and closes (上午 and
 * 下午 are two periods of the same days), then a note for what a week cannot say. A period's
 * problem is shown under it, in the API schema's own words.
 */
import { Picker, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { hoursSlotSchema, WEEKDAY_ZH, WEEKDAYS, type Weekday } from '@bangfu/shared';
import { MultiChoices } from '../../components/Choices';
import { Field } from '../../components/Field';
import { TextField } from '../../components/form/TextField';
import type { SlotDraft } from './pointDraft';

const MAX_SLOTS = 6;
const DAY_OPTIONS = WEEKDAYS.map((day) => ({ value: String(day), label: WEEKDAY_ZH[day] }));

/** A time on a big button that opens the time picker. */
function TimeButton({
  value,
  onChange,
  testId,
  what,
}: {
  value: string;
  onChange: (time: string) => void;
  testId: string;
  what: string;
}) {
  return (
    <Picker mode="time" value={value} onChange={(e) => onChange(e.detail.value)}>
      <View className="bf-choice" role="button" data-testid={testId}>
        {what} {value.replace(/^0(?=\d:)/, '')}（点这里改）
      </View>
    </Picker>
  );
}

export function HoursFields({
  slots,
  note,
  onSlots,
  onNote,
  error,
}: {
  slots: SlotDraft[];
  note: string;
  onSlots: (slots: SlotDraft[]) => void;
  onNote: (note: string) => void;
  /** The form's problem with the hours, once a save or 下一步 has been tried: then each period says its own. */
  error?: string | undefined;
}) {
  const change = (i: number, slot: Partial<SlotDraft>) => onSlots(slots.map((s, j) => (j === i ? { ...s, ...slot } : s)));
  return (
    <>
      {slots.map((slot, i) => {
        const problem = error ? hoursSlotSchema.safeParse(slot).error?.issues[0]?.message : undefined;
        return (
          <Field key={i} label={`第 ${i + 1} 段办公时间`} error={problem} testId={`point-slot-${i}`}>
            <MultiChoices
              options={DAY_OPTIONS}
              values={slot.days.map(String)}
              onChange={(days) => change(i, { days: days.map(Number) as Weekday[] })}
              columns="wrap"
              testIdPrefix={`point-slot-${i}-day-`}
              label={`第 ${i + 1} 段：星期几`}
            />
            <TimeButton value={slot.open} onChange={(open) => change(i, { open })} testId={`point-slot-${i}-open`} what="开门" />
            <TimeButton
              value={slot.close}
              onChange={(close) => change(i, { close })}
              testId={`point-slot-${i}-close`}
              what="关门"
            />
            {slots.length > 1 ? (
              <View
                className="bf-link"
                role="button"
                onClick={() => onSlots(slots.filter((_, j) => j !== i))}
                data-testid={`point-slot-${i}-remove`}
              >
                删掉这一段
              </View>
            ) : null}
          </Field>
        );
      })}
      {/* A problem of the whole week (two periods of a day overlap) when no period has its own. */}
      {error && slots.every((slot) => hoursSlotSchema.safeParse(slot).success) ? (
        <View className="bf-field__error" role="alert" data-testid="point-hours-error">
          {error}
        </View>
      ) : null}
      {slots.length < MAX_SLOTS ? (
        <Button
          size="large"
          block
          onClick={() => onSlots([...slots, { days: slots.at(-1)?.days ?? [1, 2, 3, 4, 5], open: '09:00', close: '12:00' }])}
          data-testid="point-slot-add"
        >
          再加一段时间
        </Button>
      ) : null}
      <TextField
        label="说明（可以不填）"
        hint="星期几和钟点说不清的，写在这里"
        value={note}
        onChange={onNote}
        placeholder="例如：节假日休息"
        maxLength={60}
        testId="point-note"
      />
    </>
  );
}
