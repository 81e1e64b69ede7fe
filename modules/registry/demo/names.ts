/*
| Generated names for demo data: they look like real institutions and
| people but are combinations, not copied from anyone.
*/
export const BRANDS = [
  '启明星',
  '博雅',
  '七彩虹',
  '金话筒',
  '小画家',
  '乐动',
  '童心',
  '智慧树',
  '青苗',
  '艺星',
  '墨香',
  '翰林',
  '星火',
  '卓越',
  '明德',
  '致远',
  '阳光',
  '蒲公英',
  '小天鹅',
  '飞扬',
  '睿思',
  '格物',
  '未来',
  '创客',
  '悦读',
  '书香',
  '小海豚',
  '森林',
  '彩虹桥',
  '晨曦',
]

export const CATEGORY_WORDS: Record<string, string[]> = {
  arts: ['艺术', '美术', '舞蹈', '音乐', '书法', '钢琴', '声乐'],
  sports: ['体育', '篮球', '足球', '游泳', '跆拳道', '乒乓球', '轮滑'],
  science_tech: ['科技', '机器人', '编程', '科学实验', '航模'],
  academic: ['文化课', '学科辅导', '课业辅导'],
  other: ['围棋', '国际象棋', '研学', '口才'],
}

export const SUFFIXES = ['培训学校', '培训中心', '培训学校有限公司', '教育培训中心']

export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
]
export const GIVEN = [
  '丽',
  '强',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '文',
  '华',
  '红',
  '建国',
  '晓梅',
  '海燕',
  '志强',
  '雪',
  '鑫',
  '博',
  '思远',
]

export const STREETS = [
  '人民大街',
  '解放大路',
  '建设路',
  '中山路',
  '和平路',
  '新华路',
  '长江路',
  '文化路',
  '青年路',
  '光明街',
  '胜利路',
  '红旗街',
]

/** A small deterministic generator, so every demo install looks the same. */
export function random(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  }
}
