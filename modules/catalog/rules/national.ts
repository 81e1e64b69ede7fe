/*
| National course rules: the default of `catalog.course.validate`. A
| province's plugin adds its own rules on top; it cannot remove these.
*/
import type { Violation } from '#plugin_sdk'
import { DateTime } from 'luxon'
import { formatYuan } from '#kernel/shared/money'
import { overlappingSlots } from '../course/schedule.js'
import type { CourseFacts } from './course_facts.js'

const FEES_NOTICE = {
  'zh-CN': '教育部等六部门《关于加强校外培训机构预收费监管工作的通知》（教监管函〔2021〕2号）',
  'en': 'MOE and five departments, notice on prepaid fees (JJGH [2021] No. 2)',
}
const DOUBLE_REDUCTION = {
  'zh-CN':
    '中共中央办公厅、国务院办公厅《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》（2021）',
  'en': 'Opinions on further reducing homework and off-campus training burdens (2021)',
}
const MEASURES_ART_11 = {
  'zh-CN': '《全国校外教育培训监管与服务综合平台应用管理办法》第十一条',
  'en': 'Platform measures, Art. 11',
}
const ADMISSION = {
  'zh-CN': '教育部办公厅《关于开展校外培训机构从业人员入职查询工作的通知》',
  'en': 'MOE notice on admission checks of training staff',
}
const PLATFORM = { 'zh-CN': '本平台课程信息规范', 'en': 'Platform course data rules' }

const weekdayName = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

export function nationalCourseRules(facts: CourseFacts): Violation[] {
  return [
    ...scheduleRules(facts),
    ...chargeRules(facts),
    ...stageRules(facts),
    ...teacherRules(facts),
    ...scopeRules(facts),
  ]
}

function scheduleRules(f: CourseFacts): Violation[] {
  const out: Violation[] = []
  for (const [a, b] of overlappingSlots(f.slots)) {
    out.push({
      rule: 'national.schedule_overlap',
      authority: PLATFORM,
      message: {
        'zh-CN': `${weekdayName[a.weekday]} ${a.start}—${a.end} 与 ${b.start}—${b.end} 两节课时间重叠。`,
        'en': `Two classes on weekday ${a.weekday} overlap: ${a.start}–${a.end} and ${b.start}–${b.end}.`,
      },
      fix: {
        'zh-CN': '调整上课时间，让同一天的课一节结束后再开始下一节。',
        'en': 'Move one class so that it starts after the other ends.',
      },
      field: 'slots',
    })
  }
  for (const slot of f.slots) {
    if (slot.endMinute > 24 * 60) {
      out.push({
        rule: 'national.schedule_past_midnight',
        authority: PLATFORM,
        message: {
          'zh-CN': `${weekdayName[slot.weekday]} ${slot.start} 开始的课要上到次日。`,
          'en': `The class starting ${slot.start} runs past midnight.`,
        },
        fix: {
          'zh-CN': '提前开始时间或缩短每节课时长。',
          'en': 'Start earlier or shorten the class.',
        },
        field: 'slots',
      })
    }
  }
  if (f.slots.length && !f.classes.length) {
    out.push({
      rule: 'national.schedule_no_classes',
      authority: PLATFORM,
      message: {
        'zh-CN': '开课日期与结课日期之间没有任何一节课。',
        'en': 'No class falls between the start and end dates.',
      },
      fix: {
        'zh-CN': '检查上课星期与起止日期是否匹配。',
        'en': 'Check that the weekdays fall within the dates.',
      },
      field: 'endDate',
    })
  }
  return out
}

function chargeRules(f: CourseFacts): Violation[] {
  const out: Violation[] = []
  const limits = f.chargeLimits
  const covered = Math.min(f.classesPerCharge, f.classes.length || f.classesPerCharge)
  if (f.classesPerCharge > limits.maxClasses && f.classes.length > limits.maxClasses) {
    out.push({
      rule: 'national.charge_max_classes',
      authority: FEES_NOTICE,
      message: {
        'zh-CN': `一次收费涵盖 ${f.classesPerCharge} 课时，超过 ${limits.maxClasses} 课时的上限。`,
        'en': `One charge covers ${f.classesPerCharge} class hours; the limit is ${limits.maxClasses}.`,
      },
      fix: {
        'zh-CN': `把“每次收取课时数”改为不超过 ${limits.maxClasses}，分期收费。`,
        'en': `Charge at most ${limits.maxClasses} classes at a time.`,
      },
      field: 'classesPerCharge',
    })
  }
  const firstClass = f.classes[0]
  const lastCovered = f.classes[covered - 1]
  if (firstClass && lastCovered) {
    const limit = DateTime.fromISO(firstClass.date).plus({ months: limits.maxMonths })
    if (DateTime.fromISO(lastCovered.date) > limit) {
      out.push({
        rule: 'national.charge_max_months',
        authority: FEES_NOTICE,
        message: {
          'zh-CN': `一次收费涵盖的课程从 ${firstClass.date} 到 ${lastCovered.date}，超过 ${limits.maxMonths} 个月。`,
          'en': `One charge covers classes from ${firstClass.date} to ${lastCovered.date}, more than ${limits.maxMonths} months.`,
        },
        fix: {
          'zh-CN': `减少每次收取的课时数，使一次收费涵盖的时间不超过 ${limits.maxMonths} 个月（课时与时长两项限制取较短者）。`,
          'en': `Charge fewer classes at a time so that one charge spans at most ${limits.maxMonths} months.`,
        },
        field: 'classesPerCharge',
      })
    }
  }
  const amount = f.pricePerClassFen * covered
  if (amount > limits.maxFen) {
    out.push({
      rule: 'national.charge_max_amount',
      authority: FEES_NOTICE,
      message: {
        'zh-CN': `一次收费 ${formatYuan(amount)} 元，超过 ${formatYuan(limits.maxFen)} 元的上限。`,
        'en': `One charge is ${formatYuan(amount)} yuan; the limit is ${formatYuan(limits.maxFen)} yuan.`,
      },
      fix: {
        'zh-CN': `降低每次收取的课时数（每课时 ${formatYuan(f.pricePerClassFen)} 元时最多 ${Math.floor(limits.maxFen / Math.max(1, f.pricePerClassFen))} 课时）。`,
        'en': 'Charge fewer classes at a time.',
      },
      field: 'classesPerCharge',
    })
  }
  return out
}

function stageRules(f: CourseFacts): Violation[] {
  const out: Violation[] = []
  if (!f.stages.includes('preschool')) return out
  if (f.kind === 'academic') {
    out.push({
      rule: 'national.preschool_academic',
      authority: DOUBLE_REDUCTION,
      message: {
        'zh-CN': '严禁面向学龄前儿童开展学科类（含外语）培训。',
        'en': 'Academic (including foreign-language) training for preschool children is forbidden.',
      },
      fix: {
        'zh-CN': '去掉学前年级，或改为非学科类课程。',
        'en': 'Remove the preschool grades or make it a non-academic course.',
      },
      field: 'grades',
    })
  }
  if (f.delivery === 'online') {
    out.push({
      rule: 'national.preschool_online',
      authority: DOUBLE_REDUCTION,
      message: {
        'zh-CN': '对学龄前儿童，不得开展线上培训。',
        'en': 'Online training for preschool children is not allowed.',
      },
      fix: {
        'zh-CN': '去掉学前年级，或改为线下授课。',
        'en': 'Remove the preschool grades or teach offline.',
      },
      field: 'grades',
    })
  }
  return out
}

function teacherRules(f: CourseFacts): Violation[] {
  const out: Violation[] = []
  if (!f.teachers.length) {
    out.push({
      rule: 'national.teacher_required',
      authority: MEASURES_ART_11,
      message: { 'zh-CN': '课程没有指定授课教师。', 'en': 'The course has no teacher.' },
      fix: {
        'zh-CN': '至少选择一名已通过入职查询的教师。',
        'en': 'Choose at least one admitted teacher.',
      },
      field: 'teacherIds',
    })
  }
  for (const teacher of f.teachers) {
    if (!teacher.admitted) {
      out.push({
        rule: 'national.teacher_not_admitted',
        authority: ADMISSION,
        message: {
          'zh-CN': `${teacher.name} 未在职或未通过入职查询。`,
          'en': `${teacher.name} is not employed or has not passed the admission check.`,
        },
        fix: {
          'zh-CN': '换成已通过入职查询的在职教师。',
          'en': 'Choose an employed teacher who passed the check.',
        },
        field: 'teacherIds',
      })
    } else if (f.kind === 'academic' && !teacher.certificateNumber) {
      out.push({
        rule: 'national.teacher_qualification',
        authority: DOUBLE_REDUCTION,
        message: {
          'zh-CN': `${teacher.name} 没有登记教师资格证，不能承担学科类培训。`,
          'en': `${teacher.name} has no teacher qualification on file and may not teach an academic course.`,
        },
        fix: {
          'zh-CN': '在“从业人员”中补登教师资格证编号，或换一位持证教师。',
          'en': 'Record the certificate under Staff, or choose a qualified teacher.',
        },
        field: 'teacherIds',
      })
    }
  }
  return out
}

function scopeRules(f: CourseFacts): Violation[] {
  const out: Violation[] = []
  if (f.delivery === 'online' && f.institution.delivery === 'offline') {
    out.push({
      rule: 'national.online_needs_online_filing',
      authority: MEASURES_ART_11,
      message: {
        'zh-CN': '本机构按线下机构备案，不能开设线上课程。',
        'en': 'The institution is filed as offline and may not sell online courses.',
      },
      fix: {
        'zh-CN': '改为线下授课，或由线上机构另行备案后开设。',
        'en': 'Teach offline, or file an online institution first.',
      },
      field: 'delivery',
    })
  }
  const filed = f.institution.categories
  const needed = f.kind === 'academic' ? 'academic' : f.category
  if (!needed || filed.includes(needed)) return out
  return [
    ...out,
    {
      rule: 'national.outside_filing',
      authority: MEASURES_ART_11,
      message: {
        'zh-CN': '课程类别不在机构备案的培训类别之内。',
        'en': 'The course is outside the training categories the institution filed.',
      },
      fix: {
        'zh-CN': '改选已备案的类别，或先通过备案变更增加该类别。',
        'en': 'Pick a filed category, or add it to the filing first.',
      },
      field: f.kind === 'academic' ? 'kind' : 'category',
    },
  ]
}
