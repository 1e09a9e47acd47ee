/**
 * 就业帮扶码 in Chromium, as the issue tells it: the worker opens 我的帮扶码; the QR is read from
 * the page (screenshot → decoder); a township officer "scans" it by uploading that picture,
 * sees the service card and records career guidance; the worker sees the scan in
 * 个人信息使用记录. Then an employer at a fair scans the same worker, waits, and sees the
 * record only after the worker taps 同意 on their own phone, and finds them again later in its
 * list; the worker checks in at a recruitment event and its officer sees who came.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate, isListable } from '@bangfu/shared';
import { demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import type { TestApi } from '../support/api.js';
import { ARTIFACTS, expectAccessible, fill, shot, WAIT } from '../support/browser.js';
import { bindDemoWorker, closeAll, jinshanEventToday, loggedInPhone, openFromHome, startDemoH5 } from '../support/journeys.js';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
});
afterAll(() => closeAll(browser, api));

/** The QR on the worker's screen, photographed: the element's screenshot, saved for the officer's upload, and its text. */
async function photographCode(page: Page, name: string): Promise<{ path: string; text: string }> {
  const image = page.getByTestId('my-code-image');
  await image.waitFor(WAIT);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), WAIT).toBeGreaterThan(0);
  const png = await image.screenshot();
  const path = join(ARTIFACTS, `${name}.png`);
  await writeFile(path, png);
  const decoded = PNG.sync.read(png);
  const text = jsQR(new Uint8ClampedArray(decoded.data), decoded.width, decoded.height)?.data;
  expect(text, `no QR read from ${path}`).toBeDefined();
  return { path, text: text! };
}

describe('就业帮扶码 in Chromium', () => {
  it('is scanned from a photo by the worker’s township officer, who records career guidance the worker then sees', async () => {
    const { worker } = await bindDemoWorker(api);
    const name = (await api.ctx.workers.getItem(worker.workerId))!.name;
    const phone = await openFromHome(browser, api, 'demo-worker-1', 'help-code');
    const photo = await photographCode(phone, 'codes-qr-photo');
    expect(photo.text.startsWith(`${api.url}/c/`)).toBe(true);
    expect(photo.text).not.toContain(worker.workerId); // signed, not readable as an id in the clear
    await shot(phone, 'codes-1-my-code');
    await expectAccessible(phone, '我的帮扶码');

    const officer = await openFromHome(browser, api, 'demo-staff-township-1', 'scan');
    await officer.getByTestId('scan-photo-input').setInputFiles(photo.path);
    const card = officer.getByTestId('scan-card');
    await card.waitFor(WAIT);
    expect(await officer.getByTestId('scan-card-name').textContent()).toContain(`${[...name][0]}*`);
    expect(await card.textContent()).not.toContain(name);
    await shot(officer, 'codes-2-service-card');
    await expectAccessible(officer, '扫码服务：服务卡');

    await officer.getByTestId('scan-service-kind-careerGuidance').click();
    await fill(officer, 'scan-service-note', '扫码后讲了怎么找离家近的工作');
    await officer.getByTestId('scan-service-save').click();
    await expect.poll(() => officer.getByTestId('scan-service-saved').textContent(), WAIT).toContain('职业指导');
    await shot(officer, 'codes-3-service-saved');
    const county = await api.loginAs('demo-staff-county');
    const services = await api.call('GET', `/api/v1/registry/workers/${worker.workerId}/services`, { token: county });
    expect(services.body.counts.careerGuidance).toBe(1);
    expect(services.body.services[0]).toMatchObject({ kind: 'careerGuidance', by: 'demo-staff-township-1' });

    await phone.getByTestId('code-data-uses').click();
    const entry = phone.getByTestId('data-use-entry').first();
    await entry.waitFor(WAIT);
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain('扫了您的帮扶码');
    expect(text).toContain('金山镇');
    expect(text).not.toContain('demo-staff');
    await shot(phone, 'codes-4-data-uses');
    await expectAccessible(phone, '个人信息使用记录');
  });

  it('shows an employer the worker’s record only after the worker taps 同意 on their own phone', async () => {
    const phone = await openFromHome(browser, api, 'demo-worker-1', 'help-code');
    const photo = await photographCode(phone, 'codes-qr-photo-fair');
    const employer = await openFromHome(browser, api, 'demo-employer-1', 'employer-scan');
    await employer.getByTestId('scan-photo-input').setInputFiles(photo.path);
    await employer.getByTestId('scan-waiting').waitFor(WAIT);
    await shot(employer, 'codes-5-employer-waiting');

    const ask = phone.getByTestId('consent-request');
    await ask.waitFor({ timeout: 20_000 });
    expect(await ask.textContent()).toContain('金山镇服装加工帮扶车间');
    await shot(phone, 'codes-6-consent-request');
    await phone.getByTestId('consent-agree').click();
    await phone.getByTestId('consent-answered').waitFor(WAIT);

    const shared = employer.getByTestId('scan-shared');
    await shared.waitFor({ timeout: 20_000 });
    const name = (await api.ctx.workers.findByIdNumber(demoIdNumber(1)))!.name;
    expect(await employer.getByTestId('scan-shared-name').textContent()).toContain(name);
    await shot(employer, 'codes-7-employer-shared');
    await expectAccessible(employer, '扫码看求职者：已同意');

    // Back at the office, the employer finds the same person in its list of those who agreed.
    const later = await openFromHome(browser, api, 'demo-employer-1', 'employer-shares');
    const listed = later.getByTestId('shares-list').getByTestId('scan-shared-name').filter({ hasText: name });
    await listed.waitFor(WAIT);
    await shot(later, 'codes-8-employer-shares');
    await expectAccessible(later, '同意给我看信息的求职者');
  });

  it('checks a worker in at a recruitment event from its page; the township officer sees who came', async () => {
    const employer = await api.loginAs('demo-employer-1');
    const positionId = (await api.call('GET', '/api/v1/me/positions', { token: employer })).body.positions.find(
      (p: Parameters<typeof isListable>[0]) => isListable(p, chinaDate(new Date())),
    ).positionId;
    const eventId = await jinshanEventToday(api, positionId);

    const phone = await loggedInPhone(browser, api, 'demo-worker-1');
    await phone.goto(`${api.url}/#/codes/pages/event/index?id=${eventId}`);
    await phone.getByTestId('event-check-in').click();
    await phone.getByTestId('event-checked-in').waitFor(WAIT);

    const officer = await openFromHome(browser, api, 'demo-staff-township-1', 'events');
    await expect.poll(() => officer.getByTestId(`event-attendance-${eventId}`).textContent(), WAIT).toContain('签到 1 人');
    await officer.getByTestId(`event-who-${eventId}`).click();
    const attendee = officer.getByTestId(`event-attendees-${eventId}`).getByTestId('event-attendee');
    await attendee.waitFor(WAIT);
    const name = (await api.ctx.workers.findByIdNumber(demoIdNumber(1)))!.name;
    // The village by its name, once the township's names have come.
    await expect.poll(() => attendee.textContent(), WAIT).toMatch(/(村|村委会) · \d+月\d+日 \d+:\d\d 签到$/);
    const text = (await attendee.textContent())!;
    expect(text).toContain(`${[...name][0]}*`);
    expect(text).not.toContain(name);
    await shot(officer, 'codes-9-event-attendees');
    await expectAccessible(officer, '招聘会：签到名单');
  });
});
