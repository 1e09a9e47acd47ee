/**
 * The job map in the browser, on Leaflet. Tiles come from TARO_APP_MAP_TILE_URL when the
 * build sets one (any {z}/{x}/{y} server; its coordinate system in TARO_APP_MAP_TILE_CRS,
 * gcj02 by default as Chinese tile servers use, or wgs84 for OpenStreetMap-style tiles).
 * Without tiles (offline, or none configured) the map is a plain background with a faint
 * grid that moves with the map, so jobs, clusters and the worker's place still show.
 * Markers are plain DOM elements (no images, no inline scripts: fine under the server's CSP).
 * Leaflet itself is loaded on first use, as one chunk every map page shares.
 */
import type * as Leaflet from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { gcj02ToWgs84, wgs84ToGcj02, type LatLng } from '@bangfu/shared';
import { useEffect, useRef, useState } from 'react';
import { payText } from '../../positionText';
import { MAX_ZOOM, MIN_ZOOM, type JobMapProps, type MapPlace, type MapPoint } from './types';
import './map.css';

const TILE_URL = process.env.TARO_APP_MAP_TILE_URL || '';
const TILES_WGS84 = process.env.TARO_APP_MAP_TILE_CRS === 'wgs84';
const TILE_ATTRIBUTION = process.env.TARO_APP_MAP_TILE_ATTRIBUTION || '';

type L = typeof Leaflet;
let leaflet: Promise<L> | null = null;
const loadLeaflet = (): Promise<L> => (leaflet ??= import(/* webpackChunkName: "leaflet" */ 'leaflet'));

/** API (GCJ-02) → the tiles' system, and back. Without tiles we draw in GCJ-02 as is. */
const toMap = (p: LatLng): Leaflet.LatLngTuple => {
  const q = TILES_WGS84 ? gcj02ToWgs84(p) : p;
  return [q.lat, q.lng];
};
const fromMap = (ll: Leaflet.LatLng): LatLng => {
  const p = { lat: ll.lat, lng: ll.lng };
  return TILES_WGS84 ? wgs84ToGcj02(p) : p;
};

function element(tag: string, className: string, text?: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/** A DOM icon centred on its point; the element draws itself around (0,0) with CSS. */
function icon(L: L, html: HTMLElement): Leaflet.DivIcon {
  return L.divIcon({ html, className: 'bf-map-icon', iconSize: [0, 0] });
}

function pinIcon(L: L, testId: string, label: string, tone: 'job' | 'selected' | 'picked'): Leaflet.DivIcon {
  const pin = element('div', `bf-map-pin bf-map-pin--${tone}`);
  pin.setAttribute('data-testid', testId);
  pin.setAttribute('role', 'button');
  pin.setAttribute('aria-label', label);
  pin.appendChild(element('div', 'bf-map-pin__head'));
  return icon(L, pin);
}

/** The dot of a labelled point and its name, both drawn under the jobs. */
function pointIcons(L: L, point: MapPoint, testId: string): { dot: Leaflet.DivIcon; name: Leaflet.DivIcon } {
  const dot = element('div', 'bf-map-here');
  dot.setAttribute('data-testid', testId);
  dot.appendChild(element('div', 'bf-map-here__dot'));
  const name = element('div', 'bf-map-here bf-map-here--name');
  name.appendChild(element('div', 'bf-map-here__label', point.label));
  return { dot: icon(L, dot), name: icon(L, name) };
}

/** A service point: a green square with 服, inside a thumb-sized tap area. */
function placeIcon(L: L, place: MapPlace): Leaflet.DivIcon {
  const badge = element('div', 'bf-map-place');
  badge.setAttribute('data-testid', `map-place-${place.id}`);
  badge.setAttribute('role', 'button');
  badge.setAttribute('aria-label', `${place.name}，就业服务网点，点一下看电话和开门时间`);
  badge.appendChild(element('div', 'bf-map-place__mark', '服'));
  return icon(L, badge);
}

function clusterIcon(L: L, cell: string, count: number): Leaflet.DivIcon {
  const size = count >= 100 ? 'l' : count >= 10 ? 'm' : 's';
  const bubble = element('div', `bf-map-cluster bf-map-cluster--${size}`, String(count));
  bubble.setAttribute('data-testid', `map-cluster-${cell}`);
  bubble.setAttribute('role', 'button');
  bubble.setAttribute('aria-label', `这里有 ${count} 个岗位，点一下放大`);
  return icon(L, bubble);
}

/** A faint grid that pans with the map, standing in for tiles. */
function gridLines(L: L): Leaflet.GridLayer {
  class GridLines extends L.GridLayer {
    protected override createTile(): HTMLElement {
      return element('div', 'bf-map-grid');
    }
  }
  return new GridLines({ minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM });
}

export function JobMap(props: JobMapProps) {
  const { focus, clusters, markers, places, selectedId, here, picked, label, testId } = props;
  const box = useRef<HTMLDivElement | null>(null);
  const [map, setMap] = useState<{ L: L; map: Leaflet.Map; layer: Leaflet.LayerGroup } | null>(null);
  const [failed, setFailed] = useState(false);
  /** The newest props, read by Leaflet's handlers without rebinding them. */
  const latest = useRef(props);
  latest.current = props;

  // Load Leaflet and make the map once.
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    // Leaflet focuses the map on the first press (for its arrow keys) and then restores only the
    // window's scroll; Taro's H5 page scrolls in a box of its own, which jumped ~72 px under the
    // finger on a small phone and the tap landed beside the pin. Focus without scrolling.
    const focus = el.focus.bind(el);
    el.focus = (options?: FocusOptions) => focus({ ...options, preventScroll: true });
    let cleanup: (() => void) | undefined;
    let gone = false;
    loadLeaflet()
      .then((L) => {
        if (gone) return;
        const start = latest.current.focus;
        const made = L.map(el, {
          center: toMap(start.center),
          zoom: start.zoom,
          minZoom: MIN_ZOOM,
          maxZoom: MAX_ZOOM,
          zoomControl: false,
          attributionControl: Boolean(TILE_URL),
        });
        if (TILE_URL) {
          L.tileLayer(TILE_URL, { attribution: TILE_ATTRIBUTION, maxZoom: MAX_ZOOM, subdomains: 'abcd' }).addTo(made);
        } else {
          gridLines(L).addTo(made);
        }
        L.control
          .zoom({ position: 'bottomright', zoomInText: '放大', zoomOutText: '缩小', zoomInTitle: '放大', zoomOutTitle: '缩小' })
          .addTo(made);
        L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(made);
        const layer = L.layerGroup().addTo(made);

        let timer: ReturnType<typeof setTimeout> | undefined;
        const emitView = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            // A page being left (or hidden behind the next) has no size: there is nothing to ask for.
            if (!el.clientWidth || !el.clientHeight) return;
            const bounds = made.getBounds();
            const sw = fromMap(bounds.getSouthWest());
            const ne = fromMap(bounds.getNorthEast());
            latest.current.onView?.({
              bbox: { minLng: sw.lng, minLat: sw.lat, maxLng: ne.lng, maxLat: ne.lat },
              zoom: Math.round(made.getZoom()),
            });
          }, 250);
        };
        made.on('moveend', emitView);
        made.on('click', (event: Leaflet.LeafletMouseEvent) => latest.current.onPick?.(fromMap(event.latlng)));

        // The page slides in: measure again once it has come to rest, and whenever the box changes size.
        const resize = () => made.invalidateSize();
        const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(resize) : undefined;
        observer?.observe(el);
        const settle = setTimeout(resize, 400);
        emitView();
        setMap({ L, map: made, layer });
        cleanup = () => {
          clearTimeout(timer);
          clearTimeout(settle);
          observer?.disconnect();
          made.remove();
        };
      })
      .catch(() => {
        if (!gone) setFailed(true);
      });
    return () => {
      gone = true;
      cleanup?.();
    };
  }, []);

  // A new focus moves the map (the first one is where it started).
  const firstFocus = useRef(focus);
  useEffect(() => {
    if (!map || focus === firstFocus.current) return;
    map.map.setView(toMap(focus.center), focus.zoom, { animate: false });
  }, [focus, map]);

  // Draw clusters, markers and the labelled points again whenever they change.
  useEffect(() => {
    if (!map) return;
    const { L, map: m, layer } = map;
    layer.clearLayers();
    if (here) {
      const { dot, name } = pointIcons(L, here, 'map-here');
      const at = toMap(here.point);
      L.marker(at, { icon: dot, interactive: false, keyboard: false, zIndexOffset: -1000 }).addTo(layer);
      // Under the jobs: a place's name must not hide a cluster or a pin.
      L.marker(at, { icon: name, interactive: false, keyboard: false, zIndexOffset: -1000 }).addTo(layer);
    }
    for (const place of places ?? []) {
      L.marker(toMap(place.location), { icon: placeIcon(L, place), title: place.name, zIndexOffset: -500 })
        .on('click', () => latest.current.onPlaceTap?.(place.id))
        .addTo(layer);
    }
    for (const cluster of clusters ?? []) {
      L.marker(toMap(cluster), { icon: clusterIcon(L, cluster.cell, cluster.count), title: `${cluster.count} 个岗位` })
        .on('click', () => m.setView(toMap(cluster), Math.min(m.getZoom() + 2, MAX_ZOOM)))
        .addTo(layer);
    }
    for (const marker of markers ?? []) {
      const selected = marker.positionId === selectedId;
      L.marker(toMap(marker.location), {
        icon: pinIcon(
          L,
          `map-marker-${marker.positionId}`,
          `${marker.title}，${payText(marker.pay)}`,
          selected ? 'selected' : 'job',
        ),
        title: marker.title,
        zIndexOffset: selected ? 1000 : 0,
      })
        .on('click', () => latest.current.onMarkerTap?.(marker.positionId))
        .addTo(layer);
    }
    if (picked) {
      L.marker(toMap(picked.point), {
        icon: pinIcon(L, 'map-picked', picked.label, 'picked'),
        interactive: false,
        keyboard: false,
        zIndexOffset: 2000,
      }).addTo(layer);
    }
  }, [map, clusters, markers, places, selectedId, here, picked]);

  return (
    <div className="bf-map-wrap">
      <div ref={box} className="bf-map" role="application" aria-label={label} data-testid={testId} />
      {failed ? <div className="bf-notice bf-notice--error">地图没能打开，请检查网络后再进这个页面，或者点“列表”。</div> : null}
      {TILE_URL || failed ? null : <div className="bf-map-note">这张图只标出岗位和位置，没有画街道。</div>}
    </div>
  );
}
