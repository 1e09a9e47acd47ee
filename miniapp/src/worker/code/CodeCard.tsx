/**
 * The code itself, big, on white with a quiet margin around it, and one line under it that
 * says what happens next: when a new code comes, or that the network failed and how long
 * this one still works, or that it has stopped working.
 */
import { Image, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { MyCode } from './useMyCode';

type Shown = Extract<MyCode, { phase: 'shown' }>;

const secondsUntil = (at: number, now: number) => Math.max(0, Math.ceil((at - now) / 1000));

export function CodeCard({
  state,
  now,
  busy,
  onRetry,
}: {
  state: Shown;
  now: number;
  /** A new code is being read. */
  busy: boolean;
  onRetry: () => void;
}) {
  // Once a refresh failed, its words stay until a new code comes: the retries under way must not make them flicker.
  if (now >= state.expiresAt) {
    return (
      <View className="bf-section">
        <View className="bf-qr bf-qr--gone" role="alert" data-testid="my-code-expired">
          {state.problem ? '码已过期，请连上网络后再打开' : '正在换新码…'}
        </View>
        {state.problem ? (
          <Button type="primary" size="large" block loading={busy} disabled={busy} onClick={onRetry} data-testid="my-code-retry">
            再试一次
          </Button>
        ) : null}
      </View>
    );
  }

  let status: string;
  if (state.problem) status = `网络不好，这个码还能用 ${secondsUntil(state.expiresAt, now)} 秒`;
  else if (busy && now >= state.refreshAt) status = '正在换新码…';
  else status = `${secondsUntil(state.refreshAt, now)} 秒后自动换新码`;

  return (
    <View className="bf-section">
      <View className="bf-qr">
        {process.env.TARO_ENV === 'h5' ? (
          // Taro's H5 Image puts an <img> without alt text inside its own element: screen readers need the words.
          <img className="bf-qr__image" src={state.code.qrPng} alt="我的就业帮扶码" data-testid="my-code-image" />
        ) : (
          <Image
            className="bf-qr__image"
            src={state.code.qrPng}
            mode="aspectFit"
            aria-label="我的就业帮扶码"
            data-testid="my-code-image"
          />
        )}
        <View className="bf-qr__say">请把这个码给工作人员扫</View>
      </View>
      <View
        className={state.problem ? 'bf-qr__status bf-qr__status--problem' : 'bf-qr__status'}
        role="status"
        data-testid="my-code-status"
      >
        {status}
      </View>
    </View>
  );
}
