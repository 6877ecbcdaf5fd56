import { describe, expect, it } from 'vitest';
import { areaList } from '@vant/area-data';
import { defaultRegionClass } from '../domain/region-defaults.ts';
import type { RegionClass } from '../domain/region-defaults.ts';

const district = (code: string): RegionClass => {
  const name = areaList.county_list[code];
  if (!name) throw new Error(`no county ${code} in @vant/area-data`);
  return defaultRegionClass({ level: 'district', name, cityCode: `${code.slice(0, 4)}00` });
};
const city = (code: string): RegionClass => {
  const name = areaList.city_list[code];
  if (!name) throw new Error(`no city ${code} in @vant/area-data`);
  return defaultRegionClass({ level: 'city', name, cityCode: code });
};

/** Reports every mismatch at once rather than stopping at the first. */
function mismatches(cases: [string, string, RegionClass, (code: string) => RegionClass][]): string[] {
  return cases.flatMap(([code, label, expected, classify]) => {
    const actual = classify(code);
    return JSON.stringify(actual) === JSON.stringify(expected)
      ? []
      : [`${code} ${label}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  });
}

describe('default market tier and urban flag of a region (MD, WO-7.1)', () => {
  it('MD regions: municipalities and provincial capitals tier 1 with urban districts (WO-7.1 reads this tier)', () => {
    expect(
      mismatches([
        ['110108', '北京 海淀区', { marketTier: 1, areaType: 'urban' }, district],
        ['310115', '上海 浦东新区', { marketTier: 1, areaType: 'urban' }, district],
        ['500103', '重庆 渝中区', { marketTier: 1, areaType: 'urban' }, district],
        ['440106', '广州 天河区', { marketTier: 1, areaType: 'urban' }, district],
        ['510107', '成都 武侯区', { marketTier: 1, areaType: 'urban' }, district],
        ['440100', '广州市', { marketTier: 1, areaType: 'urban' }, city],
        ['110100', '北京市 (city level)', { marketTier: 1, areaType: 'urban' }, city],
      ]),
    ).toEqual([]);
  });

  it('MD regions: districts of other prefecture-level cities tier 2, urban (WO-7.1)', () => {
    expect(
      mismatches([
        ['440305', '深圳 南山区 (not a capital)', { marketTier: 2, areaType: 'urban' }, district],
        ['440606', '佛山 顺德区', { marketTier: 2, areaType: 'urban' }, district],
        ['440300', '深圳市', { marketTier: 2, areaType: 'urban' }, city],
        [
          '441903',
          '东莞 南城街道 (sub-district of a city without districts)',
          { marketTier: 2, areaType: 'urban' },
          district,
        ],
        [
          '140109',
          '太原 万柏林区 (ends in 林区, yet an urban district)',
          { marketTier: 1, areaType: 'urban' },
          district,
        ],
        ['610103', '西安 碑林区', { marketTier: 1, areaType: 'urban' }, district],
      ]),
    ).toEqual([]);
  });

  it('MD regions: counties, county-level cities, banners and towns tier 3, suburban (WO-7.1)', () => {
    expect(
      mismatches([
        ['441521', '汕尾 海丰县 (county)', { marketTier: 3, areaType: 'suburban' }, district],
        ['440781', '江门 台山市 (county-level city)', { marketTier: 3, areaType: 'suburban' }, district],
        [
          '130181',
          '石家庄 辛集市 (county-level city under a capital)',
          { marketTier: 3, areaType: 'suburban' },
          district,
        ],
        ['150121', '呼和浩特 土默特左旗 (banner)', { marketTier: 3, areaType: 'suburban' }, district],
        [
          '441901',
          '东莞 中堂镇 (town directly under the city)',
          { marketTier: 3, areaType: 'suburban' },
          district,
        ],
        [
          '442001',
          '中山 南头镇 (town directly under the city)',
          { marketTier: 3, areaType: 'suburban' },
          district,
        ],
        ['429021', '神农架林区 (forest district)', { marketTier: 3, areaType: 'suburban' }, district],
        ['520203', '六盘水 六枝特区 (special district)', { marketTier: 3, areaType: 'suburban' }, district],
        ['500229', '重庆 城口县', { marketTier: 3, areaType: 'suburban' }, district],
      ]),
    ).toEqual([]);
  });

  it('MD regions: provinces carry no tier; tier 4 (towns and villages) is only set by an administrator', () => {
    expect(defaultRegionClass({ level: 'province', name: '广东省', cityCode: null })).toEqual({
      marketTier: null,
      areaType: 'urban',
    });
    const tiers = new Set(
      Object.entries(areaList.county_list).map(
        ([code, name]) =>
          defaultRegionClass({ level: 'district', name, cityCode: `${code.slice(0, 4)}00` }).marketTier,
      ),
    );
    expect([...tiers].sort()).toEqual([1, 2, 3]);
  });
});
