/**
 * Downloads a file the API writes (an XLSX report or sheet): on H5 into 下载, on WeChat opened
 * to forward to a computer or print. Says which, or why it failed.
 */
import { View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { errorText } from '../api/client';
import { openFile } from '../api/files';
import { ActionButton } from './ActionButton';
import { Notice } from './Page';

const OPENED = process.env.TARO_ENV === 'h5' ? '已下载，在“下载”里能找到。' : '已打开，可以转发给电脑或打印。';

export function FileButton({
  path,
  fileName,
  testId,
  children,
}: {
  path: string;
  fileName: string;
  testId: string;
  children: ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);
  const download = async () => {
    setBusy(true);
    setSaid(null);
    try {
      await openFile(path, fileName);
      setSaid({ text: OPENED, failed: false });
    } catch (error) {
      setSaid({ text: `没能下载：${errorText(error)}`, failed: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="bf-section">
      <ActionButton busy={busy} onPress={download} testId={testId}>
        {children}
      </ActionButton>
      {said ? (
        <Notice tone={said.failed ? 'error' : undefined} testId={`${testId}-said`}>
          {said.text}
        </Notice>
      ) : null}
    </View>
  );
}
