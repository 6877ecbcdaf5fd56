import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { watchProblems } from './page-problems.ts';
import { repoRoot } from './server-harness.ts';

/** What the browser suites share: one Chromium, pages in zh-CN at Shanghai time, settled screenshots. */
export const SCREENSHOTS = path.join(repoRoot, 'docs', 'screenshots');
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 375, height: 812 };
export const PASSWORD = 'demo1234';

export interface Session {
  page: Page;
  problems: string[];
  close: () => Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
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

export async function openPage(
  browser: Browser,
  baseURL: string,
  viewport: { width: number; height: number },
  options: { warnings: boolean } = { warnings: false },
): Promise<Session> {
  const context = await browser.newContext({
    viewport,
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const problems = watchProblems(page, options);
  return { page, problems, close: () => context.close() };
}

/** Waits until nothing is loading and no toast is showing, so pictures show settled pages. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.ant-skeleton').count(), { timeout: 15_000 }).toBe(0);
  await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
  // Let antd's motion finish (modals, drawers) before the picture is taken.
  await page.waitForTimeout(500);
}

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await settle(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage });
}

export async function login(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function chooseLanguage(page: Page, label: '中文' | 'English'): Promise<void> {
  await page.locator('.app-header .ant-segmented').getByText(label, { exact: true }).click();
}
