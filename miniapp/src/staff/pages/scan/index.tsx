/**
 * 扫码服务: the officer scans a worker's 就业帮扶码 (or a position's or village service point's
 * poster). A worker of the officer's own area shows the service card, someone from elsewhere
 * the desk card (only what helps find a job); either way the officer records the service given
 * right there. A poster's code opens its page. A code that does not work (expired, renewed,
 * not ours) says why in a big box, and the scanner stays ready.
 */
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { isService311 } from '@bangfu/shared';
import { useRef, useState } from 'react';
import { errorText } from '../../../api/client';
import { scanCode, type DeskCard, type ServiceCard } from '../../../api/helpCodes';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { CodeScanner } from '../../../components/scan/CodeScanner';
import { DeskCardView, ServiceCardView } from '../../scan/ScanCards';
import { ScanService } from '../../scan/ScanService';
import { ScanProblem } from '../../../components/scan/ScanProblem';
import '../../../components/scan/scanResult.css';

type Shown =
  | { step: 'scan'; problem?: string }
  | { step: 'looking' }
  | { step: 'card'; scanId: string; card: ServiceCard }
  | { step: 'desk'; scanId: string; desk: DeskCard };

/** A code that is not a worker's nor a poster's (an employer's view of one cannot reach staff). */
const NOT_FOR_STAFF = '这个码不能在这里用。请扫群众手机上的就业帮扶码，或岗位、村就业服务点海报上的码。';

function StaffScan() {
  const [shown, setShown] = useState<Shown>({ step: 'scan' });
  // A second code while the first is being looked up is ignored.
  const looking = useRef(false);

  const look = async (text: string) => {
    if (looking.current) return;
    looking.current = true;
    setShown({ step: 'looking' });
    try {
      const found = await scanCode(text);
      if (found.result === 'card') setShown({ step: 'card', scanId: found.scanId, card: found.card });
      else if (found.result === 'desk') setShown({ step: 'desk', scanId: found.scanId, desk: found.desk });
      else if (found.result === 'open') {
        setShown({ step: 'scan' });
        Taro.navigateTo({ url: found.target.page }).catch(() => undefined);
      } else setShown({ step: 'scan', problem: NOT_FOR_STAFF });
    } catch (error) {
      setShown({ step: 'scan', problem: errorText(error) });
    } finally {
      looking.current = false;
    }
  };

  const again = () => {
    setShown({ step: 'scan' });
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  if (shown.step === 'scan' || shown.step === 'looking') {
    return (
      <View className="bf-section">
        {shown.step === 'scan' && shown.problem ? <ScanProblem problem={shown.problem} /> : null}
        {shown.step === 'looking' ? (
          <Notice testId="scan-looking">正在查看这个码…</Notice>
        ) : (
          <CodeScanner
            label="扫群众的就业帮扶码，或岗位、村服务点的码"
            onCode={(text) => {
              look(text).catch(() => undefined);
            }}
          />
        )}
        <View className="bf-hint">
          群众在微信里打开「帮扶就业」，点「我的帮扶码」，就能出示帮扶码。每次查看都会记下是谁、什么时间看的。
        </View>
      </View>
    );
  }

  return (
    <View className="bf-section">
      {shown.step === 'card' ? <ServiceCardView card={shown.card} /> : <DeskCardView desk={shown.desk} />}
      <ScanService
        key={shown.scanId}
        scanId={shown.scanId}
        onSaved={(kind) => {
          // The card's counts follow what was just recorded.
          if (!isService311(kind)) return;
          setShown((now) =>
            now.step === 'card' && now.scanId === shown.scanId
              ? { ...now, card: { ...now.card, services: { ...now.card.services, [kind]: now.card.services[kind] + 1 } } }
              : now,
          );
        }}
      />
      <Button size="large" block onClick={again} data-testid="scan-again">
        再扫一个
      </Button>
    </View>
  );
}

export default function StaffScanPage() {
  return <RolePage title="扫码服务" roles={['staff', 'admin']} show={() => <StaffScan />} />;
}
