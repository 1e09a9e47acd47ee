/**
 * 台账: the registry of the officer's own region (a village officer's village, a
 * township's or county's whole area), searchable by name or the last 4 ID characters,
 * filtered by labour class, group and employment, a page at a time.
 */
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { LabourClass, User, WorkerGroup, WorkerSummary } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { listWorkers, type WorkerFilters } from '../../../api/registry';
import { BigInput } from '../../../components/BigInput';
import { type Option } from '../../../components/Choices';
import { Field } from '../../../components/Field';
import { FilterField } from '../../../components/FilterField';
import { LoadMore } from '../../../components/LoadMore';
import { NavCard } from '../../../components/NavCard';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { usePagedList } from '../../../hooks/usePagedList';
import { LABOUR_CLASS_ZH, optionsOf, WORKER_GROUP_ZH } from '../../../labels';
import { chinaMonth, monthText } from '../../../time';
import { villageName, villageNames } from '../../../regionNames';
import { latestSavedMonth } from '../../registryCache';

const PAGE_SIZE = 20;

type Employed = 'all' | 'yes' | 'no';
interface Filters {
  labourClass: LabourClass | 'all';
  group: WorkerGroup | 'all';
  employed: Employed;
  q: string;
}
const NO_FILTERS: Filters = { labourClass: 'all', group: 'all', employed: 'all', q: '' };

const ALL = { value: 'all', label: '全部' } as const;
const LABOUR_OPTIONS: Option<LabourClass | 'all'>[] = [ALL, ...optionsOf(LABOUR_CLASS_ZH)];
const GROUP_OPTIONS: Option<WorkerGroup | 'all'>[] = [ALL, ...optionsOf(WORKER_GROUP_ZH)];
const EMPLOYED_OPTIONS: Option<Employed>[] = [ALL, { value: 'yes', label: '在岗' }, { value: 'no', label: '未就业' }];

function toQuery(regionCode: string, filters: Filters, cursor: string | undefined): WorkerFilters {
  return {
    regionCode,
    limit: PAGE_SIZE,
    ...(filters.labourClass !== 'all' ? { labourClass: filters.labourClass } : {}),
    ...(filters.group !== 'all' ? { group: filters.group } : {}),
    ...(filters.employed !== 'all' ? { employed: filters.employed === 'yes' ? 'true' : 'false' } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

function activeFilterCount(filters: Filters): number {
  return [filters.labourClass !== 'all', filters.group !== 'all', filters.employed !== 'all'].filter(Boolean).length;
}

function go(url: string): void {
  Taro.navigateTo({ url }).catch(() => undefined);
}

/** Whether this month is recorded yet: what an officer doing the monthly update looks for. */
function monthLine(worker: WorkerSummary, thisMonth: string): string {
  const saved = latestSavedMonth(worker.workerId);
  const latest =
    saved && (!worker.latestEmployment || saved.month >= worker.latestEmployment.month) ? saved : worker.latestEmployment;
  const status = (s: 'employed' | 'notEmployed') => (s === 'employed' ? '在岗' : '未就业');
  if (latest?.month === thisMonth) return `本月已登记：${status(latest.status)}`;
  return latest ? `本月还没登记（${monthText(latest.month)}：${status(latest.status)}）` : '本月还没登记';
}

function WorkerRow({ worker, village, thisMonth }: { worker: WorkerSummary; village: string; thisMonth: string }) {
  return (
    <NavCard
      title={worker.name}
      className="bf-row"
      onOpen={() => go(`/staff/pages/worker/index?workerId=${encodeURIComponent(worker.workerId)}`)}
      testId={`registry-row-${worker.workerId}`}
    >
      <View className="bf-row__line bf-mono">{worker.idNumberMasked}</View>
      <View className="bf-row__line">
        {village} · {LABOUR_CLASS_ZH[worker.labourClass]}
      </View>
      <View className="bf-row__line bf-row__month">{monthLine(worker, thisMonth)}</View>
    </NavCard>
  );
}

function Registry({ user }: { user: User }) {
  const regionCode = user.regionCode;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [searchText, setSearchText] = useState('');
  const [showFilters, setShowFilters] = useState(false);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const thisMonth = chinaMonth(new Date());
  // Back from a record: redraw, so a month just saved there shows on its row.
  const [, redraw] = useState(0);
  useDidShow(() => redraw((n) => n + 1));

  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      if (!regionCode) return { items: [] };
      const page = await listWorkers(toQuery(regionCode, filters, cursor));
      villageNames(page.workers.map((w) => w.villageCode))
        .then(setNames)
        .catch(() => undefined);
      return { items: page.workers, nextCursor: page.nextCursor };
    },
    [regionCode, filters],
  );
  const { items: workers, nextCursor, loading, error, more } = usePagedList(fetchPage);

  if (!regionCode || regionCode.length < 6) {
    return <Notice tone="error">您的账号还没有设置负责的地区，看不了台账。请联系旗县人社局的管理员。</Notice>;
  }

  const change = (patch: Partial<Filters>) => setFilters((before) => ({ ...before, ...patch }));
  const search = () => change({ q: searchText.trim() });
  const filterCount = activeFilterCount(filters);

  return (
    <View className="bf-section">
      <View className="bf-text">{user.regionName ?? regionCode}</View>

      <NavCard title="每月报送" onOpen={() => go('/staff/pages/reports/index')} testId="registry-reports">
        <View className="bf-card__hint">本月哪些村、乡镇已经报送</View>
      </NavCard>

      <Field label="找人" hint="输入姓名，或身份证号的后 4 位">
        <BigInput
          value={searchText}
          onChange={setSearchText}
          placeholder="例如：王秀兰 或 1234"
          maxLength={30}
          confirmType="search"
          onConfirm={search}
          testId="registry-search"
        />
      </Field>
      <View className="bf-button-row">
        <Button type="primary" size="large" onClick={search} data-testid="registry-search-submit">
          搜索
        </Button>
        <Button size="large" onClick={() => setShowFilters(!showFilters)} data-testid="registry-filters-toggle">
          {showFilters ? '收起筛选' : filterCount ? `筛选（${filterCount}）` : '筛选'}
        </Button>
      </View>

      {showFilters ? (
        <View className="bf-filters">
          <FilterField
            label="就业情况（最近一次登记）"
            name="就业情况"
            options={EMPLOYED_OPTIONS}
            value={filters.employed}
            onChange={(employed) => change({ employed })}
            testIdPrefix="filter-employed-"
          />
          <FilterField
            label="劳动能力"
            options={LABOUR_OPTIONS}
            value={filters.labourClass}
            onChange={(labourClass) => change({ labourClass })}
            testIdPrefix="filter-labour-"
          />
          <FilterField
            label="帮扶类别"
            options={GROUP_OPTIONS}
            value={filters.group}
            onChange={(group) => change({ group })}
            testIdPrefix="filter-group-"
          />
          <Button type="primary" size="large" block onClick={() => setShowFilters(false)} data-testid="registry-filters-done">
            {loading ? '收起筛选' : `收起筛选，看结果（${workers.length}${nextCursor ? '+' : ''} 人）`}
          </Button>
        </View>
      ) : null}

      {filters.q || filterCount ? (
        <View className="bf-applied">
          <Text>
            {filters.q ? `正在找「${filters.q}」` : ''}
            {filters.q && filterCount ? '，' : ''}
            {filterCount ? `用了 ${filterCount} 个筛选条件` : ''}
          </Text>
          <Button
            size="large"
            block
            onClick={() => {
              setSearchText('');
              setFilters(NO_FILTERS);
            }}
            data-testid="registry-clear"
          >
            显示全部
          </Button>
        </View>
      ) : null}

      {error ? <Notice tone="error">没能加载台账：{error}</Notice> : null}
      {!loading && !error && workers.length === 0 ? (
        <Notice testId="registry-empty">没有找到符合条件的人。可以换个名字，或者点“显示全部”。</Notice>
      ) : null}

      <View className="bf-cards" data-testid="registry-list">
        {workers.map((worker) => (
          <WorkerRow
            key={worker.workerId}
            worker={worker}
            village={villageName(worker.villageCode, names)}
            thisMonth={thisMonth}
          />
        ))}
      </View>

      <LoadMore
        loading={loading}
        more={Boolean(nextCursor)}
        onMore={more}
        testId="registry-more"
        allShown={workers.length ? `已经全部显示（${workers.length} 人）` : undefined}
      />
    </View>
  );
}

export default function RegistryPage() {
  return <RolePage title="台账" roles={['staff', 'admin']} show={(user) => <Registry user={user} />} />;
}
