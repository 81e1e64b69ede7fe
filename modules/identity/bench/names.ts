/*
| Generated Chinese names and mobile numbers for benchmark data. Surnames
| are drawn by their approximate frequency (the hundred commonest, which
| cover about 85% of people, and a few compound ones); given names are one
| or two characters from pools by sex and generation. Every name is a
| random combination, never a real person's; every number is a permutation
| of an account id, so no two generated accounts share one.
*/
import type { Rng } from '#bench/lib/bulk_load'

/* Share per thousand people, approximately (public surname statistics). */
const SURNAME_WEIGHTS: [string, number][] = [
  ['王', 71],
  ['李', 70],
  ['张', 67],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['黄', 21],
  ['赵', 20],
  ['吴', 20],
  ['周', 19],
  ['徐', 13],
  ['孙', 13],
  ['马', 12],
  ['朱', 12],
  ['胡', 11],
  ['郭', 11],
  ['何', 10],
  ['高', 10],
  ['林', 10],
  ['罗', 9],
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
  ['司马', 0.1],
  ['上官', 0.1],
  ['诸葛', 0.1],
  ['东方', 0.1],
  ['皇甫', 0.1],
]

const GIVEN = {
  adult: {
    male: '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆旭宁龙林阳建亮成峰国志海东文斌立新永春晓光伟民忠庆敏松',
    female:
      '芳娜秀英敏静丽艳娟霞燕玲桂红梅兰琳萍玉洁慧莉婷雪琴云倩颖丹晶佳蓉瑶红青露凤琼岚翠蕾妍敏丽',
  },
  child: {
    male: '子轩浩然宇泽俊熙梓睿博文一诺皓晨思远铭泽奕辰嘉懿煜城懿轩烨伟苑博鹏涛炎彬鹤轩越彬风华靖琪明辉伟诚明轩健柏修杰志泽弘文峻熙嘉懿',
    female:
      '梓涵欣怡诗涵雨桐可馨一诺思琪梓萱语嫣紫涵雨欣佳怡芷若若汐依诺心怡子墨书瑶梦瑶晓彤沐阳婉清欣妍雅琪诗雨梓琪安琪悦然静怡',
  },
}

const SURNAME_TOTAL = SURNAME_WEIGHTS.reduce((n, [, w]) => n + w, 0)

export type Sex = 'male' | 'female'

function surname(rng: Rng): string {
  let r = rng.next() * SURNAME_TOTAL
  for (const [name, weight] of SURNAME_WEIGHTS) if ((r -= weight) < 0) return name
  return '王'
}

/** A made-up full name: 王芳, 欧阳子轩. Adults are more often given one character than children are. */
export function personName(rng: Rng, sex: Sex, generation: 'adult' | 'child' = 'adult'): string {
  return surname(rng) + givenName(rng, sex, generation)
}

/** A given name alone (one or two characters), e.g. for a child who takes a parent's surname. */
export function givenName(rng: Rng, sex: Sex, generation: 'adult' | 'child' = 'adult'): string {
  const pool = GIVEN[generation][sex]
  const single = rng.chance(generation === 'adult' ? 0.3 : 0.12)
  return single
    ? pool.charAt(rng.int(0, pool.length - 1))
    : pool.charAt(rng.int(0, pool.length - 1)) + pool.charAt(rng.int(0, pool.length - 1))
}

/* Mainland mobile prefixes of the three carriers. */
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '175',
  '176',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
]

/**
 * The generated mobile number of an account: a carrier prefix and eight
 * digits that are a bijection of the account id (an odd multiplier not
 * divisible by 5 permutes 0…10^8−1), so every account has its own.
 */
export function benchPhone(userId: number): string {
  const digits = (userId * 73_939_133) % 100_000_000
  return MOBILE_PREFIXES[userId % MOBILE_PREFIXES.length] + String(digits).padStart(8, '0')
}

/** The surname part of a generated name (compound surnames included). */
export function surnameOf(name: string): string {
  const compound = SURNAME_WEIGHTS.find(([s]) => s.length === 2 && name.startsWith(s))
  return compound ? compound[0] : name.slice(0, 1)
}
