/**
 * 政策文件: the documents that govern the region — its own recorded ones and those of the
 * regions above it, and its own waiting for a second admin — each with its number, dates and whether it holds today, what it grants
 * and what it set; first, the local standards the region still owes (当地标准还没有公布),
 * each with the passage that leaves the amount to the region.
 */
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { OwedStandardView, PolicyView, RegionPolicies } from '../../../api/policies';
import { Notice } from '../../../components/Page';
import { fullDayText } from '../../../time';
import { valueText } from './standardText';
import { WaitingDocument } from './WaitingDocument';

const STATUS_ZH: Record<PolicyView['status'], string> = { inForce: '执行中', ended: '已到期', notYet: '还没开始' };

function periodText({ from, until }: PolicyView['inForce']): string {
  return until ? `${fullDayText(from)} 至 ${fullDayText(until)}` : `${fullDayText(from)}起，没有写截止日期`;
}

function OwedCard({ owed }: { owed: OwedStandardView }) {
  return (
    <View className="bf-card bf-standard" data-testid={`owed-${owed.key}`}>
      <View className="bf-standard__label">{owed.label}</View>
      <View className="bf-row__line">用于：{owed.subsidies.map((s) => s.name).join('、')}</View>
      <View className="bf-row__line bf-hint">
        依据：{owed.reference.document} {owed.reference.section}（文件把标准交给当地定）
      </View>
    </View>
  );
}

function PolicyCard({ policy }: { policy: PolicyView }) {
  return (
    <View className="bf-card bf-standard" data-testid={`policy-${policy.policy}`}>
      <View className="bf-standard__label">
        <Text>{policy.title}</Text>
        <Text
          className={`bf-state ${policy.status === 'inForce' ? 'bf-state--reported' : 'bf-state--pending'}`}
          data-testid={`policy-${policy.policy}-status`}
        >
          {STATUS_ZH[policy.status]}
        </Text>
      </View>
      <View className="bf-row__line">
        {policy.issuer}
        {policy.number ? `，${policy.number}` : ''}
        {policy.date ? `，${fullDayText(policy.date)}` : ''}
      </View>
      <View className="bf-row__line">管辖：{policy.jurisdictionName}</View>
      <View className="bf-row__line bf-strong">执行期：{periodText(policy.inForce)}</View>
      {policy.inForceBasis ? <View className="bf-row__line bf-hint">（{policy.inForceBasis}）</View> : null}
      {policy.demo ? (
        <View className="bf-row__line bf-row__month" data-testid={`policy-${policy.policy}-demo`}>
          演示数据：这不是哪个政府真正发的文件。
        </View>
      ) : null}
      {policy.grants.length > 0 ? (
        <View className="bf-standard__own">
          <View className="bf-strong">{policy.continues.length > 0 ? '延续执行的补贴' : '规定的补贴'}</View>
          {policy.grants.map((g) => (
            <View key={`${g.subsidy}-${g.section}`} className="bf-row__line">
              · {g.name}（{g.section}
              {g.until ? `，执行到 ${fullDayText(g.until)}` : ''}）
            </View>
          ))}
        </View>
      ) : null}
      {policy.sets.length > 0 ? (
        <View className="bf-standard__own">
          <View className="bf-strong">定的标准</View>
          {policy.sets.map((s) => (
            <View key={s.key} className="bf-row__line">
              · {s.label}：{s.value === null ? '停止执行' : valueText(s, s.value)}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export function PoliciesTab({
  policies,
  regionCode,
  me,
  canRecord,
  onRecord,
  onConfirmed,
}: {
  policies: RegionPolicies;
  regionCode: string;
  me: string;
  canRecord: boolean;
  onRecord: () => void;
  onConfirmed: (said: string) => void;
}) {
  return (
    <>
      {policies.waiting.length > 0 ? (
        <>
          <View className="bf-subtitle">等待另一位管理员确认的文件</View>
          <View className="bf-cards">
            {policies.waiting.map((waiting) => (
              <WaitingDocument
                key={waiting.documentId}
                waiting={waiting}
                regionCode={regionCode}
                me={me}
                canConfirm={canRecord}
                onConfirmed={onConfirmed}
              />
            ))}
          </View>
        </>
      ) : null}
      {policies.owed.length > 0 ? (
        <>
          <Notice testId="policies-owed">
            还有 {policies.owed.length} 项标准本地区还没有公布：群众看到的是“当地标准还没有公布”，算不出金额。
          </Notice>
          <View className="bf-cards">
            {policies.owed.map((owed) => (
              <OwedCard key={owed.key} owed={owed} />
            ))}
          </View>
        </>
      ) : (
        <Notice testId="policies-none-owed">本地区执行的补贴，标准都已经公布了。</Notice>
      )}
      {canRecord ? (
        <Button type="primary" size="large" block onClick={onRecord} data-testid="policies-record">
          记录本地的文件
        </Button>
      ) : null}
      <View className="bf-subtitle">管本地区的政策文件</View>
      <View className="bf-hint">只有管本地区的文件才算数：别的省、市的文件在这里不执行。</View>
      <View className="bf-cards">
        {policies.policies.map((policy) => (
          <PolicyCard key={policy.policy} policy={policy} />
        ))}
      </View>
    </>
  );
}
