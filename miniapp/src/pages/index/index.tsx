/**
 * Home: log in, then the big entry cards for the user's role, the 关怀版 switch and 退出登录.
 * A worker's four everyday tasks come first, as tiles that fit the first screen of a 320×568
 * phone together with 关怀版; recommendations and the rarer tasks follow.
 * Entries whose pages are not built yet are shown greyed out as 即将开放 (coming soon).
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Role, User } from '@bangfu/shared';
import { useState } from 'react';
import { wechatLogin } from '../../api/account';
import { errorText } from '../../api/client';
import { ActionButton } from '../../components/ActionButton';
import { NavButton } from '../../components/NavButton';
import { returnAfterLogin } from '../../components/nav/navigate';
import { Notice, Page } from '../../components/Page';
import { CardChangeNotice } from '../../components/payout/CardChangeNotice';
import { HomeRecommendations } from '../../components/Recommendations';
import { roleText } from '../../labels';
import { useActing } from '../../state/acting';
import { useSession } from '../../state/session';

interface Entry {
  key: string;
  title: string;
  hint: string;
  /** The page to open; none yet means 即将开放. */
  url?: string;
  /** Only for accounts whose region is this coarse or coarser (a region code this long at most). */
  upToCodeLength?: number;
  /** A worker's everyday task: a tile at the top. */
  everyday?: boolean;
}

/** The task table of file 001 is kept per township: for county and township staff, and the county's admin. */
const TASK_TABLE: Entry = {
  key: 'task-table',
  title: '任务完成情况',
  hint: '各乡镇就业占比、稳定就业、培训和车间，达标没有',
  url: '/staff/pages/task-table/index',
  upToCodeLength: 9,
};

const ENTRIES: Record<Role, Entry[]> = {
  worker: [
    { key: 'jobs', title: '找工作', hint: '附近哪里招人', url: '/worker/pages/jobs/index', everyday: true },
    { key: 'subsidies', title: '我的补贴', hint: '能领哪些钱，一键申领', url: '/worker/pages/subsidies/index', everyday: true },
    { key: 'applications', title: '我的报名', hint: '单位回复了没有', url: '/worker/pages/applications/index', everyday: true },
    { key: 'me', title: '我的信息', hint: '绑定身份，看登记的信息', url: '/worker/pages/me/index', everyday: true },
    {
      key: 'welfare-post',
      title: '公益岗位考勤',
      hint: '在公益性岗位上的，每月在这里确认出勤天数，领补贴',
      url: '/worker/pages/post/index',
    },
    {
      key: 'relief-wages',
      title: '以工代赈工资',
      hint: '在以工代赈项目上干活的，每月确认天数和工资',
      url: '/worker/pages/relief/index',
    },
    {
      key: 'difficulty',
      title: '我有困难',
      hint: '没活干、工资没拿到……告诉村里，有人来帮您',
      url: '/worker/pages/difficulty/index',
    },
    { key: 'help-code', title: '我的帮扶码', hint: '给工作人员扫码，看看谁用过您的信息', url: '/worker/pages/code/index' },
    { key: 'alerts', title: '我的订阅', hint: '保存的找工作条件，有新岗位在这里看', url: '/worker/pages/alerts/index' },
    { key: 'family', title: '亲情服务', hint: '请家人帮您办事，或帮家人办事', url: '/worker/pages/family/index' },
  ],
  employer: [
    { key: 'positions', title: '我的岗位', hint: '发布过的岗位和报名的人', url: '/employer/pages/positions/index' },
    { key: 'post-position', title: '发布岗位', hint: '把招工信息发出去', url: '/employer/pages/edit/index' },
    {
      key: 'employer-scan',
      title: '扫码看求职者',
      hint: '招聘会上扫求职者的码，对方同意后能看到',
      url: '/employer/pages/scan/index',
    },
    {
      key: 'employer-shares',
      title: '同意给我看信息的求职者',
      hint: '扫过码、对方点了同意的人，电话和求职意向',
      url: '/employer/pages/shares/index',
    },
    { key: 'employer-profile', title: '单位信息', hint: '单位名称、地址、联系电话', url: '/employer/pages/profile/index' },
    {
      key: 'employer-subsidies',
      title: '我的奖补',
      hint: '单位能领哪些奖补，申领和进度',
      url: '/employer/pages/subsidies/index',
    },
    {
      key: 'relief-projects',
      title: '以工代赈用工和工资',
      hint: '施工单位：录用务工群众，每月填工资发放表',
      url: '/employer/pages/relief/index',
    },
  ],
  staff: [
    { key: 'scan', title: '扫码服务', hint: '扫群众的帮扶码，登记服务', url: '/staff/pages/scan/index' },
    { key: 'registry', title: '台账', hint: '本地区的帮扶台账', url: '/staff/pages/registry/index' },
    { key: 'employer-review', title: '单位和岗位审核', hint: '审核用人单位，下架违规岗位', url: '/staff/pages/employers/index' },
    { key: 'reviews', title: '补贴审核', hint: '审核本地区的补贴申领', url: '/staff/pages/claims/index' },
    {
      key: 'payments',
      title: '发放补贴',
      hint: '负责发放的工作人员：把审核通过的补贴发出去',
      url: '/staff/pages/payments/index',
    },
    { key: 'parameters', title: '补贴标准', hint: '本地区执行的补贴标准和依据', url: '/staff/pages/parameters/index' },
    { key: 'tasks', title: '预警任务', hint: '谁没了工作、哪个村下降了，按期限跟进', url: '/staff/pages/tasks/index' },
    { key: 'monitoring', title: '务工监测', hint: '多少人在务工、挣多少，和上月、去年比', url: '/staff/pages/monitoring/index' },
    TASK_TABLE,
    { key: 'coverage', title: '人岗匹配情况', hint: '本月推送到了多少人，311 和推荐成功率', url: '/staff/pages/coverage/index' },
    { key: 'posters', title: '打印二维码海报', hint: '岗位码、村服务点码，贴到村里', url: '/staff/pages/posters/index' },
    { key: 'events', title: '招聘会', hint: '办招聘会，打印签到码，看有多少人来', url: '/staff/pages/events/index' },
    {
      key: 'welfare-posts',
      title: '公益性岗位',
      hint: '设岗、聘用，优先脱贫和监测对象中的弱劳力、半劳力',
      url: '/staff/pages/welfare-posts/index',
    },
    {
      key: 'relief-projects',
      title: '以工代赈',
      hint: '项目用工名册、每月工资发放表、欠薪预警',
      url: '/staff/pages/relief-projects/index',
    },
    {
      key: 'service-points',
      title: '服务网点',
      hint: '零工驿站、就业服务站的电话和办公时间，地图上群众能看到',
      url: '/staff/pages/service-points/index',
    },
  ],
  // The county's admin sets standards and targets, and may read what the county's staff read (the
  // API allows it, and every look at a person's record is logged with its purpose): all of it here.
  admin: [
    { key: 'parameters', title: '补贴标准', hint: '查看和修改本地区的补贴标准', url: '/staff/pages/parameters/index' },
    { ...TASK_TABLE, hint: '各乡镇达标情况，修改今年的任务目标' },
    { key: 'registry', title: '台账', hint: '全县的帮扶台账，打开谁的信息都要说明用途', url: '/staff/pages/registry/index' },
    { key: 'monitoring', title: '务工监测', hint: '多少人在务工、挣多少，和上月、去年比', url: '/staff/pages/monitoring/index' },
    { key: 'coverage', title: '人岗匹配情况', hint: '本月推送到了多少人，311 和推荐成功率', url: '/staff/pages/coverage/index' },
  ],
};

function openEntry(entry: Entry): void {
  if (!entry.url) return;
  Taro.navigateTo({ url: entry.url }).catch(() => undefined);
}

function EntryCard({ entry }: { entry: Entry }) {
  const disabled = !entry.url;
  return (
    <View
      className={disabled ? 'bf-card bf-card--disabled' : 'bf-card'}
      hoverClass={disabled ? 'none' : 'bf-card--pressed'}
      onClick={() => openEntry(entry)}
      role="button"
      aria-disabled={disabled}
      data-testid={`home-entry-${entry.key}`}
    >
      <View className="bf-card__title">
        <Text>{entry.title}</Text>
        {disabled ? <Text className="bf-badge">即将开放</Text> : <Text className="bf-card__arrow">›</Text>}
      </View>
      <View className="bf-card__hint">{entry.hint}</View>
    </View>
  );
}

function CareModeSwitch() {
  const { careMode, setCareMode } = useSession();
  const [error, setError] = useState<string | null>(null);
  const toggle = () => {
    setError(null);
    setCareMode(!careMode).catch((e: unknown) => setError(`没能保存：${errorText(e)}`));
  };
  return (
    <View className="bf-section">
      <View className="bf-switch-row" onClick={toggle} role="switch" aria-checked={careMode} data-testid="care-mode-toggle">
        <View className="bf-switch-row__label">
          <View>关怀版</View>
          <View className="bf-switch-row__hint">字更大，看得更清楚</View>
        </View>
        <View className={careMode ? 'bf-switch bf-switch--on' : 'bf-switch'}>
          <Text className="bf-switch__text">{careMode ? '已打开' : '已关闭'}</Text>
        </View>
      </View>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </View>
  );
}

function LoggedOut() {
  const { login } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loginWithWechat = async () => {
    setBusy(true);
    setError(null);
    try {
      const { code } = await Taro.login();
      login(await wechatLogin(code));
      await returnAfterLogin();
    } catch (e) {
      setError(`登录没有成功：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="bf-section">
      <View className="bf-title" data-testid="home-greeting">
        您好，欢迎使用帮扶就业
      </View>
      <View className="bf-text">找工作、领补贴，都在这里办。请先登录。</View>
      {process.env.TARO_ENV === 'weapp' ? (
        <ActionButton busy={busy} onPress={loginWithWechat} testId="home-login">
          微信一键登录
        </ActionButton>
      ) : (
        <NavButton url="/pages/dev-login/index" primary testId="home-login">
          选择演示账号登录
        </NavButton>
      )}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <View className="bf-cards">
        <EntryCard entry={{ key: 'jobs', title: '先看看附近的工作', hint: '不用登录也能看', url: '/worker/pages/jobs/index' }} />
      </View>
    </View>
  );
}

/** A worker's everyday task: a big tile, two to a row. */
function TaskTile({ entry }: { entry: Entry }) {
  return (
    <View
      className="bf-tile"
      hoverClass="bf-tile--pressed"
      onClick={() => openEntry(entry)}
      role="button"
      data-testid={`home-entry-${entry.key}`}
    >
      <View className="bf-tile__title">{entry.title}</View>
      <View className="bf-tile__hint">{entry.hint}</View>
    </View>
  );
}

/** The entries an account's home offers, with the hint of 我的信息 saying whether it is bound yet. */
function entriesFor(user: User): Entry[] {
  return ENTRIES[user.role]
    .filter((entry) => !entry.upToCodeLength || (user.regionCode?.length ?? 99) <= entry.upToCodeLength)
    .map((entry) => (entry.key === 'me' && user.workerId ? { ...entry, hint: '登记的信息，补贴要用的情况' } : entry));
}

function LoggedIn({ user }: { user: User }) {
  const { logout } = useSession();
  // 亲情服务: acting for a family member reaches their four everyday tasks only (the API refuses the rest).
  const acting = useActing(user.userId);
  const entries = entriesFor(user).filter((entry) => !acting || entry.everyday);
  const everyday = entries.filter((entry) => entry.everyday);
  return (
    <View className="bf-section">
      <View className="bf-title" data-testid="home-greeting">
        您好，{user.displayName}
      </View>
      <View className="bf-text">
        <View>
          {roleText(user)}
          {user.regionName ? ` · ${user.regionName}` : ''}
        </View>
      </View>
      {/* A card entered for them lately comes before everything: it is where their money goes. */}
      {user.role === 'worker' && user.workerId && !acting ? <CardChangeNotice key={user.userId} /> : null}
      {everyday.length ? (
        <View className="bf-tiles" data-testid="home-tasks">
          {everyday.map((entry) => (
            <TaskTile key={entry.key} entry={entry} />
          ))}
        </View>
      ) : null}
      {user.role === 'worker' && !acting ? <CareModeSwitch /> : null}
      {user.role === 'worker' ? <HomeRecommendations key={user.userId} limit={2} /> : null}
      <View className="bf-cards">
        {entries
          .filter((entry) => !entry.everyday)
          .map((entry) => (
            <EntryCard key={entry.key} entry={entry} />
          ))}
      </View>
      {user.role === 'worker' ? null : <CareModeSwitch />}
      <Button size="large" block onClick={logout} data-testid="logout">
        退出登录
      </Button>
    </View>
  );
}

export default function HomePage() {
  const { user } = useSession();
  return (
    <Page>
      {user ? (
        <LoggedIn user={user} />
      ) : (
        <>
          <LoggedOut />
          <CareModeSwitch />
        </>
      )}
    </Page>
  );
}
