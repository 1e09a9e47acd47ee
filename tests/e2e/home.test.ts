/** A worker opens the H5 app, logs in with a demo account and sees their home page. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApi } from '../support/api.js';
import { phonePage, snapshot } from '../support/browser.js';
import { closeAll, startDemoH5 } from '../support/journeys.js';

let api: TestApi;
let browser: Browser;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
});
afterAll(() => closeAll(browser, api));

describe('H5 app in Chromium', () => {
  it('logs a demo worker in and shows their home page', async () => {
    const page = await phonePage(browser);
    const worker = (await api.ctx.users.get('demo-worker-1'))!;

    await page.goto(api.url);
    await page.getByTestId('home-login').click();
    await page.getByTestId('dev-login-user-demo-worker-1').click();

    const greeting = page.getByTestId('home-greeting');
    await expect.poll(() => greeting.textContent(), { timeout: 15_000 }).toContain(worker.displayName);
    await snapshot(page, 'home-worker');

    // The session survives a reload (the token is kept on the device).
    await page.reload();
    await expect.poll(() => page.getByTestId('home-greeting').textContent(), { timeout: 15_000 }).toContain(worker.displayName);
  });

  it('turns on care mode (关怀版), which the server remembers', async () => {
    const page = await phonePage(browser);
    await page.goto(api.url);
    await page.getByTestId('home-login').click();
    await page.getByTestId('dev-login-user-demo-worker-2').click();
    await page.getByTestId('care-mode-toggle').click();
    await expect.poll(async () => (await api.ctx.users.get('demo-worker-2'))?.careMode, { timeout: 10_000 }).toBe(true);
    await snapshot(page, 'home-worker-care-mode');
  });
});
