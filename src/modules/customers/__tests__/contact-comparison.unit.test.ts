import { describe, expect, it } from 'vitest';
import { comparableText, contactDifference } from '../domain/contact-comparison.ts';

const base = { name: '张三', regionCode: '440106', detail: '天河路385号太古汇2座1201' };

describe('CB-6 comparing contact details without revealing them', () => {
  it('CB-6 names and addresses compare after width, case, space and punctuation are set aside', () => {
    expect(comparableText('朝阳区 建国路８８号')).toBe(comparableText('朝阳区建国路88号'));
    expect(comparableText('Zhang  San.')).toBe('zhangsan');
  });

  it('CB-6 a different name or address is a difference; an empty one proves nothing', () => {
    const cases: [Partial<typeof base>, { differentName: boolean; differentAddress: boolean }][] = [
      [{}, { differentName: false, differentAddress: false }],
      [{ name: ' 张 三 ' }, { differentName: false, differentAddress: false }],
      [{ name: '李四' }, { differentName: true, differentAddress: false }],
      [{ detail: '体育西路103号' }, { differentName: false, differentAddress: true }],
      [{ regionCode: '440104' }, { differentName: false, differentAddress: true }],
      [
        { name: '', detail: '' },
        { differentName: false, differentAddress: false },
      ],
      [
        { name: '李四', detail: '天河路３８５号 太古汇2座1201' },
        { differentName: true, differentAddress: false },
      ],
    ];
    const wrong = cases
      .map(([over, expected]) => ({ over, expected, got: contactDifference(base, { ...base, ...over }) }))
      .filter(({ expected, got }) => JSON.stringify(expected) !== JSON.stringify(got))
      .map(({ over, got }) => `${JSON.stringify(over)} → ${JSON.stringify(got)}`);
    expect(wrong).toEqual([]);
  });
});
