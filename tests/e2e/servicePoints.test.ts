/**
 * 服务网点 in Chromium: a township officer opens 服务网点 from home, sees 金山镇's station and its
 * villages' points, opens the station and changes its phone — a wrong number is refused under the
 * field, the right one is saved, shown on the card and read by the public map at once. The other
 * screens (a new point's first step, the hours, the place on the map) are checked too. axe on
 * each screen at 320×568 and 375×667.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPointId } from '../../functions/src/local/seed/demoServicePoints.js';
import type { TestApi } from '../support/api.js';
import { fill, onPhones, WAIT } from '../support/browser.js';
import { closeAll, openFromHome, startDemoH5 } from '../support/journeys.js';
import { JINSHAN_VILLAGE } from '../support/people.js';

const STATION = demoPointId('townshipStation', '150222102');
const VILLAGE_POINT = demoPointId('villageServicePoint', JINSHAN_VILLAGE);

let api: TestApi;
let browser: Browser;
beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
});
afterAll(() => closeAll(browser, api));

describe('服务网点 in Chromium', () => {
  it('lets a township officer change the phone of the township’s station, seen on the map at once', async () => {
    const page = await openFromHome(browser, api, 'demo-staff-township-1', 'service-points');
    await page.getByTestId(`point-${STATION}`).waitFor(WAIT);
    await page.getByTestId(`point-${VILLAGE_POINT}`).waitFor(WAIT);
    // Only 金山镇's: not the bureau's, not another township's station.
    expect(await page.getByTestId(`point-${demoPointId('countyBureau', '150222')}`).count()).toBe(0);
    expect(await page.getByTestId(`point-${demoPointId('townshipStation', '150222103')}`).count()).toBe(0);
    await onPhones(page, 'service-points-1-list', '服务网点 list');

    // A new point's first screen: what kind, where, its name; then back without adding.
    await page.getByTestId('points-new').click();
    await page.getByTestId('point-kind-townshipStation').waitFor(WAIT);
    expect(await page.getByTestId('point-kind-countyBureau').count()).toBe(0); // a township adds no bureau
    await page.getByTestId('point-kind-villageServicePoint').click();
    await page.getByTestId(`point-village-${JINSHAN_VILLAGE}`).waitFor(WAIT);
    await onPhones(page, 'service-points-2-new', '新增服务网点: 第 1 步');
    await page.getByTestId('point-back').click();

    await page.getByTestId(`point-${STATION}`).click();
    await page.getByTestId('point-detail').waitFor(WAIT);
    expect(await page.getByTestId('point-card').textContent()).toContain('金山镇就业服务站');
    expect(await page.getByTestId('point-card').textContent()).toContain('周一至周五 8:30–12:00、14:30–17:30');
    await onPhones(page, 'service-points-3-point', 'a service point');

    // The hours and the place, each its own screen.
    await page.getByTestId('point-edit-hours').click();
    await page.getByTestId('point-slot-1-open').waitFor(WAIT);
    expect(await page.getByTestId('point-slot-1-open').textContent()).toContain('14:30');
    await onPhones(page, 'service-points-4-hours', '办公时间');
    await page.getByTestId('point-back').click();
    await page.getByTestId('point-edit-place').click();
    await page.getByTestId('location-value').waitFor(WAIT);
    await onPhones(page, 'service-points-5-place', '地图上的位置');
    await page.getByTestId('point-back').click();

    await page.getByTestId('point-edit-contact').click();
    await page.getByTestId('point-phone').waitFor(WAIT);
    await fill(page, 'point-phone', '8129999');
    await page.getByTestId('point-save').click();
    await expect.poll(() => page.getByTestId('point-phone-error').textContent(), WAIT).toContain('带区号的座机');
    await onPhones(page, 'service-points-6-phone-wrong', '电话和地址 with a problem');
    expect((await api.ctx.servicePoints.get(STATION))!.phone).not.toBe('8129999');

    await fill(page, 'point-phone', '0472-8129999');
    await page.getByTestId('point-save').click();
    await expect.poll(() => page.getByTestId('point-notice').textContent(), WAIT).toContain('已保存');
    expect(await page.getByTestId('point-card-phone').textContent()).toBe('电话：0472-8129999');
    await onPhones(page, 'service-points-7-saved', 'the point saved');

    const stored = (await api.ctx.servicePoints.get(STATION))!;
    expect(stored).toMatchObject({ phone: '0472-8129999', version: 2, updatedBy: 'demo-staff-township-1' });
    const { lat, lng } = stored.location;
    const map = await api.call(
      'GET',
      `/api/v1/service-points?minLat=${lat - 0.01}&minLng=${lng - 0.01}&maxLat=${lat + 0.01}&maxLng=${lng + 0.01}`,
    );
    expect(map.body.points.find((p: { pointId: string }) => p.pointId === STATION)?.phone).toBe('0472-8129999');
    await page.close();
  });
});
