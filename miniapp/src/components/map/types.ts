/**
 * The job map's one interface, implemented per platform: JobMap.weapp.tsx on WeChat's
 * native <Map>, JobMap.h5.tsx on Leaflet, JobMap.tsx (a plain note) elsewhere. Taro picks
 * the file of the platform it builds when a page imports `./map/JobMap`.
 * Every coordinate here is GCJ-02, as the API speaks.
 */
import type { Bbox, Cluster, LatLng, Pay } from '@bangfu/shared';

/** What the map shows now: its box and zoom (3–20, as the API counts it). */
export interface MapView {
  bbox: Bbox;
  zoom: number;
}

/** Where the map should go. A new object moves the map there, even to the same place. */
export interface MapFocus {
  center: LatLng;
  zoom: number;
}

export interface MapMarker {
  positionId: string;
  title: string;
  pay: Pay;
  location: LatLng;
}

/** A public employment service point (就业服务网点) on the job map. */
export interface MapPlace {
  id: string;
  name: string;
  location: LatLng;
}

/** A labelled point that is not a job: the worker's position, their village, or a picked place. */
export interface MapPoint {
  point: LatLng;
  label: string;
}

export interface JobMapProps {
  focus: MapFocus;
  clusters?: readonly Cluster[];
  markers?: readonly MapMarker[];
  selectedId?: string | undefined;
  /** Where the map is centred from (您的位置, a village, the county town). */
  here?: MapPoint | undefined;
  /** Service points, drawn apart from the jobs (a green square). */
  places?: readonly MapPlace[];
  onPlaceTap?: (id: string) => void;
  /** A place chosen by tapping the map (an employer's workplace). */
  picked?: MapPoint | undefined;
  /** After every move or zoom has settled (and once at the start). */
  onView?: (view: MapView) => void;
  onMarkerTap?: (positionId: string) => void;
  /** WeChat's bubble above a tapped marker, tapped in turn. */
  onCalloutTap?: (positionId: string) => void;
  /** A tap on the map itself, not on a marker. */
  onPick?: (point: LatLng) => void;
  /** Read out by screen readers. */
  label: string;
  testId?: string;
}

/** Zoom levels people can reach: a province at the widest, a few streets at the closest. */
export const MIN_ZOOM = 5;
export const MAX_ZOOM = 18;

/** Where a map starts when nothing better is known: the demo county's town, 固阳县 (GCJ-02). */
export const COUNTY_TOWN: LatLng = { lat: 41.03, lng: 110.05 };
