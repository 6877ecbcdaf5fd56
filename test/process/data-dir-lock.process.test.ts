import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Spawned } from './server-process.ts';
import { login, spawnCli, waitForHealth } from './server-process.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftersales-lock-'));
const env = { AFTERSALES_DATA_DIR: dataDir, AFTERSALES_DEMO: '1' };
const running: Spawned[] = [];

async function createUser(port: number, headers: Record<string, string>, username: string): Promise<void> {
  const r = await fetch(`http://127.0.0.1:${port}/api/users`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      username,
      displayName: username,
      role: 'agent',
      scope: { kind: 'all' },
      password: 'long-enough-1',
    }),
  });
  expect(r.status).toBe(201);
}

async function userExists(port: number, headers: Record<string, string>, username: string): Promise<boolean> {
  const r = await fetch(`http://127.0.0.1:${port}/api/users?q=${username}`, { headers });
  return ((await r.json()) as { items: { username: string }[] }).items.some((u) => u.username === username);
}

describe('embedded database: one process per data directory', () => {
  afterAll(async () => {
    for (const s of running) s.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a second server or CLI on the same directory fails fast naming the directory and the PID; the first keeps serving and loses nothing', async () => {
    const first = await spawnCli(['serve'], env);
    running.push(first);
    const freshMs = await waitForHealth(first.port, 60_000);
    const headers = await login(first.port, 'admin');
    await createUser(first.port, headers, 'before-second');

    const t0 = Date.now();
    const second = await spawnCli(['serve'], env);
    running.push(second);
    const code = await second.exited;
    const failMs = Date.now() - t0;
    expect(code).not.toBe(0);
    expect(second.output()).toContain(dataDir);
    expect(second.output()).toContain(`PID ${first.child.pid}`);
    expect(failMs).toBeLessThan(10_000);

    const cli = await spawnCli(
      [
        'user',
        'add',
        '--username',
        'cli-user',
        '--display-name',
        'x',
        '--role',
        'agent',
        '--password',
        'long-enough-1',
      ],
      env,
    );
    expect(await cli.exited).toBe(3);
    expect(cli.output()).toContain(`PID ${first.child.pid}`);

    await createUser(first.port, headers, 'after-second');
    expect(await userExists(first.port, headers, 'before-second')).toBe(true);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'aftersales.lock'))).toBe(false);

    const restarted = await spawnCli(['serve'], env);
    running.push(restarted);
    const restartMs = await waitForHealth(restarted.port, 60_000);
    const h2 = await login(restarted.port, 'admin');
    expect(await userExists(restarted.port, h2, 'before-second')).toBe(true);
    expect(await userExists(restarted.port, h2, 'after-second')).toBe(true);
    process.stdout.write(
      `start-up on a fresh directory ${freshMs} ms, second process refused in ${failMs} ms, restart ${restartMs} ms\n`,
    );

    // A holder that dies without cleaning up leaves a stale lock, which the next start takes over.
    restarted.child.kill('SIGKILL');
    await restarted.exited;
    expect(fs.existsSync(path.join(dataDir, 'aftersales.lock'))).toBe(true);
    const afterCrash = await spawnCli(['serve'], env);
    running.push(afterCrash);
    await waitForHealth(afterCrash.port, 60_000);
    const h3 = await login(afterCrash.port, 'admin');
    expect(await userExists(afterCrash.port, h3, 'after-second')).toBe(true);
    afterCrash.child.kill('SIGTERM');
    expect(await afterCrash.exited).toBe(0);
  }, 180_000);
});
