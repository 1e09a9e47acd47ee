/**
 * 考勤与诚信提示: a township's (or village's) month of public-welfare posts — each holder's days and
 * whether they confirmed, the lines with integrity flags first, each flag with its evidence. The
 * month's post subsidies are approved only after its flags are looked into (cleared with a reason
 * by township or county staff). County staff pick a township first.
 */
import { View } from '@tarojs/components';
import { ATTENDANCE_STATUS_ZH, type User } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { fetchPostMonth, type IntegrityFlagView, type StaffLine } from '../../../api/welfarePosts';
import { Choices } from '../../../components/Choices';
import { LoadMore } from '../../../components/LoadMore';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { useRegionChildren } from '../../../hooks/useRegionChildren';
import { monthText } from '../../../time';
import { NoStaffRegion, staffRegion } from '../../staffRegion';
import { FlagCard } from '../../welfarePosts/FlagCard';
import { MonthChoice, thisMonth } from '../../../components/MonthChoice';
import '../../areaCard.css';

interface FlaggedLine {
  line: StaffLine;
  flags: IntegrityFlagView[];
}

function Line({
  item,
  month,
  canClear,
  onCleared,
}: {
  item: FlaggedLine;
  month: string;
  canClear: boolean;
  onCleared: (f: IntegrityFlagView) => void;
}) {
  const { line, flags } = item;
  return (
    <View className="bf-section" data-testid={`line-${line.workerId}`}>
      <View className="bf-cov">
        <View className="bf-cov__name">
          {line.name} · {line.postTitle}
        </View>
        <View className="bf-cov__line">
          出勤 {line.daysWorked} 天 / 应出勤 {line.daysRequired} 天
        </View>
        <View className="bf-cov__short">{ATTENDANCE_STATUS_ZH[line.status]}</View>
        {line.dispute ? <View className="bf-text">本人说：{line.dispute.note}</View> : null}
      </View>
      {flags.map((flag) => (
        <FlagCard key={flag.flagId} flag={flag} month={month} canClear={canClear} onCleared={onCleared} />
      ))}
    </View>
  );
}

function Month({ regionCode, canClear }: { regionCode: string; canClear: boolean }) {
  const [month, setMonth] = useState(thisMonth());
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchPostMonth(regionCode, month, cursor);
      const items = page.lines.map((line) => ({
        line,
        flags: page.flags.filter((f) => f.postId === line.postId && f.workerId === line.workerId),
      }));
      return { items, nextCursor: page.nextCursor };
    },
    [regionCode, month],
  );
  const { items, nextCursor, loading, error, more, update } = usePagedList(fetchPage, { clearOnChange: true });
  const open = items.flatMap((i) => i.flags).filter((f) => !f.cleared).length;
  const cleared = (flag: IntegrityFlagView) =>
    update((all) => all.map((i) => ({ ...i, flags: i.flags.map((f) => (f.flagId === flag.flagId ? flag : f)) })));
  return (
    <View className="bf-section">
      <MonthChoice month={month} onChange={setMonth} />
      {error ? <Notice tone="error">没能加载：{error}</Notice> : null}
      {!loading && !error && !items.length ? <Notice testId="month-empty">{monthText(month)}还没有记考勤。</Notice> : null}
      {items.length ? (
        <Notice tone={open ? 'error' : 'info'} testId="month-open-flags">
          {open ? `有 ${open} 条诚信提示要核实，核实后才能审核这些人这个月的补贴。` : '没有要核实的诚信提示。'}
        </Notice>
      ) : null}
      {items.map((item) => (
        <Line
          key={`${item.line.postId}-${item.line.workerId}`}
          item={item}
          month={month}
          canClear={canClear}
          onCleared={cleared}
        />
      ))}
      <LoadMore loading={loading} more={Boolean(nextCursor)} onMore={more} testId="month-more" />
    </View>
  );
}

/** A county's officer picks one of its townships; a township's or village's sees its own. */
function TownshipPick({ countyCode }: { countyCode: string }) {
  const { children, failure } = useRegionChildren(countyCode);
  const [township, setTownship] = useState<string | undefined>(undefined);
  return (
    <View className="bf-section">
      {failure ? <Notice tone="error">没能加载乡镇：{failure}</Notice> : null}
      <Choices
        options={children.map((c) => ({ value: c.code, label: c.name }))}
        value={township}
        onChange={setTownship}
        columns="wrap"
        label="乡镇"
        testIdPrefix="township-"
      />
      {township ? <Month key={township} regionCode={township} canClear /> : <Notice>请先选一个乡镇。</Notice>}
    </View>
  );
}

function MonthFor({ user }: { user: User }) {
  const regionCode = staffRegion(user);
  if (!regionCode) return <NoStaffRegion />;
  if (regionCode.length < 9) return <TownshipPick countyCode={regionCode} />;
  return <Month regionCode={regionCode} canClear={regionCode.length === 9} />;
}

export default function WelfareMonthPage() {
  return <RolePage title="考勤与诚信提示" roles={['staff', 'admin']} show={(user) => <MonthFor user={user} />} />;
}
