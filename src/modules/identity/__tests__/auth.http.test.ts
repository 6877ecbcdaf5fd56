import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, DEMO_PASSWORD } from '../../../../test/harness.ts';

describe('login, sessions and tokens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('logs in with an HttpOnly session cookie and a readable CSRF cookie, then answers /me', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dispatcher', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = setCookie.find((c) => c.startsWith('as_session='));
    const csrf = setCookie.find((c) => c.startsWith('as_csrf='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    const me = res.json() as {
      role: string;
      scope: { kind: string; outletName: string };
      permissions: string[];
      locale: string;
    };
    expect(me.role).toBe('dispatcher');
    expect(me.scope).toMatchObject({ kind: 'outlet', outletName: '广州天河美家电器服务部' });
    expect(me.locale).toBe('zh-CN');
    const headers = await h.login('dispatcher');
    const again = await h.request({ method: 'GET', url: '/api/auth/me', headers });
    expect(again.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const wrong = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'agent', password: 'nope-nope' },
    });
    const unknown = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost', password: 'nope-nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
  });

  it('requires login for the API and the CSRF header for cookie-authenticated writes', async () => {
    expect((await h.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const headers = await h.login('admin');
    const noCsrf = await h.request({
      method: 'PATCH',
      url: '/api/auth/me/preferences',
      headers: { cookie: headers.cookie! },
      payload: { locale: 'en-US' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF_FAILED');
    const ok = await h.request({
      method: 'PATCH',
      url: '/api/auth/me/preferences',
      headers,
      payload: { locale: 'en-US' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().locale).toBe('en-US');
    const relogin = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: DEMO_PASSWORD },
    });
    expect(relogin.json().locale).toBe('en-US');
  });

  it('slows repeated failures down, then locks the account and says until when; unlock restores it', async () => {
    h.sleeps.length = 0;
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await h.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'parts', password: 'wrong-pass' },
      });
      codes.push(r.statusCode);
      if (i === 4) expect(r.json()).toMatchObject({ code: 'AUTH_LOCKED' });
    }
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    expect(h.sleeps).toEqual([0, 0, 500, 1000, 1500]);
    const locked = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'parts', password: DEMO_PASSWORD },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().detail).toMatch(/locked .* until 2026-11-23 10:15/);

    const admin = await h.login('admin');
    const id = (await h.services.users.findIdByUsername('parts'))!;
    const listed = await h.request({ method: 'GET', url: `/api/users/${id}`, headers: admin });
    expect(listed.json().locked).toBe(true);
    expect(
      (await h.request({ method: 'POST', url: `/api/users/${id}/unlock`, headers: admin })).statusCode,
    ).toBe(200);
    expect(
      (
        await h.request({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'parts', password: DEMO_PASSWORD },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('lets the lock expire by itself after the policy’s minutes', async () => {
    for (let i = 0; i < 5; i++) {
      await h.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'settlement', password: 'wrong-pass' },
      });
    }
    h.clock.advance(16 * 60_000);
    const r = await h.request({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'settlement', password: DEMO_PASSWORD },
    });
    expect(r.statusCode).toBe(200);
  });

  it('logout ends the session', async () => {
    const headers = await h.login('agent');
    expect((await h.request({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(204);
    expect((await h.request({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
  });

  it('personal API tokens authenticate as Bearer without CSRF, are shown once, and stop working when revoked', async () => {
    const headers = await h.login('center');
    const created = await h.request({
      method: 'POST',
      url: '/api/auth/tokens',
      headers,
      payload: { name: 'BI export', expiresInDays: 30 },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json() as { token: string; id: string };
    expect(token).toMatch(/^as_/);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await h.request({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.json().username).toBe('center');
    const write = await h.request({
      method: 'PATCH',
      url: '/api/auth/me/preferences',
      headers: bearer,
      payload: { locale: 'zh-CN' },
    });
    expect(write.statusCode).toBe(200);
    const list = await h.request({ method: 'GET', url: '/api/auth/tokens', headers });
    expect(JSON.stringify(list.json())).not.toContain(token);
    expect((await h.request({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers })).statusCode).toBe(
      204,
    );
    const after = await h.request({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('AUTH_INVALID_TOKEN');
  });

  it('an expired token stops working', async () => {
    const headers = await h.login('regional');
    const created = await h.request({
      method: 'POST',
      url: '/api/auth/tokens',
      headers,
      payload: { name: 'short', expiresInDays: 1 },
    });
    const bearer = { authorization: `Bearer ${created.json().token as string}` };
    expect((await h.request({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(200);
    h.clock.advance(2 * 86_400_000);
    expect((await h.request({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
  });
});
