/**
 * 公益岗位考勤: a holder of a public-welfare post sees the days the village recorded for them each
 * month and confirms with one tap (本月在岗 N 天 — the documents' 签字确认), which claims the
 * month's subsidy; or says it is wrong, and the village records it again. Then the money's way.
 */
import { View } from '@tarojs/components';
import { formatYuan } from '@bangfu/shared';
import { useState } from 'react';
import { answerAttendance, fetchMyPost, type MyPost, type OwnLine } from '../../../api/welfarePosts';
import { ConfirmOrDispute } from '../../../components/ConfirmOrDispute';
import { CLAIM_STATUS_ZH } from '../../../components/ClaimTimeline';
import { BindFirst, LoadView } from '../../../components/LoadView';
import { Notice } from '../../../components/Page';
import { RolePage } from '../../../components/RoleGate';
import { useLoad } from '../../../hooks/useLoad';
import { dayText, fullDayText, monthText } from '../../../time';

function Answer({ line, onAnswered }: { line: OwnLine; onAnswered: (said: string) => void }) {
  return (
    <ConfirmOrDispute
      testId={`post-${line.month}`}
      disputeHint="比如实际出勤几天，村里会重新核对"
      disputeTo="告诉村里"
      onDone={onAnswered}
      onConfirm={async (device) => {
        const answer = await answerAttendance(line.month, { version: line.version, answer: 'confirm', device });
        return answer.claim
          ? `已确认。${monthText(line.month)}的补贴 ${formatYuan(answer.claim.amountFen)} 已经申领，审核后发到您本人的卡上。`
          : `已确认。${answer.notClaimed ?? ''}`;
      }}
      onDispute={async (note, device) => {
        await answerAttendance(line.month, { version: line.version, answer: 'dispute', note, device });
        return '已经告诉村里，核对后会重新记录，到时请再来确认。';
      }}
    />
  );
}

function MonthLine({ line, onAnswered }: { line: OwnLine; onAnswered: (said: string) => void }) {
  return (
    <View className="bf-card" data-testid={`post-line-${line.month}`}>
      <View className="bf-card__title">
        {monthText(line.month)}在岗 {line.daysWorked} 天
      </View>
      <View className="bf-card__hint">
        应出勤 {line.daysRequired} 天，村里 {dayText(line.recordedAt)} 记录
      </View>
      {line.status === 'recorded' ? <Answer line={line} onAnswered={onAnswered} /> : null}
      {line.status === 'disputed' ? (
        <View className="bf-card__hint">您说不对：{line.disputeNote}。村里核对后会重新记录。</View>
      ) : null}
      {line.status === 'confirmed' ? (
        <View className="bf-card__hint" data-testid={`post-claim-${line.month}`}>
          {line.claim
            ? `您已确认 · 补贴 ${formatYuan(line.claim.amountFen)} · ${CLAIM_STATUS_ZH[line.claim.status]}`
            : '您已确认'}
        </View>
      ) : null}
    </View>
  );
}

function MyPostView({ data, reload }: { data: MyPost; reload: () => Promise<void> }) {
  const [said, setSaid] = useState<string | null>(null);
  if (!data.post) {
    return <Notice testId="post-none">您现在没有在公益性岗位上。想上岗的，可以问问村里。</Notice>;
  }
  const { post } = data;
  return (
    <View className="bf-section">
      <View className="bf-card" data-testid="post-mine">
        <View className="bf-card__title">{post.title}</View>
        <View className="bf-card__hint">{post.duties}</View>
        <View className="bf-card__hint">
          {post.fullTime ? '全日制' : '非全日制'} · 协议 {fullDayText(post.startsOn)} 到 {fullDayText(post.endsOn)}
          {post.onPost ? '' : '（已退岗）'}
        </View>
      </View>
      {said ? <Notice testId="post-said">{said}</Notice> : null}
      {data.lines.length ? (
        data.lines.map((line) => (
          <MonthLine
            key={line.month}
            line={line}
            onAnswered={(text) => {
              setSaid(text);
              void reload();
            }}
          />
        ))
      ) : (
        <Notice testId="post-no-lines">这几个月村里还没有记考勤。记好后会在这里请您确认。</Notice>
      )}
    </View>
  );
}

function PostLoad() {
  const { load, retry, reload } = useLoad(fetchMyPost, { missingOn404: true });
  return (
    <LoadView load={load} retry={retry} missing={<BindFirst>绑定身份以后，才能看到您在公益性岗位上的考勤。</BindFirst>}>
      {(data) => <MyPostView data={data} reload={reload} />}
    </LoadView>
  );
}

export default function PostPage() {
  return <RolePage title="公益岗位考勤" roles={['worker']} show={() => <PostLoad />} />;
}
