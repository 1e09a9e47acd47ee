/**
 * 记考勤: the post's supervisor enters this month's (or last month's) days on post for each holder
 * — the days required once, then each person's days — and saves them together. A line its holder
 * has confirmed is shown, not editable; a line they said was wrong shows what they said.
 */
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { attendanceInputSchema, ATTENDANCE_STATUS_ZH, daysInMonth, fewestDaysRequired, weekdaysIn } from '@bangfu/shared';
import { useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { fetchPost, fetchPostAttendance, recordAttendance, type PostHolder, type StaffLine } from '../../../api/welfarePosts';
import { ActionButton } from '../../../components/ActionButton';
import { TextField } from '../../../components/form/TextField';
import { LoadView } from '../../../components/LoadView';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useLoad } from '../../../hooks/useLoad';
import { deviceId } from '../../../state/device';
import { monthText } from '../../../time';
import { MonthChoice, thisMonth } from '../../../components/MonthChoice';
import '../../areaCard.css';

interface Loaded {
  title: string;
  fullTime: boolean;
  hoursPerWeek: number;
  holders: PostHolder[];
  lines: StaffLine[];
}

const daysOrNaN = (text: string) => (/^\d{1,2}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

function Sheet({ postId, month, data, onSaved }: { postId: string; month: string; data: Loaded; onSaved: () => void }) {
  const lineOf = new Map(data.lines.map((l) => [l.workerId, l]));
  const open = data.holders.filter((h) => lineOf.get(h.workerId)?.status !== 'confirmed');
  const [required, setRequired] = useState(String(data.lines[0]?.daysRequired ?? ''));
  const [days, setDays] = useState<Record<string, string>>(() =>
    Object.fromEntries(data.holders.map((h) => [h.workerId, String(lineOf.get(h.workerId)?.daysWorked ?? '')])),
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const body = {
      daysRequired: daysOrNaN(required),
      lines: open.map((h) => ({ workerId: h.workerId, daysWorked: daysOrNaN(days[h.workerId] ?? '') })),
      device: deviceId(),
    };
    const parsed = attendanceInputSchema.safeParse(body);
    if (!parsed.success) {
      const [field, index] = parsed.error.issues[0]!.path;
      const holder = field === 'lines' && typeof index === 'number' ? open[index] : undefined;
      const value = holder ? (days[holder.workerId] ?? '') : required;
      const message = Number.isNaN(daysOrNaN(value)) ? '请填天数（整数）' : parsed.error.issues[0]!.message;
      setProblems({ [holder?.workerId ?? 'daysRequired']: message });
      return;
    }
    setBusy(true);
    setProblems({});
    try {
      await recordAttendance(postId, month, parsed.data);
      onSaved();
    } catch (error) {
      const field = isApiError(error) ? (error.field ?? '') : '';
      const index = /^body\.lines\.(\d+)\./.exec(field)?.[1];
      const key =
        index !== undefined ? (open[Number(index)]?.workerId ?? 'form') : field === 'body.daysRequired' ? 'daysRequired' : 'form';
      setProblems({ [key]: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  // Said before saving: fewer days than this is flagged for the township to look into (应出勤天数偏少).
  const fewest = fewestDaysRequired({ month, fullTime: data.fullTime, hoursPerWeek: data.hoursPerWeek });
  if (!data.holders.length) return <Notice testId="attendance-nobody">{monthText(month)}这个岗位上没有人。</Notice>;
  return (
    <View className="bf-section" data-testid="attendance-sheet">
      <TextField
        label="这个月应出勤几天"
        hint={`${monthText(month)}共 ${daysInMonth(month)} 天，工作日 ${weekdaysIn(month)} 天；少于 ${fewest} 天会请乡镇核实`}
        value={required}
        onChange={setRequired}
        type="digit"
        maxLength={2}
        unit="天"
        placeholder="例如：22"
        error={problems.daysRequired ?? null}
        testId="attendance-required"
      />
      {data.holders.map((h) => {
        const line = lineOf.get(h.workerId);
        if (line?.status === 'confirmed') {
          return (
            <View key={h.workerId} className="bf-cov" data-testid={`attendance-${h.workerId}`}>
              <View className="bf-cov__name">{h.name}</View>
              <View className="bf-cov__line">
                出勤 {line.daysWorked} 天 · {ATTENDANCE_STATUS_ZH.confirmed}
              </View>
            </View>
          );
        }
        return (
          <View key={h.workerId}>
            {line?.dispute ? (
              <Notice tone="error" testId={`attendance-dispute-${h.workerId}`}>
                {h.name} 说上次记的不对：{line.dispute.note}
              </Notice>
            ) : null}
            <TextField
              label={`${h.name} 出勤几天`}
              hint={line ? ATTENDANCE_STATUS_ZH[line.status] : '还没有记'}
              value={days[h.workerId] ?? ''}
              onChange={(value) => setDays((d) => ({ ...d, [h.workerId]: value }))}
              type="digit"
              maxLength={2}
              unit="天"
              placeholder={`${h.name}的出勤天数`}
              error={problems[h.workerId] ?? null}
              testId={`attendance-days-${h.workerId}`}
            />
          </View>
        );
      })}
      {problems.form ? <Notice tone="error">{problems.form}</Notice> : null}
      {open.length ? (
        <ActionButton busy={busy} onPress={save} testId="attendance-save">
          保存考勤
        </ActionButton>
      ) : (
        <Notice testId="attendance-all-confirmed">这个月每个人都已确认。</Notice>
      )}
    </View>
  );
}

function MonthSheet({ postId, month }: { postId: string; month: string }) {
  const [saved, setSaved] = useState(false);
  const { load, retry, reload } = useLoad(async () => {
    const [{ post }, sheet] = await Promise.all([fetchPost(postId), fetchPostAttendance(postId, month)]);
    return { title: post.title, fullTime: post.fullTime, hoursPerWeek: post.hoursPerWeek, ...sheet };
  });
  return (
    <LoadView load={load} retry={retry}>
      {(data) => (
        <View>
          <View className="bf-subtitle">{data.title}</View>
          {saved ? (
            <Notice testId="attendance-saved">已保存。每个人会在小程序里看到自己的出勤天数，本人确认后就申领补贴。</Notice>
          ) : null}
          <Sheet
            key={data.lines.map((l) => `${l.workerId}.${l.version}`).join(' ')}
            postId={postId}
            month={month}
            data={data}
            onSaved={() => {
              setSaved(true);
              void reload();
            }}
          />
        </View>
      )}
    </LoadView>
  );
}

function AttendanceLoad({ postId }: { postId: string }) {
  const [month, setMonth] = useState(thisMonth());
  return (
    <View className="bf-section">
      <MonthChoice month={month} onChange={setMonth} />
      <MonthSheet key={month} postId={postId} month={month} />
    </View>
  );
}

export default function AttendancePage() {
  const { params } = useRouter();
  const postId = params.postId ? decodeURIComponent(params.postId) : '';
  return (
    <RolePage
      title="记考勤"
      roles={['staff', 'admin']}
      show={() =>
        postId ? <AttendanceLoad postId={postId} /> : <Notice tone="error">没有指定是哪个岗位，请从岗位页点开。</Notice>
      }
    />
  );
}
