/**
 * 找工作 — the job map (求职岗位地图), the worker's first screen for jobs. No login needed
 * to look. The map centres on the phone's position (WeChat asks for the privacy consent
 * first), else the worker's village, else the county town, and says which. Filter chips,
 * a map / list switch (the list is nearest first, 加载更多), a tap on a job shows its card.
 */
import Taro from '@tarojs/taro';
import { Button as NativeButton, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { distanceKm, type MapResponse, type PositionCard, type PositionFilters } from '@bangfu/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../../../api/client';
import { fetchMap, fetchNearby } from '../../../api/positions';
import { LoadMore } from '../../../components/LoadMore';
import { Notice, Page } from '../../../components/Page';
import { SaveSearchButton } from '../../../components/alerts/SaveSearchButton';
import { mapSearchArea, type SearchArea } from '../../../components/alerts/mapSearchArea';
import { JobMap } from '../../../components/map/JobMap';
import { ServicePointCard } from '../../../components/servicePoints/ServicePointCard';
import type { MapServicePoint } from '../../../api/servicePoints';
import { useMapServicePoints } from './useMapServicePoints';
import type { MapFocus, MapView } from '../../../components/map/types';
import { usePagedList } from '../../../hooks/usePagedList';
import { useSession } from '../../../state/session';
import { nearWord } from '../../../positionText';
import { JobCard, openPosition } from '../../JobCard';
import {
  centreText,
  deviceLocation,
  fallbackCentre,
  needsPrivacyConsent,
  openLocationSetting,
  rememberCentre,
  type Centre,
} from '../../location';
import { FiltersBar, NO_FILTERS, RADIUS_OPTIONS, toApiFilters, type JobFilters, type Radius } from './JobFilters';
import '../../worker.css';

const START_ZOOM = 11;
const PAGE_SIZE = 20;

type Phase = { state: 'locating' } | { state: 'consent' } | { state: 'ready'; centre: Centre; refused: boolean };

/** Finds where to centre: asks WeChat's privacy consent first when needed. Only the newest attempt counts. */
function useCentre() {
  const { user } = useSession();
  const [phase, setPhase] = useState<Phase>({ state: 'locating' });
  const userRef = useRef(user);
  userRef.current = user;
  const attempt = useRef(0);

  const ready = useCallback((ticket: number, centre: Centre, refused: boolean) => {
    if (ticket !== attempt.current) return;
    rememberCentre(centre);
    setPhase({ state: 'ready', centre, refused });
  }, []);

  const locate = useCallback(
    async (consentAsked: boolean) => {
      const ticket = ++attempt.current;
      setPhase({ state: 'locating' });
      if (!consentAsked && (await needsPrivacyConsent())) {
        if (ticket === attempt.current) setPhase({ state: 'consent' });
        return;
      }
      const device = await deviceLocation();
      if (device.ok) ready(ticket, { point: device.point, source: 'device', label: '您的位置' }, false);
      else ready(ticket, await fallbackCentre(userRef.current), device.refused);
    },
    [ready],
  );

  /** Without the phone's position: declined, or not waiting for it any longer. */
  const decline = useCallback(
    async (refused: boolean) => {
      const ticket = ++attempt.current;
      setPhase({ state: 'locating' });
      ready(ticket, await fallbackCentre(userRef.current), refused);
    },
    [ready],
  );

  useEffect(() => {
    locate(false).catch(() => undefined);
  }, [locate]);

  return { phase, locate, decline };
}

/** WeChat: our words first, then WeChat's own agreement button (open-type agreePrivacyAuthorization). */
function PrivacyConsent({ onAgree, onDecline }: { onAgree: () => void; onDecline: () => void }) {
  const { user } = useSession();
  return (
    <View className="bf-section bf-consent" data-testid="privacy-consent">
      <View className="bf-subtitle">用您手机的位置找附近的工作？</View>
      <View className="bf-text">只用来在地图上找离您近的岗位，不会给别人看。</View>
      {process.env.TARO_ENV === 'weapp' ? (
        <NativeButton
          className="bf-native-button bf-native-button--primary"
          openType="agreePrivacyAuthorization"
          id="bf-agree-privacy"
          onAgreePrivacyAuthorization={onAgree}
        >
          同意，用我的位置
        </NativeButton>
      ) : null}
      <Button size="large" block onClick={onDecline} data-testid="privacy-decline">
        {user?.role === 'worker' ? '不用，按我家所在的村找' : '不用，先看县城附近的'}
      </Button>
      <View
        className="bf-link"
        role="button"
        onClick={() => {
          Taro.openPrivacyContract?.({});
        }}
      >
        看《用户隐私保护指引》
      </View>
    </View>
  );
}

interface MapState {
  loading: boolean;
  error: string | null;
  data: MapResponse | null;
}

interface MapModeProps {
  centre: Centre;
  focus: MapFocus;
  filters: PositionFilters;
  /** What the map shows now (null until it has drawn): kept by the page, which saves it as a search. */
  view: MapView | null;
  onView: (view: MapView) => void;
}

function MapMode({ centre, focus, filters, view, onView }: MapModeProps) {
  const [state, setState] = useState<MapState>({ loading: true, error: null, data: null });
  const [selected, setSelected] = useState<PositionCard | null>(null);
  const [place, setPlace] = useState<MapServicePoint | null>(null);
  const { places, pointOf } = useMapServicePoints(view);
  const latest = useRef(0);
  const filtersKey = JSON.stringify(filters);

  useEffect(() => {
    if (!view) return;
    const ticket = ++latest.current;
    setState((before) => ({ ...before, loading: true, error: null }));
    fetchMap(view.bbox, view.zoom, JSON.parse(filtersKey) as PositionFilters)
      .then((data) => {
        if (ticket === latest.current) setState({ loading: false, error: null, data });
      })
      .catch((error: unknown) => {
        if (ticket === latest.current) setState({ loading: false, error: errorText(error), data: null });
      });
  }, [view, filtersKey]);

  const here = useMemo(() => ({ point: centre.point, label: centre.label }), [centre]);
  const markers = state.data?.markers;
  const clusters = state.data?.clusters;

  // Bring the card into view just below the map, leaving as much of the map in sight as possible.
  const showCard = () =>
    setTimeout(() => {
      if (process.env.TARO_ENV === 'h5') {
        document.getElementById('bf-map-selected')?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
      } else {
        Taro.pageScrollTo({ selector: '#bf-map-selected', duration: 300 }).catch(() => undefined);
      }
    }, 50);
  const select = (positionId: string) => {
    const card = markers?.find((m) => m.positionId === positionId);
    if (!card) return;
    setPlace(null);
    setSelected({ ...card, distanceKm: card.distanceKm ?? distanceKm(centre.point, card.location) });
    showCard();
  };
  const selectPlace = (pointId: string) => {
    const point = pointOf(pointId);
    if (!point) return;
    setSelected(null);
    setPlace(point);
    showCard();
  };

  let status: string;
  if (state.error) status = `没能加载岗位：${state.error}`;
  else if (state.loading && !state.data) status = '正在找岗位…';
  else if (!state.data?.total) status = '这片地图里没有符合条件的岗位。可以点“缩小”看看更远的地方，或者少选几个筛选条件。';
  else if (state.data.counted) {
    // Drawn from counts: about this many, and the filters apply once zoomed in.
    status = `这片地图里大约有 ${state.data.total} 个岗位。点带数字的圆圈会放大${filtersKey === '{}' ? '。' : '，放大后再按您选的条件筛选。'}`;
  } else status = `这片地图里有 ${state.data.total} 个岗位。点蓝色的标记看岗位，点带数字的圆圈会放大。`;
  if (places.length && !state.error) status += '绿色的“服”是就业服务网点，点一下看电话和开门时间。';

  return (
    <View>
      <View className={state.error ? 'bf-notice bf-notice--error' : 'bf-map-status'} role="status" data-testid="map-status">
        {status}
      </View>
      <JobMap
        focus={focus}
        clusters={clusters}
        markers={markers}
        places={places}
        onPlaceTap={selectPlace}
        selectedId={selected?.positionId}
        here={here}
        onView={onView}
        onMarkerTap={select}
        onCalloutTap={openPosition}
        label="附近的岗位地图"
        testId="job-map"
      />
      {selected ? (
        <View id="bf-map-selected">
          <JobCard
            position={selected}
            from={centre.source === 'device' ? '您' : centre.label}
            near={nearWord(centre.source)}
            testId="map-selected-card"
          />
        </View>
      ) : null}
      {place ? (
        <View id="bf-map-selected">
          <ServicePointCard point={place} testId="map-selected-place" />
        </View>
      ) : null}
    </View>
  );
}

function ListMode({ centre, filters, radius }: { centre: Centre; filters: PositionFilters; radius: Radius }) {
  const filtersKey = JSON.stringify(filters);
  const fetchPage = useCallback(
    async (cursor: string | undefined) => {
      const page = await fetchNearby(centre.point, Number(radius), JSON.parse(filtersKey) as PositionFilters, cursor, PAGE_SIZE);
      return { items: page.positions, nextCursor: page.nextCursor };
    },
    [centre, radius, filtersKey],
  );
  // Other filters, another list: the old one would be wrong until the new one comes.
  const { items, nextCursor, loading, error, more } = usePagedList(fetchPage, { clearOnChange: true });

  const from = centre.source === 'device' ? '您' : centre.label;
  return (
    <View>
      <View className="bf-hint">
        离{from}最近的排在前面（{RADIUS_OPTIONS.find((o) => o.value === radius)?.label}）。
      </View>
      <View className="bf-cards" data-testid="job-list">
        {items.map((position) => (
          <JobCard key={position.positionId} position={position} from={from} near={nearWord(centre.source)} />
        ))}
      </View>
      {error ? <Notice tone="error">没能加载岗位：{error}</Notice> : null}
      {!loading && !error && items.length === 0 ? (
        <Notice testId="job-list-empty">附近没有符合条件的岗位。可以在“更多筛选”里选远一点，或者少选几个条件。</Notice>
      ) : null}
      <LoadMore
        loading={loading}
        more={Boolean(nextCursor)}
        onMore={more}
        testId="job-list-more"
        allShown={items.length ? `已经全部显示（${items.length} 个岗位）` : undefined}
      />
    </View>
  );
}

function Jobs() {
  const { user } = useSession();
  const { phase, locate, decline } = useCentre();
  const [mode, setMode] = useState<'map' | 'list'>('map');
  const [filters, setFilters] = useState<JobFilters>(NO_FILTERS);
  const [radius, setRadius] = useState<Radius>('100');
  const [mapView, setMapView] = useState<MapView | null>(null);
  const apiFilters = useMemo(() => toApiFilters(filters), [filters]);
  const centre = phase.state === 'ready' ? phase.centre : null;
  const focus = useMemo<MapFocus | null>(() => (centre ? { center: centre.point, zoom: START_ZOOM } : null), [centre]);

  if (phase.state === 'consent') {
    return (
      <PrivacyConsent
        onAgree={() => {
          locate(true).catch(() => undefined);
        }}
        onDecline={() => {
          decline(true).catch(() => undefined);
        }}
      />
    );
  }
  if (phase.state === 'locating' || !centre || !focus) {
    return (
      <View className="bf-section">
        <Notice testId="jobs-locating">正在确定您的位置…如果手机问能不能用位置，请点“允许”。</Notice>
        <Button
          size="large"
          block
          onClick={() => {
            decline(false).catch(() => undefined);
          }}
          data-testid="jobs-skip-location"
        >
          {user?.role === 'worker' ? '不等了，按我家所在的村找' : '不等了，先看县城附近的'}
        </Button>
      </View>
    );
  }

  const placeName = centre.source === 'device' ? '您的位置' : centre.label;
  // 保存这个搜索: on the map, what it shows now (once drawn); in the list, the radius chosen there.
  let searchArea: SearchArea | null = { centre: centre.point, radiusKm: Number(radius), placeName };
  if (mode === 'map') searchArea = mapView ? mapSearchArea(mapView.bbox, { point: centre.point, name: placeName }) : null;
  const switchMode = (next: 'map' | 'list') => {
    setMapView(null);
    setMode(next);
  };

  const retryDevice = async () => {
    if (phase.refused && process.env.TARO_ENV === 'weapp') await openLocationSetting();
    await locate(true);
  };

  return (
    <View className="bf-section">
      <View className="bf-centre" role="status" data-testid="jobs-centre">
        <View>{centreText(centre)}</View>
        {centre.source !== 'device' ? (
          <View
            className="bf-link"
            role="button"
            onClick={() => {
              retryDevice().catch(() => undefined);
            }}
            data-testid="jobs-use-device"
          >
            改用我手机的位置
          </View>
        ) : null}
      </View>
      <FiltersBar filters={filters} onChange={setFilters} mode={mode} onMode={switchMode} radius={radius} onRadius={setRadius} />
      {mode === 'map' ? (
        <MapMode centre={centre} focus={focus} filters={apiFilters} view={mapView} onView={setMapView} />
      ) : (
        <ListMode centre={centre} filters={apiFilters} radius={radius} />
      )}
      {searchArea ? <SaveSearchButton {...searchArea} filters={apiFilters} /> : null}
      {user ? null : <View className="bf-hint">看岗位不用登录；想报名时再登录。</View>}
    </View>
  );
}

export default function JobsPage() {
  return (
    <Page>
      <View className="bf-title">找工作</View>
      <Jobs />
    </Page>
  );
}
