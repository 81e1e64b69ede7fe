import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import drive from '@adonisjs/drive/services/main'
import { createTestAccount, type TestAccount, type TestAccountInput } from '#testing/identity'
import { TINY_PDF, TINY_PNG, createFiledInstitution, createStaffMember } from '#testing/registry'
import { DateTime } from 'luxon'
import { courseDraft, createCourse, signedContractFixture } from '#testing/catalog'
import { todayIso } from '#kernel/shared/dates'
import { fundsRecordsFor } from '#testing/funds'
import { fileTestComplaint } from '#testing/complaints'

/*
| Two of everything, in two counties of 长春: side A in 朝阳区 (220104) and
| side B in 南关区 (220102). Each side has its institution (owner, staff
| login, staff record, courses, material, contract, order, class, refund,
| anomalies, change request, inspection, finding, complaints, review), its
| parent, its bank (supervised account, instruction, API key) and its
| bureau's own batch and export. Every name and number is distinctive, so
| a list page that shows the other side's rows is caught by a text search.
*/
export type SideName = 'a' | 'b'

export interface Side {
  region: string
  lineage: { province_code: string; city_code: string; county_code: string }
  institutionId: number
  institutionName: string
  staffId: number
  staffName: string
  documentId: number
  inspectionId: number
  findingId: number
  changeId: number
  prohibitedId: number
  prohibitedName: string
  batchId: number
  exportId: number
  accountId: number
  /** A course waiting for review (the bureau's decisions). */
  courseId: number
  courseName: string
  /** A course on sale that began two weeks ago (public pages, signing, attendance). */
  saleCourseId: number
  /** The date class 2 of the sale course was held (a week ago, on its timetable). */
  class2HeldOn: string
  /** A material no spot check has drawn (may be deleted). */
  looseMaterialId: number
  materialId: number
  spotCheckId: number
  spotCheckItemId: number
  contractId: number
  contractNumber: string
  orderId: number
  orderNumber: string
  /** The contract's second charge, awaiting payment. */
  unpaidOrderId: number
  instructionId: number
  consumptionId: number
  refundId: number
  refundNumber: string
  anomalyId: number
  redAnomalyId: number
  bankId: number
  bankName: string
  accountNumber: string
  instructionNumber: string
  /** A complaint about a place in the side's county, waiting for its county. */
  complaintId: number
  complaintNumber: string
  /** A service complaint about the side's institution, with its customer service. */
  institutionComplaintId: number
  institutionComplaintNumber: string
  /** The side's parent's own complaint (parent terminal). */
  parentComplaintId: number
  parentComplaintNumber: string
  /** A public (website) complaint with its tracking code and an attachment. */
  publicComplaintNumber: string
  publicComplaintCode: string
  attachmentId: number
  reviewId: number
  reviewBody: string
}

export const ACTOR_SPECS = {
  guest: null,
  parent: { role: 'parent' },
  parent_other: { role: 'parent' },
  institution_owner: { role: 'institution_owner', regionCode: '220104' },
  institution_staff: { role: 'institution_staff', regionCode: '220104' },
  institution_owner_other: { role: 'institution_owner', regionCode: '220102' },
  institution_staff_other: { role: 'institution_staff', regionCode: '220102' },
  bank_operator: { role: 'bank_operator', regionCode: '220100' },
  bank_other: { role: 'bank_operator', regionCode: '220100' },
  school_operator: { role: 'school_operator', regionCode: '220104' },
  subunit: { role: 'admin', adminLevel: 'subunit', regionCode: '220104' },
  county_in_scope: { role: 'admin', adminLevel: 'county', regionCode: '220104' },
  county_other: { role: 'admin', adminLevel: 'county', regionCode: '220102' },
  city_in_scope: { role: 'admin', adminLevel: 'city', regionCode: '220100' },
  province_in_scope: { role: 'admin', adminLevel: 'province', regionCode: '220000' },
  province_other: { role: 'admin', adminLevel: 'province', regionCode: '130000' },
  ministry: { role: 'admin', adminLevel: 'ministry', regionCode: '000000' },
} satisfies Record<string, TestAccountInput | null>

export type ActorName = keyof typeof ACTOR_SPECS

export interface World {
  a: Side
  b: Side
  actors: Record<ActorName, TestAccount | null>
}

const now = () => new Date()
const unique = () => randomUUID().slice(0, 8).toUpperCase()
const insert = async (table: string, row: Record<string, unknown>) =>
  (await db.table(table).insert(row).returning('id'))[0].id as number

async function stored(prefix: string, bytes: Buffer = TINY_PDF) {
  const key = `matrix/${prefix}-${randomUUID()}`
  await drive.use().put(key, bytes)
  return key
}

interface SideOwners {
  parentId: number
  ownerIds: number[]
  bankOperatorId: number
  bureauId: number
}

async function buildSide(name: SideName, region: string, owners: SideOwners): Promise<Side> {
  const tag = name === 'a' ? '甲' : '乙'
  const lineage = {
    province_code: `${region.slice(0, 2)}0000`,
    city_code: `${region.slice(0, 4)}00`,
    county_code: region,
  }
  const institutionName = `矩阵${tag}方培训学校${unique()}`
  const bankName = `矩阵${tag}方监管银行${unique()}`
  /* Each side's fees are supervised by its own bank (the factory puts it on the register of banks). */
  const institution = await createFiledInstitution({
    regionCode: region,
    name: institutionName,
    supervisingBank: bankName,
  })
  await db
    .from('users')
    .whereIn('id', owners.ownerIds)
    .update({ org_type: 'institution', org_id: institution.id })

  const staffName = `矩阵${tag}老师`
  const staff = await createStaffMember(institution.id, staffName)
  const photoId = await insert('registry_documents', {
    institution_id: institution.id,
    kind: 'staff_photo',
    storage_key: await stored('photo', TINY_PNG),
    original_name: 'p.png',
    mime_type: 'image/png',
    size_bytes: TINY_PNG.length,
    sha256: 'x',
    created_at: now(),
  })
  await db.from('staff').where('id', staff.id).update({ photo_document_id: photoId })

  const courseName = `矩阵${tag}方待审课程${unique()}`
  const course = await createCourse(
    institution.id,
    courseDraft({ name: courseName, teacherIds: [staff.id] }),
    'pending'
  )
  /* Began two weeks ago, weekly, two charges of six classes: class 2 was held a week ago. */
  const start = DateTime.fromISO(todayIso()).minus({ days: 14 })
  const saleCourse = await createCourse(
    institution.id,
    courseDraft({
      name: `矩阵${tag}方在售课程${unique()}`,
      teacherIds: [staff.id],
      startDate: start.toISODate()!,
      endDate: start.plus({ days: 77 }).toISODate()!,
      slots: [{ weekday: start.weekday, start: '09:00' }],
      classesPerCharge: 6,
    }),
    'on_sale'
  )
  const materialId = await insert('course_materials', {
    course_id: course.id,
    institution_id: institution.id,
    title: `矩阵${tag}方材料`,
    source: 'self_compiled',
    storage_key: await stored('material'),
    original_name: 'm.pdf',
    mime_type: 'application/pdf',
    size_bytes: 1,
    sha256: 'x',
    created_at: now(),
  })

  const looseMaterialId = await insert('course_materials', {
    course_id: course.id,
    institution_id: institution.id,
    title: `矩阵${tag}方未抽查材料`,
    source: 'self_compiled',
    storage_key: await stored('material'),
    original_name: 'm.pdf',
    mime_type: 'application/pdf',
    size_bytes: 1,
    sha256: 'x',
    created_at: now(),
  })
  const contractId = await signedContractFixture(saleCourse.id, owners.parentId)
  const contractNumber = (await db.from('contracts').where('id', contractId).firstOrFail())
    .number as string
  const funds = await fundsRecordsFor(contractId)
  const account = await db
    .from('supervised_accounts')
    .where('institution_id', institution.id)
    .firstOrFail()
  await db
    .from('users')
    .where('id', owners.bankOperatorId)
    .update({ org_type: 'bank', org_id: funds.bankId })
  const redAnomalyId = await insert('fund_anomalies', {
    ...(await anomalyColumns(funds.anomalyId)),
    severity: 'red',
    kind: 'unmatched_debit',
    fingerprint: `matrix-red:${institution.id}`,
  })
  const instructionNumber = `XWM${name.toUpperCase()}${unique()}`
  const instructionId = await insert('bank_instructions', {
    number: instructionNumber,
    bank_id: funds.bankId,
    supervised_account_id: account.id,
    kind: 'release',
    amount_fen: 100,
    order_id: funds.orderId,
    consumption_id: null,
    refund_id: null,
    status: 'sent',
    created_at: now(),
  })

  /* The second charge, as the parent would open it: a copy of the first, unpaid. */
  const {
    id: _orderId,
    number: _number,
    ...firstOrder
  } = await db.from('orders').where('id', funds.orderId).firstOrFail()
  const unpaidOrderId = await insert('orders', {
    ...firstOrder,
    number: `XWMO${unique()}`,
    charge_no: 2,
    first_class: 7,
    status: 'awaiting_payment',
    paid_fen: 0,
    released_fen: 0,
    refunding_fen: 0,
    refunded_fen: 0,
    classes_consumed: 0,
    classes_refunded: 0,
    paid_at: null,
    closed_at: null,
    created_at: now(),
    updated_at: now(),
    expires_at: new Date(Date.now() + 1800e3),
  })
  const complaint = await fileTestComplaint({
    targetRegionCode: region,
    targetName: `矩阵${tag}方投诉对象`,
  })
  const institutionComplaint = await fileTestComplaint({
    targetType: 'institution',
    complaintType: 'service',
    institutionId: institution.id,
    targetRegionCode: null,
  })
  const parentComplaint = await fileTestComplaint({
    channel: 'parent',
    authorUserId: owners.parentId,
    targetRegionCode: region,
    targetName: `矩阵${tag}方家长投诉`,
  })
  const publicComplaint = await fileTestComplaint({
    channel: 'public',
    targetRegionCode: region,
    targetName: `矩阵${tag}方网上投诉`,
  })
  const attachmentId = await insert('complaint_attachments', {
    complaint_id: publicComplaint.complaint.id,
    storage_key: await stored('evidence'),
    original_name: 'e.pdf',
    mime_type: 'application/pdf',
    size_bytes: TINY_PDF.length,
    sha256: 'x',
    created_at: now(),
  })

  const reviewBody = `矩阵${tag}方评价${unique()}`
  const reviewId = await insert('reviews', {
    order_id: funds.orderId,
    author_user_id: owners.parentId,
    author_masked: '王*',
    institution_id: institution.id,
    course_id: saleCourse.id,
    ...lineage,
    rating: 4,
    body: reviewBody,
    created_at: now(),
  })
  const spotCheckId = await insert('spot_checks', {
    region_code: region,
    period_from: now(),
    period_to: now(),
    sample_size: 1,
    population: 1,
    seed: 'matrix',
    created_by_id: owners.bureauId,
    created_at: now(),
  })
  const recordedInspection = await insert('inspections', {
    institution_id: institution.id,
    ...lineage,
    planned_on: now(),
    purpose: 'matrix',
    status: 'recorded',
    created_at: now(),
  })
  const prohibitedName = `矩阵${tag}某`
  const batchId = await insert('import_batches', {
    uploaded_by_id: owners.bureauId,
    region_code: region,
    file_name: 'm.xlsx',
    file_sha256: 'x',
    storage_key: 'x',
    status: 'invalid',
    created_at: now(),
    updated_at: now(),
  })
  const exportKey = await stored('export', Buffer.from('matrix'))
  return {
    region,
    lineage,
    institutionId: institution.id,
    institutionName,
    staffId: staff.id,
    staffName,
    documentId: await insert('registry_documents', {
      institution_id: institution.id,
      kind: 'licence',
      storage_key: await stored('licence'),
      original_name: 'x.pdf',
      mime_type: 'application/pdf',
      size_bytes: 1,
      sha256: 'x',
      created_at: now(),
    }),
    inspectionId: await insert('inspections', {
      institution_id: institution.id,
      ...lineage,
      planned_on: now(),
      purpose: 'matrix',
      status: 'planned',
      created_at: now(),
    }),
    findingId: await insert('inspection_findings', {
      inspection_id: recordedInspection,
      institution_id: institution.id,
      ...lineage,
      item: 'fees',
      severity: 'minor',
      description: 'matrix',
      status: 'reported',
      deadline: new Date(Date.now() + 864e6),
      created_at: now(),
      updated_at: now(),
    }),
    changeId: await insert('change_requests', {
      institution_id: institution.id,
      changes: JSON.stringify({ address: { from: 'a', to: 'b' } }),
      reason: 'matrix',
      status: 'pending',
      created_at: now(),
    }),
    prohibitedId: await insert('prohibited_persons', {
      name: prohibitedName,
      id_number_cipher: 'x',
      id_number_index: `matrix-${randomUUID()}`,
      id_number_masked: 'x',
      reason: 'violence',
      region_code: region,
      created_at: now(),
    }),
    prohibitedName,
    batchId,
    exportId: await insert('report_exports', {
      owner_user_id: owners.bureauId,
      region_code: region,
      table_key: 'complaints:institutions',
      status: 'done',
      progress: 1,
      total: 1,
      file_name: 'matrix.xlsx',
      storage_key: exportKey,
      created_at: now(),
      updated_at: now(),
      finished_at: now(),
    }),
    accountId: (
      await createTestAccount({
        role: 'admin',
        adminLevel: 'subunit',
        regionCode: region,
        password: null,
        displayName: `矩阵${tag}方新开账号`,
      })
    ).id,
    courseId: course.id,
    courseName,
    saleCourseId: saleCourse.id,
    class2HeldOn: start.plus({ days: 7 }).toISODate()!,
    materialId,
    looseMaterialId,
    spotCheckId,
    spotCheckItemId: await insert('spot_check_items', {
      spot_check_id: spotCheckId,
      material_id: materialId,
      institution_id: institution.id,
      result: 'pending',
    }),
    contractId,
    contractNumber,
    orderId: funds.orderId,
    orderNumber: (await db.from('orders').where('id', funds.orderId).firstOrFail())
      .number as string,
    unpaidOrderId,
    instructionId,
    consumptionId: funds.consumptionId,
    refundId: funds.refundId,
    refundNumber: (await db.from('refunds').where('id', funds.refundId).firstOrFail())
      .number as string,
    anomalyId: funds.anomalyId,
    redAnomalyId,
    bankId: funds.bankId,
    bankName,
    accountNumber: account.account_number,
    instructionNumber,
    complaintId: complaint.complaint.id,
    complaintNumber: complaint.complaint.number,
    institutionComplaintId: institutionComplaint.complaint.id,
    institutionComplaintNumber: institutionComplaint.complaint.number,
    parentComplaintId: parentComplaint.complaint.id,
    parentComplaintNumber: parentComplaint.complaint.number,
    publicComplaintNumber: publicComplaint.complaint.number,
    publicComplaintCode: publicComplaint.trackingCode!,
    attachmentId,
    reviewId,
    reviewBody,
  }
}

/** The columns of an anomaly, to raise a sibling of another severity on the same account. */
async function anomalyColumns(id: number) {
  const { id: _id, ...row } = await db.from('fund_anomalies').where('id', id).firstOrFail()
  return row
}

/** Builds both sides and every actor. Runs inside the caller's (global) transaction. */
export async function buildWorld(): Promise<World> {
  const actors = {} as Record<ActorName, TestAccount | null>
  for (const [name, spec] of Object.entries(ACTOR_SPECS)) {
    actors[name as ActorName] = spec
      ? await createTestAccount({ ...(spec as TestAccountInput), displayName: `矩阵${name}` })
      : null
  }
  const id = (n: ActorName) => actors[n]!.id
  const a = await buildSide('a', '220104', {
    parentId: id('parent'),
    ownerIds: [id('institution_owner'), id('institution_staff')],
    bankOperatorId: id('bank_operator'),
    bureauId: id('county_in_scope'),
  })
  const b = await buildSide('b', '220102', {
    parentId: id('parent_other'),
    ownerIds: [id('institution_owner_other'), id('institution_staff_other')],
    bankOperatorId: id('bank_other'),
    bureauId: id('county_other'),
  })
  return { a, b, actors }
}

/**
 * The world inside a global transaction for a whole group: `group.setup`
 * returns the rollback. A failed build rolls back at once, so the run never
 * waits on an aborted transaction.
 */
export async function buildWorldForGroup(): Promise<{
  world: World
  rollback: () => Promise<void>
}> {
  const rollback = await testUtils.db().withGlobalTransaction()
  try {
    return { world: await buildWorld(), rollback }
  } catch (error) {
    await rollback()
    throw error
  }
}
