/**
 * 为你推荐: jobs picked for a bound worker, each with the one-line reason in plain words,
 * 本月推荐 on this month's pushes, and three things to do: 看看 (the detail page), 报名
 * (applies at once, then says 已报名) and 不感兴趣 (never shown again; the card goes and a
 * toast says so). The home page shows the first few; worker/pages/recommendations shows all
 * with 为什么推荐 factor by factor. An account not bound to the registry sees nothing here.
 */
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Factor } from '@bangfu/shared';
import { useCallback, useState } from 'react';
import { errorText } from '../api/client';
import { dismissRecommendation, fetchRecommendations, type Recommendation } from '../api/matching';
import { applyTo } from '../api/positions';
import { useLoad } from '../hooks/useLoad';
import { distanceText, employerText, payText } from '../positionText';
import { Notice } from './Page';
import './recommendations.css';

export const VILLAGE_CENTRE_TEXT = '您还没有登记住址，距离按村里的位置算。';

const FACTOR_ZH: Record<Factor, string> = {
  distance: '路程',
  skill: '技能',
  pay: '工资',
  accommodation: '吃住',
  recency: '新岗位',
  employerKind: '单位',
  priority: '帮扶',
};

function openPosition(positionId: string): void {
  Taro.navigateTo({ url: `/worker/pages/position/index?positionId=${encodeURIComponent(positionId)}` }).catch(() => undefined);
}

/** 为什么推荐: each factor that has something to say, the biggest first (in place of the one-line reason). */
function WhyList({ item }: { item: Recommendation }) {
  const parts = item.factors.filter((f) => f.text).sort((a, b) => b.points - a.points);
  if (!parts.length) {
    return (
      <View className="bf-rec__reason" data-testid="recommendation-reason">
        {item.reason}
      </View>
    );
  }
  return (
    <View className="bf-rec__reason bf-rec__why" data-testid="recommendation-why">
      <View className="bf-rec__why-title">为什么推荐</View>
      {parts.map((f) => (
        <View key={f.factor} className="bf-rec__why-row">
          <Text className="bf-rec__why-label">{FACTOR_ZH[f.factor]}</Text>
          <Text className="bf-rec__why-text">{f.text}</Text>
        </View>
      ))}
    </View>
  );
}

export function RecommendationCard({
  item,
  onDismissed,
  showWhy = false,
}: {
  item: Recommendation;
  onDismissed: (positionId: string) => void;
  /** The factor-by-factor breakdown (the full list page). */
  showWhy?: boolean;
}) {
  const { position } = item;
  const [busy, setBusy] = useState<'apply' | 'dismiss' | null>(null);
  const [applied, setApplied] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // The reason starts with the distance; say it separately only if it does not.
  const reasonHasDistance = /公里|米/.test(item.reason);

  const apply = async () => {
    setBusy('apply');
    setFailure(null);
    try {
      await applyTo(position.positionId);
      setApplied(true);
    } catch (error) {
      setFailure(`没能报名：${errorText(error)}`);
    } finally {
      setBusy(null);
    }
  };

  const dismiss = async () => {
    setBusy('dismiss');
    setFailure(null);
    try {
      await dismissRecommendation(position.positionId);
      onDismissed(position.positionId);
      Taro.showToast({ title: '好的，以后不再推荐这个工作', icon: 'none', duration: 2000 }).catch(() => undefined);
    } catch (error) {
      setFailure(`没能办好：${errorText(error)}`);
      setBusy(null);
    }
  };

  return (
    <View className="bf-rec" data-testid={`recommendation-${position.positionId}`}>
      <View className="bf-rec__head">
        <Text className="bf-rec__title" data-testid="recommendation-title">
          {position.title}
        </Text>
        {item.pushed ? (
          <Text className="bf-tag bf-rec__tag" data-testid="recommendation-pushed">
            本月推荐
          </Text>
        ) : null}
      </View>
      <View className="bf-rec__pay">{payText(position.pay)}</View>
      <View className="bf-row__line">
        {reasonHasDistance ? '' : `离您 ${distanceText(position.distanceKm)} · `}
        {employerText(position.employerName, position.employerKind)}
      </View>
      {showWhy ? (
        <WhyList item={item} />
      ) : (
        <View className="bf-rec__reason" data-testid="recommendation-reason">
          {item.reason}
        </View>
      )}
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {applied ? (
        <View className="bf-done bf-rec__done" data-testid="recommendation-applied">
          <View className="bf-done__title">已报名</View>
          <View>单位看到后会打电话联系您，请留意电话。</View>
        </View>
      ) : null}
      <View className="bf-button-row bf-rec__buttons">
        <Button
          size="large"
          disabled={busy !== null}
          onClick={() => openPosition(position.positionId)}
          data-testid="recommendation-open"
        >
          看看
        </Button>
        {applied ? (
          <Button size="large" disabled data-testid="recommendation-apply">
            已报名
          </Button>
        ) : (
          <Button
            type="primary"
            size="large"
            loading={busy === 'apply'}
            disabled={busy !== null}
            onClick={() => {
              apply().catch(() => undefined);
            }}
            data-testid="recommendation-apply"
          >
            报名
          </Button>
        )}
      </View>
      {applied ? null : (
        <View
          className={busy ? 'bf-rec__dismiss bf-rec__dismiss--busy' : 'bf-rec__dismiss'}
          hoverClass="bf-rec__dismiss--pressed"
          role="button"
          aria-disabled={busy !== null}
          onClick={() => {
            if (!busy) dismiss().catch(() => undefined);
          }}
          data-testid="recommendation-dismiss"
        >
          {busy === 'dismiss' ? '正在办…' : '不感兴趣，以后别推荐这个'}
        </View>
      )}
    </View>
  );
}

/** The worker's recommendations, loaded when shown (back from a job's page an application may have taken one off). */
export function useRecommendations() {
  const { load, retry, update } = useLoad(fetchRecommendations);
  const remove = useCallback(
    (positionId: string) =>
      update((data) => ({
        ...data,
        recommendations: data.recommendations.filter((r) => r.position.positionId !== positionId),
      })),
    [update],
  );
  return { load, retry, remove };
}

export const EMPTY_TEXT = '现在还没有适合您的工作推荐。有了合适的新岗位，会推荐给您。也可以点“找工作”自己看看。';

/** The home page's 为你推荐: the first `limit` cards and a way to all of them. Nothing for an unbound account. */
export function HomeRecommendations({ limit = 3 }: { limit?: number }) {
  const { load, retry, remove } = useRecommendations();
  if (load.state === 'loading' || load.state === 'missing') return null;
  if (load.state === 'failed') {
    return (
      <View className="bf-section" data-testid="home-recommendations">
        <View className="bf-subtitle">为你推荐</View>
        <Notice tone="error">推荐的工作没能加载：{load.message}</Notice>
        <View className="bf-link" role="button" onClick={retry}>
          再试一次
        </View>
      </View>
    );
  }
  const { recommendations, homeIsVillageCentre } = load.data;
  const shown = recommendations.slice(0, limit);
  return (
    <View className="bf-section" data-testid="home-recommendations">
      <View className="bf-subtitle">为你推荐</View>
      {recommendations.length === 0 ? (
        <Notice testId="recommendations-empty">{EMPTY_TEXT}</Notice>
      ) : (
        <>
          {homeIsVillageCentre ? <View className="bf-hint bf-rec__centre">{VILLAGE_CENTRE_TEXT}</View> : null}
          <View data-testid="recommendations-list">
            {shown.map((item) => (
              <RecommendationCard key={item.position.positionId} item={item} onDismissed={remove} />
            ))}
          </View>
          <View
            className="bf-card"
            hoverClass="bf-card--pressed"
            role="button"
            onClick={() => {
              Taro.navigateTo({ url: '/worker/pages/recommendations/index' }).catch(() => undefined);
            }}
            data-testid="recommendations-more"
          >
            <View className="bf-card__title">
              <Text>更多推荐（共 {recommendations.length} 个）</Text>
              <Text className="bf-card__arrow">›</Text>
            </View>
            <View className="bf-card__hint">每个工作为什么推荐给您，都写清楚了</View>
          </View>
        </>
      )}
    </View>
  );
}
