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

/** The demo outlet the outlet-scoped demo accounts belong to (README "Demo logins"). */
const DEMO_OUTLET = '广州天河美家电器服务部';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let admin: ApiSession | undefined;

function open(viewport: { width: number; height: number }): Promise<Session> {
  if (!browser || !server) throw new Error('not started');
  return openPage(browser, server.baseUrl, viewport, { warnings: true });
}

function spokenMobile(e164: string): string {
  const national = e164.replace(/^\+86/, '');
  return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
}

interface CustomerPage {
  items: { id: string; code: string; unitCount: number }[];
  total: number;
}

interface Revealed {
  phones: { id: string; number: string }[];
}

/** A demo customer with at least one unit and a mobile number, found the way the brief says: list, then reveal. */
async function demoCaller(): Promise<{ id: string; code: string; mobile: string }> {
  if (!admin) throw new Error('not started');
  const first = await admin.get<CustomerPage>('/api/customers?pageSize=1');
  expect(first.total, 'the demo data must contain customers').toBeGreaterThan(0);
  // The first customer is the one the brief names; if it owns nothing, look a little further for one that does.
  const candidates =
    (first.items[0]?.unitCount ?? 0) > 0
      ? first.items
      : (await admin.get<CustomerPage>('/api/customers?pageSize=50')).items.filter((c) => c.unitCount > 0);
  for (const customer of candidates) {
    const revealed = await admin.post<Revealed>(`/api/customers/${encodeURIComponent(customer.id)}/reveal`);
    const mobile = revealed.phones.map((p) => p.number).find((n) => /^\+861\d{10}$/.test(n));
    if (mobile) return { id: customer.id, code: customer.code, mobile };
  }
  throw new Error('No demo customer with units and a mobile number');
}

interface OutletDetail {
  id: string;
  version: number;
  coverage: {
    regions: { regionCode: string; role: string }[];
    services: { categoryCode: string; serviceType: string }[];
  };
}

describe('master data (real server, real Chromium)', () => {
  beforeAll(async () => {
    server = await startServer();
    admin = await apiSession(server.baseUrl, 'admin', PASSWORD);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('MD-4 agent: the workbench leads to the look-up, a typed number finds the customer with all units and warranty', async () => {
    const caller = await demoCaller();
    const { page, problems, close } = await open(DESKTOP);
    await login(page, 'agent');

    // The agent lands on order intake now; the customer archive is one menu click away.
    await page.waitForURL('**/orders/new');
    await page.goto('/master/customers');
    // UI.md: the phone field has focus on load, so the agent can type at once.
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.id'))
      .toBe('caller-phone');
    await page.keyboard.type(spokenMobile(caller.mobile));

    const match = page.locator('.lookup-match').first();
    await match.waitFor();
    await expect.poll(() => match.getByText(caller.code).isVisible()).toBe(true);
    // Masked until revealed (MD-5): a name with a star and no full number on screen.
    await expect.poll(() => match.locator('.customer-name h4').innerText()).toContain('*');
    expect(await match.getByText(caller.mobile.slice(3)).count()).toBe(0);
    const badges = match.locator('.warranty-badge');
    await expect.poll(() => badges.count()).toBeGreaterThan(0);
    const units = await match.locator('.unit-table .ant-table-row').count();
    expect(await badges.count()).toBe(units);
    for (const label of await badges.allInnerTexts())
      expect(label.trim()).toMatch(/^(保内|仅主要部件保修|保外)$/);
    // MD-4: every historical order, or the empty state when there is none.
    await expect
      .poll(async () => (await match.locator('.order-history, .compact-empty').count()) > 0)
      .toBe(true);
    await shot(page, 'customer-lookup-zh-CN.png');

    // The badge explains itself: rule, dates and the policy version that decided it.
    await badges.first().hover();
    const why = page.locator('.ant-popover').filter({ hasText: '保修判定依据' });
    await why.waitFor();
    expect(await why.innerText()).toMatch(/md\.sanbao\.windows.*v\d+/s);
    await page.mouse.move(0, 0);

    // The reveal is a separate, audited step.
    await match.getByRole('button', { name: '显示完整信息' }).click();
    await expect.poll(() => match.getByText(spokenMobile(caller.mobile)).isVisible()).toBe(true);

    // Clearing the number ends this call; the next look-up starts masked again.
    await page.locator('#caller-phone').fill('');
    await expect.poll(() => page.locator('.lookup-match').count()).toBe(0);
    await chooseLanguage(page, 'English');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Customers', exact: true }).isVisible())
      .toBe(true);
    await page.locator('#caller-phone').fill(caller.mobile);
    await expect.poll(() => page.locator('.lookup-match .warranty-badge').count()).toBe(units);
    await expect.poll(() => page.locator('.lookup-match .customer-name h4').innerText()).toContain('*');
    for (const label of await page.locator('.lookup-match .warranty-badge').allInnerTexts()) {
      expect(label.trim()).toMatch(/^(In warranty|Key parts only|Out of warranty)$/);
    }
    await shot(page, 'customer-lookup-en-US.png');
    await chooseLanguage(page, '中文');
    await expect
      .poll(() => page.getByRole('heading', { name: '用户档案', exact: true }).isVisible())
      .toBe(true);
    await close();
    expect(problems).toEqual([]);
  });

  it('MD-4 agent on a 375 px phone: the look-up fits the screen', async () => {
    const caller = await demoCaller();
    const { page, problems, close } = await open(PHONE);
    await login(page, 'agent');
    await page.goto('/master/customers');
    await page.locator('#caller-phone').fill(spokenMobile(caller.mobile));
    await expect.poll(() => page.locator('.lookup-match .warranty-badge').count()).toBeGreaterThan(0);
    // A string expression because this file is type-checked without the DOM library.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'customer-lookup-zh-CN-375.png');
    await close();
    expect(problems).toEqual([]);
  });

  it('NET-2 admin: adds a district with the cascader, makes it a backup, ticks a service and saves', async () => {
    if (!admin) throw new Error('not started');
    const { page, problems, close } = await open(DESKTOP);
    await login(page, 'admin');
    await page.getByRole('menuitem', { name: '服务网点' }).click();
    await page.waitForURL('**/master/outlets');
    await page.getByPlaceholder('网点编码或名称').fill(DEMO_OUTLET);
    await page.getByPlaceholder('网点编码或名称').press('Enter');
    await page.getByRole('link', { name: DEMO_OUTLET }).click();
    await page.waitForURL('**/master/outlets/*');
    const outletId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const before = await admin.get<OutletDetail>(`/api/outlets/${encodeURIComponent(outletId)}`);
    expect(before.coverage.regions.some((r) => r.regionCode === '440105')).toBe(false);

    await page.getByRole('tab', { name: '服务范围' }).click();
    await page.locator('.coverage-cascader').click();
    const popup = page.locator('.ant-cascader-dropdown:visible');
    // Children load on demand; a click that lands while the cascader is still settling opens nothing, so
    // the province is clicked again until its cities show.
    const city = popup.locator('.ant-cascader-menu-item[title="广州市"]');
    for (let attempt = 0; attempt < 5 && !(await city.isVisible()); attempt++) {
      await popup.locator('.ant-cascader-menu-item[title="广东省"]').click();
      await city.waitFor({ timeout: 4_000 }).catch(() => undefined);
    }
    const district = popup.locator('.ant-cascader-menu-item[title="海珠区"] .ant-cascader-checkbox');
    for (let attempt = 0; attempt < 5 && !(await district.isVisible()); attempt++) {
      await city.click();
      await district.waitFor({ timeout: 4_000 }).catch(() => undefined);
    }
    await district.click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /添\s*加/ }).click();

    const row = page.locator('.ant-table-row', { hasText: '广东省 / 广州市 / 海珠区' });
    await row.waitFor();
    await row.getByText('备份网点', { exact: true }).click();
    await page.getByRole('checkbox', { name: '冰箱 · 维修' }).check();
    await expect.poll(() => page.getByText('有未保存的修改').isVisible()).toBe(true);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'outlet-editor-zh-CN.png');

    await page.getByRole('button', { name: '保存服务范围' }).click();
    await page
      .locator('.ant-modal-confirm-btns')
      .getByRole('button', { name: /确\s*认/ })
      .click();
    await expect.poll(() => page.getByText('服务范围已保存').isVisible()).toBe(true);

    const after = await admin.get<OutletDetail>(`/api/outlets/${encodeURIComponent(outletId)}`);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.coverage.regions.find((r) => r.regionCode === '440105')?.role).toBe('backup');
    expect(
      after.coverage.services.some((s) => s.categoryCode === 'refrigerator' && s.serviceType === 'repair'),
    ).toBe(true);
    // Everything that was covered before is still covered.
    for (const region of before.coverage.regions) {
      expect(
        after.coverage.regions.some((r) => r.regionCode === region.regionCode),
        region.regionCode,
      ).toBe(true);
    }

    await chooseLanguage(page, 'English');
    await expect.poll(() => page.getByRole('tab', { name: 'Coverage' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('广东省 / 广州市 / 海珠区').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Save coverage' }).isDisabled()).toBe(true);
    await shot(page, 'outlet-editor-en-US.png');
    await chooseLanguage(page, '中文');
    await expect.poll(() => page.getByRole('tab', { name: '服务范围' }).isVisible()).toBe(true);
    await close();
    expect(problems).toEqual([]);
  });

  it('SEC the console shows a customer named like a script as text and runs nothing', async () => {
    if (!admin) throw new Error('not started');
    const mobile = '13700001234';
    const name = '<img src=x onerror=__xss=1><script>__xss=2</script>';
    const detail = '"><svg onload=__xss=3>';
    await admin.post('/api/customers', {
      name,
      phones: [{ number: mobile, label: 'mobile' }],
      addresses: [{ regionCode: '440106', detail }],
    });
    const { page, problems, close } = await open(DESKTOP);
    await login(page, 'agent');
    await page.goto('/master/customers');
    await page.locator('#caller-phone').fill(mobile);
    const match = page.locator('.lookup-match').first();
    await match.waitFor();
    await match.getByRole('button', { name: '显示完整信息' }).click();
    // The revealed name and address appear literally, as text, and no injected element or script ran.
    await expect.poll(() => match.getByText(name, { exact: false }).count()).toBeGreaterThan(0);
    await expect.poll(() => match.getByText(detail, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.evaluate<unknown>('window.__xss')).toBeUndefined();
    expect(await page.locator('.lookup-match img[src="x"], .lookup-match svg[onload]').count()).toBe(0);
    await close();
    expect(problems).toEqual([]);
  });
});
