/**
 * 推荐人选 (?positionId=): the willing, unemployed people of the position's county who suit it
 * best, best first — surname only (王**), age, village, 劳动力, skills by name and why they
 * suit, and 已报名 for those who applied already. Never an ID number, never a phone: to reach
 * someone who has not applied, the employer asks the village or township office.
 */
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { occupationName, type Position } from '@bangfu/shared';
import { useCallback, useEffect, useState } from 'react';
import { fetchCandidates, type Candidate } from '../../../api/matching';
import { fetchPosition } from '../../../api/positions';
import { LoadView } from '../../../components/LoadView';
import { Notice, Page } from '../../../components/Page';
import { useLoad } from '../../../hooks/useLoad';
import { RoleGate } from '../../../components/RoleGate';
import { LABOUR_CLASS_ZH } from '../../../labels';
import { payText } from '../../../positionText';
import { villageName, villageNames } from '../../../regionNames';
import '../../employer.css';

interface CandidatesFor {
  position: Position;
  considered: number;
  candidates: Candidate[];
}

function skillsText(skills: readonly string[]): string {
  return skills.length ? skills.map((code) => occupationName(code) ?? code).join('、') : '没有登记';
}

function CandidateCard({ candidate, villages }: { candidate: Candidate; villages: ReadonlyMap<string, string> }) {
  return (
    <View className="bf-applicant" data-testid={`candidate-${candidate.workerId}`}>
      <View className="bf-applicant__name">
        <Text data-testid="candidate-name">{candidate.nameMasked}</Text>
        {candidate.applied ? (
          <Text className="bf-state bf-state--reported" data-testid="candidate-applied">
            已报名
          </Text>
        ) : null}
      </View>
      <View className="bf-row__line">
        {candidate.age} 岁，{LABOUR_CLASS_ZH[candidate.labourClass]}
      </View>
      <View className="bf-row__line">家在：{villageName(candidate.villageCode, villages)}</View>
      <View className="bf-row__line">技能：{skillsText(candidate.skills)}</View>
      <View className="bf-candidate__reason">
        <View className="bf-strong">为什么合适</View>
        <View data-testid="candidate-reason">{candidate.reason}</View>
      </View>
    </View>
  );
}

function Candidates({ positionId }: { positionId: string }) {
  const { load, retry } = useLoad(
    useCallback(async (): Promise<CandidatesFor> => {
      const [{ position }, { considered, candidates }] = await Promise.all([
        fetchPosition(positionId),
        fetchCandidates(positionId, 20),
      ]);
      return { position, considered, candidates };
    }, [positionId]),
  );
  return (
    <LoadView load={load} retry={retry} loadingText="正在找合适的人…" what="推荐人选">
      {(found) => <CandidateList {...found} />}
    </LoadView>
  );
}

function CandidateList({ position, considered, candidates }: CandidatesFor) {
  const [villages, setVillages] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    villageNames(candidates.map((c) => c.villageCode))
      .then(setVillages)
      .catch(() => undefined);
  }, [candidates]);
  const applied = candidates.filter((c) => c.applied).length;
  return (
    <View className="bf-section">
      <View className="bf-title" data-testid="candidates-title">
        {position.title}
      </View>
      <View className="bf-text">{payText(position.pay)}</View>
      <Notice>
        {`本旗县想找工作的 ${considered} 个人里，最合适这个岗位的排在前面。为了保护个人信息，只显示姓，不显示身份证号和电话。想请没报名的人来，可以找村里或乡镇的工作人员帮忙联系。`}
      </Notice>
      {candidates.length === 0 ? (
        <Notice testId="candidates-empty">
          现在没有找到合适的人。可以把要求放宽一点（比如适合半劳力、包住），过几天再来看看。
        </Notice>
      ) : (
        <>
          <View className="bf-subtitle">
            推荐 {candidates.length} 人{applied ? `（其中 ${applied} 人已报名）` : ''}
          </View>
          <View data-testid="candidates-list">
            {candidates.map((candidate) => (
              <CandidateCard key={candidate.workerId} candidate={candidate} villages={villages} />
            ))}
          </View>
        </>
      )}
    </View>
  );
}

export default function CandidatesPage() {
  const { params } = useRouter();
  const positionId = params.positionId ? decodeURIComponent(params.positionId) : '';
  return (
    <Page>
      <RoleGate roles={['employer', 'staff', 'admin']}>
        {() =>
          positionId ? (
            <Candidates positionId={positionId} />
          ) : (
            <Notice tone="error">没有指定是哪个岗位，请从“我的岗位”里点开。</Notice>
          )
        }
      </RoleGate>
    </Page>
  );
}
