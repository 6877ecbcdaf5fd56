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

/** The smallest PDF the appeal's file check accepts: the signature and an end-of-file marker. */
const SERVICE_SHEET = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
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

/**
 * A picture of the whole page: the viewport grows to the page's height first, since a full-page capture
 * repeats the fixed side menu and header at odd places.
 */
async function tallShot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? DESKTOP;
  await settle(page);
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(height, viewport.height), 2400),
  });
  await shot(page, name);
  await page.setViewportSize(viewport);
}

/**
 * Opens a queue tab and waits until the page shows it: the URL changes at once but the page re-renders in a
 * transition, and a filter set before that would be applied to the old view.
 */
async function chooseTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  await settle(page);
}

/**
 * Picks the first option of an antd select and checks it took: on a busy machine a click can land while the
 * dropdown is still opening, which leaves the field empty and the form refused.
 */
async function chooseFirstOption(page: Page, id: string): Promise<void> {
  const chosen = page
    .locator('.ant-form-item', { has: page.locator(`#${id}`) })
    .locator('.ant-select-content-has-value');
  for (let attempt = 0; attempt < 3 && (await chosen.count()) === 0; attempt++) {
    await page.locator(`#${id}`).click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    await option.waitFor();
    await page.waitForTimeout(300);
    await option.click();
    await page.waitForTimeout(300);
  }
  await expect.poll(() => chosen.count()).toBe(1);
}

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
      await chooseFirstOption(page, 'result_contactPhone');
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
      // The greyed close button says why in the UI language; then the pointer leaves so the tooltip cannot
      // cover the SLA link.
      await page
        .locator('.order-actions')
        .getByRole('button', { name: /结单（正常完工）/ })
        .hover({ force: true });
      await expect
        .poll(() => page.locator('.ant-tooltip:visible').textContent())
        .toMatch(/工单当前状态不允许这个操作/);
      await page.mouse.move(0, 0);
      await expect.poll(() => page.locator('.ant-tooltip:visible').count()).toBe(0);

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
  // CB-3: the callback desk takes over the closed order — a verdict, the outlet's appeal, a second callback.
  let taskId = '';

  it('the callback agent finds the order on the desk, calls the customer and judges it untrue', async () => {
    const agentApi = await apiSession(server!.baseUrl, 'callback', PASSWORD);
    // The task is planned by the worker from `order.completed`; it may take a moment to appear.
    await expect
      .poll(
        async () => {
          const found = await agentApi.get<{ items: { id: string; orderId: string }[] }>(
            `/api/callbacks/queue?view=all&q=${encodeURIComponent(order!.number)}`,
          );
          taskId = found.items.find((item) => item.orderId === order!.id)?.id ?? '';
          return taskId;
        },
        { timeout: 60_000, interval: 500 },
      )
      .not.toBe('');
    const { page, problems, close } = await desktop();
    try {
      await login(page, 'callback');
      await page.waitForURL(/\/callbacks$/);
      await page.locator('.callback-queue .ant-table-row').first().waitFor();
      await shot(page, 'callback-desk-zh-CN.png');
      await chooseLanguage(page, 'English');
      await page.getByRole('tab', { name: 'To call' }).waitFor();
      await shot(page, 'callback-desk-en-US.png');
      await chooseLanguage(page, '中文');

      await page.getByPlaceholder('工单号', { exact: true }).fill(order!.number);
      await page.getByPlaceholder('工单号', { exact: true }).press('Enter');
      const row = page.locator('.callback-queue .ant-table-row', { hasText: order!.number });
      await row.waitFor();
      await row.getByRole('link', { name: order!.number }).click();
      await page.waitForURL(new RegExp(`/callbacks/${taskId}$`));

      await page.locator('.callback-plan-why-button').click();
      await page.locator('.callback-plan-why').waitFor();
      await shot(page, 'callback-plan-why-zh-CN.png');
      await page.locator('.callback-plan-why-button').click();
      await page.locator('.callback-plan-why').waitFor({ state: 'hidden' });
      await page.locator('.callback-reveal').click();
      await page.locator('.callback-reveal-notice').waitFor();
      await page.locator('.callback-outcome-reached').click();
      const call = page.locator('.callback-call-card');
      await call.locator('#callbackCall_answers_repairedOrInstalled').getByText('否').click();
      await call.locator('#callbackCall_answers_feeCharged').getByText('是').click();
      await page.locator('#callbackCall_answers_feeAmountFen').fill('300');
      await call.locator('#callbackCall_answers_timely').getByText('否').click();
      await call.locator('#callbackCall_answers_worksNow').getByText('否').click();
      await call.locator('#callbackCall_answers_satisfaction').getByText('1', { exact: true }).click();
      await page.locator('#callbackCall_answers_note').fill('用户说没有人上门，压缩机没有换过');
      await page.locator('.callback-save-call').click();
      await expect.poll(() => page.locator('.callback-guidance').textContent()).toContain('请在下方作出判定');

      const verdict = page.locator('.callback-verdict-card');
      await verdict.locator('#callbackVerdict_verdict').getByText('不属实').click();
      await verdict.locator('.callback-reasons').getByText('谎报上门服务').click();
      await verdict.locator('.callback-reasons').getByText('多报费用').click();
      await page.locator('#callbackVerdict_note').fill('用户称无人上门，却被收取 300 元');
      await tallShot(page, 'callback-task-zh-CN.png');
      await page.locator('.callback-submit-verdict').click();
      await page
        .locator('.ant-modal-confirm-btns')
        .getByRole('button', { name: /提交判定/ })
        .click();
      await expect
        .poll(() => page.locator('.callback-header .callback-status-tag').textContent())
        .toBe('已判定');
      await expect
        .poll(() => page.locator('.callback-finalisation').textContent())
        .toMatch(/前未申请复议即定案/);

      await chooseLanguage(page, 'English');
      await expect
        .poll(() => page.locator('.callback-finalisation').textContent())
        .toMatch(/Final unless appealed by/);
      await tallShot(page, 'callback-task-en-US.png');
      await chooseLanguage(page, '中文');
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: '/tmp/fail-7.png', fullPage: true });
      throw error;
    } finally {
      await close();
    }
  });

  it('the outlet sees the untrue verdict and appeals once, with a statement and a file', async () => {
    const { page, problems, close } = await desktop();
    try {
      await login(page, 'outlet');
      await page.locator('.app-sider').getByRole('link', { name: '回访工作台' }).click();
      await chooseTab(page, '全部');
      await page.getByPlaceholder('工单号', { exact: true }).fill(order!.number);
      await page.getByPlaceholder('工单号', { exact: true }).press('Enter');
      const row = page.locator('.callback-queue .ant-table-row', { hasText: order!.number });
      await row.waitFor();
      await expect.poll(() => row.locator('.verdict-tag').textContent()).toBe('不属实');
      await row.getByRole('link', { name: order!.number }).click();
      await page.waitForURL(new RegExp(`/callbacks/${taskId}$`));

      await page.locator('.callback-appeal-button').click();
      await page
        .locator('#appeal_statement')
        .fill('工程师已于预约时间上门更换压缩机，用户已签字确认，附服务单。');
      await page
        .locator('.callback-appeal-modal input[type=file]')
        .setInputFiles({ name: 'service-sheet.pdf', mimeType: 'application/pdf', buffer: SERVICE_SHEET });
      await page
        .locator('.callback-appeal-modal .ant-upload-list-item', { hasText: 'service-sheet.pdf' })
        .waitFor();
      await shot(page, 'callback-appeal-zh-CN.png');
      await modalOk(page, /提交复议/).click();
      await waitModalClosed(page);
      await expect
        .poll(() => page.locator('.callback-finalisation').textContent())
        .toBe('已申请复议，等待呼叫中心二次回访');
      await page.locator('.callback-appeal-file', { hasText: 'service-sheet.pdf' }).waitFor();
      expect(await page.locator('.callback-appeal-button').isDisabled()).toBe(true);

      // UI.md: outlet pages work on a phone.
      await page.setViewportSize(PHONE);
      await tallShot(page, 'callback-appealed-zh-CN-375.png');
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(PHONE.width);
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: '/tmp/fail-8.png', fullPage: true });
      throw error;
    } finally {
      await close();
    }
  });

  it('a second agent makes the second callback and finds the order qualified; the result is final', async () => {
    const { page, problems, close } = await desktop();
    try {
      await login(page, 'callback2');
      await page.waitForURL(/\/callbacks$/);
      await chooseTab(page, '复议待二次回访');
      await page.getByPlaceholder('工单号', { exact: true }).fill(order!.number);
      await page.getByPlaceholder('工单号', { exact: true }).press('Enter');
      const row = page.locator('.callback-queue .ant-table-row', { hasText: order!.number });
      await row.getByRole('link', { name: order!.number }).click();
      await page.waitForURL(new RegExp(`/callbacks/${taskId}$`));

      await page.locator('.callback-outcome-reached').click();
      const call = page.locator('.callback-call-card');
      await call.locator('#callbackCall_answers_repairedOrInstalled').getByText('是').click();
      await call.locator('#callbackCall_answers_feeCharged').getByText('否').click();
      await call.locator('#callbackCall_answers_timely').getByText('是').click();
      await call.locator('#callbackCall_answers_worksNow').getByText('是').click();
      await call.locator('#callbackCall_answers_satisfaction').getByText('5', { exact: true }).click();
      await page
        .locator('#callbackCall_answers_note')
        .fill('用户确认工程师上门换了压缩机，未收费，之前是家人接的电话');
      await page.locator('.callback-save-call').click();
      await expect.poll(() => page.locator('.callback-guidance').textContent()).toContain('请在下方作出判定');

      await page.locator('#callbackVerdict_verdict').getByText('合格', { exact: true }).click();
      await page.locator('.callback-submit-verdict').click();
      await page
        .locator('.ant-modal-confirm-btns')
        .getByRole('button', { name: /提交判定/ })
        .click();
      await expect
        .poll(() => page.locator('.callback-finalisation .ant-alert-title').textContent())
        .toBe('已定案：合格');
      await expect
        .poll(() => page.locator('.callback-history .verdict-tag').allTextContents())
        .toEqual(['不属实', '合格']);
      await tallShot(page, 'callback-final-zh-CN.png');
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: '/tmp/fail-9.png', fullPage: true });
      throw error;
    } finally {
      await close();
    }
  });

  it('the order shows its final callback verdict in both languages', async () => {
    const { page, problems, close } = await desktop();
    try {
      await login(page, 'dispatcher');
      await page.goto(`/orders/${order!.id}?tab=callback`);
      const card = page.locator('.order-callback');
      await expect
        .poll(() => card.locator('.callback-finalisation .ant-alert-title').textContent())
        .toBe('已定案：合格');
      await shot(page, 'order-callback-final-zh-CN.png');
      await chooseLanguage(page, 'English');
      await expect
        .poll(() => card.locator('.callback-finalisation .ant-alert-title').textContent())
        .toBe('Final: Qualified');
      await shot(page, 'order-callback-final-en-US.png');
      await chooseLanguage(page, '中文');
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: '/tmp/fail-10.png', fullPage: true });
      throw error;
    } finally {
      await close();
    }
  });

  it('the supervisor audits the day’s callback documents and reads the month-end clearance', async () => {
    const { page, problems, close } = await desktop();
    try {
      await login(page, 'center');
      await page.locator('.app-sider').getByRole('link', { name: '当日单据审核' }).click();
      const rows = page.locator('.callback-audit-card .ant-table-row', { hasText: order!.number });
      // The completion entry and both verdicts of the order are the day's documents.
      await expect.poll(() => rows.count()).toBe(3);
      for (let i = 0; i < 3; i++) await rows.nth(i).locator('.ant-checkbox-input').check();
      await page.locator('.callback-mark-audited').click();
      await expect.poll(() => rows.locator('.ant-checkbox-input:not([disabled])').count()).toBe(0);
      await shot(page, 'callback-audit-zh-CN.png');
      await page.locator('.app-sider').getByRole('link', { name: '月清月毕' }).click();
      await page.locator('.callback-month-card .ant-table').first().waitFor();
      await shot(page, 'callback-month-end-zh-CN.png');
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: '/tmp/fail-11.png', fullPage: true });
      throw error;
    } finally {
      await close();
    }
  });
});
