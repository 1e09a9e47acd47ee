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

/** The two small phones every page is looked at on. */
export const PHONES = [
  { width: 320, height: 568 },
  { width: 375, height: 667 },
] as const;

/** A screenshot of what the page shows now on each small phone (scrolled to `scrollTo` first), each checked with axe. */
export async function onPhones(page: Page, name: string, what: string, scrollTo?: string): Promise<void> {
  for (const size of PHONES) {
    await page.setViewportSize(size);
    if (scrollTo) await page.getByTestId(scrollTo).scrollIntoViewIfNeeded();
    await shot(page, `${name}-${size.width}x${size.height}`);
    await expectAccessible(page, `${what} at ${size.width}×${size.height}`);
  }
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

/** What `sizesOnScreen` found too small: each text or target with its size and where it is. */
export interface TooSmall {
  what: 'text' | 'target';
  size: string;
  text: string;
  path: string;
}

/**
 * Computed sizes on the page shown now (the top Taro page): every visible text smaller than
 * `minText` CSS px, and every tap target (buttons, switches, choices, links, inputs, map pins)
 * narrower or lower than `minTarget`. The MIIT 适老化 rules: ≥ 18 px and ≥ 48 px in care mode.
 */
export async function sizesOnScreen(page: Page, minText: number, minTarget: number): Promise<TooSmall[]> {
  return page.evaluate(
    ({ minText, minTarget }) => {
      const pages = Array.from(document.querySelectorAll('.taro_router > .taro_page')).filter(
        (p) => getComputedStyle(p).display !== 'none',
      );
      const root = pages[pages.length - 1] ?? document.body;
      const shown = (el: Element) => {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0;
      };
      const path = (el: Element) => {
        const id = el.closest('[data-testid]')?.getAttribute('data-testid');
        return `${el.tagName.toLowerCase()}.${Array.from(el.classList).slice(0, 2).join('.')}${id ? ` in [${id}]` : ''}`;
      };
      const found: { what: 'text' | 'target'; size: string; text: string; path: string }[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent?.trim();
        const parent = node.parentElement;
        if (!text || !parent || !shown(parent)) continue;
        const size = parseFloat(getComputedStyle(parent).fontSize);
        if (size < minText - 0.05)
          found.push({ what: 'text', size: `${size.toFixed(1)}px`, text: text.slice(0, 30), path: path(parent) });
      }
      const targets = root.querySelectorAll(
        'button, a[href], input, textarea, [role=button], [role=switch], [role=radio], [role=checkbox], [role=tab], .nut-button',
      );
      for (const el of Array.from(targets)) {
        if (!shown(el)) continue;
        const rect = el.getBoundingClientRect();
        if (rect.width < minTarget - 0.5 || rect.height < minTarget - 0.5) {
          found.push({
            what: 'target',
            size: `${Math.round(rect.width)}×${Math.round(rect.height)}`,
            text: (el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30),
            path: path(el),
          });
        }
      }
      return found;
    },
    { minText, minTarget },
  );
}
