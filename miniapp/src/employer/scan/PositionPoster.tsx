/**
 * 岗位海报 on an open position of 我的岗位: a printable poster of the position's code (PNG),
 * to put up at the workplace or in the villages. Sits inside the position's card, so its tap
 * does not also open the card.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { openFile } from '../../api/files';
import { Notice } from '../../components/Page';

export function PositionPoster({ positionId, title }: { positionId: string; title: string }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const open = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await openFile(`/api/v1/positions/${encodeURIComponent(positionId)}/poster`, `岗位海报-${title}.png`);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View onClick={(e) => e.stopPropagation()}>
      <Button
        size="large"
        block
        loading={busy}
        disabled={busy}
        onClick={(e) => {
          e.stopPropagation();
          open().catch(() => undefined);
        }}
        data-testid={`position-poster-${positionId}`}
      >
        岗位海报
      </Button>
      {problem ? <Notice tone="error">没能打开海报：{problem}</Notice> : null}
    </View>
  );
}
