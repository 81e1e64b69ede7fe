/*
| Demo data for the catalog: courses of the white-listed demo institutions
| (academic ones approved or awaiting review, one taken down), training
| materials, a finished and an open spot check, and a contract the demo
| parent signed. Written through the catalog's own actions where rules
| matter. Never run in production.
*/
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import { PDFDocument, StandardFonts } from 'pdf-lib'
import { randomUUID, createHash } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import { CurrentUserProvider, type CurrentUser } from '#modules/identity'
import { contractParty, institutionIds, institutionSummary, teachersOf } from '#modules/registry'
import Course from '../models/course.js'
import CourseDecision from '../models/course_decision.js'
import Material from '../models/material.js'
import type { CourseDraft } from '../course/draft.js'
import { stagesOf, type Grade } from '../course/vocabulary.js'
import { checkCourse } from '../services/course_rules.js'
import { currentTemplate } from '../services/templates.js'
import { DrawSpotCheck } from '../actions/draw_spot_check.js'
import { ReviewSpotCheckItem } from '../actions/review_spot_check_item.js'
import { SignContract } from '../actions/sign_contract.js'
import { ACADEMIC, DESCRIPTIONS, NON_ACADEMIC } from './courses.js'

/** A demo parent who signs a contract for one child (the funds demo then pays and takes classes). */
export interface DemoFamily {
  id: number
  password: string
  displayName: string
}

interface DemoAccountRef {
  id: number
  role: string
  adminLevel: string | null
  regionCode: string | null
  password: string
}

/* A small seeded generator, so every demo installation gets the same catalog. */
function random(seed: number) {
  let state = seed >>> 0
  const next = () =>
    (state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 4294967296
  return {
    next,
    int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  }
}

async function currentUser(id: number): Promise<CurrentUser> {
  return (await new CurrentUserProvider().findById(id))!.getOriginal()
}

async function samplePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595, 842])
  page.drawText('Training material - sample chapter (demo data)', { x: 56, y: 760, size: 16, font })
  page.drawText('Uploaded by a demo institution for the bureau spot check.', {
    x: 56,
    y: 730,
    size: 11,
    font,
  })
  return Buffer.from(await doc.save())
}

export async function seedCatalogDemo(
  accounts: DemoAccountRef[],
  families: DemoFamily[] = []
): Promise<{ courses: number; contracts: number }> {
  if (app.inProduction) throw new Error('Demo data is never created in production')
  if (await Course.query().first()) return { courses: 0, contracts: 0 }
  await currentTemplate()
  const rng = random(20261124)
  const today = DateTime.now().setZone('Asia/Shanghai').startOf('day')
  const pdf = await samplePdf()
  const owner = accounts.find((a) => a.role === 'institution_owner')
  const demoInstitution = owner ? ((await currentUser(owner.id)).orgId ?? 0) : 0
  let created = 0
  let skipped = 0

  for (const institutionId of await institutionIds({ sellable: true }, 400)) {
    const institution = (await institutionSummary(institutionId))!
    const party = await contractParty(institutionId)
    const teachers = (await teachersOf(institutionId)).filter((t) => t.admitted)
    if (!party || !teachers.length) continue
    const online = institution.delivery === 'online'
    const count = institutionId === demoInstitution ? 3 : rng.int(1, 3)
    for (let i = 0; i < count; i++) {
      const academic = institution.categories.includes('academic')
      const category = institution.categories.find((c) => c !== 'academic') ?? 'arts'
      const shape = NON_ACADEMIC[category] ?? NON_ACADEMIC.arts!
      const subject = rng.pick(ACADEMIC)
      const minutes = online ? 40 : academic ? 45 : shape.minutes
      const price = academic
        ? online
          ? rng.int(16, 18)
          : rng.pick([33, 45, 60])
        : rng.int(shape.price[0], shape.price[1])
      const start = today.plus({
        days: institutionId === demoInstitution && i === 0 ? 7 : rng.int(-10, 25),
      })
      const weekday = rng.int(1, 5)
      const slots = online
        ? [
            { weekday, start: '19:00' },
            { weekday: ((weekday + 1) % 5) + 1, start: '19:00' },
          ]
        : rng.next() < 0.5
          ? [{ weekday: 6, start: rng.pick(['09:00', '10:30', '14:00']) }]
          : [
              { weekday, start: '18:00' },
              { weekday: 7, start: '09:30' },
            ]
      const draft: CourseDraft = {
        name: academic ? subject.name : shape.names[(institutionId + i) % shape.names.length]!,
        kind: academic ? 'academic' : 'non_academic',
        subject: academic ? subject.subject : null,
        category: academic ? null : category,
        grades: (academic
          ? subject.grades
          : shape.grades[(institutionId + i) % shape.grades.length]!) as Grade[],
        delivery: institution.delivery,
        live: online,
        venue: online ? (party.platformName ?? party.website) : party.venues[0]!,
        teacherIds: [teachers[i % teachers.length]!.id],
        teachingMode: 'small_class',
        capacity: rng.pick([8, 12, 15, 20]),
        minClassSize: 3,
        namedTeacher: rng.next() < 0.5,
        startDate: start.toISODate()!,
        endDate: start.plus({ weeks: rng.int(8, 16) }).toISODate()!,
        slots,
        minutesPerClass: minutes,
        pricePerClassFen: price * 100,
        /* Within the caps: 5,000 yuan, and no more classes than fall in 3 months (one or two a week). */
        classesPerCharge: Math.min(
          rng.pick([10, 12, 20]),
          Math.floor(5000 / price),
          slots.length * 12
        ),
        homework: false,
        /* Some non-academic courses offer "learn first, pay later". */
        payAfterClass: !academic && rng.next() < 0.3,
        refundWithinDays: rng.pick([5, 7, 10, 15]),
        disputeResolution: 'court',
        arbitrationBody: null,
        description: rng.pick(DESCRIPTIONS),
      }
      const { violations, classes } = await checkCourse(institution, draft)
      if (violations.length) {
        skipped++
        continue
      }
      const pending = academic && rng.next() < 0.3
      const listedAt = DateTime.now().minus({ days: rng.int(1, 20) })
      const course = await Course.create({
        ...draft,
        startDate: start,
        endDate: DateTime.fromISO(draft.endDate),
        stages: stagesOf(draft.grades),
        classCount: classes.length,
        institutionId,
        status: pending ? 'pending' : 'on_sale',
        version: 1,
        submittedAt: listedAt,
        listedAt: pending ? null : listedAt,
      })
      await CourseDecision.create({
        courseId: course.id,
        action: 'submitted',
        courseVersion: 1,
        actorUnit: institution.name,
        createdAt: listedAt,
      })
      if (!pending)
        await CourseDecision.create({
          courseId: course.id,
          action: academic ? 'approved' : 'listed',
          courseVersion: 1,
          actorUnit: academic ? `${party.licenceAuthority ?? '教育局'}` : institution.name,
          createdAt: listedAt,
        })
      created++
      if (rng.next() < 0.45 || institutionId === demoInstitution) {
        const key = `catalog/materials/${institutionId}/${randomUUID()}.pdf`
        await drive.use().put(key, pdf)
        await Material.create({
          courseId: course.id,
          institutionId,
          title: `《${course.name}》教学材料`,
          source: rng.next() < 0.6 ? 'self_compiled' : 'published',
          storageKey: key,
          originalName: `${course.name}.pdf`,
          mimeType: 'application/pdf',
          sizeBytes: pdf.length,
          sha256: createHash('sha256').update(pdf).digest('hex'),
          checkStatus: 'unchecked',
          createdAt: DateTime.now().minus({ days: rng.int(0, 20) }),
        })
      }
    }
  }

  const takenDown = await Course.query()
    .where('status', 'on_sale')
    .where('institutionId', '<>', demoInstitution)
    .orderBy('id', 'desc')
    .first()
  if (takenDown) {
    takenDown.merge({
      status: 'taken_down',
      decisionReason: '招生宣传中承诺“保证提分”，违反广告规定，责令整改。',
    })
    await takenDown.save()
    await CourseDecision.create({
      courseId: takenDown.id,
      action: 'taken_down',
      courseVersion: 1,
      reason: takenDown.decisionReason,
      actorUnit: '属地教育局',
    })
  }

  const cityAdmin = accounts.find(
    (a) => a.role === 'admin' && a.adminLevel === 'city' && a.regionCode === '220100'
  )
  if (cityAdmin) {
    const actor = await currentUser(cityAdmin.id)
    const period = {
      regionCode: '220100',
      periodFrom: today.minus({ days: 30 }).toISODate()!,
      periodTo: today.toISODate()!,
    }
    const finished = await new DrawSpotCheck()
      .handle(actor, { ...period, sampleSize: 4 })
      .catch(() => null)
    if (finished) {
      const { default: SpotCheckItem } = await import('../models/spot_check_item.js')
      const items = await SpotCheckItem.query().where('spotCheckId', finished.id).orderBy('id')
      const failing = items.find((item) => item.institutionId !== demoInstitution)
      for (const item of items) {
        const fail = item === failing
        await new ReviewSpotCheckItem().handle(actor, item, {
          ideology: 'pass',
          science: fail ? 'fail' : 'pass',
          ageFit: 'pass',
          notes: fail ? '第 3 章例题答案错误，部分概念表述不准确。' : null,
          deadline: fail ? today.plus({ days: 20 }).toISODate() : null,
        })
      }
      await new DrawSpotCheck().handle(actor, { ...period, sampleSize: 3 }).catch(() => null)
    }
  }

  let contracts = 0
  const { contractTerms } = await import('../services/contract_terms.js')
  const sign = async (
    parentId: number,
    password: string,
    course: Course,
    studentName: string,
    seq: number,
    school: string
  ) => {
    const actor = await currentUser(parentId)
    const student = {
      studentName,
      studentIdNumber: demoStudentId(seq),
      studentSchool: school,
      studentGrade: course.grades[0]!,
      guardianName: actor.displayName,
      guardianRelation: seq % 3 ? 'mother' : 'father',
    }
    const terms = await contractTerms(actor, course, student)
    await new SignContract().handle(
      actor,
      course,
      {
        ...student,
        templateVersion: terms.template.version,
        previewHash: terms.previewHash,
        password,
      },
      { ip: '127.0.0.1', userAgent: 'demo seed' }
    )
    contracts++
  }
  const parent = accounts.find((a) => a.role === 'parent')
  const course = await Course.query()
    .where('institutionId', demoInstitution)
    .where('status', 'on_sale')
    .orderBy('id')
    .first()
  if (parent && course)
    await sign(parent.id, parent.password, course, '王小明', 0, '长春市朝阳区解放大路小学')
  /* A second child's contract the demo parent has not paid yet: like any unpaid contract it holds its seat for the payment window (30 minutes after seeding), then lapses and the course can be signed again. */
  const second = await Course.query()
    .where('institutionId', demoInstitution)
    .where('status', 'on_sale')
    .whereNot('id', course?.id ?? 0)
    .orderBy('id')
    .first()
  if (parent && second)
    await sign(parent.id, parent.password, second, '王小红', 99, '长春市朝阳区解放大路小学').catch(
      (error) => console.warn(`demo contract skipped: ${error.message}`)
    )
  /* Other families' children, each on a course that is on sale and can be charged for now (classes start within a month). */
  const open = await Course.query()
    .where('status', 'on_sale')
    .where('startDate', '<=', today.plus({ days: 25 }).toISODate()!)
    .whereNot('institutionId', demoInstitution)
    .orderBy('id')
  for (const [i, family] of families.entries()) {
    const pick = open[Math.floor(rng.next() * open.length)]
    if (!pick) break
    const child =
      family.displayName.slice(0, 1) +
      rng.pick(['子涵', '浩然', '梓萱', '雨桐', '子墨', '一诺', '欣怡', '宇轩', '诗涵', '俊熙'])
    await sign(family.id, family.password, pick, child, i + 1, '实验小学').catch((error) =>
      console.warn(`demo contract skipped: ${error.message}`)
    )
  }
  console.log(
    `Catalog demo data: ${created} courses (${skipped} shapes skipped by the rules), ${contracts} signed contracts`
  )
  return { courses: created, contracts }
}

/* A valid resident ID for the demo pupil (born 2016, Chaoyang district). */
/** A well-formed resident ID for a demo child (check digit by GB 11643), distinct per sequence number. */
function demoStudentId(seq: number): string {
  const first17 = `2201042016${String(301 + (seq % 28))
    .padStart(4, '0')
    .slice(-4)}${String(seq).padStart(3, '0').slice(-3)}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0)
  return first17 + '10X98765432'[sum % 11]
}
