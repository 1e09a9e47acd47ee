/**
 * 就业服务（311） on a worker's record in the H5 app. A county officer opens a worker's
 * record to give a service and sees this year's counts all short (red); a note too short is
 * refused under its field; 职业指导 is recorded and its count turns 1/1 (green) while 岗位推荐
 * stays 0/3 (red); the service is listed with its date and note, and stored on the server.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '@bangfu/shared';
import { demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import type { TestApi } from '../support/api.js';
import { fill, shot, WAIT } from '../support/browser.js';
import { closeAll, loggedInPhone, openWorkerRecord, reloadInCareMode, startDemoH5 } from '../support/journeys.js';

const NOTE = '电话指导怎么找离家近的工作，本人想在镇上干';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
});
afterAll(() => closeAll(browser, api));

/** Its colour, read from the page: red until the goal is met, green once it is. */
const tone = (page: Page, kind: string) =>
  page
    .getByTestId(`services-count-${kind}`)
    .evaluate((el) => getComputedStyle(el).borderTopColor)
    .then((colour) => ({ 'rgb(176, 0, 32)': 'red', 'rgb(27, 94, 32)': 'green' })[colour] ?? colour);

describe('311 services in Chromium', () => {
  it('lets a county officer record career guidance; the count turns green and the service is stored', async () => {
    const worker = (await api.ctx.workers.findByIdNumber(demoIdNumber(1)))!;
    const page = await loggedInPhone(browser, api, 'demo-staff-county');
    await openWorkerRecord(page, worker, 'service');
    await expect.poll(() => page.getByTestId('worker-name').textContent(), WAIT).toBe(worker.name);

    const value = (kind: string) => page.getByTestId(`services-count-${kind}-value`).textContent();
    await expect.poll(() => value('careerGuidance'), WAIT).toBe('0/1');
    expect(await value('jobRecommendation')).toBe('0/3');
    expect(await value('trainingOffer')).toBe('0/1');
    expect(await tone(page, 'careerGuidance')).toBe('red');
    expect(await page.getByTestId('services-count-jobRecommendation').textContent()).toContain('还差 3 次');
    expect(await page.getByTestId('services-empty').textContent()).toContain('还没有记录过服务');
    await shot(page, 'services-1-none');

    // 职业指导, with a one-character note first: refused under the note.
    await page.getByTestId('service-start').click();
    await page.getByTestId('service-kind-careerGuidance').click();
    await fill(page, 'service-note', '好');
    await page.getByTestId('service-save').click();
    await expect.poll(() => page.getByTestId('service-note-error').textContent(), WAIT).toContain('至少 2 个字');
    await page.getByTestId('service-form').scrollIntoViewIfNeeded();
    await shot(page, 'services-2-form');

    await fill(page, 'service-note', NOTE);
    await page.getByTestId('service-save').click();
    await expect.poll(() => value('careerGuidance'), WAIT).toBe('1/1');
    expect(await tone(page, 'careerGuidance')).toBe('green');
    expect(await page.getByTestId('services-count-careerGuidance').textContent()).toContain('已做够');
    expect(await value('jobRecommendation')).toBe('0/3');
    expect(await tone(page, 'jobRecommendation')).toBe('red');
    expect(await tone(page, 'trainingOffer')).toBe('red');
    expect(await page.getByTestId('service-saved').textContent()).toContain('已记录：职业指导');

    // On the server: the one service, by this officer, and the count.
    const token = await api.loginAs('demo-staff-county');
    const year = chinaMonth(new Date()).slice(0, 4);
    const stored = await api.call('GET', `/api/v1/registry/workers/${worker.workerId}/services?year=${year}`, { token });
    expect(stored.status).toBe(200);
    expect(stored.body.counts).toEqual({ jobRecommendation: 0, careerGuidance: 1, trainingOffer: 0 });
    expect(stored.body.services).toHaveLength(1);
    const [service] = stored.body.services;
    expect(service).toMatchObject({ kind: 'careerGuidance', note: NOTE, by: 'demo-staff-county' });

    // Listed on the page: the date in words, the kind, the note.
    const entry = page.getByTestId(`service-${service.serviceId}`);
    await entry.waitFor(WAIT);
    const text = (await entry.textContent()) ?? '';
    expect(text).toMatch(/^\d{1,2}月\d{1,2}日职业指导/);
    expect(text).toContain(NOTE);
    await page.getByTestId('services-counts').scrollIntoViewIfNeeded();
    await shot(page, 'services-3-recorded');

    // 关怀版: the same section one step bigger (opening the record again asks why again).
    await reloadInCareMode(page, api, token);
    await page.getByTestId('purpose-service').click();
    await expect.poll(() => value('careerGuidance'), WAIT).toBe('1/1');
    await page.getByTestId('services-counts').scrollIntoViewIfNeeded();
    await shot(page, 'services-4-care');
    await page.getByTestId('service-start').click();
    await page.getByTestId('service-kind-trainingOffer').click();
    await page.getByTestId('service-form').scrollIntoViewIfNeeded();
    await shot(page, 'services-5-care-form');
  });
});
