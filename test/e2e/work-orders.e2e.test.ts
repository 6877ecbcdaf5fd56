import type { Browser } from 'playwright-core';
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
  shot,
} from './browser-kit.ts';
import type { Session } from './browser-kit.ts';
import { startServer } from './server-harness.ts';
import type { RunningServer } from './server-harness.ts';

/** The district of the demo outlet the dispatcher and engineer belong to (广州天河). */
const DEMO_DISTRICT = '440106';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let admin: ApiSession | undefined;
let agent: ApiSession | undefined;

function open(viewport: { width: number; height: number }): Promise<Session> {
  if (!browser || !server) throw new Error('not started');
  return openPage(browser, server.baseUrl, viewport);
}

interface CustomerItem {
  id: string;
  unitCount: number;
}
interface Revealed {
  phones: { number: string }[];
}
interface Customer {
  id: string;
  addresses: { id: string }[];
  units: { id: string }[];
}

/** A customer (from the list, as admin) whose mobile is revealed so it can be typed like a caller ID. */
async function caller(query: string): Promise<{ id: string; spoken: string }> {
  if (!admin) throw new Error('not started');
  const page = await admin.get<{ items: CustomerItem[] }>(`/api/customers?${query}`);
  for (const customer of page.items.filter((c) => c.unitCount > 0)) {
    const revealed = await admin.post<Revealed>(`/api/customers/${customer.id}/reveal`);
    const mobile = revealed.phones.map((p) => p.number).find((n) => /^\+861\d{10}$/.test(n));
    if (mobile) {
      const national = mobile.slice(3);
      return {
        id: customer.id,
        spoken: `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`,
      };
    }
  }
  throw new Error(`No demo customer with a unit and a mobile for ${query}`);
}

describe('work orders (real server, real Chromium)', () => {
  let tianheOrder: { id: string; number: string } | undefined;

  beforeAll(async () => {
    server = await startServer();
    admin = await apiSession(server.baseUrl, 'admin', PASSWORD);
    agent = await apiSession(server.baseUrl, 'agent', PASSWORD);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an agent takes an order from the phone number and reads out the new number', async () => {
    const who = await caller('pageSize=1');
    const { page, problems, close } = await open(DESKTOP);
    try {
      await login(page, 'agent');
      await page.waitForURL(/\/orders\/new/);
      await expect
        .poll(() => page.evaluate<string | undefined>('document.activeElement?.id'))
        .toBe('caller-phone');
      await page.locator('#caller-phone').fill(who.spoken);
      const fault = page.locator('.intake-form-card textarea');
      await fault.waitFor();
      await fault.fill('空调不制冷，开机半小时仍出热风');
      await page.locator('.proposal-card .proposal-name, .proposal-card .ant-alert').first().waitFor();
      await shot(page, 'intake-zh-CN.png');
      await fault.press('Enter');
      const number = page.locator('.order-number-big');
      await number.waitFor();
      await expect.poll(() => number.textContent()).toMatch(/^WO\d{8}-\d{6}/);
      expect(problems).toEqual([]);

      await page.goto('/orders/new');
      await chooseLanguage(page, 'English');
      await page.locator('#caller-phone').fill(who.spoken);
      await page.locator('.intake-form-card textarea').waitFor();
      await page.locator('.open-order-banner').waitFor();
      await shot(page, 'intake-en-US.png');
      await chooseLanguage(page, '中文');
    } finally {
      await close();
    }
  });

  it('the dispatcher of the order’s outlet opens it, reads the SLA rule and accepts it', async () => {
    if (!admin || !agent) throw new Error('not started');
    const who = await caller(`regionCode=${DEMO_DISTRICT}&pageSize=20`);
    const customer = await admin.get<Customer>(`/api/customers/${who.id}`);
    const proposal = await agent.post<{ proposal: { outletId: string } | null }>(
      '/api/work-orders/proposal',
      {
        customerId: customer.id,
        addressId: customer.addresses[0]?.id,
        categoryCode: 'air_conditioner',
        orderType: 'repair',
        serviceMode: 'on_site',
      },
    );
    tianheOrder = await agent.post<{ id: string; number: string }>('/api/work-orders', {
      customerId: customer.id,
      addressId: customer.addresses[0]?.id,
      unitId: customer.units[0]?.id,
      orderType: 'repair',
      channel: 'hotline',
      serviceMode: 'on_site',
      faultDescription: '室外机异响',
      ...(proposal.proposal ? { dispatch: { outletId: proposal.proposal.outletId } } : {}),
    });

    const { page, problems, close } = await open(DESKTOP);
    try {
      await login(page, 'dispatcher');
      await page.waitForURL(/\/dispatch\/board/);
      await page.locator('.board-column').first().waitFor();
      await shot(page, 'dispatch-board-zh-CN.png');

      await page.goto(`/orders/${tianheOrder.id}`);
      await page.getByText(tianheOrder.number).first().waitFor();
      await page.locator('.sla-why-button').click();
      await page.locator('.sla-why .ant-descriptions').waitFor();
      await shot(page, 'order-detail-zh-CN.png');
      await page.keyboard.press('Escape');

      await page
        .locator('.order-actions')
        .getByRole('button', { name: /接\s*单/ })
        .click();
      await page
        .locator('.ant-modal')
        .getByRole('button', { name: /确\s*认/ })
        .click();
      await expect
        .poll(() => page.locator('.order-header .status-tag').first().textContent(), { timeout: 15_000 })
        .toBe('已接单');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('an engineer sees the day’s jobs on a phone', async () => {
    const { page, problems, close } = await open(PHONE);
    try {
      await login(page, 'engineer');
      await page.waitForURL(/\/engineer\/jobs/);
      await page.locator('.engineer-jobs .ant-segmented').waitFor();
      await shot(page, 'engineer-jobs-zh-CN-375.png');
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(375);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
