/** The village a post or project is in: a township officer picks one of theirs; a county officer the township first. */
import { useState } from 'react';
import { useRegionChildren } from '../hooks/useRegionChildren';
import { ChoiceField } from '../components/form/ChoiceField';
import { Notice } from '../components/Page';

export function VillageChoice({
  accountRegion,
  value,
  onChange,
  error,
  question,
  testId,
}: {
  /** 为哪个村（嘎查）设岗？ */
  question: string;
  /** The choices are `${testId}-township-<code>` and `${testId}-village-<code>`. */
  testId: string;
  accountRegion: string;
  value: string | undefined;
  onChange: (villageCode: string) => void;
  error?: string | undefined;
}) {
  const [township, setTownship] = useState(accountRegion.length === 9 ? accountRegion : value?.slice(0, 9));
  const county = useRegionChildren(accountRegion.length < 9 ? accountRegion : undefined);
  const { children: villages, failure: villagesFailure } = useRegionChildren(township);
  const townships = county.children;
  const failure = county.failure ?? villagesFailure;
  return (
    <>
      {failure ? <Notice tone="error">没能加载地区：{failure}</Notice> : null}
      {townships.length ? (
        <ChoiceField
          label="在哪个镇（苏木）？"
          options={townships.map((t) => ({ value: t.code, label: t.name }))}
          value={township}
          onChange={setTownship}
          columns="wrap"
          testIdPrefix={`${testId}-township-`}
          group="乡镇"
        />
      ) : null}
      {villages.length ? (
        <ChoiceField
          label={question}
          error={error}
          testId={`${testId}-village`}
          options={villages.map((v) => ({ value: v.code, label: v.name }))}
          value={value}
          onChange={onChange}
          columns="wrap"
          testIdPrefix={`${testId}-village-`}
          group="村"
        />
      ) : null}
    </>
  );
}
