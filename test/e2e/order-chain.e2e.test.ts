import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from './api-session.ts';
import type { ApiSession } from './api-session.ts';
import {
  chooseLanguage,
  DESKTOP,
  launchBrowser,
  login,
  openPage,
  PASSWORD,
  PHONE,
  settle,
  shot,
} from './browser-kit.ts';
import { startServer } from './server-harness.ts';
import type { RunningServer } from './server-harness.ts';

/** The district of the demo outlet the dispatcher and engineer belong to (广州天河). */
const DEMO_DISTRICT = '440106';
const TZ = 'Asia/Shanghai';

/** A 2×2 PNG, the smallest real photo the upload check accepts. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** 'YYYY-MM-DD' and 'HH:mm' on the business clock, `minutes` from now. */
function businessClock(minutes = 0): { date: string; time: string } {
  const at = new Date(Date.now() + minutes * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
const daysAhead = (n: number) => businessClock(n * 24 * 60).date;

interface CustomerItem {
  id: string;
  unitCount: number;
  openOrderCount?: number;
}
interface Revealed {
  phones: { number: string }[];
}

let server: RunningServer | undefined;
let browser: Browser | undefined;
let admin: ApiSession | undefined;
let dispatcherApi: ApiSession | undefined;

/** Types a date or time into an antd picker and confirms it the way a keyboard user does. */
async function pick(page: Page, id: string, value: string): Promise<void> {
  const input = page.locator(`#${id}`);
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

/** The footer OK of the open modal (antd spaces two-character Chinese labels). */
const modalOk = (page: Page, name: RegExp = /确\s*认|OK|Confirm/): Locator =>
  page.locator('.ant-modal-wrap:visible .ant-modal-footer').getByRole('button', { name });

async function waitModalClosed(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-modal-wrap:visible').count(), { timeout: 15_000 }).toBe(0);
}

async function statusIs(page: Page, text: string): Promise<void> {
  await expect
    .poll(() => page.locator('.order-header .status-tag').first().textContent(), { timeout: 15_000 })
    .toBe(text);
}

/** A demo customer of the Tianhe outlet's district with a unit and a mobile, as spoken on the phone. */
async function tianheCaller(): Promise<string> {
  if (!admin) throw new Error('not started');
  const page = await admin.get<{ items: CustomerItem[] }>(
    `/api/customers?regionCode=${DEMO_DISTRICT}&pageSize=50`,
  );
  for (const customer of page.items.filter((c) => c.unitCount > 0)) {
    const revealed = await admin.post<Revealed>(`/api/customers/${customer.id}/reveal`);
    const mobile = revealed.phones.map((p) => p.number).find((n) => /^\+861\d{10}$/.test(n));
    if (mobile) {
      const national = mobile.slice(3);
      return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
    }
  }
  throw new Error('No demo customer in the Tianhe district with a unit and a mobile');
}

describe('one order from the hotline to a verified close (real server, real Chromium)', () => {
  let order: { id: string; number: string } | undefined;
  let engineerCode = '';

  beforeAll(async () => {
    server = await startServer();
    admin = await apiSession(server.baseUrl, 'admin', PASSWORD);
    dispatcherApi = await apiSession(server.baseUrl, 'dispatcher', PASSWORD);
    const engineer = await apiSession(server.baseUrl, 'engineer', PASSWORD);
    engineerCode = (await engineer.get<{ engineer: { code: string } }>('/api/engineer/jobs')).engineer.code;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const desktop = () => openPage(browser!, server!.baseUrl, DESKTOP);
  const phone = () => openPage(browser!, server!.baseUrl, PHONE);

  it('the agent takes the call: the order is created and sent to the proposed outlet', async () => {
    const spoken = await tianheCaller();
    const { page, problems, close } = await desktop();
    try {
      await login(page, 'agent');
      await page.waitForURL(/\/orders\/new/);
      await page.locator('#caller-phone').fill(spoken);
      const fault = page.locator('.intake-form-card textarea');
      await fault.waitFor();
      await fault.fill('空调不制冷，室外机不启动');
      await page.locator('.proposal-card .proposal-name').first().waitFor();
      await fault.press('Enter');
      const number = page.locator('.order-number-big');
      await number.waitFor();
      const text = (await number.textContent())?.trim() ?? '';
      expect(text).toMatch(/^WO\d{8}-\d{6}$/);
      const found = await dispatcherApi!.get<{ items: { id: string; number: string }[] }>(
        `/api/work-orders?number=${encodeURIComponent(text)}`,
      );
      order = found.items.find((o) => o.number === text);
      expect(order, 'the dispatcher of the Tianhe outlet sees the new order').toBeDefined();
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: '/tmp/fail-1.png' });
      throw error;
    } finally {
      await close();
    }
  });

  it('the dispatcher accepts, assigns the engineer and books the visit', async () => {
    const { page, problems, close } = await desktop();
    try {
      await login(page, 'dispatcher');
      await page.goto(`/orders/${order!.id}`);
      await page.getByText(order!.number).first().waitFor();
      await page
        .locator('.order-actions')
        .getByRole('button', { name: /接\s*单/ })
        .click();
      await modalOk(page).click();
      await statusIs(page, '已接单');

      await page
        .locator('.order-actions')
        .getByRole('button', { name: /派\s*工/ })
        .click();
      const select = page.locator('.ant-modal-wrap:visible .ant-select').first();
      await select.click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: engineerCode })
        .click();
      await modalOk(page).click();
      await statusIs(page, '已派工');

      await page.getByRole('tab', { name: /预约/ }).click();
      await page.getByRole('button', { name: '预约上门' }).click();
      await pick(page, 'appointment_day', daysAhead(1));
      await pick(page, 'appointment_windowStart', '09:00');
      await pick(page, 'appointment_windowEnd', '11:00');
      await page.locator('.ant-modal-wrap:visible').getByRole('radio', { name: '用户本人' }).check();
      await modalOk(page).click();
      await waitModalClosed(page);
      await statusIs(page, '已预约');
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: '/tmp/fail-2.png' });
      throw error;
    } finally {
      await close();
    }
  });

  it('on a phone the engineer arrives, requests the part and records AWAITING_PARTS', async () => {
    const { page, problems, close } = await phone();
    try {
      await login(page, 'engineer');
      await page.waitForURL(/\/engineer\/jobs/);
      await page.locator('.engineer-jobs .ant-segmented').getByText('明天').click();
      const card = page.locator('.order-card', { hasText: order!.number });
      await card.waitFor();
      await card.getByRole('button', { name: /已到达/ }).click();
      await card.getByRole('button', { name: /申请配件/ }).waitFor();

      await card.getByRole('button', { name: /申请配件/ }).click();
      await page.locator('#partRequest_partName').fill('压缩机');
      await page.locator('.ant-modal-wrap:visible').getByRole('radio', { name: '事业部发货' }).check();
      await modalOk(page).click();
      await waitModalClosed(page);

      await card.getByRole('button', { name: /登记结果/ }).click();
      await pick(page, 'result_expectedArrivalDate', daysAhead(2));
      await page.locator('#result_customerInformed').check();
      await page.locator('.ant-modal-wrap:visible').getByRole('radio', { name: '用户本人' }).first().check();
      await page.locator('#result_contactPhone').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
      await pick(page, 'result_nextVisit_date', daysAhead(2));
      await pick(page, 'result_nextVisit_start', '14:00');
      await pick(page, 'result_nextVisit_end', '16:00');
      await shot(page, 'engineer-awaiting-parts-zh-CN-375.png');
      await modalOk(page).click();
      await waitModalClosed(page);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(375);
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: '/tmp/fail-3.png' });
      throw error;
    } finally {
      await close();
    }
  });

  it('the part arrives: the dispatcher records its station and outlet arrival and books the visit again', async () => {
    const { page, problems, close } = await desktop();
    try {
      await login(page, 'dispatcher');
      await page.goto(`/orders/${order!.id}?tab=parts`);
      await statusIs(page, '待件');
      const row = page.getByRole('row', { name: /压缩机/ });
      await row.getByRole('button', { name: /更新进度/ }).click();
      // Part times are facts: the server takes them up to 5 min ahead of its clock (devices drift), which
      // gives this quick run a transit of a few minutes to deduct.
      const arrival = businessClock(4);
      await pick(page, 'partProgress_stationArrivalAt', `${arrival.date} ${arrival.time}`);
      await pick(page, 'partProgress_arrivedAtOutletAt', `${arrival.date} ${arrival.time}`);
      await modalOk(page).click();
      await waitModalClosed(page);

      await page.getByRole('tab', { name: /预约/ }).click();
      await page.getByRole('button', { name: '预约上门' }).click();
      await pick(page, 'appointment_day', daysAhead(1));
      await pick(page, 'appointment_windowStart', '14:00');
      await pick(page, 'appointment_windowEnd', '16:00');
      await page.locator('.ant-modal-wrap:visible').getByRole('radio', { name: '用户本人' }).check();
      await modalOk(page).click();
      await waitModalClosed(page);
      await statusIs(page, '已预约');
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: '/tmp/fail-4.png' });
      throw error;
    } finally {
      await close();
    }
  });

  it('the engineer completes with notes and a photo', async () => {
    const { page, problems, close } = await phone();
    try {
      await login(page, 'engineer');
      await page.locator('.engineer-jobs .ant-segmented').getByText('明天').click();
      const card = page.locator('.order-card', { hasText: order!.number });
      await card.getByRole('button', { name: /已到达/ }).click();
      await card.getByRole('button', { name: /完\s*工/ }).click();
      await page
        .locator('.ant-modal-wrap:visible .photos-panel input[type=file]')
        .setInputFiles({ name: 'after-repair.png', mimeType: 'image/png', buffer: PHOTO });
      await page.locator('.ant-modal-wrap:visible .photo-tile img').first().waitFor();
      await page.locator('#complete_notes').fill('更换压缩机，加氟，试机制冷正常');
      await shot(page, 'engineer-complete-zh-CN-375.png');
      await modalOk(page, /完\s*工/).click();
      await waitModalClosed(page);
      await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(0);
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: '/tmp/fail-5.png' });
      throw error;
    } finally {
      await close();
    }
  });

  it('the dispatcher records a satisfied callback and closes; the SLA why shows the parts deduction', async () => {
    const { page, problems, close } = await desktop();
    try {
      await login(page, 'dispatcher');
      // WO-6.3: the part must be recorded as fitted before the order can close.
      await page.goto(`/orders/${order!.id}?tab=parts`);
      await statusIs(page, '已完工');
      await page
        .getByRole('row', { name: /压缩机/ })
        .getByRole('button', { name: /更新进度/ })
        .click();
      const fitted = businessClock(5);
      await pick(page, 'partProgress_fittedAt', `${fitted.date} ${fitted.time}`);
      await modalOk(page).click();
      await waitModalClosed(page);
      await page
        .locator('.order-actions')
        .getByRole('button', { name: /回\s*访/ })
        .click();
      const modal = page.locator('.ant-modal-wrap:visible');
      await modal.locator('#reached').getByText('是').click();
      await modal.locator('#satisfied').getByText('是').click();
      await modalOk(page).click();
      await waitModalClosed(page);
      await page
        .locator('.order-actions')
        .getByRole('button', { name: /结单（正常完工）/ })
        .click();
      await modalOk(page).click();
      await statusIs(page, '已结单');

      await page.locator('.sla-why-button').click();
      const why = page.locator('.sla-why');
      await why.locator('.ant-descriptions').waitFor();
      await expect.poll(() => why.textContent()).toMatch(/扣除配件在途 .*压缩机/);
      await shot(page, 'order-closed-sla-zh-CN.png');
      await page.keyboard.press('Escape');

      await chooseLanguage(page, 'English');
      await settle(page);
      await page.locator('.sla-why-button').click();
      await expect.poll(() => page.locator('.sla-why').textContent()).toMatch(/parts in transit: 压缩机/);
      await shot(page, 'order-closed-sla-en-US.png');
      await page.keyboard.press('Escape');
      await chooseLanguage(page, '中文');
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: '/tmp/fail-6.png' });
      throw error;
    } finally {
      await close();
    }
  });
});
