/**
 * Where the job map centres, best first: the phone's own position (WeChat: after the
 * privacy consent, Taro.getLocation gcj02; browser: navigator.geolocation, WGS-84 turned
 * into GCJ-02), else the centre of the logged-in worker's village (GET /v1/me/worker →
 * villageCode → GET /v1/regions/:code), else the demo county's town, 固阳县.
 * The centre chosen on the map page is remembered for the detail page's distances.
 */
import Taro from '@tarojs/taro';
import { wgs84ToGcj02, type LatLng, type User } from '@bangfu/shared';
import { fetchRegion } from '../api/regions';
import { fetchMyWorker } from '../api/registry';
import { COUNTY_TOWN } from '../components/map/types';

export type CentreSource = 'device' | 'village' | 'county';

export interface Centre {
  point: LatLng;
  source: CentreSource;
  /** What the point is, in words: 您的位置, a village's name, 固阳县城. */
  label: string;
}

/** The demo county's town (固阳县, 150222), GCJ-02. */
export const COUNTY_CENTRE: Centre = { point: COUNTY_TOWN, source: 'county', label: '固阳县城' };

/** Long enough for an older person to read and answer the permission question; the page offers to skip sooner. */
const DEVICE_TIMEOUT_MS = 30_000;

export type DeviceLocation = { ok: true; point: LatLng } | { ok: false; refused: boolean };

function withTimeout<T>(promise: Promise<T>, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), DEVICE_TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/**
 * WeChat only: whether the user must first agree to the mini-program's privacy guide
 * (用户隐私保护指引) before the location may be read. False elsewhere, and when WeChat is too old to ask.
 */
export function needsPrivacyConsent(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return Promise.resolve(false);
  return withTimeout(
    new Promise<boolean>((resolve) => {
      try {
        Taro.getPrivacySetting({
          success: (result) => resolve(result.needAuthorization),
          fail: () => resolve(false),
        });
      } catch {
        resolve(false);
      }
    }),
    false,
  );
}

function refusedMessage(errMsg: unknown): boolean {
  return typeof errMsg === 'string' && /auth den|authorize|privacy|permission/i.test(errMsg);
}

/** The phone's position now, in GCJ-02; `refused` when the person (or WeChat's settings) said no. */
export function deviceLocation(): Promise<DeviceLocation> {
  if (process.env.TARO_ENV === 'weapp') {
    return withTimeout(
      Taro.getLocation({ type: 'gcj02' }).then(
        (result): DeviceLocation => ({ ok: true, point: { lat: result.latitude, lng: result.longitude } }),
        (error: { errMsg?: unknown }): DeviceLocation => ({ ok: false, refused: refusedMessage(error?.errMsg) }),
      ),
      { ok: false, refused: false },
    );
  }
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve({ ok: false, refused: false });
  return withTimeout(
    new Promise<DeviceLocation>((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (position) =>
          resolve({ ok: true, point: wgs84ToGcj02({ lat: position.coords.latitude, lng: position.coords.longitude }) }),
        (error) => resolve({ ok: false, refused: error.code === error.PERMISSION_DENIED }),
        // `timeout` counts from the permission being given: finding the position itself.
        { enableHighAccuracy: false, timeout: 15_000, maximumAge: 10 * 60_000 },
      );
    }),
    { ok: false, refused: false },
  );
}

/** WeChat: a location permission refused before is only given back in the settings page. */
export async function openLocationSetting(): Promise<boolean> {
  if (process.env.TARO_ENV !== 'weapp') return false;
  try {
    const settings = await Taro.openSetting();
    return settings.authSetting['scope.userLocation'] === true;
  } catch {
    return false;
  }
}

/** The worker's village centre when this is a bound worker whose village has one; else the county town. */
export async function fallbackCentre(user: User | null): Promise<Centre> {
  if (user?.role !== 'worker') return COUNTY_CENTRE;
  try {
    const worker = await fetchMyWorker();
    if (!worker) return COUNTY_CENTRE;
    const { region } = await fetchRegion(worker.villageCode);
    return region.center ? { point: region.center, source: 'village', label: region.name } : COUNTY_CENTRE;
  } catch {
    return COUNTY_CENTRE;
  }
}

/** Says which centre is used, in plain words. */
export function centreText(centre: Centre): string {
  if (centre.source === 'device') return '地图以您现在的位置为中心。';
  if (centre.source === 'village') return `地图以您家所在的${centre.label}为中心。`;
  return `地图以${centre.label}为中心。`;
}

// ---------------------------------------------------------------- between pages

let remembered: Centre | null = null;

export function rememberCentre(centre: Centre): void {
  remembered = centre;
}

export function recallCentre(): Centre | null {
  return remembered;
}
