/**
 * Steps the end-to-end suites share: the H5 build served over the demo county, a demo account
 * logged in on a phone and sent to one of its pages, a worker whose month makes a subsidy due,
 * and 关怀版 turned on.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { chinaDate, chinaMonth, type Claim } from '@bangfu/shared';
import { keys } from '../../functions/src/db/tableSchema.js';
import { ensureMiniappBuild, LOCAL_H5_ENV } from '../../functions/src/local/miniappBuild.js';
import { miniappDist } from '../../functions/src/local/paths.js';
import { demoIdNumber } from '../../functions/src/local/seed/demoCounty.js';
import { startDemoCountyApi, type TestApi } from './api.js';
import { fill, launchChromium, logIn, phonePage, WAIT } from './browser.js';

/**
 * The API serving the H5 build over a freshly seeded demo county, and Chromium to drive it. The
 * build (the stamp `npm start` uses) is started with the run (h5BuildGlobalSetup.ts); a suite
 * starting before it is done waits for it.
 */
export async function startDemoH5(env?: Record<string, string>): Promise<{ api: TestApi; browser: Browser }> {
  await ensureMiniappBuild('h5', { env: LOCAL_H5_ENV, log: (line) => console.log(line) });
  const api = await startDemoCountyApi({ staticDir: miniappDist('h5'), ...(env ? { env } : {}) });
  try {
    return { api, browser: await launchChromium() };
  } catch (error) {
    // The suite never gets the api to close: free its server and table here.
    await api.close();
    throw error;
  }
}

/** Closes what a suite started, in order, passing over what a failed beforeAll never started. */
export async function closeAll(...started: ({ close(): Promise<void> } | undefined)[]): Promise<void> {
  for (const thing of started) await thing?.close();
}

/** A new phone, logged in as `userId` through the dev-login page, on its home page. */
export async function loggedInPhone(browser: Browser, api: TestApi, userId: string): Promise<Page> {
  const page = await phonePage(browser);
  await logIn(page, api, userId);
  return page;
}

/**
 * A test's own account (e.g. the worker of claimFor) offered on the dev-login page, after the demo's,
 * as the seed offers the demo's: so a suite can open that person's pages as they would.
 */
export async function offerDevLogin(api: TestApi, userId: string): Promise<void> {
  const user = (await api.ctx.users.get(userId))!;
  const login = { userId, role: user.role, displayName: user.displayName, description: '测试账号' };
  await api.ctx.table.db.send(
    new PutCommand({ TableName: api.tableName, Item: { ...keys.demoLogin(9999, userId), type: 'demoLogin', ...login } }),
  );
}

/** A new phone, logged in as `userId`, on the page behind the home page's `home-entry-${entry}`. */
export async function openFromHome(browser: Browser, api: TestApi, userId: string, entry: string): Promise<Page> {
  const page = await loggedInPhone(browser, api, userId);
  await page.getByTestId(`home-entry-${entry}`).click();
  return page;
}

/**
 * From the home page, finds a person in 台账 by name and opens their record, answering why it
 * is opened (staff are asked each time).
 */
export async function openWorkerRecord(
  page: Page,
  worker: { name: string; workerId: string },
  purpose: 'service' | 'monthlyUpdate' | 'verification',
): Promise<void> {
  await page.getByTestId('home-entry-registry').click();
  await page.getByTestId('registry-search').waitFor(WAIT);
  await fill(page, 'registry-search', worker.name);
  await page.getByTestId('registry-search-submit').click();
  const row = page.getByTestId(`registry-row-${worker.workerId}`);
  await row.waitFor(WAIT);
  await row.click();
  await page.getByTestId(`purpose-${purpose}`).click();
}

/** demo-worker-1 binds their account to their registry record (as 我的信息 does). */
export async function bindDemoWorker(api: TestApi): Promise<{ token: string; worker: { workerId: string; version: number } }> {
  const token = await api.loginAs('demo-worker-1');
  const account = (await api.ctx.users.get('demo-worker-1'))!;
  const bound = await api.call('POST', '/api/v1/me/worker/bind', {
    token,
    body: { name: account.displayName, idNumber: demoIdNumber(1) },
  });
  expect(bound.status, JSON.stringify(bound.body)).toBe(200);
  return { token, worker: bound.body.worker };
}

/**
 * demo-worker-1, bound, whose village officer records this month: working in another province,
 * which makes the one-off transport subsidy due.
 */
export async function workerWithTransportDue(api: TestApi): Promise<{ token: string; workerId: string }> {
  const { token, worker } = await bindDemoWorker(api);
  const officer = await api.loginAs('demo-staff-village-1');
  const month = await api.call('PUT', `/api/v1/registry/workers/${worker.workerId}/employment/${chinaMonth(new Date())}`, {
    token: officer,
    body: { status: 'employed', place: 'acrossProvince', form: 'enterprise', monthlyIncomeFen: 480_000 },
  });
  expect(month.status, JSON.stringify(month.body)).toBe(200);
  return { token, workerId: worker.workerId };
}

/** The worker claims all that is due (申领全部); the transport subsidy's claim among them. */
export async function claimTransportWithTheRest(api: TestApi, token: string): Promise<Claim> {
  const claimed = await api.call('POST', '/api/v1/me/subsidies/claims', {
    token,
    body: { idempotencyKey: crypto.randomUUID() },
  });
  expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
  const transport = (claimed.body.claims as Claim[]).find((c) => c.subsidy === 'transport_once');
  expect(transport, 'the transport subsidy is due and claimed').toBeTruthy();
  return transport!;
}

/** Sets 关怀版 for the account behind `token`, through the API as its 我的 page does. */
export async function setCareMode(api: TestApi, token: string, careMode: boolean): Promise<void> {
  const me = await api.call('GET', '/api/v1/me', { token });
  await api.call('PATCH', '/api/v1/me', { token, body: { version: me.body.user.version, careMode } });
}

/** Turns 关怀版 on for the account behind `token` and reloads: the page shows it one step bigger. */
export async function reloadInCareMode(page: Page, api: TestApi, token: string): Promise<void> {
  await setCareMode(api, token, true);
  await page.reload();
  await page.locator('.bf-care').first().waitFor(WAIT);
}

/** A recruitment event of 金山镇 today, held by its township officer, offering `positionId`: its id. */
export async function jinshanEventToday(api: TestApi, positionId: string): Promise<string> {
  const event = await api.call('POST', '/api/v1/events', {
    token: await api.loginAs('demo-staff-township-1'),
    body: {
      title: '金山镇招聘会',
      regionCode: '150222102',
      place: '金山镇政府',
      date: chinaDate(new Date()),
      positionIds: [positionId],
    },
  });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  return event.body.event.eventId as string;
}
