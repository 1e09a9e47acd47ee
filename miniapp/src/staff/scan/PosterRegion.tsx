/**
 * Which area's posters to print: the officer's own area, or one part of it at a time (a
 * county prints one township, a township one village) — a PDF holds at most 200 posters.
 * Tapping a part goes down into it; 回到上一级 goes back up.
 */
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../../api/client';
import { fetchRegion, type Region } from '../../api/regions';
import { Choices } from '../../components/Choices';
import { Notice } from '../../components/Page';

export interface Area {
  code: string;
  name: string;
}

/** Village codes have 12 digits: nothing below them. */
const VILLAGE = 12;

const PART_WORD: Record<number, string> = { 2: '盟市', 4: '旗县', 6: '苏木乡镇', 9: '嘎查村' };

export function PosterRegion({ trail, onTrail }: { trail: Area[]; onTrail: (trail: Area[]) => void }) {
  const current = trail[trail.length - 1]!;
  const parent = trail.length > 1 ? trail[trail.length - 2] : undefined;
  const [parts, setParts] = useState<Region[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cache = useRef(new Map<string, Region[]>());

  useEffect(() => {
    if (current.code.length >= VILLAGE) return undefined;
    const known = cache.current.get(current.code);
    setParts(known ?? null);
    setError(null);
    if (known) return undefined;
    let gone = false;
    fetchRegion(current.code)
      .then(({ children }) => {
        cache.current.set(current.code, children);
        if (!gone) setParts(children);
      })
      .catch((e: unknown) => {
        if (!gone) setError(errorText(e));
      });
    return () => {
      gone = true;
    };
  }, [current.code]);

  const word = PART_WORD[current.code.length] ?? '地方';
  return (
    <View className="bf-section">
      <View className="bf-subtitle">打印哪里的海报</View>
      <View className="bf-text bf-strong" data-testid="posters-area">
        {current.name}
      </View>
      {parent ? (
        <Button size="large" block onClick={() => onTrail(trail.slice(0, -1))} data-testid="posters-up">
          回到上一级（{parent.name}）
        </Button>
      ) : null}
      {current.code.length >= VILLAGE ? null : (
        <>
          <View className="bf-hint">
            {current.code.length < 6
              ? `请先点一个${word}：海报按旗县或更小的地方打印。`
              : `也可以只打印其中一个${word}的，点它的名字：`}
          </View>
          {error ? <Notice tone="error">没能加载下一级地区：{error}</Notice> : null}
          {!parts && !error ? <Notice>正在加载…</Notice> : null}
          {parts?.length ? (
            <Choices
              options={parts.map((part) => ({ value: part.code, label: part.name }))}
              value={undefined}
              onChange={(code) => {
                const part = parts.find((p) => p.code === code);
                if (part) onTrail([...trail, { code: part.code, name: part.name }]);
              }}
              columns={2}
              testIdPrefix="posters-part-"
              label={`选${word}`}
            />
          ) : null}
        </>
      )}
    </View>
  );
}
