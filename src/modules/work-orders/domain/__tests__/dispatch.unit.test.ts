import { describe, expect, it } from 'vitest';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import type { DispatchOrder, EngineerCandidate, OutletCandidate } from '../dispatch.ts';
import { haversineKm, proposeEngineer, proposeOutlet } from '../dispatch.ts';

const tz = 'Asia/Shanghai';
const ctx = {
  now: new Date('2026-03-23T04:00:00Z'), // 12:00 on 03-23 in Shanghai
  tz,
  defaultRadiusKm: defaultPolicyValue('net.service_radius').defaultKm,
};
const home = { lat: 31.2304, lng: 121.4737 };
/** A point `km` north of the customer (1° of latitude ≈ 111.2 km). */
const north = (km: number) => ({ lat: home.lat + km / 111.195, lng: home.lng });

const order: DispatchOrder = {
  districtCode: '310101',
  categoryCode: 'air_conditioner',
  serviceType: 'repair',
  serviceMode: 'on_site',
  location: home,
};
const outlet = (code: string, over: Partial<OutletCandidate> = {}): OutletCandidate => ({
  outletId: `id-${code}`,
  code,
  status: 'active',
  dispatchSuspendedUntil: null,
  districts: ['310101', '310104'],
  services: [
    { categoryCode: 'air_conditioner', serviceType: 'repair' },
    { categoryCode: 'air_conditioner', serviceType: 'install' },
  ],
  location: north(5),
  radiusKm: null,
  grade: 'B',
  openOrders: 10,
  ...over,
});
const ranking = (candidates: OutletCandidate[], o = order, c = ctx) => {
  const r = proposeOutlet(candidates, o, c);
  return r.ok ? r.ranked.map((x) => x.code) : r.code;
};
const rejections = (candidates: OutletCandidate[], o = order, c = ctx) =>
  proposeOutlet(candidates, o, c).rejected.map((x) => `${x.code}: ${x.reasons.map((r) => r.code).join(',')}`);

describe('dispatch proposal (WO-13)', () => {
  it('WO-13 haversine distance matches known distances', () => {
    expect(haversineKm(home, north(10))).toBeCloseTo(10, 2);
    const beijing = { lat: 39.9042, lng: 116.4074 };
    expect(Math.abs(haversineKm(home, beijing) - 1067) / 1067).toBeLessThan(0.01);
    expect(haversineKm(home, home)).toBe(0);
  });

  it('WO-13 filters out inactive, suspended, not covering district or service, and beyond the radius — with every reason', () => {
    const candidates = [
      outlet('A01', { status: 'withdrawing' }),
      outlet('A02', { dispatchSuspendedUntil: '2026-03-24' }),
      outlet('A03', {
        districts: ['310104'],
        services: [{ categoryCode: 'air_conditioner', serviceType: 'install' }],
      }),
      outlet('A04', { location: north(25) }),
      outlet('A05', { location: north(25), radiusKm: 30 }),
      outlet('A06', { status: 'rectifying', location: north(8) }),
      outlet('A07', { status: 'suspended', location: north(40), services: [] }),
    ];
    expect(rejections(candidates)).toEqual([
      'A01: NOT_ACTIVE',
      'A02: SUSPENDED',
      'A03: DISTRICT_NOT_COVERED,SERVICE_NOT_COVERED',
      'A04: OUTSIDE_RADIUS',
      'A07: NOT_ACTIVE,SERVICE_NOT_COVERED,OUTSIDE_RADIUS',
    ]);
    expect(ranking(candidates)).toEqual(['A06', 'A05']);
    const r = proposeOutlet(candidates, order, ctx);
    expect(r.rejected.find((x) => x.code === 'A04')?.reasons[0]).toEqual({
      code: 'OUTSIDE_RADIUS',
      message: '25 km away, beyond its 20 km radius.',
      data: { distanceKm: 25, radiusKm: 20 },
    });
  });

  it('WO-13 / NET-10 a suspension ends at the start of its until-date in business time (Shanghai midnight)', () => {
    const suspended = [outlet('A02', { dispatchSuspendedUntil: '2026-03-24' })];
    expect(ranking(suspended, order, { ...ctx, now: new Date('2026-03-23T15:59:00Z') })).toBe(
      'NO_ELIGIBLE_OUTLET',
    );
    expect(ranking(suspended, order, { ...ctx, now: new Date('2026-03-23T16:00:00Z') })).toEqual(['A02']);
  });

  it('WO-13 ranks nearest, then better grade (A>B>C>D, ungraded last), then lower open load, then code', () => {
    const candidates = [
      outlet('C10', { location: north(3), grade: 'C' }),
      outlet('B20', { location: north(2), grade: null }),
      outlet('B21', { location: north(2), grade: 'D' }),
      outlet('B22', { location: north(2), grade: 'A', openOrders: 30 }),
      outlet('B23', { location: north(2), grade: 'A', openOrders: 12 }),
      outlet('B25', { location: north(2), grade: 'A', openOrders: 12 }),
      outlet('B24', { location: north(2), grade: 'A', openOrders: 12 }),
    ];
    expect(ranking(candidates)).toEqual(['B23', 'B24', 'B25', 'B22', 'B21', 'B20', 'C10']);
    const r = proposeOutlet(candidates, order, ctx);
    expect(r.ok && r.proposal.reasons.at(-1)).toEqual({
      code: 'TIE_BY_CODE',
      message: 'Tied with B24 on distance, grade and load; first by outlet code.',
      data: { runnerUp: 'B24' },
    });
    const nearest = proposeOutlet(
      [outlet('X1', { location: north(1), grade: 'D' }), outlet('X2', { grade: 'A' })],
      order,
      ctx,
    );
    expect(nearest.ok && nearest.proposal.reasons.map((x) => x.code)).toEqual([
      'STATUS_OK',
      'DISTRICT_COVERED',
      'SERVICE_COVERED',
      'WITHIN_RADIUS',
      'NEAREST',
    ]);
  });

  it('WO-13 without coordinates, covering the district counts as within radius, and says so; unknown distance ranks last', () => {
    const candidates = [
      outlet('N1', { location: null, grade: 'A' }),
      outlet('N2', { location: north(15), grade: 'D' }),
    ];
    const r = proposeOutlet(candidates, order, ctx);
    expect(r.ok && r.ranked.map((x) => [x.code, x.distanceKm])).toEqual([
      ['N2', 15],
      ['N1', null],
    ]);
    expect(r.ok && r.ranked[1]?.reasons.find((x) => x.code === 'DISTANCE_UNKNOWN')?.message).toBe(
      'Distance unknown (outlet not geocoded): covering the district counts as within the radius.',
    );
    const noCustomer = proposeOutlet(candidates, { ...order, location: null }, ctx);
    expect(noCustomer.ok && noCustomer.ranked.map((x) => x.code)).toEqual(['N1', 'N2']);
    expect(noCustomer.ok && noCustomer.proposal.reasons.at(-1)?.code).toBe('BETTER_GRADE');
  });

  it('WO-13 carry-in orders are not limited by the on-site radius but still prefer the nearest', () => {
    const candidates = [outlet('F1', { location: north(45) }), outlet('F2', { location: north(60) })];
    expect(ranking(candidates)).toBe('NO_ELIGIBLE_OUTLET');
    expect(ranking(candidates, { ...order, serviceMode: 'carry_in' })).toEqual(['F1', 'F2']);
  });

  it('WO-13 no eligible outlet is a refusal with every candidate’s reasons, not an exception', () => {
    const r = proposeOutlet([outlet('Z1', { districts: [] })], order, ctx);
    expect(r).toEqual({
      ok: false,
      code: 'NO_ELIGIBLE_OUTLET',
      message:
        'No outlet covers this district, category and service type within its radius; assign one by hand.',
      ranked: [],
      rejected: [
        {
          id: 'id-Z1',
          code: 'Z1',
          reasons: [
            {
              code: 'DISTRICT_NOT_COVERED',
              message: 'Does not cover district 310101.',
              data: { district: '310101' },
            },
          ],
        },
      ],
    });
  });
});

describe('engineer proposal (WO-13 fair, no favourites)', () => {
  const eng = (code: string, over: Partial<EngineerCandidate> = {}): EngineerCandidate => ({
    engineerId: `id-${code}`,
    code,
    active: true,
    categories: ['air_conditioner'],
    openAssigned: 3,
    assignedToday: 1,
    ...over,
  });

  it('WO-13 qualified, active, least loaded, then fewest today, then code', () => {
    const r = proposeEngineer(
      [
        eng('E5', { openAssigned: 2, assignedToday: 4 }),
        eng('E4', { openAssigned: 2, assignedToday: 1 }),
        eng('E3', { openAssigned: 2, assignedToday: 1 }),
        eng('E2', { active: false, openAssigned: 0 }),
        eng('E1', { categories: ['refrigerator'], openAssigned: 0 }),
        eng('E6', { openAssigned: 5, assignedToday: 0 }),
      ],
      { categoryCode: 'air_conditioner' },
    );
    expect(r.ok && r.ranked.map((e) => e.code)).toEqual(['E3', 'E4', 'E5', 'E6']);
    expect(r.rejected.map((e) => `${e.code}: ${e.reasons.map((x) => x.code).join(',')}`)).toEqual([
      'E2: NOT_ACTIVE',
      'E1: NOT_QUALIFIED',
    ]);
    expect(r.ok && r.proposal.reasons.at(-1)?.code).toBe('TIE_BY_CODE');
  });

  it('WO-13 the reason names the deciding criterion', () => {
    const least = proposeEngineer([eng('E1', { openAssigned: 1 }), eng('E2')], {
      categoryCode: 'air_conditioner',
    });
    expect(least.ok && least.proposal.reasons.at(-1)?.message).toBe('Fewest open orders (1; next E2: 3).');
    const today = proposeEngineer([eng('E2', { assignedToday: 0 }), eng('E1')], {
      categoryCode: 'air_conditioner',
    });
    expect(today.ok && [today.proposal.code, today.proposal.reasons.at(-1)?.code]).toEqual([
      'E2',
      'FEWEST_TODAY',
    ]);
    const none = proposeEngineer([eng('E1', { active: false })], { categoryCode: 'air_conditioner' });
    expect(none.ok ? null : none.code).toBe('NO_ELIGIBLE_ENGINEER');
  });
});
