/**
 * 保存这个搜索 (岗位订阅), for the job map: saves the map's centre, radius and filters as a search,
 * so new jobs that match go to 我的订阅 — and, in WeChat, offers 开启微信提醒 right after (WeChat
 * asks only in answer to a tap of its own). Shown to logged-in workers only; a search is theirs.
 */
import { View } from '@tarojs/components';
import type { LatLng, PositionFilters } from '@bangfu/shared';
import { useState } from 'react';
import { askForConsent, createAlert, fetchAlerts, type JobAlertView } from '../../api/alerts';
import { errorText } from '../../api/client';
import { useSession } from '../../state/session';
import { ActionButton } from '../ActionButton';
import { NavButton } from '../NavButton';
import { Notice } from '../Page';
import { alertRadius, filtersText, reachText, searchLabel } from './alertText';
import './alerts.css';

export interface SaveSearchButtonProps {
  /** The map's centre, GCJ-02. */
  centre: LatLng;
  /** The centre in words, as the map says it: 您的位置, 金山镇… (inbox items say 离金山镇 3 公里). */
  placeName: string;
  /** How far the map looks, km; a search keeps 1–100 (a wider one is saved as 100). */
  radiusKm: number;
  /** The map's filters as the API takes them (the job map's toApiFilters). */
  filters: PositionFilters;
  testId?: string;
}

type State =
  { step: 'idle' } | { step: 'saved'; search: JobAlertView; templateId: string | null } | { step: 'failed'; message: string };

export function SaveSearchButton({ centre, placeName, radiusKm, filters, testId = 'save-search' }: SaveSearchButtonProps) {
  const { user } = useSession();
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<State>({ step: 'idle' });
  const [consent, setConsent] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  // Another place or other filters are another search: 保存 again.
  const key = JSON.stringify([centre, placeName, radiusKm, filters]);
  const [savedFor, setSavedFor] = useState(key);
  if (savedFor !== key) {
    setSavedFor(key);
    setState({ step: 'idle' });
    setConsent(null);
  }
  if (user?.role !== 'worker') return null;

  const radius = alertRadius(radiusKm);
  const save = async () => {
    setBusy(true);
    try {
      const { alert } = await createAlert({
        label: searchLabel(placeName, filters),
        centre,
        placeName,
        radiusKm: radius,
        filters,
      });
      // Only WeChat can send its messages: the template to ask 允许 for.
      const templateId = process.env.TARO_ENV === 'weapp' ? (await fetchAlerts()).templateId : null;
      setState({ step: 'saved', search: alert, templateId });
    } catch (error) {
      setState({ step: 'failed', message: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  const ask = async (search: JobAlertView, templateId: string) => {
    try {
      const after = await askForConsent(search.alertId, templateId);
      setConsent(
        after
          ? { tone: 'info', text: '好的，有新岗位会发微信告诉您。' }
          : { tone: 'info', text: '没有开启微信提醒。新岗位仍会放在“我的订阅”里。' },
      );
    } catch (error) {
      setConsent({ tone: 'error', text: `没能开启微信提醒：${errorText(error)}` });
    }
  };

  if (state.step === 'saved') {
    const { search, templateId } = state;
    return (
      <View className="bf-save-search" data-testid={testId}>
        <Notice testId={`${testId}-saved`}>
          已保存“{search.label}”：{reachText(search.placeName, search.radiusKm)}的新岗位（{filtersText(search.filters)}
          ），会放进“我的订阅”。
        </Notice>
        {templateId && !consent ? (
          <ActionButton busy={false} onPress={() => ask(search, templateId)} testId={`${testId}-consent`}>
            开启微信提醒
          </ActionButton>
        ) : null}
        {consent ? <Notice tone={consent.tone}>{consent.text}</Notice> : null}
        <NavButton url="/worker/pages/alerts/index" testId={`${testId}-open`}>
          看我的订阅
        </NavButton>
      </View>
    );
  }
  return (
    <View className="bf-save-search" data-testid={testId}>
      {state.step === 'failed' ? <Notice tone="error">没能保存：{state.message}</Notice> : null}
      <ActionButton busy={busy} onPress={save} testId={`${testId}-button`}>
        保存这个搜索，有新岗位告诉我
      </ActionButton>
      {radiusKm > radius ? <View className="bf-hint">订阅最远看 {radius} 公里以内。</View> : null}
    </View>
  );
}
