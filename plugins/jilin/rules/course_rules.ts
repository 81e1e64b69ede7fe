import type { LocalizedText, Rule, Violation } from '#plugin_sdk'
import { jilinSettings } from '../settings.js'

/*
| 吉教联〔2019〕75号 二（二）1 ② 培训时间 and ③ 教师资质. The notice governs
| online training (校外线上培训), so these rules hold online courses of Jilin
| institutions; offline courses keep the national rules only.
*/
const TIME_RULES: LocalizedText = {
  'zh-CN':
    '吉林省教育厅等六部门《吉林省规范校外线上培训的实施方案》（吉教联〔2019〕75号）二（二）1②',
  'en': 'Jilin online-training rules (JJL [2019] No. 75), II(2)1②',
}
const TEACHER_RULES: LocalizedText = {
  'zh-CN':
    '吉林省教育厅等六部门《吉林省规范校外线上培训的实施方案》（吉教联〔2019〕75号）二（二）1③',
  'en': 'Jilin online-training rules (JJL [2019] No. 75), II(2)1③',
}

/** 吉教联〔2019〕75号: 40 minutes; the province may change it in its settings (maxClassMinutes). */
export const MAX_CLASS_MINUTES = jilinSettings.fields.maxClassMinutes.default
export const MIN_GAP_MINUTES = 10
/** Live classes for compulsory-education pupils end by 21:00. */
export const LIVE_END_MINUTE = 21 * 60
/** School hours live classes may not clash with: Monday to Friday, 08:00–16:30. */
export const SCHOOL_HOURS = { weekdays: [1, 2, 3, 4, 5], from: 8 * 60, to: 16 * 60 + 30 }

const WEEKDAY = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

export const courseRules: Rule<'catalog.course.validate'> = (course, ctx) => {
  if (course.delivery !== 'online') return []
  const maxMinutes = jilinSettings.read(ctx).maxClassMinutes
  const out: Violation[] = []
  const compulsory = course.stages.includes('primary') || course.stages.includes('junior')

  if (course.minutesPerClass > maxMinutes) {
    out.push({
      rule: 'jilin.class_minutes',
      authority: TIME_RULES,
      message: {
        'zh-CN': `每节课 ${course.minutesPerClass} 分钟，超过 ${maxMinutes} 分钟。`,
        'en': `Classes last ${course.minutesPerClass} minutes; at most ${maxMinutes} are allowed.`,
      },
      fix: {
        'zh-CN': `把每节课时长改为不超过 ${maxMinutes} 分钟。`,
        'en': `Shorten classes to ${maxMinutes} minutes or less.`,
      },
      field: 'minutesPerClass',
    })
  }

  for (let i = 1; i < course.slots.length; i++) {
    const [before, after] = [course.slots[i - 1]!, course.slots[i]!]
    const gap = after.startMinute - before.endMinute
    if (before.weekday === after.weekday && gap >= 0 && gap < MIN_GAP_MINUTES) {
      out.push({
        rule: 'jilin.class_gap',
        authority: TIME_RULES,
        message: {
          'zh-CN': `${WEEKDAY[after.weekday]} ${before.end} 下课、${after.start} 上课，间隔只有 ${gap} 分钟。`,
          'en': `On weekday ${after.weekday} only ${gap} minutes separate two classes.`,
        },
        fix: {
          'zh-CN': `两节课之间至少间隔 ${MIN_GAP_MINUTES} 分钟。`,
          'en': `Leave at least ${MIN_GAP_MINUTES} minutes between classes.`,
        },
        field: 'slots',
      })
    }
  }

  if (course.live && compulsory) {
    for (const slot of course.slots) {
      if (slot.endMinute > LIVE_END_MINUTE) {
        out.push({
          rule: 'jilin.live_end_time',
          authority: TIME_RULES,
          message: {
            'zh-CN': `面向义务教育阶段学生的直播课在 ${slot.end} 结束，晚于 21:00。`,
            'en': `A live class for compulsory-education pupils ends at ${slot.end}, after 21:00.`,
          },
          fix: { 'zh-CN': '把直播课安排在 21:00 前结束。', 'en': 'End live classes by 21:00.' },
          field: 'slots',
        })
      }
      if (
        SCHOOL_HOURS.weekdays.includes(slot.weekday) &&
        slot.startMinute < SCHOOL_HOURS.to &&
        slot.endMinute > SCHOOL_HOURS.from
      ) {
        out.push({
          rule: 'jilin.school_hours',
          authority: TIME_RULES,
          message: {
            'zh-CN': `${WEEKDAY[slot.weekday]} ${slot.start}—${slot.end} 的直播课与中小学校教学时间（工作日 ${hhmm(SCHOOL_HOURS.from)}—${hhmm(SCHOOL_HOURS.to)}）冲突。`,
            'en': `The live class ${slot.start}–${slot.end} on weekday ${slot.weekday} clashes with school hours.`,
          },
          fix: {
            'zh-CN': `改到工作日 ${hhmm(SCHOOL_HOURS.to)} 以后或周末。`,
            'en': `Move it after ${hhmm(SCHOOL_HOURS.to)} on weekdays or to the weekend.`,
          },
          field: 'slots',
        })
      }
    }
  }

  if (course.homework && course.grades.some((g) => g === 'p1' || g === 'p2')) {
    out.push({
      rule: 'jilin.no_homework_grades_1_2',
      authority: TIME_RULES,
      message: {
        'zh-CN': '面向小学 1—2 年级的培训不得留作业。',
        'en': 'No homework may be set for grades 1–2.',
      },
      fix: {
        'zh-CN': '取消“布置作业”，或去掉一、二年级。',
        'en': 'Turn homework off or remove grades 1–2.',
      },
      field: 'homework',
    })
  }

  for (const teacher of course.teachers) {
    const missing = [
      !teacher.name.trim() && '姓名',
      !teacher.hasPhoto && '照片',
      !teacher.certificateNumber && '教师资格证',
    ].filter(Boolean)
    if (missing.length) {
      out.push({
        rule: 'jilin.teacher_disclosure',
        authority: TEACHER_RULES,
        message: {
          'zh-CN': `教师 ${teacher.name} 缺少须在课程页公示的${missing.join('、')}。`,
          'en': `Teacher ${teacher.name} lacks the name, photo or certificate the course page must show.`,
        },
        fix: {
          'zh-CN': '在“从业人员”中补充教师照片和教师资格证编号，或换一位信息齐全的教师。',
          'en': 'Add the photo and certificate under Staff, or choose another teacher.',
        },
        field: 'teacherIds',
      })
    }
  }
  return out
}
