/**
 * 签到名单: who checked in at an event by its code, newest first — a masked name, the village,
 * the time — a page at a time. Opening it is on each worker's trail (the route audits it).
 */
import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { fetchAttendance } from '../../api/events';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Page';
import { usePagedList } from '../../hooks/usePagedList';
import { villageName, villageNames } from '../../regionNames';
import { clockText, dayText } from '../../time';

export function AttendanceList({ eventId }: { eventId: string }) {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchAttendance(eventId, cursor);
      villageNames(page.attendees.map((a) => a.villageCode))
        .then(setNames)
        .catch(() => undefined);
      return { items: page.attendees, nextCursor: page.nextCursor };
    },
    [eventId],
  );
  const { items: attendees, nextCursor, loading, error, more } = usePagedList(fetchPage);
  return (
    <View className="bf-section" data-testid={`event-attendees-${eventId}`}>
      {error ? <Notice tone="error">没能加载签到名单：{error}</Notice> : null}
      {!loading && !error && !attendees.length ? <Notice>还没有人签到。</Notice> : null}
      {attendees.map((a) => (
        <View key={a.workerId} className="bf-row" data-testid="event-attendee">
          <View className="bf-row__line bf-strong">{a.nameMasked}</View>
          <View className="bf-row__line">
            {villageName(a.villageCode, names)} · {dayText(a.at)} {clockText(a.at)} 签到
          </View>
        </View>
      ))}
      <LoadMore loading={loading} more={Boolean(nextCursor)} onMore={more} testId={`event-attendees-more-${eventId}`} />
    </View>
  );
}
