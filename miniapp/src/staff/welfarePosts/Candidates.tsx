/**
 * 优先人选 for a post: the township's people not at work and on no post, those the documents put
 * first at the top with why (脱贫人口 · 弱劳力 · 本村); 聘用 takes one on under the longest
 * agreement the rule allows from today, said before it is sent.
 */
import { Text, View } from '@tarojs/components';
import { defaultAgreement, LABOUR_CLASS_ZH } from '@bangfu/shared';
import { useState } from 'react';
import { errorText } from '../../api/client';
import { takeOn, type PostCandidate, type PostView } from '../../api/welfarePosts';
import { ActionButton } from '../../components/ActionButton';
import { Notice } from '../../components/Page';
import { chinaDate, fullDayText } from '../../time';

export function Candidates({
  post,
  candidates,
  names,
  onTaken,
}: {
  post: PostView;
  candidates: PostCandidate[];
  names: ReadonlyMap<string, string>;
  onTaken: (name: string) => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const agreement = defaultAgreement(post, chinaDate(new Date()), post.maxAgreementMonths);
  if (post.filled >= post.places) return <Notice testId="post-full">名额已满。有人退岗后再从这里聘用。</Notice>;
  if (!candidates.length) return <Notice testId="candidates-empty">本乡镇暂时没有没工作、也没在公益性岗位上的人。</Notice>;
  const take = async (candidate: PostCandidate) => {
    setBusy(candidate.workerId);
    setProblem(null);
    try {
      await takeOn(post.postId, { workerId: candidate.workerId, ...agreement });
      onTaken(candidate.name);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  return (
    <View data-testid="candidates">
      <View className="bf-hint">
        聘用后签协议：{fullDayText(agreement.startsOn)} 到 {fullDayText(agreement.endsOn)}（每次最长 {post.maxAgreementMonths}{' '}
        个月，到期可续签）。
      </View>
      {problem ? (
        <Notice tone="error" testId="candidates-problem">
          没能聘用：{problem}
        </Notice>
      ) : null}
      {candidates.map((c) => (
        <View key={c.workerId} className="bf-cov" data-testid={`candidate-${c.workerId}`}>
          <View className="bf-cov__name">{c.name}</View>
          <View className="bf-cov__line">
            <Text className="bf-cov__label">{names.get(c.villageCode) ?? c.villageCode}</Text>
            <Text className="bf-cov__value">{LABOUR_CLASS_ZH[c.labourClass]}</Text>
          </View>
          {c.reasons.length ? <View className="bf-cov__short">优先：{c.reasons.join(' · ')}</View> : null}
          <ActionButton busy={busy === c.workerId} onPress={() => take(c)} testId={`candidate-take-${c.workerId}`}>
            聘用 {c.name}
          </ActionButton>
        </View>
      ))}
    </View>
  );
}
