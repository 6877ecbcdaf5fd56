import type { Random } from './prng.ts';
import { WeightedTable } from './prng.ts';

/**
 * The most common surnames with their approximate share of the population (per mille, 2020 census order), so
 * 王/李/张 dominate as they do in a real call-center list.
 */
const surnameWeights: readonly (readonly [string, number])[] = [
  ['王', 71],
  ['李', 70],
  ['张', 67],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['黄', 22],
  ['赵', 20],
  ['吴', 20],
  ['周', 19],
  ['徐', 15],
  ['孙', 15],
  ['马', 14],
  ['朱', 13],
  ['胡', 13],
  ['郭', 12],
  ['何', 12],
  ['高', 11],
  ['林', 11],
  ['罗', 10],
  ['郑', 9],
  ['梁', 9],
  ['谢', 8],
  ['宋', 8],
  ['唐', 8],
  ['许', 7],
  ['韩', 7],
  ['冯', 7],
  ['邓', 7],
  ['曹', 7],
  ['彭', 6],
  ['曾', 6],
  ['肖', 6],
  ['田', 6],
  ['董', 5],
  ['袁', 5],
  ['潘', 5],
  ['于', 5],
  ['蒋', 5],
  ['蔡', 5],
  ['余', 5],
  ['杜', 5],
  ['叶', 4],
  ['程', 4],
  ['苏', 4],
  ['魏', 4],
  ['吕', 4],
  ['丁', 4],
  ['任', 4],
  ['沈', 4],
  ['姚', 4],
  ['卢', 4],
  ['姜', 4],
  ['崔', 3],
  ['钟', 3],
  ['谭', 3],
  ['陆', 3],
  ['汪', 3],
  ['范', 3],
  ['金', 3],
  ['石', 3],
  ['廖', 3],
  ['贾', 3],
  ['夏', 3],
  ['韦', 3],
  ['付', 3],
  ['方', 3],
  ['白', 3],
  ['邹', 3],
  ['孟', 3],
  ['熊', 3],
  ['秦', 3],
  ['邱', 3],
  ['江', 3],
  ['尹', 3],
  ['薛', 2],
  ['闫', 2],
  ['段', 2],
  ['雷', 2],
  ['侯', 2],
  ['龙', 2],
  ['史', 2],
  ['陶', 2],
  ['黎', 2],
  ['贺', 2],
  ['顾', 2],
  ['毛', 2],
  ['郝', 2],
  ['龚', 2],
  ['邵', 2],
  ['万', 2],
  ['钱', 2],
  ['严', 2],
  ['覃', 2],
  ['武', 2],
  ['戴', 2],
  ['莫', 2],
  ['孔', 2],
  ['向', 2],
  ['汤', 2],
  ['欧阳', 0.5],
  ['上官', 0.2],
  ['司马', 0.2],
  ['诸葛', 0.1],
];

const surnames = new WeightedTable(surnameWeights);

/** Characters that open two-character given names, shared by both sexes (建国, 晓红, 子涵). */
const firstChars = [...'建志国晓海春文子雨思欣佳俊宇家明小立永玉秀桂丽金德红华新少敏伟宏一嘉梓浩诗雅'];
const maleChars = [
  ...'伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国东文志峰亮成海晨博然轩睿泽航宏斌彬亮毅军庆松林',
];
const femaleChars = [
  ...'芳娜敏静丽艳娟霞秀燕玲桂丹萍红玉兰英梅琳雪慧婷倩颖洁佳欣怡悦雨思涵琪萱晴月蕾菲薇莉琴瑶璐婧',
];

export type Sex = 'male' | 'female';

/** A realistic Chinese full name: common surname, one- or two-character given name. */
export function chineseName(random: Random, sex: Sex): string {
  const surname = random.weighted(surnames);
  const pool = sex === 'male' ? maleChars : femaleChars;
  if (random.chance(0.18)) return surname + random.pick(pool);
  const first = random.chance(0.45) ? random.pick(firstChars) : random.pick(pool);
  let second = random.pick(pool);
  if (second === first) second = random.pick(pool);
  return surname + first + second;
}

/** Just a surname: for outlet contacts written as "王经理", a role rather than a person's full name. */
export function chineseSurname(random: Random): string {
  return random.weighted(surnames);
}
