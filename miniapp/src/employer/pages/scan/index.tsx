/**
 * 扫码看求职者: at a job fair the employer scans a job seeker's 就业帮扶码. Nothing of theirs is
 * shown until they agree on their own phone: meanwhile the page waits (looking again every
 * 3 s); once they agree, their name, phone and job wishes until the consent ends. A refusal,
 * a lapsed request or a withdrawn consent says so; a poster's code opens its page; a code
 * that does not work says why, and the scanner stays ready.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useRef, useState } from 'react';
import { errorText } from '../../../api/client';
import { scanCode, type ScanResult, type SharedCard } from '../../../api/helpCodes';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { CodeScanner } from '../../../components/scan/CodeScanner';
import { SharedCardView, WaitingView } from '../../scan/SharedCard';
import { useConsentWait, type Waiting } from '../../scan/useConsentWait';
import { ScanProblem } from '../../../components/scan/ScanProblem';
import '../../../components/scan/scanResult.css';

type Shown =
  | { step: 'scan'; problem?: string }
  | { step: 'looking' }
  | { step: 'waiting'; waiting: Waiting }
  | { step: 'shared'; shared: SharedCard }
  | { step: 'notShared' }
  | { step: 'lapsed' };

const NOT_FOR_EMPLOYERS = '这个码不能在这里用。请扫求职者手机上的就业帮扶码。';

/** What a scan (or the look again while waiting) means for the page. */
function shownOf(scan: ScanResult): Shown {
  switch (scan.result) {
    case 'consentNeeded':
      return { step: 'waiting', waiting: { scanId: scan.scanId, expiresAt: scan.requestExpiresAt } };
    case 'shared':
      return { step: 'shared', shared: scan.shared };
    case 'notShared':
      return { step: 'notShared' };
    default:
      return { step: 'scan', problem: NOT_FOR_EMPLOYERS };
  }
}

function EmployerScan() {
  const [shown, setShown] = useState<Shown>({ step: 'scan' });
  const looking = useRef(false);

  const look = async (text: string) => {
    if (looking.current) return;
    looking.current = true;
    setShown({ step: 'looking' });
    try {
      const scan = await scanCode(text);
      if (scan.result === 'open') {
        setShown({ step: 'scan' });
        Taro.navigateTo({ url: scan.target.page }).catch(() => undefined);
      } else setShown(shownOf(scan));
    } catch (error) {
      setShown({ step: 'scan', problem: errorText(error) });
    } finally {
      looking.current = false;
    }
  };

  useConsentWait(
    shown.step === 'waiting' ? shown.waiting : null,
    useCallback((answer: ScanResult | 'lapsed') => {
      setShown((now) => (now.step !== 'waiting' ? now : answer === 'lapsed' ? { step: 'lapsed' } : shownOf(answer)));
    }, []),
  );

  const again = () => {
    setShown({ step: 'scan' });
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };
  const againButton = (
    <Button size="large" block onClick={again} data-testid="scan-again">
      再扫一个
    </Button>
  );

  switch (shown.step) {
    case 'waiting':
      return <WaitingView expiresAt={shown.waiting.expiresAt} onStop={again} />;
    case 'shared':
      return (
        <View className="bf-section">
          <SharedCardView shared={shown.shared} />
          <View className="bf-hint">以后在首页「同意给我看信息的求职者」里还能找到对方。</View>
          {againButton}
        </View>
      );
    case 'notShared':
    case 'lapsed':
      return (
        <View className="bf-section">
          <Notice testId={shown.step === 'notShared' ? 'scan-not-shared' : 'scan-lapsed'}>
            <View className="bf-scan-problem">
              {shown.step === 'notShared' ? '对方没有同意，或已收回授权' : '对方没有及时回复，这次请求已经作废'}
            </View>
            <View>{shown.step === 'notShared' ? '看不到对方的信息。' : '如果对方愿意，请再扫一次对方的帮扶码。'}</View>
          </Notice>
          {againButton}
        </View>
      );
    default:
      return (
        <View className="bf-section">
          {shown.step === 'scan' && shown.problem ? <ScanProblem problem={shown.problem} /> : null}
          {shown.step === 'looking' ? (
            <Notice testId="scan-looking">正在查看这个码…</Notice>
          ) : (
            <CodeScanner
              label="扫求职者手机上的就业帮扶码"
              onCode={(text) => {
                look(text).catch(() => undefined);
              }}
            />
          )}
          <View className="bf-hint">扫码后，要等对方在自己手机上点「同意」，您才能看到对方的姓名、电话和求职信息。</View>
        </View>
      );
  }
}

export default function EmployerScanPage() {
  return <RolePage title="扫码看求职者" roles={['employer']} show={() => <EmployerScan />} />;
}
