import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { login, spawnCli, waitForHealth } from './server-process.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftersales-cli-'));
const env = { AFTERSALES_DATA_DIR: dataDir, AFTERSALES_DEMO: '0' };

async function run(
  args: string[],
  extra: Record<string, string> = {},
): Promise<{ code: number | null; out: string }> {
  const p = await spawnCli(args, { ...env, ...extra });
  const code = await p.exited;
  return { code, out: p.output() };
}

describe('aftersales CLI', () => {
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, seeds demo data, adds a user, resets a password; the server then accepts both logins', async () => {
    expect(await run(['migrate'])).toMatchObject({ code: 0, out: expect.stringContaining('up to date') });
    expect(await run(['seed', '--demo'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('demo1234'),
    });
    expect((await run(['seed', '--demo'])).out).toContain('already present');

    const added = await run([
      'user',
      'add',
      '--username',
      'zhang.wei',
      '--display-name',
      '张伟',
      '--role',
      'dispatcher',
      '--outlet',
      'out_demo0002',
      '--phone',
      '13811112222',
      '--password',
      'first-password-1',
    ]);
    expect(added.code).toBe(0);
    expect(added.out).toContain('Created user zhang.wei');

    const missingScope = await run([
      'user',
      'add',
      '--username',
      'x.y',
      '--display-name',
      'x',
      '--role',
      'engineer',
      '--password',
      'long-enough-1',
    ]);
    expect(missingScope.code).toBe(2);
    expect(missingScope.out).toContain('--outlet');

    const badPassword = await run(['user', 'reset-password', 'zhang.wei', '--password', 'short']);
    expect(badPassword.code).toBe(2);
    expect(badPassword.out).toContain('at least 8');

    const reset = await run(['user', 'reset-password', 'admin'], { AFTERSALES_PASSWORD: 'a-new-admin-pass' });
    expect(reset.code).toBe(0);

    const server = await spawnCli(['serve'], env);
    try {
      await waitForHealth(server.port, 60_000);
      await expect(login(server.port, 'admin', 'a-new-admin-pass')).resolves.toBeTruthy();
      await expect(login(server.port, 'zhang.wei', 'first-password-1')).resolves.toBeTruthy();
      await expect(login(server.port, 'admin', 'demo1234')).rejects.toThrow(/401/);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 180_000);
});
