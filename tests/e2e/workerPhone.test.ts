/**
 * The worker's phone (#16), measured in Chromium at 320×568 and 375×667 with touch: the first
 * tap on the map zooms a cluster or opens a pin (the page does not jump under the finger); the
 * four everyday tasks sit in the first screen after binding; a tap anywhere in an input box
 * focuses it; in 关怀版 every visible text is ≥ 18 px and every target ≥ 48 px (≥ 16 px text
 * otherwise); 去登录 comes back to the job; 返回 and 首页 on every page; 朗读 where the browser
 * speaks Chinese. And the tap counts the README promises: find a job nearby and apply ≤ 4, see
 * and claim my subsidies ≤ 2, see my application ≤ 1.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servingPoint } from '@bangfu/shared';
import type { TestApi } from '../support/api.js';
import { expectAccessible, logIn, shot, sizesOnScreen, WAIT } from '../support/browser.js';
import { closeAll, setCareMode, startDemoH5, workerWithTransportDue } from '../support/journeys.js';

const PHONES = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
];

let api: TestApi;
let browser: Browser;
let workerToken: string;

beforeAll(async () => {
  ({ api, browser } = await startDemoH5());
  // demo-worker-1, bound, with this month recorded as employed in another province: a subsidy is due.
  ({ token: workerToken } = await workerWithTransportDue(api));
});
afterAll(() => closeAll(browser, api));

async function touchPhone(size: { width: number; height: number }, userId?: string, init?: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: size,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    hasTouch: true,
    isMobile: true,
  });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  if (userId) await logIn(page, api, userId);
  else await page.goto(api.url);
  return page;
}

/** The top page's scroll (Taro's H5 router scrolls each page in a box of its own). */
const scrollOf = (page: Page) =>
  page.evaluate(() =>
    Math.max(
      ...Array.from(document.querySelectorAll('.taro_page')).map((p) =>
        getComputedStyle(p).display === 'none' ? 0 : p.scrollTop,
      ),
    ),
  );

/** The cluster, pin or service point on screen, uncovered, nearest the middle of the map, and where to tap it. */
async function visibleTarget(page: Page, selector: string): Promise<{ testId: string; x: number; y: number } | undefined> {
  return page.evaluate((selector) => {
    const map = document.querySelector('[data-testid="job-map"]')!.getBoundingClientRect();
    const middle = { x: map.left + map.width / 2, y: map.top + map.height / 2 };
    const inView = (r: DOMRect) =>
      r.top >= map.top && r.bottom <= Math.min(map.bottom, window.innerHeight) && r.left >= map.left && r.right <= map.right;
    const found = Array.from(document.querySelectorAll(selector))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => inView(r))
      // Not under another marker: what a finger at its middle would touch is it.
      .filter(({ el, r }) => el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)))
      .map(({ el, r }) => ({ testId: el.getAttribute('data-testid')!, x: r.left + r.width / 2, y: r.top + r.height / 2 }))
      .sort((a, b) => Math.hypot(a.x - middle.x, a.y - middle.y) - Math.hypot(b.x - middle.x, b.y - middle.y));
    return found[0];
  }, selector);
}

/** visibleTarget once the map has stopped changing: the same target at the same place twice, 400 ms apart. */
async function settledTarget(page: Page, selector: string): ReturnType<typeof visibleTarget> {
  let before = await visibleTarget(page, selector);
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(400);
    const now = await visibleTarget(page, selector);
    if (JSON.stringify(now) === JSON.stringify(before)) return now;
    before = now;
  }
  throw new Error(`the map kept changing under ${selector}`);
}

describe.each(PHONES)('the worker’s phone at $width×$height', (size) => {
  it('opens a cluster and then a pin with the first tap each, and never asks for a map of no size', async () => {
    const page = await touchPhone(size);
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/positions/map') && r.status() >= 400) refused.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${api.url}/#/worker/pages/jobs/index`);
    await expect.poll(() => page.getByTestId('map-status').textContent(), WAIT).toMatch(/有 \d+ 个岗位/);
    // The map starts high enough that its middle is on the first screen.
    const map = (await page.getByTestId('job-map').boundingBox())!;
    expect(map.y + map.height / 2).toBeLessThan(size.height);

    // Each tap on a cluster zooms in at once, without scrolling the page; then one tap on a pin opens it.
    for (let i = 0; i < 6 && !(await visibleTarget(page, '[data-testid^="map-marker-"]')); i++) {
      const cluster = await visibleTarget(page, '[data-testid^="map-cluster-"]');
      expect(cluster, 'a cluster on the first screen').toBeTruthy();
      const before = await scrollOf(page);
      const zoomed = page.waitForResponse((r) => r.url().includes('/positions/map') && r.request().method() === 'GET');
      await page.touchscreen.tap(cluster!.x, cluster!.y);
      await zoomed;
      expect(await scrollOf(page), 'the page did not move under the finger').toBe(before);
      await page.waitForTimeout(300);
    }
    const pin = await visibleTarget(page, '[data-testid^="map-marker-"]');
    expect(pin, 'a job pin on the first screen').toBeTruthy();
    await page.touchscreen.tap(pin!.x, pin!.y);
    const card = page.getByTestId('map-selected-card');
    await card.waitFor(WAIT);
    await shot(page, `phone-map-first-tap-${size.width}`);

    // Leaving the map (返回 goes home: the map was opened on its own) asks for nothing more.
    await page.locator('[data-testid="nav-back"]:visible').click();
    await page.getByTestId('home-greeting').waitFor(WAIT);
    await page.waitForTimeout(800);
    expect(refused).toEqual([]);
    await page.context().close();
  });

  it('puts the four everyday tasks and 关怀版 in the first screen after binding', async () => {
    const page = await touchPhone(size, 'demo-worker-1');
    await page.getByTestId('home-recommendations').waitFor(WAIT);
    for (const task of ['jobs', 'subsidies', 'applications', 'me', 'care-mode-toggle']) {
      const box = (await page.getByTestId(task === 'care-mode-toggle' ? task : `home-entry-${task}`).boundingBox())!;
      expect(box.y + box.height, `${task} is in the first screen`).toBeLessThanOrEqual(size.height);
    }
    // Bound: 我的信息 no longer asks to bind.
    expect(await page.getByTestId('home-entry-me').textContent()).not.toContain('绑定身份');
    await shot(page, `phone-home-bound-${size.width}`);
    await page.context().close();
  });

  it('focuses an input wherever its box is tapped, not only on the line of text', async () => {
    const page = await touchPhone(size, 'demo-worker-2');
    await page.goto(`${api.url}/#/worker/pages/me/index`);
    const input = page.getByTestId('bind-name');
    await input.waitFor(WAIT);
    const frame = (await input.locator('xpath=ancestor::*[contains(@class, "nut-input")][1]').boundingBox())!;
    expect(frame.height).toBeGreaterThanOrEqual(44);
    for (const [x, y] of [
      [frame.x + 8, frame.y + 6],
      [frame.x + frame.width - 8, frame.y + frame.height - 6],
    ] as const) {
      await page.touchscreen.tap(x, y);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    }
    await page.context().close();
  });
});

/** The worker's pages, each with what it shows once loaded. */
const WORKER_PAGES: [string, string[]][] = [
  ['/pages/index/index', ['home-tasks']],
  ['/worker/pages/jobs/index', ['map-status']],
  ['/worker/pages/subsidies/index', ['subsidies-summary']],
  ['/worker/pages/applications/index', ['applications-list', 'applications-empty']],
  ['/worker/pages/me/index', ['me-name']],
  ['/worker/pages/recommendations/index', ['recommendations-all', 'recommendations-empty']],
  ['/worker/pages/claims/index', ['my-claims-empty', 'claim-timeline']],
];

async function showPage(page: Page, path: string, ready: string[]): Promise<void> {
  await page.goto(`${api.url}/#${path}`);
  await page
    .locator(ready.map((id) => `[data-testid="${id}"]`).join(', '))
    .first()
    .waitFor(WAIT);
  await page.waitForTimeout(500);
}

describe('sizes a person can read and hit (MIIT 适老化)', () => {
  it.each(PHONES)('in 关怀版 at $width×$height: text ≥ 18 px and targets ≥ 48 px on every worker page', async (size) => {
    await setCareMode(api, workerToken, true);
    const page = await touchPhone(size, 'demo-worker-1');
    await page.locator('.bf-care').first().waitFor(WAIT);
    const positionId = (await api.call('GET', '/api/v1/me/recommendations', { token: workerToken })).body.recommendations[0]
      .position.positionId;
    for (const [path, ready] of [
      ...WORKER_PAGES,
      [`/worker/pages/position/index?positionId=${positionId}`, ['position-title']],
    ] as const) {
      await showPage(page, path, [...ready]);
      expect(await sizesOnScreen(page, 18, 48), `${path} in 关怀版`).toEqual([]);
    }
    await shot(page, `phone-care-position-${size.width}`);
    await setCareMode(api, workerToken, false);
    await page.context().close();
  });

  it.each(PHONES)('in the normal mode at $width×$height: text ≥ 16 px and targets ≥ 44 px', async (size) => {
    const page = await touchPhone(size, 'demo-worker-1');
    for (const [path, ready] of WORKER_PAGES) {
      await showPage(page, path, ready);
      expect(await sizesOnScreen(page, 16, 44), path).toEqual([]);
      await expectAccessible(page, `${path} at ${size.width}px`);
    }
    await page.context().close();
  });
});

describe('tap counts (README): a job ≤ 4, my subsidies claimed ≤ 2, my application ≤ 1', () => {
  let page: Page;
  let taps = 0;
  let applied = '';
  const tap = async (target: Locator) => {
    taps += 1;
    await target.click();
  };
  afterAll(() => page?.context().close());

  it('finds a job nearby and applies in 4 taps: 找工作, 列表, the job, 我要报名', async () => {
    page = await touchPhone({ width: 375, height: 667 }, 'demo-worker-1');
    taps = 0;
    await tap(page.getByTestId('home-entry-jobs'));
    await tap(page.getByTestId('jobs-view-list'));
    const first = page.locator('[data-testid="job-list"] [data-testid^="job-card-"]').first();
    await first.waitFor(WAIT);
    await tap(first);
    await page.getByTestId('apply').waitFor(WAIT);
    applied = (await page.getByTestId('position-title').textContent())!;
    await tap(page.getByTestId('apply'));
    await expect.poll(() => page.getByTestId('apply-done').textContent(), WAIT).toContain('已报名');
    expect(taps).toBeLessThanOrEqual(4);
  });

  it('sees and claims every subsidy due in 2 taps: 我的补贴, 一键申领', async () => {
    await page.locator('[data-testid="nav-home"]:visible').click();
    taps = 0;
    await tap(page.getByTestId('home-entry-subsidies'));
    await tap(page.getByTestId('subsidies-claim-all'));
    await expect.poll(() => page.getByTestId('subsidies-notice').textContent(), WAIT).toContain('已申领');
    expect(taps).toBeLessThanOrEqual(2);
  });

  it('sees the application in 1 tap: 我的报名', async () => {
    await page.locator('[data-testid="nav-home"]:visible').click();
    taps = 0;
    await tap(page.getByTestId('home-entry-applications'));
    const list = page.getByTestId('applications-list');
    await expect.poll(() => list.textContent(), WAIT).toContain(applied);
    expect(await list.getByTestId('application-status').first().textContent()).toContain('已报名');
    expect(taps).toBe(1);
  });
});

describe('finding the way', () => {
  it('comes back to the job after 去登录, and 返回 / 首页 lead back and home', async () => {
    const page = await touchPhone({ width: 375, height: 667 });
    const positionId = (await api.call('GET', '/api/v1/me/recommendations', { token: workerToken })).body.recommendations[0]
      .position.positionId;
    await page.goto(`${api.url}/#/worker/pages/position/index?positionId=${positionId}`);
    const title = await page.getByTestId('position-title').textContent();
    await page.getByTestId('apply-login').click();
    await page.getByTestId('home-login').click();
    await page.getByTestId('dev-login-user-demo-worker-1').click();
    await expect.poll(() => page.getByTestId('position-title').textContent(), WAIT).toBe(title);
    expect(page.url()).toContain(positionId);
    // Opened on its own, 返回 has nothing behind it: it goes home.
    await page.locator('[data-testid="nav-back"]:visible').click();
    await page.getByTestId('home-tasks').waitFor(WAIT);
    // From home into 我的报名, 返回 comes back home; the home page itself has no bar.
    await page.getByTestId('home-entry-applications').click();
    await page.locator('[data-testid="nav-back"]:visible').click();
    await page.getByTestId('home-tasks').waitFor(WAIT);
    expect(await page.locator('[data-testid="nav-back"]:visible').count()).toBe(0);
    await page.context().close();
  });
});

describe('服务网点 on the job map', () => {
  it('shows the county’s service points as green squares; one tap shows the hours and a 打电话 button', async () => {
    const page = await touchPhone({ width: 375, height: 667 });
    await page.goto(`${api.url}/#/worker/pages/jobs/index`);
    // The squares come with the county's points, the jobs' clusters (drawn above them) after: wait for both.
    await expect
      .poll(() => page.getByTestId('map-status').textContent(), WAIT)
      .toMatch(/有 \d+ 个岗位.*绿色的“服”是就业服务网点/);
    const place = await settledTarget(page, '[data-testid^="map-place-"]');
    expect(place, 'a service point on the first screen').toBeTruthy();
    await page.touchscreen.tap(place!.x, place!.y);
    const card = page.getByTestId('map-selected-place');
    await card.waitFor(WAIT);
    const pointId = place!.testId.replace('map-place-', '');
    const seeded = (await api.ctx.servicePoints.get(pointId))!;
    expect(await card.textContent()).toContain(seeded.name);
    expect(await page.getByTestId('map-selected-place-status').textContent()).toMatch(/开门|关门/);
    await page.getByTestId('map-selected-place-call').waitFor(WAIT);
    await shot(page, 'phone-map-service-point');
    await page.context().close();
  });
});

describe('还差信息 that only staff record', () => {
  it('names the service point that keeps the worker’s record, with its hours and 打电话', async () => {
    const worker = (await api.call('GET', '/api/v1/me/worker', { token: workerToken })).body.worker;
    const { points } = await api.ctx.servicePoints.inRegion('150222', { limit: 100 });
    const expected = servingPoint(points, worker.villageCode)!;
    expect(expected, 'the demo county has a point serving the village').toBeTruthy();

    const page = await touchPhone({ width: 375, height: 667 }, 'demo-worker-1');
    await page.goto(`${api.url}/#/worker/pages/subsidies/index`);
    // 公益性岗位补贴 lacks the post held, which only staff record.
    const ask = page.getByTestId('subsidy-public_welfare_post-ask');
    await expect.poll(() => ask.textContent(), WAIT).toContain(expected.name);
    expect(await ask.textContent()).toContain('您不用交材料');
    await page.getByTestId('subsidy-public_welfare_post-ask-point-call').waitFor(WAIT);
    await shot(page, 'phone-subsidy-ask-officer');
    await page.context().close();
  });
});

/** The browser's speech, replaced: headless Chromium has no voices. Records what it is asked to say. */
const SPEECH = (voiceLang: string) => `
  window.__spoken = [];
  class Utterance { constructor(text) { this.text = text; this.lang = ''; } }
  window.SpeechSynthesisUtterance = Utterance;
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
    getVoices: () => [{ lang: '${voiceLang}', name: 'stub', default: true, localService: true, voiceURI: 'stub' }],
    speak(u) { window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.lang }); setTimeout(() => u.onend && u.onend(), 200); },
    cancel() {}, addEventListener() {}, removeEventListener() {},
  } });`;
const NO_SPEECH = `Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined });`;

describe('朗读', () => {
  it('reads a job and a subsidy out in Mandarin where the browser can, and is not there where it cannot', async () => {
    const positionId = (await api.call('GET', '/api/v1/me/recommendations', { token: workerToken })).body.recommendations[0]
      .position.positionId;
    const job = `/#/worker/pages/position/index?positionId=${positionId}`;

    const page = await touchPhone({ width: 375, height: 667 }, 'demo-worker-1', SPEECH('zh-CN'));
    await page.goto(`${api.url}${job}`);
    const title = (await page.getByTestId('position-title').textContent())!;
    await page.getByTestId('position-read-aloud').click();
    await expect.poll(() => page.getByTestId('position-read-aloud').textContent(), WAIT).toContain('停止朗读');
    const spoken = (
      await page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string; voice: string }[] }).__spoken)
    )[0]!;
    expect(spoken.lang).toBe('zh-CN');
    expect(spoken.voice).toBe('zh-CN');
    expect(spoken.text.startsWith(`${title}。`)).toBe(true);
    expect(spoken.text).toMatch(/元/);
    await expect.poll(() => page.getByTestId('position-read-aloud').textContent(), WAIT).toContain('朗读给我听');
    await shot(page, 'phone-read-aloud');

    await page.goto(`${api.url}/#/worker/pages/subsidies/index`);
    const transport = page.getByTestId('subsidy-transport_once-read-aloud');
    await transport.click();
    const said = await page.evaluate(() => (window as unknown as { __spoken: { text: string }[] }).__spoken.at(-1)!.text);
    expect(said).toContain(await page.getByTestId('subsidy-transport_once').locator('.bf-card__title > *').first().textContent());
    await page.context().close();

    for (const init of [NO_SPEECH, SPEECH('en-US')]) {
      const mute = await touchPhone({ width: 375, height: 667 }, 'demo-worker-1', init);
      await mute.goto(`${api.url}${job}`);
      await mute.getByTestId('position-title').waitFor(WAIT);
      expect(await mute.getByTestId('position-read-aloud').count()).toBe(0);
      await mute.context().close();
    }
  });
});
