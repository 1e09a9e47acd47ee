/**
 * One 就业服务网点 as the map shows it when tapped, and as its staff see it: its name and kind,
 * whether it is open now and when it opens or closes (China's clock, worked out here so a
 * card left open stays right), today's and the week's hours, the address, what it does, and
 * a big 打电话 (on WeChat also 导航, WeChat's own map to the door).
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  dialNumber,
  openStatus,
  SERVICE_POINT_KIND_ZH,
  SERVICE_TAG_ZH,
  todayHoursText,
  weeklyHoursText,
  type PublicServicePoint,
} from '@bangfu/shared';
import './servicePoint.css';

/** What the card shows: a point of the map (MapServicePoint) or of the staff list (StaffServicePoint). */
export type ServicePointCardPoint = Pick<
  PublicServicePoint,
  'pointId' | 'kind' | 'name' | 'address' | 'location' | 'phone' | 'hours' | 'services' | 'demo'
>;

export interface ServicePointCardProps {
  point: ServicePointCardPoint;
  /** The clock the open/closed words are read at; now by default. */
  now?: Date;
  /** Offer 打电话 (true by default; a staff list may leave it out). */
  callable?: boolean;
  /** `${testId}-status`, `${testId}-call`, `${testId}-navigate`; `service-point` by default. */
  testId?: string;
}

export function ServicePointCard({ point, now = new Date(), callable = true, testId = 'service-point' }: ServicePointCardProps) {
  const status = openStatus(point.hours, now);
  const call = () => {
    Taro.makePhoneCall({ phoneNumber: dialNumber(point.phone) }).catch(() => undefined);
  };
  const navigate = () => {
    Taro.openLocation({
      latitude: point.location.lat,
      longitude: point.location.lng,
      name: point.name,
      address: point.address,
      scale: 16,
    }).catch(() => undefined);
  };
  return (
    <View className="bf-section" data-testid={testId}>
      <View className="bf-subtitle">{point.name}</View>
      <View className="bf-point__kind">{SERVICE_POINT_KIND_ZH[point.kind]}</View>
      <View
        className={`bf-point__status ${status.open ? 'bf-point__status--open' : 'bf-point__status--closed'}`}
        data-testid={`${testId}-status`}
      >
        {status.text}
      </View>
      <View className="bf-text">
        <View className="bf-point__line">{todayHoursText(point.hours, now)}</View>
        <View className="bf-point__line">平时：{weeklyHoursText(point.hours)}</View>
        {point.hours.note ? <View className="bf-point__line">{point.hours.note}</View> : null}
        <View className="bf-point__line">地址：{point.address}</View>
        <View className="bf-point__line" data-testid={`${testId}-phone`}>
          电话：{point.phone}
        </View>
        <View className="bf-tags" aria-label="可以办的事">
          {point.services.map((tag) => (
            <View key={tag} className="bf-chip bf-point__service">
              {SERVICE_TAG_ZH[tag]}
            </View>
          ))}
        </View>
        {point.demo ? <View className="bf-hint">演示数据：电话号码是编的，请不要拨打。</View> : null}
      </View>
      {callable ? (
        <Button type="primary" size="large" block onClick={call} data-testid={`${testId}-call`}>
          打电话
        </Button>
      ) : null}
      {callable && process.env.TARO_ENV === 'weapp' ? (
        <Button size="large" block onClick={navigate} data-testid={`${testId}-navigate`}>
          导航去这里
        </Button>
      ) : null}
    </View>
  );
}
