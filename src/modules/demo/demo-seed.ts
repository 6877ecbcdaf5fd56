import type { Scope } from '../../platform/auth/actor.ts';
import { systemContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { Role } from '../identity/index.ts';
import type { Services } from '../../app.ts';
import { outletsRepository } from '../outlets/index.ts';

export const DEMO_PASSWORD = 'demo1234';

/** Demo outlets with real district codes; the first one is where the outlet-side demo users work. */
export const demoOutlets = [
  {
    id: 'out_demo0001',
    code: 'GZ-TH-001',
    name: '广州天河美家电器服务部',
    type: 'after_sales_tier1',
    regionCode: '440106',
  },
  {
    id: 'out_demo0002',
    code: 'SZ-NS-001',
    name: '深圳南山安达家电维修中心',
    type: 'after_sales_tier1',
    regionCode: '440305',
  },
  {
    id: 'out_demo0003',
    code: 'FS-SD-001',
    name: '佛山顺德顺心电器服务站',
    type: 'after_sales_tier2',
    regionCode: '440606',
  },
  {
    id: 'out_demo0004',
    code: 'BJ-HD-001',
    name: '北京海淀中关村家电服务中心',
    type: 'direct_signed',
    regionCode: '110108',
  },
  {
    id: 'out_demo0005',
    code: 'SH-PD-001',
    name: '上海浦东惠民家电服务部',
    type: 'three_in_one',
    regionCode: '310115',
  },
  {
    id: 'out_demo0006',
    code: 'CD-WH-001',
    name: '成都武侯蓉城电器维修站',
    type: 'after_sales_tier1',
    regionCode: '510107',
  },
] as const;

const outletScope: Scope = { kind: 'outlet', outletId: demoOutlets[0].id };

/** One account per role (ARCHITECTURE "API conventions"), all with the demo password. */
export const demoUsers: readonly {
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  phone?: string;
}[] = [
  { username: 'admin', displayName: '系统管理员 王敏', role: 'admin', scope: { kind: 'all' } },
  { username: 'agent', displayName: '呼叫中心坐席 李静', role: 'agent', scope: { kind: 'all' } },
  { username: 'callback', displayName: '回访员 张丽', role: 'callback', scope: { kind: 'all' } },
  // CB-3: the second callback on an appeal is made by a different agent.
  { username: 'callback2', displayName: '回访员 孙悦', role: 'callback', scope: { kind: 'all' } },
  { username: 'complaints', displayName: '客诉专员 陈刚', role: 'complaints', scope: { kind: 'all' } },
  {
    username: 'dispatcher',
    displayName: '信息员 刘洋',
    role: 'dispatcher',
    scope: outletScope,
    phone: '13800138001',
  },
  {
    username: 'engineer',
    displayName: '服务工程师 赵强',
    role: 'engineer',
    scope: outletScope,
    phone: '13900139002',
  },
  {
    username: 'outlet',
    displayName: '网点负责人 黄伟',
    role: 'outlet',
    scope: outletScope,
    phone: '13700137003',
  },
  {
    username: 'regional',
    displayName: '驻外客服 周杰',
    role: 'regional',
    scope: { kind: 'regions', regionCodes: ['440000'] },
  },
  { username: 'center', displayName: '客服中心 吴芳', role: 'center', scope: { kind: 'all' } },
  { username: 'parts', displayName: '配件管理专员 郑磊', role: 'parts', scope: { kind: 'all' } },
  { username: 'settlement', displayName: '结算专员 孙丽', role: 'settlement', scope: { kind: 'all' } },
  {
    username: 'dealer',
    displayName: '经销商 广州百佳电器',
    role: 'dealer',
    scope: { kind: 'regions', regionCodes: ['440100'] },
  },
];

/** Seeds demo data once; returns false when the demo accounts already exist. */
export async function seedDemo(deps: PlatformDeps, services: Services): Promise<boolean> {
  if (await services.users.findIdByUsername('admin')) return false;
  const ctx = systemContext(deps.clock.now());
  await inTransaction(deps, async (tx) => {
    for (const o of demoOutlets) {
      if (await outletsRepository.findById(tx, o.id)) continue;
      await outletsRepository.insert(tx, { ...o, status: 'active', createdAt: ctx.now, updatedAt: ctx.now });
      await writeAudit(tx, ctx, {
        entity: 'outlet',
        entityId: o.id,
        action: 'create',
        after: o,
        scopeOutletId: o.id,
      });
    }
  });
  for (const u of demoUsers) {
    await services.users.create(ctx, { ...u, password: DEMO_PASSWORD });
  }
  return true;
}
