/**
 * 打印二维码海报 (码到农家): one PDF of posters for the open positions of the officer's area, or
 * one of its villages' service points, to print and put up in the villages. A county can print
 * one township at a time (the API makes at most 200 posters at once and says so).
 */
import { View } from '@tarojs/components';
import type { User } from '@bangfu/shared';
import { useState } from 'react';
import { errorText } from '../../../api/client';
import { openFile } from '../../../api/files';
import { ActionButton } from '../../../components/ActionButton';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { PosterRegion, type Area } from '../../scan/PosterRegion';
import { NoStaffRegion } from '../../staffRegion';

type What = 'positions' | 'villages';

const WHAT: Record<What, { button: string; file: string }> = {
  positions: { button: '下载本地区在招岗位海报（PDF）', file: '在招岗位海报' },
  villages: { button: '下载各村就业服务点海报（PDF）', file: '村就业服务点海报' },
};

const OPENED =
  process.env.TARO_ENV === 'h5'
    ? '已下载。请在电脑或手机的“下载”里找到这个文件打印。'
    : '已打开。点右上角「…」可以发给电脑或打印店打印。';

function Posters({ home }: { home: Area }) {
  const [trail, setTrail] = useState<Area[]>([home]);
  const area = trail[trail.length - 1]!;
  const [busy, setBusy] = useState<What | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const download = async (what: What) => {
    setBusy(what);
    setDone(null);
    setProblem(null);
    try {
      const query = `regionCode=${encodeURIComponent(area.code)}&what=${what}`;
      await openFile(`/api/v1/codes/posters?${query}`, `${WHAT[what].file}-${area.name}.pdf`);
      setDone(`${WHAT[what].file}（${area.name}）${OPENED}`);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  const printable = area.code.length >= 6;
  return (
    <>
      <View className="bf-text">
        打印出来，贴在村委会、村就业服务点、集市这些人多的地方。群众用微信扫海报上的码：岗位海报打开这个岗位，能直接报名；村服务点海报打开本村的就业服务点，能看到联系哪位工作人员、附近的工作和能领的补贴。
      </View>
      <PosterRegion
        trail={trail}
        onTrail={(next) => {
          setTrail(next);
          setDone(null);
          setProblem(null);
        }}
      />
      {printable ? (
        <View className="bf-section">
          {(Object.keys(WHAT) as What[]).map((what) => (
            <ActionButton key={what} busy={busy === what} onPress={() => download(what)} testId={`posters-${what}`}>
              {WHAT[what].button}
            </ActionButton>
          ))}
          <View className="bf-hint">每张海报一页。岗位招满或下架以后，扫码会说明已经结束，不会把人带错地方。</View>
        </View>
      ) : null}
      {problem ? (
        <Notice tone="error" testId="posters-problem">
          没能下载：{problem}
        </Notice>
      ) : null}
      {done ? <Notice testId="posters-done">{done}</Notice> : null}
    </>
  );
}

function PostersFor({ user }: { user: User }) {
  if (!user.regionCode) {
    return <NoStaffRegion />;
  }
  return <Posters home={{ code: user.regionCode, name: user.regionName ?? user.regionCode }} />;
}

export default function PostersPage() {
  return <RolePage title="打印二维码海报" roles={['staff', 'admin']} show={(user) => <PostersFor user={user} />} />;
}
