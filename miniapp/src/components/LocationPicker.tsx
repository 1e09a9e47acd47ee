/**
 * Where a workplace (or a service point) is: chosen on a map (WeChat: its own place chooser, Taro.chooseLocation;
 * browser: a tap on the Leaflet map) or typed as latitude and longitude. GCJ-02 throughout.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { LatLng } from '@bangfu/shared';
import { useMemo, useState } from 'react';
import { Field } from './Field';
import { TextField } from './form/TextField';
import { JobMap } from './map/JobMap';
import type { MapFocus } from './map/types';
import { KEYBOARD } from './form/keyboards';

/** China's extent (GCJ-02), as the API checks it. */
function inChina(point: LatLng): boolean {
  return point.lat >= 3.8 && point.lat <= 53.6 && point.lng >= 73.5 && point.lng <= 135.1;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

export function LocationPicker({
  value,
  around,
  onChange,
  error,
  place = '单位',
}: {
  value: LatLng | undefined;
  /** Where the map starts when nothing is chosen yet (the region's centre). */
  around: LatLng;
  /** `address` when the chooser knows one (WeChat). */
  onChange: (point: LatLng, address?: string) => void;
  error?: string | null;
  /** What is being placed, in the hint: 单位, 服务网点. */
  place?: string;
}) {
  const [typing, setTyping] = useState(false);
  const [lat, setLat] = useState(value ? String(value.lat) : '');
  const [lng, setLng] = useState(value ? String(value.lng) : '');
  const [typedError, setTypedError] = useState<string | null>(null);
  const [chooseError, setChooseError] = useState<string | null>(null);
  // The map starts once, at the chosen place or the region; a tap does not move it.
  const focus = useMemo<MapFocus>(() => ({ center: value ?? around, zoom: value ? 15 : 13 }), [around]);
  const picked = useMemo(() => (value ? { point: value, label: '在这里' } : undefined), [value]);

  const choose = async () => {
    setChooseError(null);
    try {
      const start = value ?? around;
      const place = await Taro.chooseLocation({ latitude: start.lat, longitude: start.lng });
      onChange({ lat: round(place.latitude), lng: round(place.longitude) }, [place.address, place.name].filter(Boolean).join(''));
    } catch (e) {
      const message = (e as { errMsg?: string })?.errMsg ?? '';
      if (!/cancel/i.test(message)) setChooseError('没能打开地图选位置，可以改为直接填写经纬度。');
    }
  };

  const applyTyped = () => {
    const point = { lat: Number(lat.trim()), lng: Number(lng.trim()) };
    if (!lat.trim() || !lng.trim() || !Number.isFinite(point.lat) || !Number.isFinite(point.lng) || !inChina(point)) {
      setTypedError('请填数字：纬度在 3.8 到 53.6 之间，经度在 73.5 到 135.1 之间，例如 41.03 和 110.05');
      return;
    }
    setTypedError(null);
    onChange({ lat: round(point.lat), lng: round(point.lng) });
    setTyping(false);
  };

  return (
    <Field
      label="在地图上的位置"
      hint={process.env.TARO_ENV === 'weapp' ? `点下面的按钮，在地图上找到${place}` : `在地图上点一下${place}所在的地方`}
      error={error ?? chooseError}
      testId="location"
    >
      {process.env.TARO_ENV === 'weapp' ? (
        <Button type="primary" size="large" block onClick={() => void choose()} data-testid="location-choose">
          {value ? '重新在地图上选' : '在地图上选位置'}
        </Button>
      ) : (
        <JobMap
          focus={focus}
          picked={picked}
          onPick={(point) => onChange({ lat: round(point.lat), lng: round(point.lng) })}
          label="选位置的地图"
          testId="location-map"
        />
      )}
      <View className="bf-text" data-testid="location-value">
        {value ? `✓ 已选好：北纬 ${value.lat.toFixed(4)}，东经 ${value.lng.toFixed(4)}` : '还没有选位置'}
      </View>
      {typing ? (
        <View className="bf-filters">
          <TextField
            label="纬度（北纬）"
            error={typedError}
            value={lat}
            onChange={setLat}
            type={KEYBOARD.decimal}
            placeholder="例如 41.03"
            maxLength={12}
            testId="location-lat"
          />
          <TextField
            label="经度（东经）"
            value={lng}
            onChange={setLng}
            type={KEYBOARD.decimal}
            placeholder="例如 110.05"
            maxLength={12}
            testId="location-lng"
          />
          <View className="bf-button-row">
            <Button type="primary" size="large" onClick={applyTyped} data-testid="location-typed-ok">
              用这个位置
            </Button>
            <Button size="large" onClick={() => setTyping(false)}>
              不填了
            </Button>
          </View>
        </View>
      ) : (
        <View className="bf-link" role="button" onClick={() => setTyping(true)} data-testid="location-type">
          直接填写经纬度（坐标系 GCJ-02，和微信地图一样）
        </View>
      )}
    </Field>
  );
}
