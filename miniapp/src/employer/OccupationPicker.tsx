/** The occupation of a position, from the shared dictionary: type a word (缝纫工, 电焊) or tap a common one. */
import { View } from '@tarojs/components';
import { OCCUPATIONS, occupationName } from '@bangfu/shared';
import { useState } from 'react';
import { BigInput } from '../components/BigInput';
import { Choices } from '../components/Choices';

/** Shown before anything is typed: the trades most jobs here are in. */
const COMMON = [
  'factory_operator',
  'sewing_worker',
  'cleaner',
  'construction_labourer',
  'crop_grower',
  'livestock_keeper',
  'food_processor',
  'cook',
];
const MAX_SHOWN = 8;

function matches(query: string): string[] {
  const q = query.trim();
  if (!q) return COMMON;
  return OCCUPATIONS.filter((o) => o.name.includes(q) || o.aliases.some((a) => a.includes(q) || q.includes(a)))
    .slice(0, MAX_SHOWN)
    .map((o) => o.code);
}

export function OccupationPicker({ value, onChange }: { value: string | undefined; onChange: (code: string) => void }) {
  const [query, setQuery] = useState('');
  const codes = matches(query);
  const shown = value && !codes.includes(value) ? [value, ...codes] : codes;
  return (
    <View>
      <BigInput
        value={query}
        onChange={setQuery}
        placeholder="输入工种找一找，例如 缝纫"
        maxLength={20}
        testId="occupation-search"
      />
      <View className="bf-hint">
        {query.trim() ? (codes.length ? '点一个：' : '没有找到，换个说法试试，例如“普工”“保洁”') : '常见的工种：'}
      </View>
      <Choices
        options={shown.map((code) => ({ value: code, label: occupationName(code) ?? code }))}
        value={value}
        onChange={onChange}
        columns="wrap"
        testIdPrefix="occupation-"
        label="工种"
      />
    </View>
  );
}
