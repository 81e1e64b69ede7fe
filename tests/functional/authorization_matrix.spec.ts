import { test } from '@japa/runner'
import router from '@adonisjs/core/services/router'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { CurrentUserProvider } from '#modules/identity'
import { createTestAccount, type TestAccountInput } from '#testing/identity'
import { TINY_PDF, createFiledInstitution, createStaffMember, residentId } from '#testing/registry'
import { courseDraft, createCourse, signedContractFixture } from '#testing/catalog'
import { fundsRecordsFor } from '#testing/funds'
import { fileTestComplaint } from '#testing/complaints'

/*
| Every management and institution-terminal route, every role, and bureaus
| outside the record's region. The table must list every such route:
| adding one without deciding who may use it fails the first test.
*/
type Outcome = 'ok' | 'login' | 'forbidden' | 'not_found'

const ACTORS: Record<string, TestAccountInput | null> = {
  guest: null,
  parent: { role: 'parent' },
  institution_owner: { role: 'institution_owner', regionCode: '220104' },
  institution_staff: { role: 'institution_staff', regionCode: '220104' },
  bank_operator: { role: 'bank_operator', regionCode: '220100' },
  school_operator: { role: 'school_operator', regionCode: '220104' },
  subunit: { role: 'admin', adminLevel: 'subunit', regionCode: '220104' },
  county_in_scope: { role: 'admin', adminLevel: 'county', regionCode: '220104' },
  county_other: { role: 'admin', adminLevel: 'county', regionCode: '220102' },
  city_in_scope: { role: 'admin', adminLevel: 'city', regionCode: '220100' },
  province_in_scope: { role: 'admin', adminLevel: 'province', regionCode: '220000' },
  province_other: { role: 'admin', adminLevel: 'province', regionCode: '130000' },
  ministry: { role: 'admin', adminLevel: 'ministry', regionCode: '000000' },
}

const ADMINS_ABOVE = ['county_in_scope', 'county_other', 'city_in_scope', 'province_in_scope', 'province_other', 'ministry']
const BUREAUS = [...ADMINS_ABOVE, 'subunit']
const MANAGEMENT = [...BUREAUS, 'school_operator']
const OUTSIDE = ['county_other', 'province_other']

const ACCESS: Record<string, (actor: string) => Outcome> = {
  parent: (a) => (a === 'parent' ? 'ok' : 'forbidden'),
  institution: (a) => (a.startsWith('institution_') ? 'ok' : 'forbidden'),
  bank: (a) => (a === 'bank_operator' ? 'ok' : 'forbidden'),
  management: (a) => (MANAGEMENT.includes(a) ? 'ok' : 'forbidden'),
  /* account management and bureau-wide tools: bureaus above sub-units */
  managers: (a) => (ADMINS_ABOVE.includes(a) ? 'ok' : 'forbidden'),
  /* lists of the region (sub-units included) */
  bureaus: (a) => (BUREAUS.includes(a) ? 'ok' : 'forbidden'),
  account_record: (a) => (!ADMINS_ABOVE.includes(a) ? 'forbidden' : OUTSIDE.includes(a) ? 'not_found' : 'ok'),
  /* an institution's record: any bureau of its region */
  institution_view: (a) => (!BUREAUS.includes(a) ? 'forbidden' : OUTSIDE.includes(a) ? 'not_found' : 'ok'),
  /* decisions: the institution's county only (offline) */
  institution_decide: (a) =>
    !BUREAUS.includes(a) ? 'forbidden' : OUTSIDE.includes(a) ? 'not_found' : a === 'county_in_scope' ? 'ok' : 'forbidden',
  /* inspections: the county and its sub-units */
  inspect: (a) =>
    !BUREAUS.includes(a) ? 'forbidden' : OUTSIDE.includes(a) ? 'not_found' : ['county_in_scope', 'subunit'].includes(a) ? 'ok' : 'forbidden',
  prohibited_record: (a) => (!ADMINS_ABOVE.includes(a) ? 'forbidden' : OUTSIDE.includes(a) ? 'not_found' : 'ok'),
  /* spot checks: bureaus above sub-units, for a region within their own */
  draw_spot_check: (a) => (['county_in_scope', 'city_in_scope', 'province_in_scope', 'ministry'].includes(a) ? 'ok' : 'forbidden'),
  spot_check_record: (a) => (!ADMINS_ABOVE.includes(a) ? 'forbidden' : OUTSIDE.includes(a) ? 'not_found' : 'ok'),
  /* a province's own report (Jilin's plugin): bureaus in Jilin; other provinces and the ministry have none */
  jilin_report: (a) => (!BUREAUS.includes(a) ? 'forbidden' : ['province_other', 'ministry'].includes(a) ? 'not_found' : 'ok'),
  /* moderating reviews: bureaus above sub-units, in their region */
  moderate: (a) => (!BUREAUS.includes(a) ? 'forbidden' : OUTSIDE.includes(a) ? 'not_found' : a === 'subunit' ? 'forbidden' : 'ok'),
  /* an import batch belongs to the admin who uploaded it */
  own_batch: (a) => (!ADMINS_ABOVE.includes(a) ? 'forbidden' : a === 'county_in_scope' ? 'ok' : 'not_found'),
  /* a report export belongs to the bureau (sub-units included) that asked for it */
  own_export: (a) => (!BUREAUS.includes(a) ? 'forbidden' : a === 'county_in_scope' ? 'ok' : 'not_found'),
}

interface Fixture {
  institutionId: number
  staffId: number
  documentId: number
  inspectionId: number
  findingId: number
  changeId: number
  prohibitedId: number
  batchId: number
  accountId: number
  courseId: number
  materialId: number
  spotCheckId: number
  spotCheckItemId: number
  contractId: number
  orderId: number
  consumptionId: number
  refundId: number
  anomalyId: number
  /** A complaint about a place in 220104, waiting for the county to accept it. */
  complaintId: number
  /** A service complaint about the fixture's institution, with its customer service. */
  institutionComplaintId: number
  reviewId: number
}

const now = () => new Date()
const LINEAGE = { province_code: '220000', city_code: '220100', county_code: '220104' }

async function fixture(uploaderId: number, institutionAccounts: number[], parentId: number, bankOperatorId: number, withFunds: boolean): Promise<Fixture> {
  const institution = await createFiledInstitution({ regionCode: '220104' })
  await db.from('institutions').where('id', institution.id).update({ filing_status: 'submitted' })
  await db.table('filing_reviews').insert({ institution_id: institution.id, snapshot: '{}', submitted_at: now() })
  if (institutionAccounts.length) await db.from('users').whereIn('id', institutionAccounts).update({ org_type: 'institution', org_id: institution.id })
  const staff = await createStaffMember(institution.id)
  const insert = async (table: string, row: Record<string, unknown>) => (await db.table(table).insert(row).returning('id'))[0].id as number
  const storageKey = `matrix/${institution.id}-${Math.random()}.pdf`
  await drive.use().put(storageKey, TINY_PDF)
  const course = await createCourse(institution.id, courseDraft({ teacherIds: [staff.id] }), 'pending')
  const materialKey = `matrix/material-${institution.id}-${Math.random()}.pdf`
  await drive.use().put(materialKey, TINY_PDF)
  const materialId = await insert('course_materials', { course_id: course.id, institution_id: institution.id, title: '矩阵材料', source: 'self_compiled', storage_key: materialKey, original_name: 'm.pdf', mime_type: 'application/pdf', size_bytes: 1, sha256: 'x', created_at: now() })
  const contractId = await signedContractFixture(course.id, parentId || uploaderId)
  /* Orders, classes and refunds are paid through the ledger: made only for the funds routes, which need them. */
  const funds = withFunds ? await fundsRecordsFor(contractId) : { orderId: 0, consumptionId: 0, refundId: 0, anomalyId: 0, bankId: 0 }
  if (bankOperatorId && withFunds) await db.from('users').where('id', bankOperatorId).update({ org_type: 'bank', org_id: funds.bankId })
  const complaintId = (await fileTestComplaint({ targetRegionCode: '220104' })).complaint.id
  const institutionComplaintId = (await fileTestComplaint({ targetType: 'institution', complaintType: 'service', institutionId: institution.id, targetRegionCode: null })).complaint.id
  const reviewId = await insert('reviews', { order_id: Math.floor(Math.random() * 1e12), author_user_id: uploaderId, author_masked: '王*', institution_id: institution.id, course_id: course.id, ...LINEAGE, rating: 4, body: '矩阵评价', created_at: now() })
  const spotCheckId = await insert('spot_checks', { region_code: '220104', period_from: now(), period_to: now(), sample_size: 1, population: 1, seed: 'matrix', created_by_id: uploaderId, created_at: now() })
  return {
    courseId: course.id,
    materialId,
    spotCheckId,
    spotCheckItemId: await insert('spot_check_items', { spot_check_id: spotCheckId, material_id: materialId, institution_id: institution.id, result: 'pending' }),
    contractId,
    orderId: funds.orderId,
    consumptionId: funds.consumptionId,
    refundId: funds.refundId,
    anomalyId: funds.anomalyId,
    complaintId,
    institutionComplaintId,
    reviewId,
    institutionId: institution.id,
    staffId: staff.id,
    documentId: await insert('registry_documents', { institution_id: institution.id, kind: 'licence', storage_key: storageKey, original_name: 'x.pdf', mime_type: 'application/pdf', size_bytes: 1, sha256: 'x', created_at: now() }),
    inspectionId: await insert('inspections', { institution_id: institution.id, ...LINEAGE, planned_on: now(), purpose: 'matrix', status: 'planned', created_at: now() }),
    findingId: 0,
    changeId: await insert('change_requests', { institution_id: institution.id, changes: JSON.stringify({ address: { from: 'a', to: 'b' } }), reason: 'matrix', status: 'pending', created_at: now() }),
    prohibitedId: await insert('prohibited_persons', { name: '某某', id_number_cipher: 'x', id_number_index: `matrix-${Math.random()}`, id_number_masked: 'x', reason: 'violence', region_code: '220104', created_at: now() }),
    batchId: await insert('import_batches', { uploaded_by_id: uploaderId, region_code: '220104', file_name: 'm.xlsx', file_sha256: 'x', storage_key: 'x', status: 'invalid', created_at: now(), updated_at: now() }),
    accountId: (await createTestAccount({ role: 'admin', adminLevel: 'subunit', regionCode: '220104', password: null })).id,
  }
}

async function withFinding(f: Fixture): Promise<Fixture> {
  const inspectionId = (await db.table('inspections').insert({ institution_id: f.institutionId, ...LINEAGE, planned_on: now(), purpose: 'matrix', status: 'recorded', created_at: now() }).returning('id'))[0].id
  const findingId = (await db.table('inspection_findings').insert({ inspection_id: inspectionId, institution_id: f.institutionId, ...LINEAGE, item: 'fees', severity: 'minor', description: 'matrix', status: 'reported', deadline: new Date(Date.now() + 864e6), created_at: now(), updated_at: now() }).returning('id'))[0].id
  return { ...f, findingId }
}

type Route = {
  access: keyof typeof ACCESS
  path: (f: Fixture) => string
  form?: (f: Fixture) => Record<string, string>
  /** The route needs orders, classes, refunds and a bank. */
  funds?: boolean
  /** Puts the fixture in the state the route needs (the fixture's filing is under review). */
  prepare?: (f: Fixture) => Promise<unknown>
}

/* A report export owned by the fixture's county admin (the one who uploaded its import batch), finished or under way. */
const exports = new WeakMap<Fixture, number>()
const exportOf = (f: Fixture) => exports.get(f) ?? 0
async function reportExport(f: Fixture, done: boolean) {
  const { uploaded_by_id: ownerId } = await db.from('import_batches').where('id', f.batchId).firstOrFail()
  const storageKey = done ? `matrix/report-${f.batchId}-${Math.random()}.xlsx` : null
  if (storageKey) await drive.use().put(storageKey, Buffer.from('matrix'))
  const [{ id }] = await db.table('report_exports').insert({ owner_user_id: ownerId, region_code: '220104', table_key: 'complaints:institutions', status: done ? 'done' : 'running', progress: done ? 1 : 0, total: 1, file_name: done ? 'matrix.xlsx' : null, storage_key: storageKey, created_at: now(), updated_at: now(), finished_at: done ? now() : null }).returning('id')
  exports.set(f, id)
}

const approved = (f: Fixture) => db.from('institutions').where('id', f.institutionId).update({ filing_status: 'approved' })

const ROUTES: Record<string, Route> = {
  'GET /parent': { access: 'parent', path: () => '/parent' },
  'GET /institution': { access: 'institution', path: () => '/institution' },
  'GET /bank': { access: 'bank', path: () => '/bank' },
  'GET /manage': { access: 'management', path: () => '/manage' },

  'GET /manage/accounts': { access: 'managers', path: () => '/manage/accounts' },
  'GET /manage/accounts/create': { access: 'managers', path: () => '/manage/accounts/create' },
  'POST /manage/accounts': { access: 'managers', path: () => '/manage/accounts', form: (f) => ({ kind: 'admin:subunit', regionCode: '220104', unitName: '测试办', displayName: '测试', phone: `137${String(f.accountId).padStart(8, '0')}` }) },
  'GET /manage/accounts/:id': { access: 'account_record', path: (f) => `/manage/accounts/${f.accountId}` },
  'POST /manage/accounts/:id/phone': { access: 'account_record', path: (f) => `/manage/accounts/${f.accountId}/phone` },
  'POST /manage/accounts/:id/disable': { access: 'account_record', path: (f) => `/manage/accounts/${f.accountId}/disable`, form: () => ({ reason: '矩阵测试停用' }) },
  'POST /manage/accounts/:id/enable': { access: 'account_record', path: (f) => `/manage/accounts/${f.accountId}/enable` },
  'POST /manage/accounts/:id/reset': { access: 'account_record', path: (f) => `/manage/accounts/${f.accountId}/reset` },
  'GET /manage/audit': { access: 'managers', path: () => '/manage/audit' },

  'GET /manage/filings': { access: 'bureaus', path: () => '/manage/filings' },
  'GET /manage/filings/:id': { access: 'institution_view', path: (f) => `/manage/filings/${f.institutionId}` },
  'POST /manage/filings/:id/approve': { access: 'institution_decide', path: (f) => `/manage/filings/${f.institutionId}/approve` },
  'POST /manage/filings/:id/return': { access: 'institution_decide', path: (f) => `/manage/filings/${f.institutionId}/return`, form: () => ({ 'reasons[basic]': '地址不符' }) },
  'GET /manage/institutions': { access: 'bureaus', path: () => '/manage/institutions' },
  'GET /manage/institutions/:id': { access: 'institution_view', path: (f) => `/manage/institutions/${f.institutionId}` },
  'POST /manage/institutions/:id/list': { access: 'institution_decide', path: (f) => `/manage/institutions/${f.institutionId}/list`, form: () => ({ status: 'grey', reason: '矩阵测试调整' }) },
  'POST /manage/institutions/:id/list/clear': { access: 'institution_decide', path: (f) => `/manage/institutions/${f.institutionId}/list/clear` },
  'POST /manage/institutions/:id/remove': { access: 'institution_decide', path: (f) => `/manage/institutions/${f.institutionId}/remove`, form: () => ({ reason: '矩阵测试撤除' }) },
  'POST /manage/institutions/:id/restore': { access: 'institution_decide', path: (f) => `/manage/institutions/${f.institutionId}/restore` },
  'POST /manage/institutions/:id/staff/:staffId/id-number': { access: 'institution_view', path: (f) => `/manage/institutions/${f.institutionId}/staff/${f.staffId}/id-number` },
  'GET /manage/registry-documents/:id': { access: 'institution_view', path: (f) => `/manage/registry-documents/${f.documentId}` },
  'GET /manage/changes': { access: 'bureaus', path: () => '/manage/changes' },
  'POST /manage/changes/:id/approve': { access: 'institution_decide', path: (f) => `/manage/changes/${f.changeId}/approve` },
  'POST /manage/changes/:id/reject': { access: 'institution_decide', path: (f) => `/manage/changes/${f.changeId}/reject`, form: () => ({ comment: '材料不全' }) },
  'GET /manage/inspections': { access: 'bureaus', path: () => '/manage/inspections' },
  'GET /manage/inspections/create': { access: 'inspect', path: (f) => `/manage/inspections/create?institution=${f.institutionId}` },
  'POST /manage/inspections': { access: 'inspect', path: () => '/manage/inspections', form: (f) => ({ institutionId: String(f.institutionId), plannedOn: '2030-01-01', purpose: '矩阵测试' }) },
  'GET /manage/inspections/:id': { access: 'institution_view', path: (f) => `/manage/inspections/${f.inspectionId}` },
  'POST /manage/inspections/:id/findings': { access: 'inspect', path: (f) => `/manage/inspections/${f.inspectionId}/findings` },
  'POST /manage/findings/:id/accept': { access: 'inspect', path: (f) => `/manage/findings/${f.findingId}/accept`, form: () => ({ opinion: '整改到位' }) },
  'POST /manage/findings/:id/reject': { access: 'inspect', path: (f) => `/manage/findings/${f.findingId}/reject`, form: () => ({ opinion: '仍未整改' }) },
  'GET /manage/prohibited': { access: 'managers', path: () => '/manage/prohibited' },
  'POST /manage/prohibited': { access: 'managers', path: () => '/manage/prohibited', form: () => ({ name: '某人', idNumber: residentId(601), reason: 'violence' }) },
  'POST /manage/prohibited/import': { access: 'managers', path: () => '/manage/prohibited/import' },
  'POST /manage/prohibited/:id/revoke': { access: 'prohibited_record', path: (f) => `/manage/prohibited/${f.prohibitedId}/revoke` },
  'GET /manage/imports': { access: 'managers', path: () => '/manage/imports' },
  'GET /manage/imports/template': { access: 'managers', path: () => '/manage/imports/template' },
  'POST /manage/imports': { access: 'managers', path: () => '/manage/imports' },
  'GET /manage/imports/:id': { access: 'own_batch', path: (f) => `/manage/imports/${f.batchId}` },
  'POST /manage/imports/:id/run': { access: 'own_batch', path: (f) => `/manage/imports/${f.batchId}/run` },

  'GET /institution/filing': { access: 'institution', path: () => '/institution/filing' },
  'GET /institution/filing/confirm': { access: 'institution', path: () => '/institution/filing/confirm' },
  'POST /institution/filing/submit': { access: 'institution', path: () => '/institution/filing/submit' },
  'POST /institution/filing/academic/skip': { access: 'institution', path: () => '/institution/filing/academic/skip' },
  'GET /institution/filing/:section': { access: 'institution', path: () => '/institution/filing/conditions' },
  'POST /institution/filing/:section': { access: 'institution', path: () => '/institution/filing/conditions', form: () => ({ teachingStaffCount: '3' }) },
  'GET /institution/documents/:id': { access: 'institution', path: (f) => `/institution/documents/${f.documentId}` },
  'GET /institution/staff': { access: 'institution', path: () => '/institution/staff' },
  'GET /institution/staff/create': { access: 'institution', path: () => '/institution/staff/create' },
  'POST /institution/staff': { access: 'institution', path: () => '/institution/staff' },
  'POST /institution/staff/:id/leave': { access: 'institution', path: (f) => `/institution/staff/${f.staffId}/leave` },
  'GET /institution/changes': { access: 'institution', path: () => '/institution/changes' },
  'POST /institution/changes': { access: 'institution', path: () => '/institution/changes', form: () => ({ address: '新地址 9 号', reason: '搬迁新址' }) },
  'GET /institution/rectifications': { access: 'institution', path: () => '/institution/rectifications' },
  'POST /institution/rectifications/:id/report': { access: 'institution', path: (f) => `/institution/rectifications/${f.findingId}/report`, form: () => ({ report: '已整改完毕' }) },
  'GET /institution/plate': { access: 'institution', path: () => '/institution/plate' },
  'GET /institution/plate/download/:format': { access: 'institution', path: () => '/institution/plate/download/png', prepare: approved },

  'GET /institution/courses': { access: 'institution', path: () => '/institution/courses' },
  'GET /institution/courses/create': { access: 'institution', path: () => '/institution/courses/create' },
  'POST /institution/courses': { access: 'institution', path: () => '/institution/courses', form: () => ({ name: '矩阵课程' }) },
  'GET /institution/courses/:id': { access: 'institution', path: (f) => `/institution/courses/${f.courseId}` },
  'GET /institution/courses/:id/edit': { access: 'institution', path: (f) => `/institution/courses/${f.courseId}/edit` },
  'POST /institution/courses/:id': { access: 'institution', path: (f) => `/institution/courses/${f.courseId}`, form: () => ({ name: '矩阵课程' }) },
  'POST /institution/courses/:id/submit': { access: 'institution', path: (f) => `/institution/courses/${f.courseId}/submit` },
  'POST /institution/courses/:id/materials': { access: 'institution', path: (f) => `/institution/courses/${f.courseId}/materials`, form: () => ({ title: '矩阵材料' }) },
  'GET /institution/materials/:id': { access: 'institution', path: (f) => `/institution/materials/${f.materialId}` },
  'POST /institution/materials/:id/delete': { access: 'institution', path: (f) => `/institution/materials/${f.materialId}/delete` },
  'GET /institution/contracts': { access: 'institution', path: () => '/institution/contracts' },
  'GET /institution/contracts/:id': { access: 'institution', path: (f) => `/institution/contracts/${f.contractId}` },
  'GET /institution/contracts/:id/pdf': { access: 'institution', path: (f) => `/institution/contracts/${f.contractId}/pdf` },

  'GET /manage/courses': { access: 'bureaus', path: () => '/manage/courses' },
  'GET /manage/courses/:id': { access: 'institution_view', path: (f) => `/manage/courses/${f.courseId}` },
  'POST /manage/courses/:id/approve': { access: 'institution_decide', path: (f) => `/manage/courses/${f.courseId}/approve` },
  'POST /manage/courses/:id/reject': { access: 'institution_decide', path: (f) => `/manage/courses/${f.courseId}/reject`, form: () => ({ reason: '矩阵测试退回' }) },
  'POST /manage/courses/:id/take-down': { access: 'institution_decide', path: (f) => `/manage/courses/${f.courseId}/take-down`, form: () => ({ reason: '矩阵测试下架' }) },
  'GET /manage/materials/:id': { access: 'institution_view', path: (f) => `/manage/materials/${f.materialId}` },
  'GET /manage/spot-checks': { access: 'managers', path: () => '/manage/spot-checks' },
  'GET /manage/spot-checks/create': { access: 'managers', path: () => '/manage/spot-checks/create' },
  'POST /manage/spot-checks': { access: 'draw_spot_check', path: () => '/manage/spot-checks', form: () => ({ regionCode: '220104', periodFrom: '2026-01-01', periodTo: '2030-12-31', sampleSize: '1' }) },
  'GET /manage/spot-checks/:id': { access: 'spot_check_record', path: (f) => `/manage/spot-checks/${f.spotCheckId}` },
  'POST /manage/spot-check-items/:id': { access: 'spot_check_record', path: (f) => `/manage/spot-check-items/${f.spotCheckItemId}`, form: () => ({ ideology: 'pass', science: 'pass', ageFit: 'pass' }) },
  'GET /manage/contracts': { access: 'bureaus', path: () => '/manage/contracts' },
  'GET /manage/contracts/:id': { access: 'institution_view', path: (f) => `/manage/contracts/${f.contractId}` },
  'GET /manage/contracts/:id/pdf': { access: 'institution_view', path: (f) => `/manage/contracts/${f.contractId}/pdf` },

  'GET /parent/courses/:id/contract': { access: 'parent', path: (f) => `/parent/courses/${f.courseId}/contract` },
  'POST /parent/courses/:id/contract/preview': { access: 'parent', path: (f) => `/parent/courses/${f.courseId}/contract/preview` },
  'POST /parent/courses/:id/contract': { access: 'parent', path: (f) => `/parent/courses/${f.courseId}/contract` },
  'GET /parent/contracts': { access: 'parent', path: () => '/parent/contracts' },
  'GET /parent/contracts/:id': { access: 'parent', path: (f) => `/parent/contracts/${f.contractId}` },
  'GET /parent/contracts/:id/pdf': { access: 'parent', path: (f) => `/parent/contracts/${f.contractId}/pdf` },

  'POST /parent/contracts/:id/orders': { funds: true, access: 'parent', path: (f) => `/parent/contracts/${f.contractId}/orders` },
  'GET /parent/orders': { funds: true, access: 'parent', path: () => '/parent/orders' },
  'GET /parent/orders/:id': { funds: true, access: 'parent', path: (f) => `/parent/orders/${f.orderId}` },
  'GET /parent/orders/:id/status': { funds: true, access: 'parent', path: (f) => `/parent/orders/${f.orderId}/status` },
  'POST /parent/orders/:id/pay': { funds: true, access: 'parent', path: (f) => `/parent/orders/${f.orderId}/pay` },
  'POST /parent/orders/:id/refunds': { funds: true, access: 'parent', path: (f) => `/parent/orders/${f.orderId}/refunds`, form: () => ({ classes: '1', reason: '矩阵测试' }) },
  'POST /parent/refunds/:id/withdraw': { funds: true, access: 'parent', path: (f) => `/parent/refunds/${f.refundId}/withdraw` },
  'POST /parent/classes/:id/pay': { funds: true, access: 'parent', path: (f) => `/parent/classes/${f.consumptionId}/pay` },
  'POST /parent/classes/:id/confirm': { funds: true, access: 'parent', path: (f) => `/parent/classes/${f.consumptionId}/confirm` },
  'POST /parent/classes/:id/dispute': { funds: true, access: 'parent', path: (f) => `/parent/classes/${f.consumptionId}/dispute`, form: () => ({ reason: '矩阵测试' }) },

  'GET /institution/orders': { funds: true, access: 'institution', path: () => '/institution/orders' },
  'GET /institution/orders/:id': { funds: true, access: 'institution', path: (f) => `/institution/orders/${f.orderId}` },
  'GET /institution/attendance': { funds: true, access: 'institution', path: (f) => `/institution/attendance?course=${f.courseId}&classNo=2` },
  'POST /institution/attendance': { funds: true, access: 'institution', path: () => '/institution/attendance', form: (f) => ({ course: String(f.courseId), classNo: '2', heldOn: '2026-01-05', 'contracts[]': String(f.contractId) }) },
  'GET /institution/refunds': { funds: true, access: 'institution', path: () => '/institution/refunds' },
  'POST /institution/refunds/:id/decide': { funds: true, access: 'institution', path: (f) => `/institution/refunds/${f.refundId}/decide`, form: () => ({ decision: 'decline', reason: '矩阵测试' }) },

  'GET /manage/funds': { funds: true, access: 'bureaus', path: () => '/manage/funds' },
  'GET /manage/funds/institutions/:id': { funds: true, access: 'institution_view', path: (f) => `/manage/funds/institutions/${f.institutionId}` },
  'GET /manage/funds/orders/:id': { funds: true, access: 'institution_view', path: (f) => `/manage/funds/orders/${f.orderId}` },
  'POST /manage/funds/institutions/:id/refund-all': { funds: true, access: 'institution_decide', path: (f) => `/manage/funds/institutions/${f.institutionId}/refund-all`, form: () => ({ reason: '矩阵测试：机构停业' }) },
  'GET /manage/funds/anomalies': { funds: true, access: 'bureaus', path: () => '/manage/funds/anomalies' },
  'POST /manage/funds/anomalies/:id/close': { funds: true, access: 'institution_view', path: (f) => `/manage/funds/anomalies/${f.anomalyId}/close`, form: () => ({ note: '已核实，矩阵测试' }) },

  'GET /bank/accounts': { funds: true, access: 'bank', path: () => '/bank/accounts' },
  'GET /bank/instructions': { funds: true, access: 'bank', path: () => '/bank/instructions' },
  'GET /bank/anomalies': { funds: true, access: 'bank', path: () => '/bank/anomalies' },
  'GET /bank/credentials': { funds: true, access: 'bank', path: () => '/bank/credentials' },
  'POST /bank/credentials': { funds: true, access: 'bank', path: () => '/bank/credentials', form: () => ({ password: 'correct horse 42' }) },

  /* complaints and reviews */
  'GET /parent/complaints': { access: 'parent', path: () => '/parent/complaints' },
  'GET /parent/complaints/new': { access: 'parent', path: () => '/parent/complaints/new' },
  'POST /parent/complaints': { access: 'parent', path: () => '/parent/complaints', form: () => ({ name: '矩阵', phone: '13800138000', targetType: 'other', complaintType: 'other', region_province: '220000', region_city: '220100', region_county: '220104', targetName: '矩阵对象', content: '矩阵测试的投诉内容，足够长。' }) },
  'GET /parent/reviews': { access: 'parent', path: () => '/parent/reviews' },
  'POST /parent/orders/:id/review': { funds: true, access: 'parent', path: (f) => `/parent/orders/${f.orderId}/review`, form: () => ({ rating: '5', body: '矩阵测试评价' }) },
  'GET /institution/complaints': { access: 'institution', path: () => '/institution/complaints' },
  'GET /institution/complaints/:id': { access: 'institution', path: (f) => `/institution/complaints/${f.institutionComplaintId}` },
  'POST /institution/complaints/:id/respond': { access: 'institution', path: (f) => `/institution/complaints/${f.institutionComplaintId}/respond`, form: () => ({ response: '矩阵测试答复' }) },
  'GET /institution/reviews': { access: 'institution', path: () => '/institution/reviews' },
  'POST /institution/reviews/:id/reply': { access: 'institution', path: (f) => `/institution/reviews/${f.reviewId}/reply`, form: () => ({ reply: '感谢' }) },
  'GET /manage/complaints': { access: 'bureaus', path: () => '/manage/complaints?tab=all' },
  'GET /manage/complaints/:id': { access: 'institution_view', path: (f) => `/manage/complaints/${f.complaintId}` },
  'POST /manage/complaints/:id/accept': { access: 'institution_decide', path: (f) => `/manage/complaints/${f.complaintId}/accept` },
  'POST /manage/complaints/:id/decline': { access: 'institution_decide', path: (f) => `/manage/complaints/${f.complaintId}/decline`, form: () => ({ reason: '不属于教育部门职责' }) },
  'POST /manage/complaints/:id/transfer': { access: 'institution_decide', path: (f) => `/manage/complaints/${f.complaintId}/transfer`, form: () => ({ to_province: '220000', to_city: '220100', to_county: '220102', reason: '属地不符' }) },
  'POST /manage/complaints/:id/note': { access: 'institution_decide', path: (f) => `/manage/complaints/${f.complaintId}/note`, form: () => ({ note: '已电话核实' }) },
  'POST /manage/complaints/:id/reply': { access: 'institution_decide', path: (f) => `/manage/complaints/${f.complaintId}/reply`, form: () => ({ reply: '矩阵测试答复', outcome: 'resolved' }) },
  'POST /manage/complaints/:id/close': { access: 'institution_decide', path: (f) => `/manage/complaints/${f.complaintId}/close` },
  'POST /manage/complaints/:id/reveal': { access: 'institution_decide', path: (f) => `/manage/complaints/${f.complaintId}/reveal` },
  'GET /manage/reviews': { access: 'bureaus', path: () => '/manage/reviews' },
  'POST /manage/reviews/:id/hide': { access: 'moderate', path: (f) => `/manage/reviews/${f.reviewId}/hide`, form: () => ({ reason: '矩阵测试' }) },

  /* reports */
  'GET /manage/reports/plugins/:plugin/:report': { access: 'jilin_report', path: () => '/manage/reports/plugins/jilin/online_screening' },
  'GET /manage/reports/plugins/:plugin/:report/export': { access: 'jilin_report', path: () => '/manage/reports/plugins/jilin/online_screening/export' },
  'GET /manage/reports': { access: 'institution_view', path: () => '/manage/reports?region=220104' },
  'POST /manage/reports/exports': { access: 'institution_view', path: () => '/manage/reports/exports', form: () => ({ region: '220104', table: 'complaints:regions' }) },
  'GET /manage/reports/exports/:id': { access: 'own_export', path: (f) => `/manage/reports/exports/${exportOf(f)}`, prepare: (f) => reportExport(f, false) },
  'GET /manage/reports/exports/:id/download': { access: 'own_export', path: (f) => `/manage/reports/exports/${exportOf(f)}/download`, prepare: (f) => reportExport(f, true) },
  'GET /institution/statistics': { access: 'institution', path: () => '/institution/statistics' },
  'GET /institution/statistics/export': { access: 'institution', path: () => '/institution/statistics/export' },
}

function outcomeOf(status: number, location: string | undefined): Outcome {
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 302 && location?.startsWith('/login')) return 'login'
  if (status < 500) return 'ok'
  throw new Error(`unexpected status ${status}`)
}

test.group('Authorization matrix: role and region scope on every terminal route', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('the table covers every management and institution route and every terminal home', ({ assert }) => {
    const registered = Object.values(router.toJSON())
      .flat()
      .flatMap((route) => route.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${route.pattern}`))
      .filter((key) => / \/(manage|parent|institution|bank)(\/|$)/.test(key))
    assert.sameMembers(registered, Object.keys(ROUTES))
  })

  test('{route} answers each role as the table says')
    .with(Object.keys(ROUTES).map((route) => ({ route })))
    .run(async ({ client, assert }, { route }) => {
      const [method] = route.split(' ')
      const { access, path, form, prepare, funds } = ROUTES[route]
      const failures: string[] = []
      for (const [actorName, spec] of Object.entries(ACTORS)) {
        const actor = spec ? await createTestAccount(spec) : null
        const uploader = actorName === 'county_in_scope' ? actor! : await createTestAccount(ACTORS.county_in_scope!)
        const f = await withFinding(await fixture(uploader.id, actorName.startsWith('institution_') && actor ? [actor.id] : [], actorName === 'parent' && actor ? actor.id : 0, actorName === 'bank_operator' && actor ? actor.id : 0, !!funds))
        await prepare?.(f)
        const user = actor ? (await new CurrentUserProvider().findById(actor.id))!.getOriginal() : null
        let request = method === 'GET' ? client.get(path(f)) : client.post(path(f))
        if (form) request = request.form(form(f) as never)
        if (user) request = request.loginAs(user)
        if (method !== 'GET') request = request.withCsrfToken()
        const response = await request.redirects(0)
        const got = outcomeOf(response.status(), response.header('location'))
        const want = actorName === 'guest' ? 'login' : ACCESS[access](actorName)
        if (got !== want) failures.push(`${actorName}: expected ${want}, got ${got} (${response.status()} ${response.header('location') ?? ''})`)
      }
      assert.deepEqual(failures, [], `${route}\n${failures.join('\n')}`)
    })
})
