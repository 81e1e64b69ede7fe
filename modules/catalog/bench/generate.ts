/*
| Benchmark data for the catalog: courses of the generated institutions
| (their decisions and some training materials) and the standard
| contracts parents sign for their children.
|
| Courses follow the national rules by construction: a weekly timetable
| (its classes listed by the catalog's own `classMeetings`), admitted
| teachers (qualified ones for academic courses), filed categories, and a
| charge of at most 3 months, 60 classes and 5,000 yuan; online courses
| are live 40-minute evening classes.
|
| Rates: 1–5 courses per approved institution (mean 2.7); 84% run this
| term (starting between two weeks ago and a month ahead, 8 to 16 weeks
| long), 2% are short courses that ended this term (8 classes), 14% start
| later; 90% on sale. A charge covers 2 weeks of classes (45%), 4 (40%),
| 8 (10%) or 12 (5%). Students are spread over the counties like the parents; each has
| 1–3 contracts (mean 1.6) for courses of their county that teach their
| grade and have a free place; grey- or black-listed institutions got a
| third of the share of the white ones (contracts signed before the
| listing). Contract status: 3% signed and not yet paid, 4.5%
| terminated (refunded), the rest active; contracts of ended courses 85%
| completed, 15% terminated. The funds generator turns these statuses
| into orders.
|
| A generated contract keeps everything a signed one has except the
| clause text: its content holds the template's title, the filled parties,
| the signature and the timetable, with `sections` empty (the clauses are
| the template's, the same for every contract of a version; storing them
| four million times would dominate the database). Its hash is the
| canonical hash of that content; no PDF file is stored under `pdf_key`.
*/
import { createHash } from 'node:crypto'
import i18nManager from '@adonisjs/i18n/services/main'
import { type BulkSession, Rng, type CopyValue, pgArray, prefetched } from '#bench/lib/bulk_load'
import type { SealedBatch } from '#bench/lib/seal_pool'
import { maskIdNumber, maskPhone, withResidentIdCheckDigit } from '#kernel/shared/personal_data'
import { regionTree } from '#modules/identity'
import { benchParent, givenName, surnameOf } from '#modules/identity/bench'
import type { BenchInstitution, BenchTeacher } from '#modules/registry/bench'
import {
  type ClassMeeting,
  classMeetings,
  slotWindows,
  type WeeklySlot,
} from '../course/schedule.js'
import { stagesOf, type Grade } from '../course/vocabulary.js'
import { canonicalJson, fill } from '../contracts/template.js'
import { timetableOf } from '../contracts/facts.js'
import { currentTemplate } from '../services/templates.js'
import {
  ACADEMIC_COURSES,
  COURSE_NAMES,
  DESCRIPTIONS,
  GRADE_BANDS,
  MATERIAL_TITLES,
  SCHOOL_WORDS,
  TERMS,
} from './vocabulary.js'

export interface CatalogPlan {
  institutions: BenchInstitution[]
  /** Parent ids per county (from the identity generator). */
  parents: { regionCode: string; firstId: number; count: number }[]
  /** Students per county. */
  students: { regionCode: string; count: number }[]
  now: string
  today: string
  seed: number
}

export interface GeneratedCatalog {
  counts: Record<string, number>
  contractsByStatus: Record<string, number>
}

const DAY = 86_400_000
const NONE = '不适用'
const beijingDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
const dateMs = (iso: string) => Date.parse(`${iso}T00:00:00+08:00`)

type CourseType = 'regular' | 'short' | 'upcoming'

interface GeneratedCourse {
  id: number
  institution: BenchInstitution
  type: CourseType
  status: string
  grades: string[]
  capacity: number
  taken: number
  startMs: number
  listedMs: number
  classCount: number
  classesPerCharge: number
  pricePerClassFen: number
  /** Canonical JSON of the timetable, written into every contract of the course. */
  timetableJson: string
  payAfterClass: boolean
}

const COURSE_COLUMNS = [
  'id',
  'institution_id',
  'name',
  'kind',
  'subject',
  'category',
  'grades',
  'stages',
  'delivery',
  'live',
  'venue',
  'teacher_ids',
  'teaching_mode',
  'capacity',
  'min_class_size',
  'named_teacher',
  'start_date',
  'end_date',
  'slots',
  'minutes_per_class',
  'class_count',
  'price_per_class_fen',
  'classes_per_charge',
  'homework',
  'pay_after_class',
  'refund_within_days',
  'dispute_resolution',
  'arbitration_body',
  'description',
  'status',
  'version',
  'decision_reason',
  'submitted_at',
  'listed_at',
  'created_at',
  'updated_at',
]
const DECISION_COLUMNS = [
  'course_id',
  'action',
  'course_version',
  'reason',
  'actor_unit',
  'created_at',
]
const MATERIAL_COLUMNS = [
  'course_id',
  'institution_id',
  'title',
  'source',
  'publisher',
  'storage_key',
  'original_name',
  'mime_type',
  'size_bytes',
  'sha256',
  'check_status',
  'created_at',
]
const CONTRACT_COLUMNS = [
  'id',
  'number',
  'template_id',
  'template_version',
  'course_id',
  'course_version',
  'institution_id',
  'region_code',
  'province_code',
  'city_code',
  'county_code',
  'parent_user_id',
  'student_name',
  'student_id_cipher',
  'student_id_index',
  'student_id_masked',
  'student_school',
  'student_grade',
  'guardian_name',
  'guardian_relation',
  'total_fen',
  'per_charge_fen',
  'class_count',
  'content',
  'content_sha256',
  'pdf_key',
  'pdf_sha256',
  'sign_method',
  'signer_ip',
  'signed_at',
  'status',
  'updated_at',
]

const GRADE_WEIGHTS: Record<string, number> = {
  k2: 3,
  k3: 4,
  p1: 9,
  p2: 10,
  p3: 11,
  p4: 11,
  p5: 10,
  p6: 9,
  j1: 8,
  j2: 7,
  j3: 5,
  s1: 2,
  s2: 2,
}
const AGE_OF_GRADE: Record<string, number> = {
  k1: 3,
  k2: 4,
  k3: 5,
  p1: 6,
  p2: 7,
  p3: 8,
  p4: 9,
  p5: 10,
  p6: 11,
  j1: 12,
  j2: 13,
  j3: 14,
  s1: 15,
  s2: 16,
  s3: 17,
}
const STAGE_OF_GRADE = (g: string) =>
  ({ k: 'preschool', p: 'primary', j: 'junior', s: 'senior' })[g[0] as 'k']

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

const SIGN_METHOD = '平台账号密码确认身份后电子签署'
const TIMETABLES = new Map<string, { count: number; json: string }>()
const MEETINGS = new Map<string, (ClassMeeting & { offset: number })[]>()

function schedule(
  rng: Rng,
  inst: BenchInstitution,
  academic: boolean,
  type: CourseType,
  now: number
) {
  const online = inst.delivery === 'online'
  const perWeek = type === 'short' ? 2 : rng.chance(0.55) ? 1 : 2
  const minutes = online ? 40 : academic ? 45 : rng.pick([60, 60, 90])
  let slots: WeeklySlot[]
  if (online) {
    const day = rng.int(1, 4)
    slots =
      perWeek === 1
        ? [{ weekday: day, start: '19:00' }]
        : [
            { weekday: day, start: '19:00' },
            { weekday: day + 1 === 5 ? 5 : day + 2, start: '19:00' },
          ]
  } else if (rng.chance(0.55)) {
    const start = rng.pick(['08:30', '10:30', '14:00', '15:30'])
    slots =
      perWeek === 1
        ? [{ weekday: rng.pick([6, 7]), start }]
        : [
            { weekday: 6, start },
            { weekday: 7, start },
          ]
  } else {
    const day = rng.int(1, 3)
    const start = minutes > 60 ? '18:30' : rng.pick(['18:00', '18:30', '19:00'])
    slots =
      perWeek === 1
        ? [{ weekday: rng.int(1, 5), start }]
        : [
            { weekday: day, start },
            { weekday: day + 2, start },
          ]
  }
  const offset =
    type === 'regular' ? rng.int(-14, 30) : type === 'short' ? rng.int(-56, -35) : rng.int(31, 75)
  const weeks = type === 'short' ? 4 : rng.pick([8, 12, 12, 16])
  const startMs = dateMs(beijingDate(now)) + offset * DAY
  const startDate = beijingDate(startMs)
  const endDate = beijingDate(startMs + (weeks * 7 - 1) * DAY)
  /*
  | The catalog's classMeetings lists the classes. Its result depends on the
  | start date only through the weekday, so it runs once per weekday, length
  | and slot pattern, and the other courses shift its dates; a timetable
  | shared by several courses is written as JSON once.
  */
  const pattern = `${new Date(startMs + 8 * 3_600_000).getUTCDay()}|${weeks}|${minutes}|${slots.map((x) => `${x.weekday}@${x.start}`).join(',')}`
  const key = `${startDate}|${pattern}`
  let timetable = TIMETABLES.get(key)
  if (!timetable) {
    let meetings = MEETINGS.get(pattern)
    if (!meetings) {
      meetings = classMeetings(startDate, endDate, slotWindows(slots, minutes)).map((m) => ({
        ...m,
        offset: Math.round((dateMs(m.date) - startMs) / DAY),
      }))
      MEETINGS.set(pattern, meetings)
    }
    const classes = meetings.map((m) => ({
      number: m.number,
      date: beijingDate(startMs + m.offset * DAY),
      weekday: m.weekday,
      start: m.start,
      end: m.end,
    }))
    timetable = { count: classes.length, json: canonicalJson(timetableOf(classes)) }
    TIMETABLES.set(key, timetable)
  }
  return {
    slots,
    minutes,
    startMs,
    startDate,
    endDate,
    classCount: timetable.count,
    timetableJson: timetable.json,
    perWeek,
  }
}

/** Writes courses, their decisions and materials, then the contracts, in one transaction. */
export async function generateCatalog(
  session: BulkSession,
  plan: CatalogPlan
): Promise<GeneratedCatalog> {
  const rng = new Rng(plan.seed ^ 0x3c)
  const now = Date.parse(plan.now)
  const zh = i18nManager.locale('zh-CN')
  /* Labels are looked up once each: formatting a message is far slower than a contract's other work. */
  const labels = new Map<string, string>()
  const t = (key: string) => labels.get(key) ?? labels.set(key, zh.t(`catalog.${key}`)).get(key)!
  const template = await currentTemplate()
  const counts = {
    courses: 0,
    course_decisions: 0,
    course_materials: 0,
    contracts: 0,
  }
  const contractsByStatus: Record<string, number> = {}
  const [starts] = await session.query<{
    course_id: string
    contract_id: string
  }>(
    'SELECT coalesce((SELECT max(id) FROM courses), 0) + 1 AS course_id, coalesce((SELECT max(id) FROM contracts), 0) + 1 AS contract_id'
  )
  let courseId = Number(starts!.course_id)
  let contractId = Number(starts!.contract_id)
  /* Contractable courses by county and grade. */
  const byLeaf = new Map<string, Map<string, GeneratedCourse[]>>()

  await session.withoutIndexes(
    ['courses', 'course_decisions', 'course_materials', 'contracts'],
    async () => {
      /* Courses, a few thousand institutions at a time. */
      let courseRows: CopyValue[][] = []
      let decisionRows: CopyValue[][] = []
      let materialRows: CopyValue[][] = []
      const flush = async () => {
        counts.courses += await session.copy('courses', COURSE_COLUMNS, courseRows)
        counts.course_decisions += await session.copy(
          'course_decisions',
          DECISION_COLUMNS,
          decisionRows
        )
        counts.course_materials += await session.copy(
          'course_materials',
          MATERIAL_COLUMNS,
          materialRows
        )
        courseRows = []
        decisionRows = []
        materialRows = []
      }
      for (const inst of plan.institutions) {
        if (inst.filingStatus !== 'approved' || inst.removed || !inst.teachers.length) continue
        if (courseRows.length >= 20_000) await flush()
        const leaf = inst.regionCode
        const grades = byLeaf.get(leaf) ?? new Map<string, GeneratedCourse[]>()
        byLeaf.set(leaf, grades)
        const cityName = regionTree.get(inst.cityCode ?? inst.provinceCode)!.name
        const count = rng.weighted({ 1: 0.15, 2: 0.3, 3: 0.3, 4: 0.15, 5: 0.1 })
        for (let i = 0; i < Number(count); i++) {
          const academicTeachers = inst.teachers.filter((x) => x.academic && x.certificateNumber)
          const academic =
            inst.categories.includes('academic') &&
            academicTeachers.length > 0 &&
            (inst.categories.length === 1 || rng.chance(0.5))
          const category = inst.categories.find((c) => c !== 'academic') ?? null
          if (!academic && !category) continue
          const type = rng.weighted({ regular: 0.84, short: 0.02, upcoming: 0.14 }) as CourseType
          const shape = schedule(rng, inst, academic, type, now)
          if (!shape.classCount) continue
          const subject = academic ? (academicTeachers[0]!.subject ?? 'maths') : null
          const academicShape = academic
            ? (ACADEMIC_COURSES.find((c) => c.subject === subject) ?? ACADEMIC_COURSES[0])
            : null
          let courseGrades = academicShape ? rng.pick(academicShape.grades) : rng.pick(GRADE_BANDS)
          /* No academic or online training for preschool children. */
          if (inst.delivery === 'online' || academic)
            courseGrades = courseGrades.filter((g) => !g.startsWith('k'))
          if (!courseGrades.length) courseGrades = ['p1', 'p2', 'p3']
          const teachers: BenchTeacher[] = academic
            ? academicTeachers.slice(0, rng.int(1, 2))
            : [inst.teachers[(i + rng.int(0, 9)) % inst.teachers.length]!]
          const price =
            (inst.delivery === 'online'
              ? rng.int(18, 25)
              : academic
                ? rng.pick([33, 40, 45, 50, 60])
                : rng.int(shape.minutes > 60 ? 90 : 60, shape.minutes > 60 ? 200 : 150)) * 100
          const weeksPerCharge =
            type === 'short' ? 4 : Number(rng.weighted({ 2: 0.45, 4: 0.4, 8: 0.1, 12: 0.05 }))
          const classCount = shape.classCount
          const classesPerCharge = Math.max(
            1,
            Math.min(shape.perWeek * weeksPerCharge, classCount, Math.floor(500_000 / price), 60)
          )
          const mode = rng.weighted({ small_class: 0.7, large_class: 0.2, one_to_one: 0.1 })
          const capacity =
            mode === 'small_class' ? rng.int(15, 30) : mode === 'large_class' ? rng.int(40, 80) : 8
          const status = String(
            rng.weighted(
              academic
                ? { on_sale: 0.88, pending: 0.04, draft: 0.03, rejected: 0.02, taken_down: 0.03 }
                : { on_sale: 0.92, pending: 0, draft: 0.03, rejected: 0.02, taken_down: 0.03 }
            )
          )
          const listedMs = Math.min(
            shape.startMs - rng.int(20, 45) * DAY,
            now - rng.int(2, 10) * DAY
          )
          const submittedMs =
            listedMs - rng.int(0, academic ? 5 : 0) * DAY - rng.int(600, 7200) * 1000
          const payAfterClass = !academic && inst.delivery === 'offline' && rng.chance(0.1)
          const name = academic
            ? `${academicShape!.name}（${courseGrades
                .map((g) => t('grades.' + g))
                .join('、')
                .slice(0, 12)}）`
            : `${rng.pick(COURSE_NAMES[category!] ?? COURSE_NAMES.other!)}${rng.pick(TERMS)}`
          const venue = inst.delivery === 'online' ? inst.platformName : inst.venue
          const arbitration = rng.chance(0.1)
          const listed = status === 'on_sale' || status === 'taken_down'
          const version = rng.chance(0.05) ? 2 : 1
          const unit = academic ? inst.licenceAuthority : inst.name
          courseRows.push([
            courseId,
            inst.id,
            name.slice(0, 128),
            academic ? 'academic' : 'non_academic',
            subject,
            academic ? null : category,
            pgArray(courseGrades),
            pgArray(stagesOf(courseGrades as Grade[])),
            inst.delivery,
            inst.delivery === 'online',
            venue,
            pgArray(teachers.map((x) => x.id)),
            mode,
            capacity,
            mode === 'one_to_one' ? 1 : rng.int(3, 5),
            rng.chance(0.5),
            shape.startDate,
            shape.endDate,
            shape.slots,
            shape.minutes,
            classCount,
            price,
            classesPerCharge,
            false,
            payAfterClass,
            rng.pick([5, 7, 10, 15]),
            arbitration ? 'arbitration' : 'court',
            arbitration ? `${cityName}仲裁委员会` : null,
            rng.pick(DESCRIPTIONS),
            status,
            version,
            status === 'rejected'
              ? '课程内容超出备案培训类别，请修改后重新提交。'
              : status === 'taken_down'
                ? '招生宣传中承诺“保证提分”，违反广告规定，责令整改。'
                : null,
            status === 'draft' ? null : new Date(submittedMs),
            listed ? new Date(listedMs) : null,
            new Date(submittedMs - rng.int(1, 20) * DAY),
            new Date(listedMs),
          ])
          if (status !== 'draft') {
            decisionRows.push([courseId, 'submitted', 1, null, inst.name, new Date(submittedMs)])
            if (listed)
              decisionRows.push([
                courseId,
                academic ? 'approved' : 'listed',
                1,
                null,
                unit,
                new Date(listedMs),
              ])
            if (status === 'rejected')
              decisionRows.push([
                courseId,
                'rejected',
                1,
                '课程内容超出备案培训类别，请修改后重新提交。',
                inst.licenceAuthority,
                new Date(listedMs),
              ])
            if (status === 'taken_down')
              decisionRows.push([
                courseId,
                'taken_down',
                1,
                '招生宣传中承诺“保证提分”，违反广告规定，责令整改。',
                inst.licenceAuthority,
                new Date(now - rng.int(1, 20) * DAY),
              ])
          }
          if (rng.chance(0.35)) {
            const title = `《${name.slice(0, 40)}》${rng.pick(MATERIAL_TITLES)}`
            const check = rng.weighted({ unchecked: 0.9, passed: 0.09, failed: 0.01 })
            materialRows.push([
              courseId,
              inst.id,
              title.slice(0, 128),
              rng.chance(0.6) ? 'self_compiled' : 'published',
              null,
              `catalog/materials/${inst.id}/bench-${courseId}.pdf`,
              `${name.slice(0, 60)}.pdf`,
              'application/pdf',
              rng.int(80_000, 4_000_000),
              sha256(`material:${courseId}`),
              check,
              new Date(submittedMs),
            ])
          }
          const course: GeneratedCourse = {
            id: courseId,
            institution: inst,
            type,
            status,
            grades: courseGrades,
            capacity,
            taken: 0,
            startMs: shape.startMs,
            listedMs,
            classCount,
            classesPerCharge,
            pricePerClassFen: price,
            timetableJson: shape.timetableJson,
            payAfterClass,
          }
          if (status === 'on_sale' && type !== 'upcoming')
            for (const g of courseGrades) grades.set(g, [...(grades.get(g) ?? []), course])
          courseId++
        }
      }
      await flush()

      /* Contracts, streamed county by county. */
      const partyB = new Map<number, string>()
      const partyBOf = (inst: BenchInstitution) => {
        let json = partyB.get(inst.id)
        if (!json) {
          const facts: Record<string, string> = {
            institutionName: inst.name,
            creditCode: inst.creditCode,
            licenceNumber: inst.licenceNumber,
            licenceValidTo: inst.licenceValidTo,
            licenceAuthority: inst.licenceAuthority,
            icpNumber: inst.delivery === 'online' ? (inst.icpNumber ?? NONE) : NONE,
            institutionAddress: inst.address,
            serviceChannels: inst.serviceChannels.map((c) => c.value).join('；') || NONE,
          }
          json = canonicalJson(template.body.partyB.map(([label, p]) => [label, fill(p, facts)]))
          partyB.set(inst.id, json)
        }
        return json
      }
      const head = `{"basis":${JSON.stringify(template.body.basis)},"partyA":`
      const tail = `,"templateCode":${JSON.stringify(template.code)},"templateVersion":${template.version},"timetable":`
      const title = `,"title":${JSON.stringify(template.body.title)}}`
      const parentsOf = new Map(plan.parents.map((p) => [p.regionCode, p]))
      const idSeq = new Map<string, number>()

      interface Signing {
        id: number
        course: GeneratedCourse
        signedMs: number
        status: string
        ip: string
        updatedMs: number
      }
      interface Student {
        parentId: number
        parent: ReturnType<typeof benchParent>
        grade: string
        name: string
        idNumber: string
        school: string
        relation: string
        signings: Signing[]
      }
      /* Students and their choices, a batch at a time; their ID numbers are sealed in the workers meanwhile. */
      function* students(): Generator<Student[]> {
        let batch: Student[] = []
        for (const leaf of plan.students) {
          const grades = byLeaf.get(leaf.regionCode)
          const parents = parentsOf.get(leaf.regionCode)
          if (!grades?.size || !parents?.count) continue
          const countyName = regionTree.get(leaf.regionCode)!.name
          const gradeKeys = [...grades.keys()].filter((g) => GRADE_WEIGHTS[g])
          if (!gradeKeys.length) continue
          const gradeWeights = Object.fromEntries(gradeKeys.map((g) => [g, GRADE_WEIGHTS[g]!]))
          for (let s = 0; s < leaf.count; s++) {
            const parentId = parents.firstId + Math.floor((s * parents.count) / leaf.count)
            const parent = benchParent(parentId)
            const grade = rng.weighted(gradeWeights)
            const wanted = Number(rng.weighted({ 1: 0.5, 2: 0.38, 3: 0.12 }))
            const chosen: GeneratedCourse[] = []
            const pool = grades.get(grade)!
            for (let tries = 0; chosen.length < wanted && tries < wanted * 4; tries++) {
              const course = pool[rng.int(0, pool.length - 1)]!
              if (course.taken >= course.capacity || chosen.includes(course)) continue
              if (course.institution.listStatus !== 'white' && !rng.chance(0.33)) continue
              chosen.push(course)
            }
            if (!chosen.length) continue
            /* The student: a child of this parent, of this grade, with a well-formed resident ID. */
            const sex = rng.chance(0.5) ? 'male' : 'female'
            const fatherSurname =
              parent.sex === 'male' || rng.chance(0.3)
                ? surnameOf(parent.displayName)
                : surnameOf(benchParent(parentId + 7919).displayName)
            const birthYear =
              Number(plan.today.slice(0, 4)) -
              AGE_OF_GRADE[grade]! -
              (Number(plan.today.slice(5, 7)) >= 9 ? 0 : 1)
            const birth = `${birthYear}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`
            const key = `${leaf.regionCode}${birth}`
            const n = (idSeq.get(key) ?? rng.int(0, 40)) + 1
            idSeq.set(key, n)
            const seq = (n * 2 + (sex === 'male' ? 1 : 0)) % 1000
            const student: Student = {
              parentId,
              parent,
              grade,
              name: fatherSurname + givenName(rng, sex, 'child'),
              idNumber: withResidentIdCheckDigit(
                `${leaf.regionCode}${birth}${String(seq).padStart(3, '0')}`
              ),
              school: `${countyName}${rng.pick(SCHOOL_WORDS[STAGE_OF_GRADE(grade)]!)}`,
              relation:
                parent.sex === 'female'
                  ? rng.chance(0.95)
                    ? 'mother'
                    : 'grandparent'
                  : rng.chance(0.95)
                    ? 'father'
                    : 'grandparent',
              signings: [],
            }
            for (const course of chosen) {
              course.taken++
              const ended = course.type === 'short'
              const earliest = Math.max(course.startMs - 30 * DAY, course.listedMs + 3_600_000)
              const latest = ended
                ? course.startMs - DAY
                : Math.min(now - 600_000, course.startMs + 14 * DAY)
              const signedMs = Math.floor(earliest + rng.next() * Math.max(0, latest - earliest))
              const status = String(
                ended
                  ? rng.weighted({ completed: 0.85, terminated: 0.15 })
                  : rng.weighted({ active: 0.925, signed: 0.03, terminated: 0.045 })
              )
              const ip = `${rng.int(36, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`
              const updatedMs =
                status === 'signed'
                  ? signedMs
                  : Math.min(now - 60_000, signedMs + rng.int(1, 20) * DAY)
              student.signings.push({ id: contractId++, course, signedMs, status, ip, updatedMs })
            }
            batch.push(student)
            if (batch.length >= 10_000) {
              yield batch
              batch = []
            }
          }
        }
        if (batch.length) yield batch
      }

      function* contracts(batch: Student[], sealed: SealedBatch): Generator<CopyValue[]> {
        for (const [i, st] of batch.entries()) {
          const partyA = canonicalJson(
            template.body.partyA.map(([label, p]) => [
              label,
              fill(p, {
                studentName: st.name,
                studentIdMasked: maskIdNumber(st.idNumber),
                studentSchool: st.school,
                studentGrade: t('grades.' + st.grade),
                guardianName: st.parent.displayName,
                guardianRelation: t('relations.' + st.relation),
                guardianPhone: maskPhone(st.parent.phone),
              }),
            ])
          )
          for (const { id, course, signedMs, status, ip, updatedMs } of st.signings) {
            const inst = course.institution
            const number = `XW${beijingDate(signedMs).replace(/-/g, '')}${String(id).padStart(8, '0')}`
            const signature = canonicalJson({
              method: SIGN_METHOD,
              number,
              signedAt:
                beijingDate(signedMs) +
                ' ' +
                new Date(signedMs + 8 * 3_600_000).toISOString().slice(11, 19),
              signer: st.parent.displayName,
            })
            /* The content in canonical JSON (keys sorted), which is also what its hash is taken of. */
            const content = `${head}${partyA},"partyB":${partyBOf(inst)},"sections":[],"signature":${signature}${tail}${course.timetableJson}${title}`
            const perCharge =
              Math.min(course.classesPerCharge, course.classCount) * course.pricePerClassFen
            contractsByStatus[status] = (contractsByStatus[status] ?? 0) + 1
            yield [
              id,
              number,
              template.id,
              template.version,
              course.id,
              1,
              inst.id,
              inst.regionCode,
              inst.provinceCode,
              inst.cityCode,
              inst.countyCode,
              st.parentId,
              st.name,
              sealed.ciphers[i],
              sealed.indexes[i],
              sealed.masked[i],
              st.school,
              st.grade,
              st.parent.displayName,
              st.relation,
              course.pricePerClassFen * course.classCount,
              perCharge,
              course.classCount,
              content,
              sha256(content),
              `catalog/contracts/${beijingDate(signedMs).slice(0, 7).replace('-', '/')}/bench-${id}.pdf`,
              sha256(`pdf:${number}`),
              'password',
              ip,
              new Date(signedMs),
              status,
              new Date(updatedMs),
            ]
          }
        }
      }
      counts.contracts = await session.copy(
        'contracts',
        CONTRACT_COLUMNS,
        prefetched(
          students(),
          (batch) =>
            session.seal(
              'id_number',
              batch.map((st) => st.idNumber)
            ),
          contracts
        )
      )
    }
  )
  await session.syncSequence('courses')
  await session.syncSequence('contracts')
  return { counts, contractsByStatus }
}

/** Empties this module's tables but the published contract templates (`bench:seed --force`); the modules that depend on it are emptied first. */
export async function wipeCatalog(session: BulkSession) {
  await session.exec(
    'TRUNCATE courses, course_decisions, course_materials, spot_checks, spot_check_items, contracts RESTART IDENTITY CASCADE'
  )
}
