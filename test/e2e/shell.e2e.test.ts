import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, openPage, PASSWORD, PHONE, shot } from './browser-kit.ts';
import type { Session } from './browser-kit.ts';
import { startServer } from './server-harness.ts';
import type { RunningServer } from './server-harness.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;

function open(viewport: { width: number; height: number }): Promise<Session> {
  if (!browser || !server) throw new Error('not started');
  return openPage(browser, server.baseUrl, viewport, { warnings: true });
}

/** The login page may already be showing (a redirect); sign in from wherever the page is. */
async function login(page: Page, username: string): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login');
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function closeDrawer(page: Page): Promise<void> {
  await page.locator('.ant-drawer-close').click();
  await page.locator('.ant-drawer-section').waitFor({ state: 'detached' });
}

async function chooseLanguage(page: Page, label: '中文' | 'English'): Promise<void> {
  await page.locator('.ant-segmented').first().getByText(label, { exact: true }).click();
}

describe('console shell (real server, real Chromium)', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the login page in zh-CN and en-US, and the problem detail on a failed sign-in', async () => {
    const { page, problems, close } = await open(DESKTOP);
    await page.goto('/login');
    await expect.poll(() => page.getByRole('heading', { name: '售后服务管理' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /登\s*录/ }).isVisible()).toBe(true);
    await shot(page, 'login-zh-CN.png');

    await chooseLanguage(page, 'English');
    await expect.poll(() => page.getByRole('heading', { name: 'Aftersales' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
    await shot(page, 'login-en-US.png');

    await page.getByLabel('Username').fill('nobody-here');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.innerText()).length).toBeGreaterThan('Sign-in failed'.length);
    expect(page.url()).toContain('/login');

    // Back to the default so later sessions start from zh-CN as a new user would.
    await chooseLanguage(page, '中文');
    await close();
    expect(problems).toEqual([]);
  });

  it('admin in zh-CN: menu, workbench, policies, users and audit', async () => {
    const { page, problems, close } = await open(DESKTOP);
    await login(page, 'admin');
    await expect
      .poll(() => page.getByRole('heading', { name: '系统管理', exact: true }).isVisible())
      .toBe(true);
    for (const item of ['系统概览', '用户管理', '制度参数', '审计日志']) {
      await expect
        .poll(() => page.getByRole('menuitem', { name: item }).isVisible(), { message: item })
        .toBe(true);
    }
    await shot(page, 'home-admin-zh-CN.png');

    await page.getByRole('menuitem', { name: '制度参数' }).click();
    await page.waitForURL('**/admin/policies');
    await expect
      .poll(() => page.getByRole('heading', { name: '制度参数', exact: true }).isVisible())
      .toBe(true);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(5);
    await expect.poll(() => page.getByText('当前值').first().isVisible()).toBe(true);
    await shot(page, 'policies-zh-CN.png');

    await page.locator('.ant-table-row').first().click();
    await expect.poll(() => page.getByText('版本历史').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('版本只增不改').isVisible()).toBe(true);
    await shot(page, 'policy-drawer-zh-CN.png');
    await closeDrawer(page);

    // POL-1: a change is a new version; the form asks before writing because versions are never edited.
    await page.goto('/admin/policies?key=md.warranty.default_months');
    await expect.poll(() => page.getByText('版本历史').isVisible()).toBe(true);
    await page.getByRole('button', { name: '新增版本' }).click();
    const drawer = page.locator('.ant-drawer-section');
    await drawer.getByLabel(/取值/).fill('24');
    await drawer.getByLabel('变更说明').fill('端到端测试：延长默认保修期');
    await shot(page, 'policy-add-version-zh-CN.png');
    await drawer.getByRole('button', { name: '新增版本' }).click();
    await page
      .locator('.ant-modal-confirm-btns')
      .getByRole('button', { name: /确\s*认/ })
      .click();
    await expect.poll(() => page.getByText('已新增版本 v2').isVisible()).toBe(true);
    await expect.poll(() => drawer.getByText('24 个月').first().isVisible()).toBe(true);
    await closeDrawer(page);

    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.waitForURL('**/admin/users');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(5);
    await expect.poll(() => page.getByText('信息员').first().isVisible()).toBe(true);
    await shot(page, 'users-zh-CN.png');

    // MD-5: the masked phone becomes the full number only on request.
    const dispatcherRow = page.locator('.ant-table-row', { hasText: 'dispatcher' });
    const masked = await dispatcherRow.getByText(/\d{3}\*{4}\d{4}/).innerText();
    await dispatcherRow.getByRole('button', { name: /显\s*示/ }).click();
    await expect.poll(() => dispatcherRow.getByText(/^\+?\d[\d ]{9,}$/).isVisible()).toBe(true);
    expect(await dispatcherRow.getByText(masked).count()).toBe(0);

    await page.getByRole('button', { name: '新建用户' }).click();
    const modal = page.locator('.ant-modal-container');
    await modal.getByLabel('用户名').fill('callback9');
    await modal.getByLabel('姓名').fill('回访员 测试');
    await modal.getByLabel('角色').click();
    await page.locator('.ant-select-dropdown').getByText('回访员', { exact: true }).click();
    await modal.getByLabel('初始密码').fill('callback-pass-1');
    await shot(page, 'user-create-zh-CN.png');
    await modal.getByRole('button', { name: '新建用户' }).click();
    await expect.poll(() => page.getByText('已创建用户 回访员 测试').isVisible()).toBe(true);
    await expect
      .poll(() => page.locator('.ant-drawer-section').getByText('callback9').isVisible())
      .toBe(true);
    await closeDrawer(page);

    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL('**/admin/audit');
    await expect
      .poll(() => page.getByRole('heading', { name: '审计日志', exact: true }).isVisible())
      .toBe(true);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    await shot(page, 'audit-zh-CN.png');

    await close();
    expect(problems).toEqual([]);
  });

  it('admin in en-US: the language follows the account after reload', async () => {
    const { page, problems, close } = await open(DESKTOP);
    await login(page, 'admin');
    await chooseLanguage(page, 'English');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Administration', exact: true }).isVisible())
      .toBe(true);
    await page.reload();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Administration', exact: true }).isVisible())
      .toBe(true);
    for (const item of ['Overview', 'Users', 'Policies', 'Audit log']) {
      await expect
        .poll(() => page.getByRole('menuitem', { name: item }).isVisible(), { message: item })
        .toBe(true);
    }
    await shot(page, 'home-admin-en-US.png');

    await page.getByRole('menuitem', { name: 'Policies' }).click();
    await page.waitForURL('**/admin/policies');
    await expect.poll(() => page.getByText('Current value').first().isVisible()).toBe(true);
    await shot(page, 'policies-en-US.png');

    await page.getByRole('menuitem', { name: 'Users' }).click();
    await page.waitForURL('**/admin/users');
    await expect.poll(() => page.getByText('Dispatcher').first().isVisible()).toBe(true);
    await shot(page, 'users-en-US.png');

    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    await page.waitForURL('**/admin/audit');
    // Open the newest entry with its expand button: a click on the row's middle may land on the actor or
    // entity link, which filters instead. Background work (callback planning, the finalisation sweep) decides
    // which entry is newest, so its detail is a before/after diff or the no-diff line.
    const expander = page.locator('.ant-table-row').first().locator('.ant-table-row-expand-icon');
    await expect
      .poll(async () => {
        if ((await page.locator('.ant-table-expanded-row').count()) === 0) await expander.click();
        return (
          (await page.locator('.ant-table-expanded-row').getByText('Before', { exact: true }).count()) +
          (await page.getByText('This entry has no before/after data.').count())
        );
      })
      .toBeGreaterThan(0);
    await shot(page, 'audit-en-US.png');

    // Leave the demo account in its default language for the other sessions.
    await chooseLanguage(page, '中文');
    await expect
      .poll(() => page.getByRole('heading', { name: '审计日志', exact: true }).isVisible())
      .toBe(true);
    await close();
    expect(problems).toEqual([]);
  });

  it('dispatcher in zh-CN: own workbench only, 403 on admin pages, phone width', async () => {
    const desktop = await open(DESKTOP);
    await login(desktop.page, 'dispatcher');
    await expect
      .poll(() => desktop.page.getByRole('heading', { name: '派工看板', exact: true }).isVisible())
      .toBe(true);
    await expect.poll(() => desktop.page.getByRole('menuitem', { name: '派工看板' }).isVisible()).toBe(true);
    expect(await desktop.page.getByRole('menuitem', { name: '制度参数' }).count()).toBe(0);
    // The dispatcher's workbench is the dispatch board (UI.md "Each role lands on its workbench"): the two
    // new-work columns and the four WO-15 ones.
    await expect.poll(() => desktop.page.locator('.board-column').count()).toBe(6);
    await shot(desktop.page, 'home-dispatcher-zh-CN.png');
    await desktop.page.goto('/admin/policies');
    await expect.poll(() => desktop.page.getByText('无权访问').isVisible()).toBe(true);
    await desktop.close();
    expect(desktop.problems).toEqual([]);

    const phone = await open(PHONE);
    await login(phone.page, 'dispatcher');
    await expect
      .poll(() => phone.page.getByRole('heading', { name: '派工看板', exact: true }).isVisible())
      .toBe(true);
    // A string expression because this file is type-checked without the DOM library.
    const overflow = await phone.page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(phone.page, 'home-dispatcher-zh-CN-375.png');
    await phone.page.getByRole('button', { name: '菜单', exact: true }).click();
    await expect.poll(() => phone.page.getByRole('menuitem', { name: '派工看板' }).isVisible()).toBe(true);
    await shot(phone.page, 'menu-dispatcher-zh-CN-375.png');
    await phone.close();
    expect(phone.problems).toEqual([]);

    const adminPhone = await open(PHONE);
    await login(adminPhone.page, 'admin');
    await adminPhone.page.goto('/admin/policies');
    await expect.poll(() => adminPhone.page.locator('.ant-table-row').count()).toBeGreaterThan(5);
    await shot(adminPhone.page, 'policies-zh-CN-375.png');
    await adminPhone.close();
    expect(adminPhone.problems).toEqual([]);
  });

  it('dispatcher in en-US', async () => {
    const { page, problems, close } = await open(DESKTOP);
    await login(page, 'dispatcher');
    await chooseLanguage(page, 'English');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Dispatch board', exact: true }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByRole('menuitem', { name: 'Dispatch board' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.board-column').count()).toBe(6);
    await shot(page, 'home-dispatcher-en-US.png');
    await chooseLanguage(page, '中文');
    await expect
      .poll(() => page.getByRole('heading', { name: '派工看板', exact: true }).isVisible())
      .toBe(true);
    await close();
    expect(problems).toEqual([]);
  });

  it('outlet manager: a deep link survives sign-in, users limited to the own outlet', async () => {
    const { page, problems, close } = await open(DESKTOP);
    await page.goto('/admin/users?role=engineer');
    await page.waitForURL('**/login?next=*');
    await login(page, 'outlet');
    await page.waitForURL('**/admin/users?role=engineer');
    await expect
      .poll(() => page.getByRole('heading', { name: '用户管理', exact: true }).isVisible())
      .toBe(true);
    await expect.poll(() => page.locator('.ant-table-row').count()).toBeGreaterThan(0);
    const scopes = await page.locator('.ant-table-row').allInnerTexts();
    expect(scopes.every((row) => row.includes('网点：'))).toBe(true);
    expect(await page.getByRole('menuitem', { name: '制度参数' }).count()).toBe(0);
    await shot(page, 'users-outlet-zh-CN.png');

    await page.getByRole('button', { name: '新建用户' }).click();
    const modal = page.locator('.ant-modal-container');
    await expect.poll(() => modal.getByText('你只能在本网点范围内创建用户。').isVisible()).toBe(true);
    await modal.getByRole('button', { name: /取\s*消/ }).click();

    await page.getByRole('menuitem', { name: '网点概览' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: '网点概览', exact: true }).isVisible())
      .toBe(true);
    await shot(page, 'home-outlet-zh-CN.png');
    await close();
    expect(problems).toEqual([]);
  });
});
