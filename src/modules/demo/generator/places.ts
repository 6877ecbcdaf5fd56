import type { Random } from './prng.ts';
import { labelSeed } from './prng.ts';

/** Street names found in almost every Chinese city, so an address reads right wherever it is placed. */
export const streetNames = [
  ...['人民', '解放', '中山', '建设', '和平', '新华', '胜利', '文化', '青年', '滨江', '东风', '北京', '南京'],
  ...['长江', '黄河', '光明', '幸福', '友谊', '迎宾', '朝阳', '工业', '学府', '体育', '花园', '民主', '团结'],
  ...['太平', '育才', '振兴', '锦绣', '金湖', '府前', '环城', '科技', '创业', '世纪', '阳光', '湖滨', '春晖'],
];
export const streetSuffixes = ['路', '路', '路', '大道', '街', '东路', '西路', '南路', '北路', '中路'];

/** Residential compounds (小区): developers' series names and the plain names older estates have. */
export const compoundNames = [
  ...['碧桂园', '万科城', '保利花园', '恒大名都', '金地格林小镇', '华润城', '绿地世纪城', '龙湖春江郦城'],
  ...['中海国际社区', '招商雍景湾', '融创玖璋台', '阳光花园', '锦绣家园', '幸福里', '滨江花园', '金色家园'],
  ...['东方名苑', '紫荆苑', '书香门第', '世纪新城', '翠湖山庄', '御景湾', '丽景华庭', '和谐家园', '教师新村'],
  ...['供电局宿舍', '铁路新村', '农行家属院', '水岸名都', '星河湾', '时代花园', '桃源居', '望江苑', '怡景苑'],
];

/** Words for outlet and dealer trade names (佛山顺德**顺心**电器服务站). */
export const tradeWords = [
  ...['顺心', '安达', '美家', '惠民', '诚信', '鑫诚', '恒通', '佳美', '新兴', '永盛', '宏达', '家和', '万家'],
  ...['优佳', '益家', '乐居', '康达', '众诚', '盛世', '汇通', '瑞丰', '福满', '利民', '诚达', '天诚', '百顺'],
  ...['通达', '华美', '润泽', '金盾', '信达', '邦德', '友邦', '正兴', '合力', '创新', '明辉', '祥和'],
];

/** 天河区 → 天河, 浦东新区 → 浦东, 白沙黎族自治县 → 白沙; names that would shrink to one character stay whole. */
export function shortDistrictName(name: string): string {
  if (name.endsWith('自治县') || name.endsWith('自治旗')) return name.slice(0, 2);
  const m = /^(.+?)(新区|街道|林区|特区|区|县|市|旗|镇)$/.exec(name);
  return m && [...(m[1] as string)].length >= 2 ? (m[1] as string) : name;
}

/** 广州市 → 广州, 大理白族自治州 → 大理. */
export function shortCityName(name: string): string {
  if (name.includes('自治州')) return name.slice(0, 2);
  return name.replace(/(市|地区|盟)$/, '');
}

export function streetAddress(random: Random): string {
  return `${random.pick(streetNames)}${random.pick(streetSuffixes)}${random.int(1, 399)}号`;
}

/** 3栋2单元1502室: building, entrance, floor and room as written on a delivery slip. */
export function flatAddress(random: Random): string {
  const floor = random.int(1, random.chance(0.6) ? 33 : 8);
  const room = random.int(1, 4);
  const unit = random.chance(0.7) ? `${random.int(1, 4)}单元` : '';
  return `${random.int(1, 28)}栋${unit}${floor}${String(room).padStart(2, '0')}室`;
}

export interface Point {
  lat: number;
  lng: number;
}

const KM_PER_DEGREE = 111.32;

/** A point `km` away from `from` in direction `angle` (radians), on the flat-earth scale a city needs. */
export function offsetKm(from: Point, km: number, angle: number): Point {
  const lat = from.lat + (km * Math.cos(angle)) / KM_PER_DEGREE;
  const lng = from.lng + (km * Math.sin(angle)) / (KM_PER_DEGREE * Math.cos((from.lat * Math.PI) / 180));
  return { lat: round6(lat), lng: round6(lng) };
}

export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

export function distanceKm(a: Point, b: Point): number {
  const dLat = (a.lat - b.lat) * KM_PER_DEGREE;
  const dLng = (a.lng - b.lng) * KM_PER_DEGREE * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.sqrt(dLat * dLat + dLng * dLng);
}

/**
 * A stand-in centre for a district: the data set has no coordinates below city level, so urban districts are
 * laid on rings close to the city centre (core districts, listed first, nearest) and counties farther out. The
 * direction comes from the district code, so the layout is the same for every seed.
 */
export function districtCentre(city: Point, code: string, rank: number, urban: boolean): Point {
  const angle = ((labelSeed(code) % 3600) / 3600) * 2 * Math.PI;
  const km = urban
    ? rank === 0
      ? 2
      : Math.min(18, 3 + 2.2 * Math.sqrt(rank))
    : Math.min(80, 22 + 12 * Math.sqrt(rank));
  return offsetKm(city, km, angle);
}
