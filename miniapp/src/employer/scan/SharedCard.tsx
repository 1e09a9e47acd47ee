/**
 * 扫码看求职者, the parts: the wait while the worker is asked on their phone, and the record
 * the worker agreed to share — name, phone (tap to call), age, skills, certificates, what
 * work they want — with the date the consent ends.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatYuan, occupationName } from '@bangfu/shared';
import { useEffect, useState } from 'react';
import type { SharedCard } from '../../api/helpCodes';
import { Notice } from '../../components/Page';
import { JOB_TYPE_ZH, TRAVEL_SCOPE_ZH } from '../../labels';
import { clockText, fullDayText } from '../../time';
import '../../components/scan/scanResult.css';

type Certificate = SharedCard['certificates'][number];

const LEVEL_ZH: Record<NonNullable<Certificate['level']>, string> = {
  '1': '一级',
  '2': '二级',
  '3': '三级',
  '4': '四级',
  '5': '五级',
  special: '特种作业',
};

function certificateText(c: Certificate): string {
  const trade = c.occupation ? (occupationName(c.occupation) ?? c.occupation) : undefined;
  const parts = [c.name, trade && trade !== c.name ? `（${trade}）` : '', c.level ? ` ${LEVEL_ZH[c.level]}` : ''];
  return `${parts.join('')}，${c.obtainedOn.slice(0, 4)}年取得`;
}

/** Waiting for the worker's answer: what to tell them, and dots that move so the page is not frozen. */
export function WaitingView({ expiresAt, onStop }: { expiresAt: string; onStop: () => void }) {
  const [dots, setDots] = useState(1);
  useEffect(() => {
    const timer = setInterval(() => setDots((n) => (n % 3) + 1), 700);
    return () => clearInterval(timer);
  }, []);
  return (
    <View className="bf-section" data-testid="scan-waiting">
      <View className="bf-done">
        <View className="bf-done__title">已发到对方手机上，请对方点「同意」</View>
        <View className="bf-scan-line" role="status">
          正在等对方回复{'.'.repeat(dots)}
        </View>
      </View>
      <View className="bf-text">
        对方同意以后，这里会自动显示对方的姓名、电话和求职信息。{clockText(expiresAt)} 以前没有回复，就要重新扫码。
      </View>
      <Button size="large" block onClick={onStop} data-testid="scan-stop-waiting">
        不等了，再扫一个
      </Button>
    </View>
  );
}

export function SharedCardView({ shared }: { shared: SharedCard }) {
  const p = shared.preferences;
  const skills = shared.skills.map((code) => occupationName(code) ?? code);
  return (
    <View className="bf-scan-card" data-testid="scan-shared">
      <View className="bf-scan-name" data-testid="scan-shared-name">
        {shared.name}
      </View>
      <View className="bf-scan-line">{shared.age} 岁</View>
      {shared.phone ? (
        <>
          <View className="bf-scan-line bf-strong" data-testid="scan-shared-phone">
            电话：{shared.phone}
          </View>
          <Button
            type="primary"
            size="large"
            block
            onClick={() => {
              Taro.makePhoneCall({ phoneNumber: shared.phone! }).catch(() => undefined);
            }}
            data-testid="scan-call"
          >
            打电话
          </Button>
        </>
      ) : (
        <View className="bf-scan-line">没有登记电话</View>
      )}
      <View className="bf-scan-line">技能：{skills.length ? skills.join('、') : '没有登记'}</View>
      <View className="bf-subtitle">证书</View>
      {shared.certificates.length ? (
        shared.certificates.map((c, i) => (
          <View key={`${c.name}-${i}`} className="bf-scan-line">
            {certificateText(c)}
          </View>
        ))
      ) : (
        <View className="bf-scan-line">没有登记</View>
      )}
      <View className="bf-subtitle">找工作的意向</View>
      <View className="bf-scan-line">愿意去多远：{TRAVEL_SCOPE_ZH[p.travelScope]}</View>
      <View className="bf-scan-line">
        希望每月挣：{p.expectedMonthlyWageFen !== undefined ? formatYuan(p.expectedMonthlyWageFen) : '没有填'}
      </View>
      <View className="bf-scan-line">
        想做的工作：{p.jobTypes.length ? p.jobTypes.map((t) => JOB_TYPE_ZH[t]).join('、') : '没有选'}
      </View>
      <Notice testId="scan-shared-until">
        对方同意您看到 {fullDayText(shared.endsAt)} 为止。只能用来联系招工，不要转给别人；对方随时可以收回。
      </Notice>
    </View>
  );
}
