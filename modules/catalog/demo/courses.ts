/* Course names and shapes for demo data, by category. */
export interface DemoShape {
  names: string[]
  grades: string[][]
  minutes: number
  /** Yuan per class, low and high. */
  price: [number, number]
}

export const NON_ACADEMIC: Record<string, DemoShape> = {
  arts: {
    names: ['少儿美术启蒙班', '素描基础班', '少儿中国舞', '硬笔书法入门', '少儿声乐', '创意水彩画'],
    grades: [
      ['k2', 'k3', 'p1'],
      ['p3', 'p4', 'p5', 'p6'],
      ['p1', 'p2', 'p3'],
    ],
    minutes: 60,
    price: [80, 160],
  },
  sports: {
    names: [
      '青少年篮球基础班',
      '少儿游泳',
      '青少年足球训练营',
      '跆拳道初级班',
      '乒乓球提高班',
      '轮滑入门',
    ],
    grades: [
      ['p1', 'p2', 'p3'],
      ['p4', 'p5', 'p6', 'j1'],
      ['j1', 'j2', 'j3'],
    ],
    minutes: 90,
    price: [60, 150],
  },
  science_tech: {
    names: [
      '少儿编程 Scratch',
      '机器人搭建与编程',
      'Python 编程入门',
      '科学实验探究',
      '无人机科创',
    ],
    grades: [
      ['p3', 'p4'],
      ['p5', 'p6', 'j1'],
      ['j1', 'j2'],
    ],
    minutes: 90,
    price: [100, 180],
  },
  other: {
    names: ['围棋入门', '国际象棋', '演讲与口才', '少儿财商启蒙'],
    grades: [
      ['p1', 'p2', 'p3'],
      ['p4', 'p5', 'p6'],
    ],
    minutes: 60,
    price: [60, 120],
  },
}

export const ACADEMIC: { subject: string; name: string; grades: string[] }[] = [
  { subject: 'maths', name: '初中数学同步提升', grades: ['j1', 'j2'] },
  { subject: 'english', name: '小学英语阅读', grades: ['p4', 'p5', 'p6'] },
  { subject: 'chinese', name: '小学语文阅读与写作', grades: ['p3', 'p4'] },
  { subject: 'physics', name: '八年级物理实验与思维', grades: ['j2'] },
  { subject: 'maths', name: '高一数学衔接', grades: ['s1'] },
]

export const DESCRIPTIONS = [
  '小班教学，注重兴趣培养和基础训练，每节课后向家长反馈学习情况。',
  '按教学大纲循序渐进，课堂练习当堂完成，不额外布置作业。',
  '由持证教师授课，教学内容与学生年级相匹配，不超出国家课程标准。',
]
