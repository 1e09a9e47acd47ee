/** The position as workers will read it, shown on the last step before it is sent. */
import { View } from '@tarojs/components';
import { occupationName, yuanToFen } from '@bangfu/shared';
import { POSITION_FORM_ZH } from '../labels';
import { payText, seasonText } from '../positionText';
import type { Draft } from './positionForm';

export function PositionSummary({ draft }: { draft: Draft }) {
  const occupationWord = draft.occupation ? occupationName(draft.occupation) : undefined;
  return (
    <View className="bf-notice" data-testid="edit-summary">
      <View className="bf-strong">{draft.title.trim() || '（没有名称）'}</View>
      {occupationWord ? <View>工种：{occupationWord}</View> : null}
      {yuanToFen(draft.min) !== undefined ? (
        <View>
          {payText({
            unit: draft.unit,
            minFen: yuanToFen(draft.min)!,
            maxFen: (draft.max.trim() ? yuanToFen(draft.max) : undefined) ?? yuanToFen(draft.min)!,
            ...(draft.pieceNote.trim() ? { pieceNote: draft.pieceNote.trim() } : {}),
          })}
        </View>
      ) : null}
      {draft.form ? (
        <View>
          {POSITION_FORM_ZH[draft.form]}
          {draft.form === 'seasonal' && draft.months.length ? `（${seasonText(draft.months.map(Number))}）` : ''}
        </View>
      ) : null}
    </View>
  );
}
