/**
 * The township (9 digits) or village (12) an employer sits in, starting from the account's
 * region: a county account picks its township first. Tells the page the chosen place's centre,
 * where the map then starts.
 */
import type { LatLng } from '@bangfu/shared';
import { useEffect } from 'react';
import { useRegionChildren } from '../hooks/useRegionChildren';
import type { Option } from '../components/Choices';
import { ChoiceField } from '../components/form/ChoiceField';
import { Notice } from '../components/Page';

export function RegionPicker({
  accountRegion,
  value,
  onChange,
  error,
  onCentre,
}: {
  accountRegion: string;
  value: string | undefined;
  onChange: (code: string) => void;
  error?: string | undefined;
  onCentre: (centre: LatLng | undefined) => void;
}) {
  const townshipCode =
    value && value.length >= 9 ? value.slice(0, 9) : accountRegion.length >= 9 ? accountRegion.slice(0, 9) : undefined;
  // A county account picks its township first.
  const county = useRegionChildren(accountRegion.length < 9 ? accountRegion : undefined);
  const { region: township, children: villages, failure: villagesFailure } = useRegionChildren(townshipCode);
  const townships = county.children;
  const failure = county.failure ?? villagesFailure;

  useEffect(() => {
    const chosen = value && value.length === 12 ? villages.find((v) => v.code === value) : township;
    onCentre(chosen?.center ?? township?.center);
  }, [value, villages, township, onCentre]);

  const villageOptions: Option<string>[] = township
    ? [
        { value: township.code, label: `就在${township.name}上，不在村里` },
        ...villages.map((v) => ({ value: v.code, label: v.name })),
      ]
    : [];

  return (
    <>
      {townships.length ? (
        <ChoiceField
          label="在哪个镇（苏木）？"
          options={townships.map((t) => ({ value: t.code, label: t.name }))}
          value={townshipCode}
          onChange={onChange}
          columns="wrap"
          testIdPrefix="township-"
          group="乡镇"
        />
      ) : null}
      {township ? (
        <ChoiceField
          label={`在${township.name}的哪个村（嘎查）？`}
          error={error}
          testId="employer-region"
          options={villageOptions}
          value={value}
          onChange={onChange}
          columns="wrap"
          testIdPrefix="region-"
          group="村"
        />
      ) : (
        <Notice>正在加载地区…</Notice>
      )}
      {failure ? <Notice tone="error">没能加载地区：{failure}</Notice> : null}
    </>
  );
}
