/**
 * 招聘会: the events of the officer's region, newest first, each with how many checked in, who
 * they were (签到名单), and its check-in poster (PNG) to print and put up at the door; and
 * 办一场招聘会, a form with the day, the place and the region's positions to offer there.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { User } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { errorText } from '../../../api/client';
import { eventPosterPath, fetchEvents, type RecruitmentEventRow } from '../../../api/events';
import { openFile } from '../../../api/files';
import { LoadMore } from '../../../components/LoadMore';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { dayText } from '../../../time';
import { AttendanceList } from '../../events/AttendanceList';
import { EventForm } from '../../events/EventForm';
import { NoStaffRegion, staffRegion } from '../../staffRegion';

const OPENED =
  process.env.TARO_ENV === 'h5'
    ? '海报已下载。请在“下载”里找到这张图片打印。'
    : '海报已打开。长按图片可以保存，或发给电脑、打印店打印。';

function EventRow({ event }: { event: RecruitmentEventRow }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [listing, setListing] = useState(false);
  const download = async () => {
    setBusy(true);
    setDone(false);
    setProblem(null);
    try {
      await openFile(eventPosterPath(event.eventId), `招聘会签到码-${event.title}.png`);
      setDone(true);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="bf-card" data-testid={`event-row-${event.eventId}`}>
      <View className="bf-card__title">
        <Text>{event.title}</Text>
      </View>
      <View className="bf-row__line">
        {dayText(event.date)}（{event.date}）
      </View>
      <View className="bf-row__line">地点：{event.place}</View>
      <View className="bf-row__line bf-strong" data-testid={`event-attendance-${event.eventId}`}>
        签到 {event.attendance} 人
      </View>
      <Button
        size="large"
        block
        loading={busy}
        disabled={busy}
        onClick={() => {
          download().catch(() => undefined);
        }}
        data-testid={`event-poster-${event.eventId}`}
      >
        下载签到海报
      </Button>
      {problem ? <Notice tone="error">没能下载：{problem}</Notice> : null}
      {done ? <Notice>{OPENED}</Notice> : null}
      {event.attendance > 0 ? (
        <Button size="large" block onClick={() => setListing((open) => !open)} data-testid={`event-who-${event.eventId}`}>
          {listing ? '收起签到名单' : '看谁来签到了'}
        </Button>
      ) : null}
      {listing ? <AttendanceList eventId={event.eventId} /> : null}
    </View>
  );
}

function Events({ regionCode, regionName }: { regionCode: string; regionName: string }) {
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchEvents(regionCode, cursor);
      return { items: page.events, nextCursor: page.nextCursor };
    },
    [regionCode],
  );
  const { items: events, nextCursor, loading, error, more, reload } = usePagedList(fetchPage);

  return (
    <View className="bf-section">
      <View className="bf-text">{regionName}</View>
      <View className="bf-hint">办招聘会时，把签到海报打印出来贴在门口。群众用微信扫码就能签到，还能看到这场招聘会的岗位。</View>
      {creating ? (
        <EventForm
          regionCode={regionCode}
          onCancel={() => setCreating(false)}
          onSaved={(event) => {
            setCreating(false);
            setSaved(`已经办好“${event.title}”。记得下载签到海报打印出来。`);
            reload();
          }}
        />
      ) : (
        <Button
          type="primary"
          size="large"
          block
          onClick={() => {
            setSaved(null);
            setCreating(true);
          }}
          data-testid="event-new"
        >
          办一场招聘会
        </Button>
      )}
      {saved ? <Notice testId="event-saved">{saved}</Notice> : null}
      {error ? <Notice tone="error">没能加载：{error}</Notice> : null}
      {!loading && !error && !events.length ? <Notice testId="events-empty">本地区还没有办过招聘会。</Notice> : null}
      <View className="bf-cards" data-testid="events-list">
        {events.map((event) => (
          <EventRow key={event.eventId} event={event} />
        ))}
      </View>
      <LoadMore loading={loading} more={Boolean(nextCursor)} onMore={more} testId="events-more" />
    </View>
  );
}

function EventsFor({ user }: { user: User }) {
  const regionCode = staffRegion(user);
  if (!regionCode) return <NoStaffRegion />;
  return <Events regionCode={regionCode} regionName={user.regionName ?? regionCode} />;
}

export default function StaffEventsPage() {
  return <RolePage title="招聘会" roles={['staff', 'admin']} show={(user) => <EventsFor user={user} />} />;
}
