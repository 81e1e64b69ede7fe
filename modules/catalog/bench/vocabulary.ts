/* Course names, schools and texts generated courses and contracts are made of. */
export const COURSE_NAMES: Record<string, string[]> = {
  arts: [
    '少儿美术启蒙班',
    '素描基础班',
    '少儿中国舞',
    '硬笔书法入门',
    '少儿声乐',
    '创意水彩画',
    '软笔书法提高班',
    '少儿拉丁舞',
    '钢琴基础',
    '古筝入门',
    '尤克里里弹唱',
    '少儿播音主持',
    '儿童戏剧表演',
    '国画山水',
    '卡通漫画',
  ],
  sports: [
    '青少年篮球基础班',
    '少儿游泳',
    '青少年足球训练营',
    '跆拳道初级班',
    '乒乓球提高班',
    '轮滑入门',
    '羽毛球基础班',
    '少儿武术',
    '击剑入门',
    '体适能训练',
    '跳绳专项',
    '网球启蒙',
  ],
  science_tech: [
    '少儿编程 Scratch',
    '机器人搭建与编程',
    'Python 编程入门',
    '科学实验探究',
    '无人机科创',
    '3D 打印设计',
    '人工智能启蒙',
    '电子电路入门',
    '航模制作',
  ],
  other: [
    '围棋入门',
    '国际象棋',
    '演讲与口才',
    '少儿财商启蒙',
    '思维训练',
    '研学实践',
    '整本书阅读',
    '中国象棋',
  ],
}

export const ACADEMIC_COURSES: { subject: string; name: string; grades: string[][] }[] = [
  {
    subject: 'maths',
    name: '数学同步提升',
    grades: [['p3', 'p4'], ['p5', 'p6'], ['j1', 'j2'], ['j3']],
  },
  {
    subject: 'english',
    name: '英语阅读与表达',
    grades: [['p4', 'p5', 'p6'], ['j1', 'j2'], ['j3']],
  },
  {
    subject: 'chinese',
    name: '语文阅读与写作',
    grades: [
      ['p3', 'p4'],
      ['p5', 'p6'],
      ['j1', 'j2', 'j3'],
    ],
  },
  { subject: 'physics', name: '物理实验与思维', grades: [['j2'], ['j3'], ['s1']] },
  { subject: 'chemistry', name: '化学基础', grades: [['j3'], ['s1', 's2']] },
  {
    subject: 'biology',
    name: '生物探究',
    grades: [
      ['j1', 'j2'],
      ['s1', 's2'],
    ],
  },
]

export const TERMS = ['（秋季班）', '（周末班）', '（提高班）', '（基础班）', '', '', '']

/* Grade bands non-academic courses are offered for. */
export const GRADE_BANDS: string[][] = [
  ['k2', 'k3'],
  ['k3', 'p1', 'p2'],
  ['p1', 'p2', 'p3'],
  ['p3', 'p4', 'p5'],
  ['p4', 'p5', 'p6'],
  ['p5', 'p6', 'j1'],
  ['j1', 'j2', 'j3'],
  ['s1', 's2'],
]

export const DESCRIPTIONS = [
  '小班教学，注重兴趣培养和基础训练，每节课后向家长反馈学习情况。',
  '按教学大纲循序渐进，课堂练习当堂完成，不额外布置作业。',
  '由持证教师授课，教学内容与学生年级相匹配，不超出国家课程标准。',
  '每期结课进行汇报展示，家长可旁听开放课。',
  '课程分阶段设置目标，学员可根据进度升入下一阶段。',
]

export const SCHOOL_WORDS: Record<string, string[]> = {
  preschool: ['实验幼儿园', '第一幼儿园', '机关幼儿园', '阳光幼儿园'],
  primary: ['实验小学', '第一小学', '第二小学', '育才小学', '明德小学', '解放路小学', '中心小学'],
  junior: ['第一中学', '实验中学', '第二中学', '育英中学', '外国语学校'],
  senior: ['第一高级中学', '实验高级中学', '第二高级中学'],
}

export const MATERIAL_TITLES = ['教学材料', '课堂讲义', '练习册', '教案汇编']
