import type { Page } from 'playwright-core';

/**
 * Collects what the page reports as wrong: uncaught errors and console errors (and warnings, when asked).
 * The 401 of the session probe before sign-in is expected. antd reports layout advisories (deprecations,
 * Descriptions spans) through console.error; they are printed for review but do not fail a run that
 * otherwise works, since they depend on the demo data.
 */
export function watchProblems(page: Page, options: { warnings: boolean }): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (text.includes('Warning: [antd:')) {
      process.stdout.write(`antd advisory: ${text.slice(0, 200)}\n`);
      return;
    }
    const type = message.type();
    if (type !== 'error' && !(options.warnings && type === 'warning')) return;
    if (/status of 401/.test(text)) return;
    problems.push(`${type}: ${text}`);
  });
  return problems;
}
