/**
 * One line of 个人信息使用记录: when (China time), who (an office or an employer, never a
 * person's name), what they did and why; for a consent the worker gave, whether it still
 * lasts, with 收回授权 while it does.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DataUse } from '../../api/helpCodes';
import { chinaDate, dayText } from '../../time';

const CHINA_OFFSET_MS = 8 * 3600_000;

/** "11月5日 14:07", with the year in front when it is not this year's. */
export function whenText(at: string, now = new Date()): string {
  const instant = new Date(at);
  const china = new Date(instant.getTime() + CHINA_OFFSET_MS);
  const time = `${china.getUTCHours()}:${String(china.getUTCMinutes()).padStart(2, '0')}`;
  const year = chinaDate(instant).slice(0, 4);
  const prefix = year === chinaDate(now).slice(0, 4) ? '' : `${year}年`;
  return `${prefix}${dayText(at)} ${time}`;
}

function ShareState({
  share,
  busy,
  onWithdraw,
}: {
  share: NonNullable<DataUse['share']>;
  busy: boolean;
  onWithdraw: () => void;
}) {
  if (!share.active) {
    const ended = Date.parse(share.endsAt) <= Date.now();
    return (
      <View className="bf-use__share bf-strong" data-testid="share-ended">
        {ended ? '授权已结束' : '授权已收回'}
      </View>
    );
  }
  return (
    <View className="bf-use__share">
      <View className="bf-strong">对方到 {whenText(share.endsAt)} 前能看到您的信息</View>
      <Button size="large" block loading={busy} disabled={busy} onClick={onWithdraw} data-testid="withdraw-share">
        收回授权
      </Button>
    </View>
  );
}

export function DataUseEntry({ entry, busy, onWithdraw }: { entry: DataUse; busy: boolean; onWithdraw: () => void }) {
  return (
    <View className="bf-use" role="listitem" data-testid="data-use-entry">
      <View className="bf-use__when">{whenText(entry.at)}</View>
      <View className="bf-use__who">{entry.who}</View>
      <View className="bf-use__what">{entry.what}</View>
      {entry.reason ? <View className="bf-use__reason">原因：{entry.reason}</View> : null}
      {entry.share ? <ShareState share={entry.share} busy={busy} onWithdraw={onWithdraw} /> : null}
    </View>
  );
}
