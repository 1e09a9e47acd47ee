/**
 * The job map on WeChat, on its native <Map> (Tencent's map, GCJ-02 like the API).
 * Jobs are pin markers with a callout (title and pay) shown on tap; clusters are round
 * markers with their count as the label, and a tap on one zooms in. The marker images
 * are copied into the package from src/assets/map (see config/index.ts).
 */
import Taro from '@tarojs/taro';
import { Map, View } from '@tarojs/components';
import type { MapProps } from '@tarojs/components';
import type { LatLng } from '@bangfu/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { payText } from '../../positionText';
import { useSession } from '../../state/session';
import { MAX_ZOOM, MIN_ZOOM, type JobMapProps } from './types';
import './map.css';

const ICON = {
  pin: '/assets/map/pin.png',
  selected: '/assets/map/pin-selected.png',
  cluster: '/assets/map/cluster.png',
  here: '/assets/map/here.png',
};
/** Marker ids are numbers: jobs from 1, clusters from CLUSTER_BASE, the two labelled points, then service points. */
const CLUSTER_BASE = 1_000_000;
const HERE_ID = 2_000_000;
const PICKED_ID = 2_000_001;
const PLACE_BASE = 3_000_000;

let instances = 0;

/** Sizes on WeChat's map (CSS px): targets ≥ 48 and text ≥ 16, or ≥ 56 and ≥ 20 in 关怀版. */
const SIZES = {
  normal: { cluster: [48, 56, 64], pin: 40, count: 18, text: 16 },
  care: { cluster: [56, 64, 72], pin: 48, count: 22, text: 20 },
};
type Sizes = (typeof SIZES)['normal'];

function clusterMarker(id: number, lat: number, lng: number, count: number, sizes: Sizes): MapProps.marker {
  const size = sizes.cluster[count >= 100 ? 2 : count >= 10 ? 1 : 0]!;
  const text = String(count);
  return {
    id,
    latitude: lat,
    longitude: lng,
    iconPath: ICON.cluster,
    width: size,
    height: size,
    anchor: { x: 0.5, y: 0.5 },
    ariaLabel: `这里有 ${count} 个岗位，点一下放大`,
    label: {
      content: text,
      color: '#ffffff',
      fontSize: sizes.count,
      // The label hangs from the marker's anchor: pull it back over the middle of the disc.
      anchorX: -Math.round(text.length * sizes.count * 0.3),
      anchorY: -Math.round(sizes.count * 0.72),
      borderWidth: 0,
      borderColor: '#00000000',
      borderRadius: 0,
      bgColor: '#00000000',
      padding: 0,
      textAlign: 'center',
    },
  };
}

function pointMarker(id: number, point: LatLng, text: string, iconPath: string, sizes: Sizes): MapProps.marker {
  return {
    id,
    latitude: point.lat,
    longitude: point.lng,
    iconPath,
    width: id === HERE_ID ? 22 : 36,
    height: id === HERE_ID ? 22 : 45,
    anchor: id === HERE_ID ? { x: 0.5, y: 0.5 } : { x: 0.5, y: 1 },
    zIndex: 0, // under the jobs: a place's name must not hide a pin
    label: {
      content: text,
      color: '#111111',
      fontSize: sizes.text,
      anchorX: 14,
      anchorY: -12,
      borderWidth: 1,
      borderColor: '#111111',
      borderRadius: 6,
      bgColor: '#ffffff',
      padding: 4,
      textAlign: 'left',
    },
  };
}

export function JobMap(props: JobMapProps) {
  const { focus, clusters, markers, places, selectedId, here, picked, label, testId } = props;
  const sizes = SIZES[useSession().careMode ? 'care' : 'normal'];
  const mapId = useMemo(() => `bf-job-map-${++instances}`, []);
  const [centre, setCentre] = useState<LatLng>(focus.center);
  const [scale, setScale] = useState<number>(focus.zoom);
  const latest = useRef(props);
  latest.current = props;

  /** Tell the page what the map shows now: its box and zoom. */
  const report = () => {
    const context = Taro.createMapContext(mapId);
    context.getRegion({
      success: (region) => {
        context.getScale({
          success: ({ scale: now }) => {
            latest.current.onView?.({
              bbox: {
                minLng: region.southwest.longitude,
                minLat: region.southwest.latitude,
                maxLng: region.northeast.longitude,
                maxLat: region.northeast.latitude,
              },
              zoom: Math.max(3, Math.min(20, Math.round(now))),
            });
          },
        });
      },
    });
  };

  // A new focus moves the map; report what it shows once it has drawn.
  useEffect(() => {
    setCentre(focus.center);
    setScale(focus.zoom);
    Taro.createMapContext(mapId).moveToLocation({ latitude: focus.center.lat, longitude: focus.center.lng });
    const timer = setTimeout(report, 600);
    return () => clearTimeout(timer);
    // report reads the latest props through a ref.
  }, [focus, mapId]);

  const shown = useMemo(() => {
    const list: MapProps.marker[] = [];
    (markers ?? []).forEach((m, i) => {
      const selected = m.positionId === selectedId;
      list.push({
        id: i + 1,
        latitude: m.location.lat,
        longitude: m.location.lng,
        iconPath: selected ? ICON.selected : ICON.pin,
        width: selected ? sizes.pin + 8 : sizes.pin,
        height: Math.round((selected ? sizes.pin + 8 : sizes.pin) * 1.25),
        anchor: { x: 0.5, y: 1 },
        zIndex: selected ? 10 : 1,
        ariaLabel: `${m.title}，${payText(m.pay)}`,
        callout: {
          content: `${m.title}\n${payText(m.pay)}\n点这里看详情`,
          color: '#111111',
          fontSize: sizes.text,
          anchorX: 0,
          anchorY: 0,
          borderRadius: 8,
          borderWidth: 2,
          borderColor: '#0050b3',
          bgColor: '#ffffff',
          padding: 10,
          display: 'BYCLICK',
          textAlign: 'left',
        },
      });
    });
    (clusters ?? []).forEach((c, i) => list.push(clusterMarker(CLUSTER_BASE + i, c.lat, c.lng, c.count, sizes)));
    // A service point: its name on a green label, under the jobs.
    (places ?? []).forEach((p, i) => {
      const marker = pointMarker(PLACE_BASE + i, p.location, `服务网点 ${p.name}`, ICON.here, sizes);
      list.push({ ...marker, label: { ...marker.label!, bgColor: '#e6f4ea', borderColor: '#0b6b2e' } });
    });
    if (here) list.push(pointMarker(HERE_ID, here.point, here.label, ICON.here, sizes));
    if (picked) list.push(pointMarker(PICKED_ID, picked.point, picked.label, ICON.selected, sizes));
    return list;
  }, [markers, clusters, places, selectedId, here, picked, sizes]);

  const positionOf = (markerId: number | string): string | undefined => {
    const id = Number(markerId);
    return id >= 1 && id < CLUSTER_BASE ? markers?.[id - 1]?.positionId : undefined;
  };

  return (
    <View className="bf-map-wrap">
      <Map
        id={mapId}
        className="bf-map"
        latitude={centre.lat}
        longitude={centre.lng}
        scale={scale}
        minScale={MIN_ZOOM}
        maxScale={MAX_ZOOM}
        markers={shown}
        showScale
        enablePoi={false}
        aria-label={label}
        data-testid={testId}
        onRegionChange={(event) => {
          const type = (event.detail as { type?: string }).type ?? (event as { type?: string }).type;
          if (type === 'end') report();
        }}
        onMarkerTap={(event) => {
          const id = Number(event.detail.markerId);
          if (id >= CLUSTER_BASE && id < HERE_ID) {
            const cluster = clusters?.[id - CLUSTER_BASE];
            if (!cluster) return;
            const context = Taro.createMapContext(mapId);
            context.getScale({
              success: ({ scale: now }) => {
                setCentre({ lat: cluster.lat, lng: cluster.lng });
                setScale(Math.min(Math.round(now) + 2, MAX_ZOOM));
                context.moveToLocation({ latitude: cluster.lat, longitude: cluster.lng });
              },
            });
            return;
          }
          if (id >= PLACE_BASE) {
            const place = places?.[id - PLACE_BASE];
            if (place) latest.current.onPlaceTap?.(place.id);
            return;
          }
          const positionId = positionOf(id);
          if (positionId) latest.current.onMarkerTap?.(positionId);
        }}
        onCalloutTap={(event) => {
          const positionId = positionOf(event.detail.markerId);
          if (positionId) latest.current.onCalloutTap?.(positionId);
        }}
        onTap={(event) => {
          const detail = event.detail as { latitude?: number; longitude?: number };
          if (typeof detail.latitude === 'number' && typeof detail.longitude === 'number') {
            latest.current.onPick?.({ lat: detail.latitude, lng: detail.longitude });
          }
        }}
        onError={() => undefined}
      />
    </View>
  );
}
