/** 岗位订阅 in words: a search's filters and reach as the page and the save button say them. */
import { describe, expect, it } from 'vitest';
import { alertRadius, filtersText, reachText, searchLabel } from '../../../miniapp/src/components/alerts/alertText.js';

describe('a saved search in words', () => {
  it('says the filters the job map offers, or 所有岗位 with none', () => {
    expect(filtersText({})).toBe('所有岗位');
    expect(
      filtersText({ employerKind: 'assistanceWorkshop', form: 'fullTime', minMonthlyPayFen: 300_000, suitsHalfLabour: true }),
    ).toBe('帮扶车间 · 全职 · 每月 3000 元以上 · 适合半劳力');
    expect(filtersText({ occupation: 'welder', accommodation: true })).toBe('焊工 · 包住');
    expect(reachText('金山镇', 30)).toBe('金山镇周围 30 公里');
  });

  it('names a search by its place and first filter, within the 20 characters a label holds', () => {
    expect(searchLabel('金山镇', {})).toBe('金山镇附近的工作');
    expect(searchLabel('金山镇', { employerKind: 'workForRelief' })).toBe('金山镇附近的以工代赈项目');
    expect([...searchLabel('内蒙古自治区包头市固阳县金山镇西斗铺村', { employerKind: 'publicWelfare' })].length).toBe(20);
  });

  it('keeps the map’s radius within the 1–100 km a search may reach', () => {
    expect(alertRadius(300)).toBe(100);
    expect(alertRadius(30)).toBe(30);
    expect(alertRadius(0.2)).toBe(1);
  });
});
