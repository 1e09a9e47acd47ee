/**
 * 为你推荐 — all of a worker's recommendations (this month's pushes first, 10 at most), each
 * with its reason and 为什么推荐 factor by factor; 看看 / 报名 / 不感兴趣 as on the home page.
 * An account not bound to the registry is sent to 我的信息 to bind first.
 */
import { View } from '@tarojs/components';
import { BindFirst, LoadView } from '../../../components/LoadView';
import { Notice } from '../../../components/Page';
import { EMPTY_TEXT, RecommendationCard, useRecommendations, VILLAGE_CENTRE_TEXT } from '../../../components/Recommendations';
import { RolePage } from '../../../components/RoleGate';
import { chinaDate, clockText, dayText, monthText } from '../../../time';

/** 今天 for an instant of today in China, else its date. */
const dayWord = (instant: string) => (chinaDate(new Date(instant)) === chinaDate(new Date()) ? '今天' : dayText(instant));

function AllRecommendations() {
  const { load, retry, remove } = useRecommendations();
  return (
    <LoadView
      load={load}
      retry={retry}
      what="推荐"
      missing={
        <BindFirst testId="recommendations-unbound">
          先在“我的信息”里绑定身份（填姓名和身份证号），才能按您的情况推荐工作。
        </BindFirst>
      }
    >
      {({ month, recommendations, homeIsVillageCentre, live }) => {
        const pushed = recommendations.filter((r) => r.pushed).length;
        return (
          <View className="bf-section">
            <View className="bf-text">
              按您会的手艺、离家远近和想挣多少钱挑的。
              {pushed ? `标着“本月推荐”的 ${pushed} 个，是${monthText(month)}专门推荐给您的。` : ''}
            </View>
            <View className="bf-text" data-testid="recommendations-when">
              {live.fromCache
                ? `${dayWord(live.computedAt)} ${clockText(live.computedAt)} 挑好的。每天一早重新挑，附近有新岗位会马上加进来。`
                : '刚刚为您挑好的。'}
              {live.complete ? '' : '这些是从近处挑的，更远的岗位明天一早再帮您看。'}
            </View>
            {homeIsVillageCentre ? <Notice>{VILLAGE_CENTRE_TEXT}</Notice> : null}
            {recommendations.length === 0 ? (
              <Notice testId="recommendations-empty">{EMPTY_TEXT}</Notice>
            ) : (
              <View data-testid="recommendations-all">
                {recommendations.map((item) => (
                  <RecommendationCard key={item.position.positionId} item={item} onDismissed={remove} showWhy />
                ))}
              </View>
            )}
          </View>
        );
      }}
    </LoadView>
  );
}

export default function RecommendationsPage() {
  return <RolePage title="为你推荐" roles={['worker']} show={() => <AllRecommendations />} />;
}
