import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseLanguage, DESKTOP, launchBrowser, login, openPage, shot } from './browser-kit.ts';
import { startServer } from './server-harness.ts';
import type { RunningServer } from './server-harness.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;

describe('callback reports (real server, real Chromium)', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the callback supervisor reads the rates with their fraction behind the "why", in zh-CN and en-US', async () => {
    const { page, problems, close } = await openPage(browser!, server!.baseUrl, DESKTOP);
    await login(page, 'callback');
    await page.goto('/callbacks/reports');
    const card = page.locator('.programme-kpi', { hasText: '回访率' });
    await expect.poll(() => card.isVisible()).toBe(true);
    await expect.poll(() => card.locator('.programme-kpi-value').innerText()).toMatch(/^\d+\.\d%$/);
    await card.getByRole('button').click();
    const why = page.locator('.ant-popover:not(.ant-popover-hidden)', { hasText: '回访率' });
    await expect.poll(() => why.getByText(/^\d+ ÷ \d+ = \d+\.\d%$/).isVisible()).toBe(true);
    await shot(page, 'callback-reports-zh-CN.png');
    await page.keyboard.press('Escape');

    await chooseLanguage(page, 'English');
    const rate = page.locator('.programme-kpi', { hasText: 'Appeal rate' });
    await expect.poll(() => rate.isVisible()).toBe(true);
    await rate.getByRole('button').click();
    await expect
      .poll(() =>
        page
          .locator('.ant-popover:not(.ant-popover-hidden)', { hasText: 'Appeal rate' })
          .getByText(/^\d+ ÷ \d+ = /)
          .isVisible(),
      )
      .toBe(true);
    await shot(page, 'callback-reports-en-US.png');

    // Leave the demo account in its default language for the other sessions.
    await page.keyboard.press('Escape');
    await chooseLanguage(page, '中文');
    await expect.poll(() => page.locator('.programme-kpi', { hasText: '申诉率' }).isVisible()).toBe(true);
    await close();
    expect(problems).toEqual([]);
  });
});
