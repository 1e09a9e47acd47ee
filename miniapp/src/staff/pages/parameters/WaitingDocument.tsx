/**
 * A local document one admin recorded, waiting for another (四眼): its particulars and what it
 * would set. Another admin, having checked it against the paper document, puts it in force; the
 * one who recorded it is told it waits for someone else. Staff only look.
 */
import { View } from '@tarojs/components';
import { confirmLocalDocument, type WaitingDocumentView } from '../../../api/policies';
import { fullDayText } from '../../../time';
import { SecondAdminConfirm, type SecondLook } from './SecondAdminConfirm';
import { valueText } from './standardText';

export function WaitingDocument({
  waiting,
  regionCode,
  me,
  canConfirm,
  onConfirmed,
}: SecondLook & { waiting: WaitingDocumentView }) {
  const { from, until } = waiting.inForce;
  return (
    <View className="bf-card bf-standard" data-testid={`waiting-${waiting.documentId}`}>
      <View className="bf-standard__label">{waiting.title}</View>
      <View className="bf-row__line">
        {waiting.issuer}
        {waiting.number ? `，${waiting.number}` : ''}，{fullDayText(waiting.date)}
      </View>
      <View className="bf-row__line bf-strong">
        执行期：{fullDayText(from)}
        {until ? ` 至 ${fullDayText(until)}` : '起'}
      </View>
      {waiting.continues.length > 0 ? <View className="bf-row__line">延续执行：文件 {waiting.continues.join('、')}</View> : null}
      {waiting.sets.length > 0 ? (
        <View className="bf-standard__own">
          <View className="bf-strong">要定的标准</View>
          {waiting.sets.map((s) => (
            <View key={s.key} className="bf-row__line">
              · {s.label}：{s.value === null ? '停止执行' : valueText(s, s.value)}
            </View>
          ))}
        </View>
      ) : null}
      <SecondAdminConfirm
        by={waiting.recordedBy}
        at={waiting.recordedAt}
        did="记录"
        me={me}
        canConfirm={canConfirm}
        confirm={() => confirmLocalDocument(regionCode, waiting.documentId)}
        confirmed={`已确认：${waiting.title}生效了${waiting.sets.length ? `，${waiting.sets.length} 项标准按它执行` : ''}。`}
        onConfirmed={onConfirmed}
        label="已对照原件核对，确认这份文件"
        testId={`waiting-${waiting.documentId}-confirm`}
      />
    </View>
  );
}
