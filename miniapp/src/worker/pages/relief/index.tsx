/**
 * 以工代赈工资: a worker on a 以工代赈 project sees the days and pay the contractor entered for them
 * each month and confirms with one tap (签字确认), or says it is wrong — which warns the county at
 * once (欠薪防控预警) — and then whether it was paid to their card, and says whether the money came
 * (收到了 / 没收到, which warns the county too: 'paid' is the contractor's word until then).
 */
import { View } from '@tarojs/components';
import { formatYuan, WAGE_LINE_STATUS_ZH } from '@bangfu/shared';
import { useState } from 'react';
import { answerWages, fetchMyWages, type OwnWageLine } from '../../../api/reliefWork';
import { ConfirmOrDispute } from '../../../components/ConfirmOrDispute';
import { BindFirst, LoadView } from '../../../components/LoadView';
import { Notice } from '../../../components/Page';
import { ReceivedOrNot } from '../../../components/ReceivedOrNot';
import { RolePage } from '../../../components/RoleGate';
import { useLoad } from '../../../hooks/useLoad';
import { deviceId } from '../../../state/device';
import { fullDayText, monthText } from '../../../time';

const lineKey = (line: OwnWageLine) => `${line.projectId}-${line.month}`;

function Answer({ line, onAnswered }: { line: OwnWageLine; onAnswered: (said: string) => void }) {
  return (
    <ConfirmOrDispute
      testId={`wage-${lineKey(line)}`}
      disputeHint="比如实际干了几天、该发多少，旗县会过问"
      disputeTo="告诉旗县和施工单位"
      onDone={onAnswered}
      onConfirm={async (device) => {
        await answerWages(line.projectId, line.month, { version: line.version, answer: 'confirm', device });
        return '已确认。施工单位会通过银行卡发到您本人的卡上。';
      }}
      onDispute={async (note, device) => {
        await answerWages(line.projectId, line.month, { version: line.version, answer: 'dispute', note, device });
        return '已经告诉旗县（欠薪预警）和施工单位，会有人核对。';
      }}
    />
  );
}

/** Once the contractor recorded the payment: did the money reach the person's card? 没收到 warns the county. */
function Receipt({ line, onAnswered }: { line: OwnWageLine; onAnswered: (said: string) => void }) {
  return (
    <ReceivedOrNot
      testId={`wage-${lineKey(line)}`}
      onAnswered={onAnswered}
      say={async (answer) => {
        await answerWages(line.projectId, line.month, { version: line.version, answer, device: deviceId() });
        return answer === 'received'
          ? '好的，记下了：钱已经到您的卡上。'
          : '已经告诉旗县（欠薪预警），会有人核对这笔钱发到了哪里。';
      }}
    />
  );
}

const RECEIPT_ZH = { true: '，您已确认收到', false: '，您说没有收到' } as const;

function WageLine({ line, onAnswered }: { line: OwnWageLine; onAnswered: (said: string) => void }) {
  return (
    <View className="bf-card" data-testid={`wage-line-${lineKey(line)}`}>
      <View className="bf-card__title">
        {monthText(line.month)}：{line.days} 天，{formatYuan(line.payFen)}
      </View>
      <View className="bf-card__hint">
        {line.projectName} · {line.contractorName}
      </View>
      <View className="bf-card__hint" data-testid={`wage-status-${lineKey(line)}`}>
        {WAGE_LINE_STATUS_ZH[line.status]}
        {line.paidOn ? `（${fullDayText(line.paidOn)}）` : ''}
        {line.disputeNote ? `：${line.disputeNote}` : ''}
        {line.received === undefined ? '' : RECEIPT_ZH[`${line.received}`]}
      </View>
      {line.warned ? (
        <View className="bf-card__hint" data-testid={`wage-warned-${lineKey(line)}`}>
          已向旗县发出欠薪预警，旗县会过问。
        </View>
      ) : null}
      {line.status === 'entered' ? <Answer line={line} onAnswered={onAnswered} /> : null}
      {line.status === 'paid' && line.received === undefined ? <Receipt line={line} onAnswered={onAnswered} /> : null}
    </View>
  );
}

function MyWages() {
  const { load, retry, reload } = useLoad(fetchMyWages, { missingOn404: true });
  const [said, setSaid] = useState<string | null>(null);
  return (
    <LoadView load={load} retry={retry} missing={<BindFirst>绑定身份以后，才能看到您的以工代赈工资。</BindFirst>}>
      {({ lines }) => (
        <View className="bf-section">
          {said ? <Notice testId="wages-said">{said}</Notice> : null}
          {lines.length ? (
            lines.map((line) => (
              <WageLine
                key={lineKey(line)}
                line={line}
                onAnswered={(text) => {
                  setSaid(text);
                  void reload();
                }}
              />
            ))
          ) : (
            <Notice testId="wages-none">这几个月没有您的以工代赈工资。在以工代赈项目上干活的，施工单位每月会在这里填。</Notice>
          )}
        </View>
      )}
    </LoadView>
  );
}

export default function ReliefWagesPage() {
  return <RolePage title="以工代赈工资" roles={['worker']} show={() => <MyWages />} />;
}
