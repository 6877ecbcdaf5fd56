import { describe, expect, it } from 'vitest';
import { zhCN } from '../web/src/i18n/zh-CN.ts';
import { enUS } from '../web/src/i18n/en-US.ts';

type Tree = { [key: string]: string | Tree };

/** Flattens a nested dictionary to dotted keys, failing on anything that is not text or a group. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'object' && value !== null)
      for (const entry of flatten(value, path)) out.set(...entry);
    else throw new Error(`${path} is neither text nor a group`);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('web UI dictionaries', () => {
  const zh = flatten(zhCN);
  const en = flatten(enUS);

  it('zh-CN and en-US have exactly the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('no entry is empty', () => {
    const empty = [...zh, ...en].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('both languages use the same interpolation placeholders', () => {
    const mismatched = [...zh.keys()].filter(
      (key) => placeholders(zh.get(key) ?? '').join() !== placeholders(en.get(key) ?? '').join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('every role has a label and a workbench in both languages', () => {
    const roles = Object.keys(zhCN.roles);
    expect(roles).toHaveLength(12);
    for (const role of roles) {
      expect(zh.has(`workbench.${role}.title`), role).toBe(true);
      expect(en.has(`workbench.${role}.title`), role).toBe(true);
    }
  });
});
