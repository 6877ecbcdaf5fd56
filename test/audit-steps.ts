import type { Harness } from './harness.ts';

/** State shared by audit steps: admin headers and ids created by earlier steps. */
export interface AuditState {
  admin: Record<string, string>;
  ids: Record<string, string>;
}

/** One mutating route, how to call it successfully, and the audit row it must write (SEC-3). */
export interface AuditStep {
  route: string;
  entity: string;
  action: string;
  run: (h: Harness, s: AuditState) => Promise<{ status: number; entityId: string }>;
}

export const adminRequest = (h: Harness, s: AuditState, method: string, url: string, payload?: unknown) =>
  h.request({
    method: method as 'POST',
    url,
    headers: s.admin,
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

export const versionAt = async (h: Harness, s: AuditState, url: string): Promise<number> =>
  (await adminRequest(h, s, 'GET', url)).json().version as number;
