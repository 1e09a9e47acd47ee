/**
 * 招聘会, opened from its check-in poster (?id=): the title, day, place and organiser, how many
 * have checked in, and the positions on offer. A worker logged in checks in (签到) with one big
 * button; anyone else may look, and is told to log in first to check in.
 */
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { checkIn, fetchEvent, type CheckInResult, type PublicEvent } from '../../../api/events';
import { ActionButton } from '../../../components/ActionButton';
import { LoadView } from '../../../components/LoadView';
import { goHome } from '../../../components/nav/navigate';
import { NavButton } from '../../../components/NavButton';
import { Notice, Page } from '../../../components/Page';
import { useLoad } from '../../../hooks/useLoad';
import { useSession } from '../../../state/session';
import { dayText } from '../../../time';
import { OpenProblem } from '../../OpenProblem';
import { PublicPositionCard } from '../../PublicPositionCard';
import '../../codes.css';

function CheckIn({ eventId, onCheckedIn }: { eventId: string; onCheckedIn: (first: boolean) => void }) {
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<CheckInResult | null>(null);
  const [problem, setProblem] = useState<{ text: string; unbound: boolean } | null>(null);

  const press = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await checkIn(eventId);
      setDone(result);
      onCheckedIn(result.first);
    } catch (error) {
      setProblem({ text: errorText(error), unbound: isApiError(error) && error.status === 404 });
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <View className="bf-done" role="status" data-testid="event-checked-in">
        <View className="bf-done__title">{done.first ? '已签到，祝您找到合适的工作' : '您已经签过到了'}</View>
        <View className="bf-text">可以看看下面这些岗位，看中了就直接报名。</View>
      </View>
    );
  }
  return (
    <View className="bf-section">
      <ActionButton busy={busy} onPress={press} testId="event-check-in">
        签到
      </ActionButton>
      {problem ? (
        <Notice tone="error" testId="event-check-in-problem">
          没能签到：{problem.text}
        </Notice>
      ) : null}
      {problem?.unbound ? (
        <NavButton url="/worker/pages/me/index" testId="event-go-me">
          去“我的信息”
        </NavButton>
      ) : null}
    </View>
  );
}

function WhoCanCheckIn({ eventId, onCheckedIn }: { eventId: string; onCheckedIn: (first: boolean) => void }) {
  const { user } = useSession();
  if (!user) {
    return (
      <View className="bf-section">
        <View className="bf-text" data-testid="event-login-first">
          登录后可以签到
        </View>
        <Button size="large" block onClick={goHome} data-testid="event-go-home">
          回到首页登录
        </Button>
      </View>
    );
  }
  if (user.role !== 'worker') {
    return <View className="bf-hint">群众用自己的微信登录以后，扫这个码就能签到。</View>;
  }
  return <CheckIn eventId={eventId} onCheckedIn={onCheckedIn} />;
}

function EventView({ data }: { data: PublicEvent }) {
  const { event, organiser, open, positions } = data;
  const [attendance, setAttendance] = useState(event.attendance);
  return (
    <>
      <View className="bf-title" data-testid="event-title">
        {event.title}
      </View>
      <View className="bf-place">
        <View className="bf-place__line bf-strong">
          {dayText(event.date)}（{event.date}）
        </View>
        <View className="bf-place__line">地点：{event.place}</View>
        <View className="bf-place__line">主办：{organiser}</View>
        <View className="bf-place__line" data-testid="event-attendance">
          已有 {attendance} 人签到
        </View>
      </View>
      {open ? (
        <WhoCanCheckIn eventId={event.eventId} onCheckedIn={(first) => first && setAttendance((n) => n + 1)} />
      ) : (
        <Notice tone="error" testId="event-closed">
          这场招聘会已经结束，不能再签到了。下面的岗位还可以看。
        </Notice>
      )}
      <View className="bf-section">
        <View className="bf-subtitle">这场招聘会的岗位</View>
        {positions.length ? (
          <View className="bf-cards" data-testid="event-positions">
            {positions.map((position) => (
              <PublicPositionCard key={position.positionId} position={position} />
            ))}
          </View>
        ) : (
          <Notice testId="event-no-positions">这些岗位现在都已招满或结束了。可以看看附近别的工作。</Notice>
        )}
        <NavButton url="/worker/pages/jobs/index" testId="event-jobs">
          看附近的工作
        </NavButton>
      </View>
    </>
  );
}

function PublicEventView({ eventId }: { eventId: string }) {
  const { load, retry } = useLoad(useCallback(() => fetchEvent(eventId), [eventId]));
  return (
    <LoadView load={load} retry={retry} what="这场招聘会">
      {(data) => <EventView data={data} />}
    </LoadView>
  );
}

export default function PublicEventPage() {
  const { params } = useRouter();
  const eventId = params.id ? decodeURIComponent(params.id) : '';
  return (
    <Page>
      {eventId ? (
        <PublicEventView eventId={eventId} />
      ) : (
        <OpenProblem title="找不到这场招聘会" text="没有说是哪一场。请重新扫一次海报上的码。" />
      )}
    </Page>
  );
}
