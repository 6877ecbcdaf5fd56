import { describe, expect, it } from 'vitest';
import { describeEvent, eventLabel } from '../orders-timeline.ts';

const names = {
  outlet: (id: unknown) => `outlet ${String(id)}`,
  engineer: (id: unknown) => `engineer ${String(id)}`,
  time: (iso: unknown) => (typeof iso === 'string' ? iso.slice(5, 16).replace('T', ' ') : '—'),
};

describe('the order timeline reads as sentences in both languages, never as codes', () => {
  it('registration names the type, channel and mode', () => {
    const text = describeEvent(
      'created',
      { orderType: 'repair', channel: 'hotline', serviceMode: 'pickup_two_way' },
      names,
    );
    expect(text['zh-CN']).toBe('登记：维修 / 400热线 / 双程拉修');
    expect(text['en-US']).toBe('Registered: repair / hotline / pick-up, both ways');
  });

  it('field work: appointment, reschedule, outcome, parts, contacts and photos', () => {
    const window = { day: '2026-11-24', windowStart: '09:00', windowEnd: '11:00' };
    expect(describeEvent('appointed', { ...window, agreedBy: 'customer' }, names)['zh-CN']).toBe(
      '预约 2026-11-24 09:00–11:00（用户确认）',
    );
    const moved = describeEvent(
      'rescheduled',
      { ...window, requestedBy: 'outlet', reasonCode: 'awaiting_parts', customerAccepted: false },
      names,
    );
    expect(moved['zh-CN']).toBe('改约至 2026-11-24 09:00–11:00，网点提出，原因：等配件，用户未认可');
    expect(describeEvent('result_recorded', { code: 'AWAITING_PARTS' }, names)['zh-CN']).toBe(
      '中间结果：待件',
    );
    expect(
      describeEvent('part_requested', { partName: '压缩机', quantity: 1, shippedBy: 'division' }, names)[
        'zh-CN'
      ],
    ).toBe('申请配件：压缩机 × 1（事业部发货）');
    const arrived = describeEvent(
      'part_updated',
      { partName: '压缩机', stationArrivalAt: '2026-11-25T02:00:00.000Z' },
      names,
    );
    expect(arrived['zh-CN']).toBe('配件进度 压缩机：到站 11-25 02:00');
    expect(arrived['en-US']).toBe('Part 压缩机: at the station 11-25 02:00');
    const trip = describeEvent(
      'contact_logged',
      { channel: 'hotline', reason: 'engineer_late', trip: true, cause: 'WO-8.1' },
      names,
    );
    expect(trip['zh-CN']).toContain('计一次重复来电：WO-8.1 约定时间内未上门或未来电');
    expect(describeEvent('attachment_added', { sizeBytes: 204_800 }, names)['en-US']).toBe(
      'Photo added (200 KB)',
    );
  });

  it('an unknown event or code shows the code rather than an empty sentence', () => {
    expect(eventLabel('something_new')).toEqual({ 'zh-CN': 'something_new', 'en-US': 'something_new' });
    expect(describeEvent('result_recorded', { code: 'NEW_CODE' }, names)['en-US']).toBe('Outcome: NEW_CODE');
  });
});
