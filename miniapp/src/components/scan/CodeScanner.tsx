/**
 * Scans a QR code and hands its text to `onCode`.
 * - WeChat (and other mini-programs): one big 扫码 button opening WeChat's own scanner
 *   (camera or album). Cancelling does nothing; any other failure says so plainly.
 * - H5: 打开相机扫码 (rear camera in the page) and 从相册选照片 (a photo), decoded with jsQR,
 *   which is loaded only on H5 and only when first needed.
 * `label` is an optional line above the buttons saying what to scan (e.g. “扫工友的登记码”).
 */
import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { H5Scanner } from './H5Scanner';
import { SCAN_TEXT } from './scanText';
import './scan.css';

export interface CodeScannerProps {
  /** The text of the code found. Called once per scan. */
  onCode: (text: string) => void;
  /** A short line above the buttons: what to scan. */
  label?: string;
}

export function CodeScanner(props: CodeScannerProps) {
  return process.env.TARO_ENV === 'h5' ? <H5Scanner {...props} /> : <MiniScanner {...props} />;
}

function cancelled(error: unknown): boolean {
  const errMsg = (error as { errMsg?: unknown } | null)?.errMsg;
  return typeof errMsg === 'string' && /cancel/i.test(errMsg);
}

/** Mini-programs: WeChat's scanner, camera or a photo from the album. */
function MiniScanner({ onCode, label }: CodeScannerProps) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const scan = async () => {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    let text: string | undefined;
    try {
      const result = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      text = result.result || undefined;
      if (!text && mounted.current) setProblem(SCAN_TEXT.scanFailed);
    } catch (error) {
      if (!cancelled(error) && mounted.current) setProblem(SCAN_TEXT.scanFailed);
    } finally {
      if (mounted.current) setBusy(false);
    }
    if (text && mounted.current) onCode(text);
  };

  return (
    <View className="bf-scan" data-testid="code-scanner">
      {label ? <View className="bf-scan__label">{label}</View> : null}
      {problem ? (
        <View className="bf-notice bf-notice--error" role="alert" data-testid="scan-problem">
          {problem}
        </View>
      ) : null}
      <Button
        className="bf-native-button bf-native-button--primary bf-scan__weapp"
        disabled={busy}
        onClick={() => {
          scan().catch(() => undefined);
        }}
        data-testid="scan-weapp"
      >
        {SCAN_TEXT.weappButton}
      </Button>
    </View>
  );
}
