/**
 * 我的订阅 in the H5 app: a worker's saved search brought two new jobs the workshop published
 * (through the table's stream, as on AWS). The inbox shows them newest first, each marked 新,
 * with how far from the search's place; opening the page marks them read; a tap opens the job.
 * The H5 build never offers WeChat messages. The search is deleted after 删除 is confirmed.
 * On the job map, 保存这个搜索 saves what the map shows: zoomed in, the circle inside it around
 * the village; panned away, 您选的地方; in the list, the radius chosen there.
 * Checked with axe at 320×568 and 375×667.
 */
import { bboxCentre, distanceKm, narrowSideKm, type Bbox } from '@bangfu/shared';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStreamFollower, type StreamFollower } from '../../functions/src/local/streamFollower.js';
import { TEST_REGION, type TestApi } from '../support/api.js';
import { onPhones, shot, WAIT } from '../support/browser.js';
import { closeAll, loggedInPhone, startDemoH5 } from '../support/journeys.js';
import { demoWorkshop, GUYANG, positionInput } from '../support/positions.js';

let api: TestApi;
let browser: Browser;
let follower: StreamFollower;
let token: string;
let alertId: string;
/** The two jobs published after the search was saved, oldest first. */
const published: { positionId: string; title: string }[] = [];

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  follower = createStreamFollower(api.ctx, { endpoint: inject('dynamoEndpoint'), region: TEST_REGION });
  await follower.drain();
  token = await api.loginAs('demo-worker-1');
  const saved = await api.call('POST', '/api/v1/me/alerts', {
    token,
    body: {
      label: '金山镇附近的帮扶车间',
      centre: GUYANG,
      placeName: '金山镇',
      radiusKm: 20,
      filters: { employerKind: 'assistanceWorkshop' },
    },
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
  alertId = saved.body.alert.alertId;
  const { token: employer } = await demoWorkshop(api);
  for (const [title, lat] of [
    ['缝纫车间质检员', 41.06],
    ['缝纫车间熨烫工', 41.08],
  ] as const) {
    const posted = await api.call('POST', '/api/v1/positions', {
      token: employer,
      body: { ...positionInput({ title, location: { lat, lng: GUYANG.lng } }), publish: true },
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    published.push({ positionId: posted.body.position.positionId, title });
  }
  await follower.drain();
}, 300_000);
afterAll(async () => {
  follower?.stop();
  await closeAll(browser, api);
});

describe('我的订阅 in Chromium', () => {
  it('shows the new jobs newest first, marked 新 and then read; a tap opens the job; 删除 deletes the search', async () => {
    const page = await loggedInPhone(browser, api, 'demo-worker-1');
    await page.goto(`${api.url}/#/worker/pages/alerts/index`);
    const list = page.getByTestId('inbox-list');
    await list.waitFor(WAIT);
    const cards = list.locator('[data-testid^="inbox-p_"]');
    expect(await cards.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')))).toEqual(
      [...published].reverse().map((p) => `inbox-${p.positionId}`),
    );
    const newest = page.getByTestId(`inbox-${published[1]!.positionId}`);
    expect(await newest.textContent()).toContain(published[1]!.title);
    expect(await newest.textContent()).toContain('离金山镇 5.1 公里');
    expect(await newest.textContent()).toContain('来自订阅“金山镇附近的帮扶车间”');
    expect(await list.getByTestId('inbox-new').count()).toBe(2);
    expect(await page.getByTestId('inbox-unread').textContent()).toContain('有 2 个新来的');
    // The saved search, in words; no WeChat messages on H5.
    const search = page.getByTestId(`search-${alertId}`);
    expect(await search.textContent()).toContain('金山镇周围 20 公里');
    expect(await search.textContent()).toContain('帮扶车间');
    expect(await page.getByTestId('search-consent').count()).toBe(0);
    expect(await page.getByTestId('inbox-renew').count()).toBe(0);
    await onPhones(page, 'alerts-1-inbox', '我的订阅 with two new jobs');

    // Shown, so read: the API counts none unread, and the next visit shows no 新.
    await expect.poll(async () => (await api.call('GET', '/api/v1/me/alerts/inbox', { token })).body.unread, WAIT).toBe(0);

    await newest.click();
    await expect.poll(() => page.getByTestId('position-title').textContent(), WAIT).toBe(published[1]!.title);
    await page.goBack();
    await expect.poll(() => page.getByTestId('inbox-unread').textContent(), WAIT).toContain('都看过了');
    expect(await list.getByTestId('inbox-new').count()).toBe(0);

    await search.getByTestId('search-delete').click();
    await page.locator('.taro-model__confirm', { hasText: '删除' }).click();
    await page.getByTestId('search-empty').waitFor(WAIT);
    // What the search brought stays.
    expect(await cards.count()).toBe(2);
    expect((await api.call('GET', '/api/v1/me/alerts', { token })).body.alerts).toEqual([]);
    await onPhones(page, 'alerts-2-deleted', '我的订阅 with its search deleted');
  });

  it('保存这个搜索 on the job map saves what the map shows; in the list, the radius chosen there', async () => {
    const page = await loggedInPhone(browser, api, 'demo-worker-1');
    const mapAnswer = () => page.waitForResponse((r) => r.url().includes('/positions/map') && r.status() === 200);
    const boxOf = (response: Response): Bbox => {
      const [minLng, minLat, maxLng, maxLat] = new URL(response.url()).searchParams.get('bbox')!.split(',').map(Number);
      return { minLat: minLat!, minLng: minLng!, maxLat: maxLat!, maxLng: maxLng! };
    };
    type SavedSearch = {
      alertId: string;
      version: number;
      centre: { lat: number; lng: number };
      radiusKm: number;
      placeName: string;
    };
    const saved = async () => {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/me/alerts') && r.request().method() === 'POST');
      await page.getByTestId('save-search-button').click();
      const response = await answered;
      expect(response.status()).toBe(201);
      await page.getByTestId('save-search-saved').waitFor(WAIT);
      const { alert } = (await response.json()) as { alert: SavedSearch };
      return alert;
    };

    const first = mapAnswer();
    await page.goto(`${api.url}/#/worker/pages/jobs/index`);
    await first;
    await expect.poll(() => page.getByTestId('jobs-centre').textContent(), WAIT).toMatch(/地图以.+为中心/);
    const centreText = (await page.getByTestId('jobs-centre').textContent())!;

    // Zoomed in one step: the circle inside the map, around the place the map started from.
    const zoomed = mapAnswer();
    await page.locator('.leaflet-control-zoom-in').click();
    const zoomedBox = boxOf(await zoomed);
    const here = await saved();
    expect(here.radiusKm).toBe(Math.round(narrowSideKm(zoomedBox) / 2));
    expect(here.placeName).not.toBe('您选的地方');
    expect(centreText).toContain(here.placeName);
    expect(distanceKm(here.centre, bboxCentre(zoomedBox))).toBeLessThan(1);
    expect(await page.getByTestId('save-search-saved').textContent()).toContain(`${here.placeName}周围 ${here.radiusKm} 公里`);
    await shot(page, 'alerts-3-saved-from-map');

    // Dragged a few km away: another search, around the middle of the map, 您选的地方.
    const map = page.getByTestId('job-map');
    await map.scrollIntoViewIfNeeded();
    const frame = (await map.boundingBox())!;
    const [x, y] = [frame.x + frame.width / 2, frame.y + frame.height / 2];
    const panned = mapAnswer();
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x - frame.width * 0.4, y - frame.height * 0.3, { steps: 8 });
    await page.mouse.up();
    const pannedBox = boxOf(await panned);
    await page.getByTestId('save-search-button').waitFor(WAIT);
    const chosen = await saved();
    expect(chosen.placeName).toBe('您选的地方');
    expect(distanceKm(chosen.centre, bboxCentre(pannedBox))).toBeLessThan(0.05);
    expect(distanceKm(chosen.centre, here.centre)).toBeGreaterThan(Math.max(1, chosen.radiusKm / 5));
    expect(chosen.radiusKm).toBe(here.radiusKm);

    // The list: the radius chosen there, around the place the page started from.
    await page.getByTestId('jobs-view-list').click();
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('radius-30').click();
    await page.getByTestId('filters-done').click();
    const listed = await saved();
    expect(listed).toMatchObject({ radiusKm: 30, placeName: here.placeName });
    expect(distanceKm(listed.centre, here.centre)).toBeLessThan(0.001);
    await onPhones(page, 'alerts-4-saved-from-list', '保存这个搜索 saved from the list');

    for (const { alertId, version } of [here, chosen, listed]) {
      expect((await api.call('DELETE', `/api/v1/me/alerts/${alertId}?version=${version}`, { token })).status).toBe(200);
    }
  });
});
