import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import { TINY_PDF, residentId } from '#testing/registry'
import { courseDraft, courseForm } from '#testing/catalog'
import { blindIndex, sealIdNumber, withResidentIdCheckDigit } from '#kernel/shared/personal_data'
import { createTestAccount } from '#testing/identity'
import { createTestSchool } from '#testing/students'
import { RULES, everyone, type Expected, type Rule, type RuleName } from './rules.js'
import type { ActorName, Side, World } from './world.js'

/*
| Every registered route, with who may use it and a request that succeeds
| when they may: the forms are valid, the records are in a state where the
| action is allowed. A route answers once per actor, against side A's
| records (see rules.ts). A few routes have several cases (a red and a
| yellow anomaly). Routes that only exist outside production or for the
| benchmark are listed in NOT_IN_MATRIX with the reason.
*/
export interface Case {
  rule: RuleName | Rule
  path: (w: World) => string
  /**
   * A valid form; `n` is unique per cell, for values that must not repeat;
   * `own` is the actor's side (B for the `*_other` actors), for routes that
   * act on the actor's own records.
   */
  form?: (w: World, n: number, own: Side) => Record<string, string | string[]>
  files?: Record<string, { bytes: Buffer; name: string }>
  headers?: () => Record<string, string>
  /** Puts the world in the state the action needs (undone after the cell). */
  prepare?: (w: World) => Promise<unknown>
  /** A redirect here means the action was refused (a flow sent back to its start). */
  refusedTo?: string
  label?: string
}

/* The message the matrix marks read, inserted by its `prepare` (the path is built after it). */
let parentMessageId = 0
/* The credit objection the matrix answers, inserted by its `prepare`. */
let creditObjectionId = 0
/* The kept credit draw the matrix opens, inserted by its `prepare`. */
let creditDrawId = 0
/* The open risk warning of side A's institution the matrix reads, answers and lifts. */
let riskWarningId = 0
async function openRiskWarning(w: World) {
  const open = await db
    .from('risk_warnings')
    .where({ institution_id: w.a.institutionId, indicator: 'licence_expiring' })
    .whereNull('lifted_at')
    .first()
  if (open) return (riskWarningId = Number(open.id))
  const now = new Date()
  const [row] = await db
    .table('risk_warnings')
    .insert({
      institution_id: w.a.institutionId,
      indicator: 'licence_expiring',
      level: 'yellow',
      value: 20,
      threshold: 31,
      evidence: JSON.stringify({ figures: { licenceValidTo: '2027-01-01' } }),
      region_code: w.a.region,
      ...w.a.lineage,
      raised_at: now,
      level_changed_at: now,
      urge_due_on: '2027-01-08',
      notice_due_on: '2027-01-22',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
  return (riskWarningId = Number(row.id))
}

/* The child the children's cells act on, inserted by their `prepare`. */
let matrixChildId = 0
const CHILD_CODE = 'MATR-IXCO-DE23'
const matrixSchoolYear = () => {
  const now = new Date()
  return now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1
}
/** A synthetic primary-3 pupil's ID (8 on 1 September), unique per `n`. */
const childMatrixId = (n: number) =>
  withResidentIdCheckDigit(
    `220104${matrixSchoolYear() - 8}0301${String(n % 1000).padStart(3, '0')}`
  )
const childMatrixForm = (idNumber: string) => ({
  name: '矩阵孩子',
  idNumber,
  countyCode: '220104',
  school: 'other',
  schoolName: '长春市朝阳区矩阵小学',
  grade: 'p3',
  relation: 'mother',
})
async function insertMatrixChild(guardianId: number, n = 9001) {
  const sealed = sealIdNumber(childMatrixId(n))
  const [row] = await db
    .table('children')
    .insert({
      name: '矩阵孩子',
      id_number_cipher: sealed.cipher,
      id_number_index: sealed.index,
      id_number_masked: sealed.masked,
      sex: 'female',
      birth_date: `${matrixSchoolYear() - 8}-03-01`,
      county_code: '220104',
      city_code: '220100',
      province_code: '220000',
      school_name: '长春市朝阳区矩阵小学',
      grade: 'p3',
      grade_year: matrixSchoolYear(),
      record_status: 'found',
      created_by_user_id: guardianId,
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
  await db.table('child_guardians').insert({
    child_id: row.id,
    user_id: guardianId,
    position: 1,
    relation: 'mother',
    created_at: new Date(),
  })
  return (matrixChildId = Number(row.id))
}

export const NOT_IN_MATRIX: Record<string, string> = {
  'GET /dev/outbox':
    'registered only outside production (messages/routes.ts); shows the development channel to developers',
}

const approvedFiling = (w: World) =>
  db
    .from('institutions')
    .whereIn('id', [w.a.institutionId, w.b.institutionId])
    .update({ filing_status: 'approved' })
const submittedFiling = async (w: World) => {
  await db
    .from('institutions')
    .whereIn('id', [w.a.institutionId, w.b.institutionId])
    .update({ filing_status: 'submitted' })
  for (const side of [w.a, w.b])
    await db
      .table('filing_reviews')
      .insert({ institution_id: side.institutionId, snapshot: '{}', submitted_at: new Date() })
}
const draftFiling = (w: World) =>
  db
    .from('institutions')
    .whereIn('id', [w.a.institutionId, w.b.institutionId])
    .update({ filing_status: 'draft' })
const pendingBatch = (w: World) =>
  db.from('import_batches').whereIn('id', [w.a.batchId, w.b.batchId]).update({ status: 'ready' })
const runningExport = (w: World) =>
  db
    .from('report_exports')
    .whereIn('id', [w.a.exportId, w.b.exportId])
    .update({ status: 'running', storage_key: null, file_name: null, finished_at: null })
const disabledAccount = (w: World) =>
  db.from('users').whereIn('id', [w.a.accountId, w.b.accountId]).update({ status: 'disabled' })
const removed = (w: World) =>
  db
    .from('institutions')
    .whereIn('id', [w.a.institutionId, w.b.institutionId])
    .update({ removed_at: new Date() })
const overridden = (w: World) =>
  db
    .from('institutions')
    .whereIn('id', [w.a.institutionId, w.b.institutionId])
    .update({ list_override: 'grey' })
const complaintIs = (status: string) => (w: World) =>
  db.from('complaints').whereIn('id', [w.a.complaintId, w.b.complaintId]).update({ status })
const noPendingChange = (w: World) =>
  db
    .from('change_requests')
    .whereIn('institution_id', [w.a.institutionId, w.b.institutionId])
    .update({ status: 'rejected' })
const draftCourse = (w: World) =>
  db.from('courses').whereIn('id', [w.a.courseId, w.b.courseId]).update({ status: 'draft' })
const rejectedInstruction = (w: World) =>
  db
    .from('bank_instructions')
    .whereIn('id', [w.a.instructionId, w.b.instructionId])
    .update({ status: 'rejected', reject_reason: '账户冻结' })
/** The course form as the browser posts it, taught by the side's own teacher. */
const courseFields = (side: Side) =>
  courseForm(courseDraft({ name: '矩阵新课程', teacherIds: [side.staffId] })) as Record<
    string,
    string | string[]
  >
const otherThan = (w: World, own: Side) => (own === w.a ? w.b : w.a)
/** Reached and refused for the input (a file or a code the cell cannot have); others as the rule says. */
const reachedBy =
  (rule: RuleName): Rule =>
  (a) =>
    RULES[rule](a) === 'ok' ? 'refused' : RULES[rule](a)

const phone = (n: number) => `137${String(n).padStart(8, '0')}`
const CONTRACT_FORM = {
  studentName: '赵小华',
  studentIdNumber: residentId(321),
  studentSchool: '长春市朝阳区解放大路小学',
  studentGrade: 'p1',
  guardianName: '赵大华',
  guardianRelation: 'father',
}
const COMPLAINT_FORM = {
  name: '矩阵',
  phone: '13800138000',
  targetType: 'other',
  complaintType: 'other',
  region_province: '220000',
  region_city: '220100',
  region_county: '220104',
  targetName: '矩阵对象',
  content: '矩阵测试的投诉内容，足够长。',
}

export const ROUTES: Record<string, Case | Case[]> = {
  /* site */
  'GET /': { rule: 'anyone', path: () => '/' },
  'GET /locale/:locale': { rule: 'anyone', path: () => '/locale/en?back=/courses' },
  'GET /manifest/:terminal': { rule: 'anyone', path: () => '/manifest/parent' },
  'GET /offline': { rule: 'anyone', path: () => '/offline' },
  'GET /vendor/:file': { rule: 'anyone', path: () => '/vendor/htmx.min.js' },
  'GET /health': { rule: 'anyone', path: () => '/health' },
  'GET /parent': { rule: 'parent', path: () => '/parent' },
  'GET /institution': { rule: 'institution', path: () => '/institution' },
  'GET /bank': { rule: 'bank', path: () => '/bank' },
  'GET /manage': { rule: 'management', path: () => '/manage' },

  /* identity */
  'GET /login': { rule: 'guest_only', path: () => '/login' },
  'POST /login': {
    rule: (a) => (a === 'guest' ? 'refused' : 'home'),
    path: () => '/login',
    form: () => ({ identifier: '13000000000', password: 'wrong password' }),
    label: 'a wrong password is refused; a signed-in person goes home',
  },
  'GET /register': { rule: 'guest_only', path: () => '/register' },
  'POST /register/code': {
    rule: 'guest_only',
    path: () => '/register/code',
    form: (_, n) => ({ phone: phone(n) }),
  },
  'POST /register/phone/change': { rule: 'guest_only', path: () => '/register/phone/change' },
  'POST /register': {
    rule: (a) => (a === 'guest' ? 'refused' : 'home'),
    path: () => '/register',
    form: (_, n) => ({
      phone: phone(n),
      code: '000000',
      password: 'correct horse 42',
      passwordConfirmation: 'correct horse 42',
    }),
    refusedTo: '/register',
    label: 'no code was sent: back to the start',
  },
  'POST /logout': { rule: 'account', path: () => '/logout' },
  'GET /password/set/:token': {
    rule: everyone('gone'),
    path: () => `/password/set/${'x'.repeat(43)}`,
    label: 'an unknown link (a real one: ownership.spec.ts)',
  },
  'POST /password/set/:token': {
    rule: everyone('gone'),
    path: () => `/password/set/${'x'.repeat(43)}`,
    form: () => ({ password: 'correct horse 42', passwordConfirmation: 'correct horse 42' }),
  },
  'GET /account/password': { rule: 'account', path: () => '/account/password' },

  /* messages: everyone's own message centre; the ministry's view of every text */
  'GET /messages': { rule: 'account', path: () => '/messages' },
  'GET /messages/preferences': { rule: 'account', path: () => '/messages/preferences' },
  'POST /messages/preferences': {
    rule: 'account',
    path: () => '/messages/preferences',
    form: () => ({ by_text: ['complaint_update'] }),
  },
  'POST /messages/read-all': { rule: 'account', path: () => '/messages/read-all' },
  'POST /messages/:id/read': {
    rule: 'own_message',
    label: "side A's parent's message",
    prepare: async (w) => {
      const [row] = await db
        .table('inbox_messages')
        .insert({
          user_id: w.actors.parent!.id,
          kind: 'complaint_update',
          dedupe_key: `matrix:${randomUUID()}`,
          params: JSON.stringify({ number: 'TS2027030100000001', what: '已受理' }),
          link: '/parent/orders',
        })
        .returning('id')
      parentMessageId = Number(row.id)
    },
    path: () => `/messages/${parentMessageId}/read`,
  },
  'GET /manage/messages': { rule: 'operators', path: () => '/manage/messages?status=failed' },
  'GET /manage/messages/templates': { rule: 'operators', path: () => '/manage/messages/templates' },
  /* A real change hashes twice at full cost, too slow for every actor: one change is in ownership.spec.ts. */
  'PUT /account/password': {
    rule: reachedBy('account'),
    label: 'a new password too short: refused',
    path: () => '/account/password',
    form: () => ({
      currentPassword: 'correct horse 42',
      password: 'short',
      passwordConfirmation: 'short',
    }),
  },

  'GET /manage/accounts': { rule: 'managers', path: () => '/manage/accounts' },
  'GET /manage/accounts/create': { rule: 'managers', path: () => '/manage/accounts/create' },
  'POST /manage/accounts': {
    rule: (a) =>
      a === 'county_in_scope' ? 'ok' : RULES.managers(a) === 'ok' ? 'refused' : RULES.managers(a),
    label: "a county opens its sub-units' accounts; other levels and regions are refused that kind",
    path: () => '/manage/accounts',
    form: (_, n) => ({
      kind: 'admin:subunit',
      regionCode: '220104',
      unitName: '测试办',
      displayName: '测试',
      phone: phone(n),
    }),
  },
  'GET /manage/accounts/:id': {
    rule: 'account_record',
    path: (w) => `/manage/accounts/${w.a.accountId}`,
  },
  'POST /manage/accounts/:id/phone': {
    rule: 'account_record',
    path: (w) => `/manage/accounts/${w.a.accountId}/phone`,
  },
  'POST /manage/accounts/:id/disable': {
    rule: 'account_record',
    path: (w) => `/manage/accounts/${w.a.accountId}/disable`,
    form: () => ({ reason: '矩阵测试停用' }),
  },
  'POST /manage/accounts/:id/enable': {
    rule: 'account_record',
    path: (w) => `/manage/accounts/${w.a.accountId}/enable`,
    prepare: disabledAccount,
  },
  'POST /manage/accounts/:id/reset': {
    rule: 'account_record',
    path: (w) => `/manage/accounts/${w.a.accountId}/reset`,
  },
  'GET /manage/audit': { rule: 'managers', path: () => '/manage/audit' },
  'GET /manage/operations': { rule: 'operators', path: () => '/manage/operations' },
  'POST /manage/operations/events/:id/requeue': {
    rule: 'operators_act',
    path: () => '/manage/operations/events/0/requeue',
  },
  'POST /manage/operations/policy-runs/:id/requeue': {
    rule: 'operators_act',
    path: () => '/manage/operations/policy-runs/0/requeue',
  },
  'GET /manage/plugins': { rule: 'plugin_settings', path: () => '/manage/plugins' },
  'GET /manage/plugins/:plugin': {
    rule: 'plugin_settings_jilin',
    path: () => '/manage/plugins/jilin',
  },
  'POST /manage/plugins/:plugin': {
    rule: 'plugin_settings_save',
    path: () => '/manage/plugins/jilin',
  },

  /* registry */
  'GET /manage/filings': { rule: 'bureaus', path: () => '/manage/filings' },
  'GET /manage/filings/:id': {
    rule: 'institution_view',
    path: (w) => `/manage/filings/${w.a.institutionId}`,
    prepare: submittedFiling,
  },
  'POST /manage/filings/:id/approve': {
    rule: 'institution_decide',
    path: (w) => `/manage/filings/${w.a.institutionId}/approve`,
    prepare: submittedFiling,
  },
  'POST /manage/filings/:id/return': {
    rule: 'institution_decide',
    path: (w) => `/manage/filings/${w.a.institutionId}/return`,
    form: () => ({ 'reasons[basic]': '地址不符' }),
    prepare: submittedFiling,
  },
  'GET /manage/institutions': { rule: 'bureaus', path: () => '/manage/institutions' },
  'GET /manage/institutions/:id': {
    rule: 'institution_view',
    path: (w) => `/manage/institutions/${w.a.institutionId}`,
  },
  'POST /manage/institutions/:id/list': {
    rule: 'institution_decide',
    path: (w) => `/manage/institutions/${w.a.institutionId}/list`,
    form: () => ({ status: 'grey', reason: '矩阵测试调整' }),
  },
  'POST /manage/institutions/:id/list/clear': {
    rule: 'institution_decide',
    path: (w) => `/manage/institutions/${w.a.institutionId}/list/clear`,
    prepare: overridden,
  },
  'POST /manage/institutions/:id/remove': {
    rule: 'institution_decide',
    path: (w) => `/manage/institutions/${w.a.institutionId}/remove`,
    form: () => ({ reason: '矩阵测试撤除' }),
  },
  'POST /manage/institutions/:id/restore': {
    rule: 'institution_decide',
    path: (w) => `/manage/institutions/${w.a.institutionId}/restore`,
    prepare: removed,
  },
  'POST /manage/institutions/:id/staff/:staffId/id-number': [
    {
      rule: 'institution_view',
      path: (w) => `/manage/institutions/${w.a.institutionId}/staff/${w.a.staffId}/id-number`,
    },
    {
      label: "another institution's staff under A's id",
      path: (w) => `/manage/institutions/${w.a.institutionId}/staff/${w.b.staffId}/id-number`,
      ...notFoundForAll(),
    },
  ],
  'GET /manage/registry-documents/:id': {
    rule: 'institution_view',
    path: (w) => `/manage/registry-documents/${w.a.documentId}`,
  },
  'GET /manage/changes': { rule: 'bureaus', path: () => '/manage/changes' },
  'POST /manage/changes/:id/approve': {
    rule: 'institution_decide',
    path: (w) => `/manage/changes/${w.a.changeId}/approve`,
  },
  'POST /manage/changes/:id/reject': {
    rule: 'institution_decide',
    path: (w) => `/manage/changes/${w.a.changeId}/reject`,
    form: () => ({ comment: '材料不全' }),
  },
  'GET /manage/inspections': { rule: 'bureaus', path: () => '/manage/inspections' },
  'GET /manage/inspections/create': {
    rule: 'inspect',
    path: (w) => `/manage/inspections/create?institution=${w.a.institutionId}`,
  },
  'POST /manage/inspections': [
    {
      rule: 'inspect',
      path: () => '/manage/inspections',
      form: (w) => ({
        institutionId: String(w.a.institutionId),
        plannedOn: '2030-01-01',
        purpose: '矩阵测试',
      }),
    },
    {
      rule: 'inspect_b',
      label: "side B's institution named in the body",
      path: () => '/manage/inspections',
      form: (w) => ({
        institutionId: String(w.b.institutionId),
        plannedOn: '2030-01-01',
        purpose: '矩阵测试',
      }),
    },
  ],
  'GET /manage/inspections/:id': {
    rule: 'institution_view',
    path: (w) => `/manage/inspections/${w.a.inspectionId}`,
  },
  'POST /manage/inspections/:id/findings': {
    rule: 'inspect',
    path: (w) => `/manage/inspections/${w.a.inspectionId}/findings`,
    form: () => ({ conclusion: 'no_issues' }),
  },
  'POST /manage/findings/:id/accept': {
    rule: 'inspect',
    path: (w) => `/manage/findings/${w.a.findingId}/accept`,
    form: () => ({ opinion: '整改到位' }),
  },
  'POST /manage/findings/:id/reject': {
    rule: 'inspect',
    path: (w) => `/manage/findings/${w.a.findingId}/reject`,
    form: () => ({ opinion: '仍未整改' }),
  },
  'GET /manage/prohibited': { rule: 'managers', path: () => '/manage/prohibited' },
  'POST /manage/prohibited': {
    rule: 'managers',
    path: () => '/manage/prohibited',
    form: (_, n) => ({ name: '某人', idNumber: residentId(100 + (n % 800)), reason: 'violence' }),
  },
  'POST /manage/prohibited/import': {
    rule: reachedBy('managers'),
    label: 'reached (no spreadsheet); imports: registry suites',
    path: () => '/manage/prohibited/import',
  },
  'POST /manage/prohibited/:id/revoke': {
    rule: 'prohibited_record',
    path: (w) => `/manage/prohibited/${w.a.prohibitedId}/revoke`,
  },
  'GET /manage/imports': { rule: 'managers', path: () => '/manage/imports' },
  'GET /manage/imports/template': { rule: 'managers', path: () => '/manage/imports/template' },
  'POST /manage/imports': {
    rule: reachedBy('managers'),
    label: 'reached (no spreadsheet); imports: registry suites',
    path: () => '/manage/imports',
  },
  'GET /manage/imports/:id': { rule: 'own_batch', path: (w) => `/manage/imports/${w.a.batchId}` },
  'POST /manage/imports/:id/run': {
    rule: 'own_batch',
    path: (w) => `/manage/imports/${w.a.batchId}/run`,
    prepare: pendingBatch,
  },

  'GET /institution/filing': { rule: 'institution', path: () => '/institution/filing' },
  'GET /institution/filing/confirm': {
    rule: 'institution',
    path: () => '/institution/filing/confirm',
    prepare: draftFiling,
  },
  'POST /institution/filing/submit': {
    rule: 'owner',
    path: () => '/institution/filing/submit',
    prepare: draftFiling,
  },
  'POST /institution/filing/academic/skip': {
    rule: 'owner',
    path: () => '/institution/filing/academic/skip',
    prepare: draftFiling,
  },
  'GET /institution/filing/:section': {
    rule: 'institution',
    path: () => '/institution/filing/conditions',
  },
  'POST /institution/filing/:section': {
    rule: 'owner',
    path: () => '/institution/filing/conditions',
    form: () => ({
      teachingStaffCount: '3',
      researchStaffCount: '1',
      otherStaffCount: '1',
      totalAreaSqm: '320',
      classroomCount: '6',
      maxStudents: '80',
      safetyFacilities: '消防器材齐全，每学期组织疏散演练。',
      courseSummary: '少儿美术、书法等非学科类课程。',
    }),
    prepare: draftFiling,
  },
  'GET /institution/filing/contest': { rule: 'owner', path: () => '/institution/filing/contest' },
  'POST /institution/filing/contest': {
    rule: reachedBy('owner'),
    label: 'no draft holds this code: refused',
    path: () => '/institution/filing/contest',
    form: () => ({
      creditCode: '91220104MA0000000X',
      claimantUnit: '矩阵测试单位',
      statement: '本单位的统一社会信用代码被他人占用。',
    }),
  },
  'GET /manage/credit-code-contests': {
    rule: 'bureaus',
    path: () => '/manage/credit-code-contests',
  },
  'POST /manage/credit-code-contests/:id/uphold': {
    rule: noRecord('management'),
    label: 'no such contest',
    path: () => '/manage/credit-code-contests/999999999/uphold',
  },
  'POST /manage/credit-code-contests/:id/dismiss': {
    rule: noRecord('management'),
    label: 'no such contest',
    path: () => '/manage/credit-code-contests/999999999/dismiss',
  },
  'GET /manage/banks': { rule: 'bureaus', path: () => '/manage/banks' },
  'POST /manage/banks': {
    rule: 'register_bank',
    path: () => '/manage/banks',
    form: (_, n) => ({ name: `矩阵登记银行${n}`, regionCode: '220104' }),
  },
  'GET /institution/documents/:id': {
    rule: 'institution_record',
    path: (w) => `/institution/documents/${w.a.documentId}`,
  },
  'GET /institution/staff': { rule: 'institution', path: () => '/institution/staff' },
  'GET /institution/staff/create': { rule: 'owner', path: () => '/institution/staff/create' },
  'POST /institution/staff': {
    rule: reachedBy('owner'),
    path: () => '/institution/staff',
    label: 'reached (no files: refused); hiring is proven in registry suites',
  },
  'POST /institution/staff/:id/leave': {
    rule: 'owner_record',
    path: (w) => `/institution/staff/${w.a.staffId}/leave`,
  },
  'GET /institution/changes': { rule: 'institution', path: () => '/institution/changes' },
  'POST /institution/changes': {
    rule: 'owner',
    path: () => '/institution/changes',
    form: () => ({ address: '新地址 9 号', reason: '搬迁新址' }),
    prepare: noPendingChange,
  },
  'GET /institution/rectifications': {
    rule: 'institution',
    path: () => '/institution/rectifications',
  },
  'POST /institution/rectifications/:id/report': {
    rule: 'owner_record',
    path: (w) => `/institution/rectifications/${w.a.findingId}/report`,
    form: () => ({ report: '已整改完毕' }),
    prepare: (w) =>
      db
        .from('inspection_findings')
        .whereIn('id', [w.a.findingId, w.b.findingId])
        .update({ status: 'open' }),
  },
  'GET /institution/plate': { rule: 'institution', path: () => '/institution/plate' },
  'GET /institution/plate/download/:format': {
    rule: 'institution',
    path: () => '/institution/plate/download/png',
    prepare: approvedFiling,
  },

  'GET /institutions': { rule: 'anyone', path: () => '/institutions' },
  'GET /institutions/:id': { rule: 'anyone', path: (w) => `/institutions/${w.a.institutionId}` },
  'GET /institutions/:id/staff/:staffId/photo': [
    {
      rule: 'anyone',
      path: (w) => `/institutions/${w.a.institutionId}/staff/${w.a.staffId}/photo`,
    },
    {
      rule: everyone('not_found'),
      label: "another institution's teacher under A's id",
      path: (w) => `/institutions/${w.a.institutionId}/staff/${w.b.staffId}/photo`,
    },
  ],
  'GET /lists/:status': { rule: 'anyone', path: () => '/lists/white' },
  'GET /notices': { rule: 'anyone', path: () => '/notices' },
  'GET /verify/:id': [
    {
      rule: 'anyone',
      label: "the plate's signed link",
      path: (w) =>
        new URL(
          signedUrlFor('public.verify', { id: w.a.institutionId }, { purpose: 'plate' }),
          'http://x'
        ).pathname +
        new URL(
          signedUrlFor('public.verify', { id: w.a.institutionId }, { purpose: 'plate' }),
          'http://x'
        ).search,
    },
    { rule: everyone('refused'), label: 'unsigned', path: (w) => `/verify/${w.a.institutionId}` },
  ],
  'GET /regions/picker': {
    rule: 'anyone',
    path: () => '/regions/picker?name=region&province=220000',
  },

  /* catalog */
  'GET /courses': { rule: 'anyone', path: () => '/courses' },
  'GET /courses/:id': [
    { rule: 'anyone', path: (w) => `/courses/${w.a.saleCourseId}` },
    {
      rule: everyone('not_found'),
      label: 'a course not on sale',
      path: (w) => `/courses/${w.a.courseId}`,
    },
  ],
  'GET /institution/courses': { rule: 'institution', path: () => '/institution/courses' },
  'GET /institution/courses/create': {
    rule: 'institution',
    path: () => '/institution/courses/create',
  },
  'POST /institution/courses': [
    {
      rule: 'institution',
      path: () => '/institution/courses',
      form: (_w, _n, own) => courseFields(own),
    },
    {
      rule: reachedBy('institution'),
      label: "the other institution's teacher in the body",
      path: () => '/institution/courses',
      form: (w, _n, own) => courseFields(otherThan(w, own)),
    },
  ],
  'GET /institution/courses/:id': {
    rule: 'institution_record',
    path: (w) => `/institution/courses/${w.a.courseId}`,
  },
  'GET /institution/courses/:id/edit': {
    rule: 'institution_record',
    path: (w) => `/institution/courses/${w.a.courseId}/edit`,
  },
  'POST /institution/courses/:id': {
    rule: 'institution_record',
    path: (w) => `/institution/courses/${w.a.courseId}`,
    form: (w) => courseFields(w.a),
    prepare: draftCourse,
  },
  'POST /institution/courses/:id/submit': {
    rule: 'institution_record',
    path: (w) => `/institution/courses/${w.a.courseId}/submit`,
    prepare: draftCourse,
  },
  'POST /institution/courses/:id/materials': {
    rule: 'institution_record',
    path: (w) => `/institution/courses/${w.a.courseId}/materials`,
    form: () => ({ title: '矩阵材料', source: 'self_compiled' }),
    files: { file: { bytes: TINY_PDF, name: '材料.pdf' } },
  },
  'GET /institution/materials/:id': {
    rule: 'institution_record',
    path: (w) => `/institution/materials/${w.a.materialId}`,
  },
  'POST /institution/materials/:id/delete': [
    {
      rule: 'institution_record',
      path: (w) => `/institution/materials/${w.a.looseMaterialId}/delete`,
    },
    {
      rule: (a) =>
        ['institution_owner', 'institution_staff'].includes(a)
          ? 'refused'
          : RULES.institution_record(a),
      label: 'drawn by a spot check: kept as evidence',
      path: (w) => `/institution/materials/${w.a.materialId}/delete`,
    },
  ],
  'GET /institution/contracts': { rule: 'institution', path: () => '/institution/contracts' },
  'GET /institution/contracts/:id': {
    rule: 'institution_record',
    path: (w) => `/institution/contracts/${w.a.contractId}`,
  },
  'GET /institution/contracts/:id/pdf': {
    rule: 'institution_record',
    path: (w) => `/institution/contracts/${w.a.contractId}/pdf`,
  },

  'GET /manage/courses': { rule: 'bureaus', path: () => '/manage/courses' },
  'GET /manage/courses/:id': {
    rule: 'institution_view',
    path: (w) => `/manage/courses/${w.a.courseId}`,
  },
  'POST /manage/courses/:id/approve': {
    rule: 'institution_decide',
    path: (w) => `/manage/courses/${w.a.courseId}/approve`,
  },
  'POST /manage/courses/:id/reject': {
    rule: 'institution_decide',
    path: (w) => `/manage/courses/${w.a.courseId}/reject`,
    form: () => ({ reason: '矩阵测试退回' }),
  },
  'POST /manage/courses/:id/take-down': {
    rule: 'institution_decide',
    path: (w) => `/manage/courses/${w.a.saleCourseId}/take-down`,
    form: () => ({ reason: '矩阵测试下架' }),
  },
  'GET /manage/materials/:id': {
    rule: 'institution_view',
    path: (w) => `/manage/materials/${w.a.materialId}`,
  },
  'GET /manage/spot-checks': { rule: 'managers', path: () => '/manage/spot-checks' },
  'GET /manage/spot-checks/create': { rule: 'managers', path: () => '/manage/spot-checks/create' },
  'POST /manage/spot-checks': {
    rule: 'draw_spot_check',
    path: () => '/manage/spot-checks',
    form: () => ({
      regionCode: '220104',
      periodFrom: '2026-01-01',
      periodTo: '2030-12-31',
      sampleSize: '1',
    }),
  },
  'GET /manage/spot-checks/:id': {
    rule: 'spot_check_record',
    path: (w) => `/manage/spot-checks/${w.a.spotCheckId}`,
  },
  'POST /manage/spot-check-items/:id': {
    rule: 'spot_check_record',
    path: (w) => `/manage/spot-check-items/${w.a.spotCheckItemId}`,
    form: () => ({ ideology: 'pass', science: 'pass', ageFit: 'pass' }),
  },
  'GET /manage/contracts': { rule: 'bureaus', path: () => '/manage/contracts' },
  'GET /manage/contracts/:id': {
    rule: 'institution_view',
    path: (w) => `/manage/contracts/${w.a.contractId}`,
  },
  'GET /manage/contracts/:id/pdf': {
    rule: 'institution_view',
    path: (w) => `/manage/contracts/${w.a.contractId}/pdf`,
  },

  'GET /parent/courses/:id/contract': {
    rule: 'parent',
    path: (w) => `/parent/courses/${w.a.saleCourseId}/contract`,
  },
  'POST /parent/courses/:id/contract/preview': {
    rule: 'parent',
    path: (w) => `/parent/courses/${w.a.saleCourseId}/contract/preview`,
    form: () => CONTRACT_FORM,
  },
  'POST /parent/courses/:id/contract': {
    rule: reachedBy('parent'),
    path: (w) => `/parent/courses/${w.a.saleCourseId}/contract`,
    form: () => CONTRACT_FORM,
    label: 'reached (no preview hash: refused); signing is proven in catalog suites',
  },
  'GET /parent/contracts': { rule: 'parent', path: () => '/parent/contracts' },
  'GET /parent/contracts/:id': {
    rule: 'parent_record',
    path: (w) => `/parent/contracts/${w.a.contractId}`,
  },
  'GET /parent/contracts/:id/pdf': {
    rule: 'parent_record',
    path: (w) => `/parent/contracts/${w.a.contractId}/pdf`,
  },
  /* students: children's profiles (side A's parent's child, inserted by each cell's `prepare`) */
  'GET /parent/children': { rule: 'parent', path: () => '/parent/children' },
  'GET /parent/children/new': { rule: 'parent', path: () => '/parent/children/new?county=220104' },
  'POST /parent/children': {
    rule: 'parent',
    path: () => '/parent/children',
    form: (_, n) => childMatrixForm(childMatrixId(n)),
  },
  'GET /parent/children/join': { rule: 'parent', path: () => '/parent/children/join' },
  'POST /parent/children/join': {
    rule: 'parent',
    label: 'a code for a child no matrix actor guards',
    prepare: async () => {
      const child = await insertMatrixChild(0, 9000)
      await db.table('child_invitations').insert({
        child_id: child,
        code_index: blindIndex(CHILD_CODE.replaceAll('-', ''), 'child_invitation'),
        created_by_user_id: 0,
        expires_at: new Date(Date.now() + 3_600_000),
        created_at: new Date(),
      })
    },
    path: () => '/parent/children/join',
    form: () => ({ code: CHILD_CODE, relation: 'father' }),
  },
  'GET /parent/children/:id': {
    rule: 'parent_record',
    prepare: (w) => insertMatrixChild(w.actors.parent!.id),
    path: () => `/parent/children/${matrixChildId}`,
  },
  'GET /parent/children/:id/edit': {
    rule: 'parent_record',
    prepare: (w) => insertMatrixChild(w.actors.parent!.id),
    path: () => `/parent/children/${matrixChildId}/edit`,
  },
  'POST /parent/children/:id': {
    rule: 'parent_record',
    prepare: (w) => insertMatrixChild(w.actors.parent!.id),
    path: () => `/parent/children/${matrixChildId}`,
    form: () => ({ ...childMatrixForm(''), name: '矩阵孩子改名' }),
  },
  'GET /parent/children/:id/remove': {
    rule: 'parent_record',
    prepare: (w) => insertMatrixChild(w.actors.parent!.id),
    path: () => `/parent/children/${matrixChildId}/remove`,
  },
  'POST /parent/children/:id/remove': {
    rule: 'parent_record',
    prepare: (w) => insertMatrixChild(w.actors.parent!.id),
    path: () => `/parent/children/${matrixChildId}/remove`,
  },
  'POST /parent/children/:id/invitations': {
    rule: 'parent_record',
    prepare: (w) => insertMatrixChild(w.actors.parent!.id),
    path: () => `/parent/children/${matrixChildId}/invitations`,
  },
  'POST /parent/children/:id/id-number': {
    rule: 'parent_record',
    prepare: (w) => insertMatrixChild(w.actors.parent!.id),
    path: () => `/parent/children/${matrixChildId}/id-number`,
  },

  /* funds */
  'POST /parent/contracts/:id/orders': {
    rule: 'parent_record',
    path: (w) => `/parent/contracts/${w.a.contractId}/orders`,
  },
  'GET /parent/contracts/:id/fund-notices': {
    rule: 'parent_record',
    path: (w) => `/parent/contracts/${w.a.contractId}/fund-notices`,
  },
  'GET /parent/orders': { rule: 'parent', path: () => '/parent/orders' },
  'GET /parent/orders/:id': { rule: 'parent_record', path: (w) => `/parent/orders/${w.a.orderId}` },
  'GET /parent/orders/:id/status': {
    rule: 'parent_record',
    path: (w) => `/parent/orders/${w.a.orderId}/status`,
  },
  'POST /parent/orders/:id/pay': {
    rule: 'parent_record',
    label: 'the second charge',
    path: (w) => `/parent/orders/${w.a.unpaidOrderId}/pay`,
  },
  'POST /parent/orders/:id/refunds': {
    rule: 'parent_record',
    path: (w) => `/parent/orders/${w.a.orderId}/refunds`,
    form: () => ({ classes: '1', reason: '矩阵测试' }),
    prepare: (w) =>
      db
        .from('refunds')
        .whereIn('id', [w.a.refundId, w.b.refundId])
        .update({ status: 'withdrawn' }),
  },
  'POST /parent/refunds/:id/withdraw': {
    rule: 'parent_record',
    path: (w) => `/parent/refunds/${w.a.refundId}/withdraw`,
  },
  'POST /parent/classes/:id/pay': {
    rule: (a) => (a === 'parent' ? 'refused' : RULES.parent_record(a)),
    label: 'a prepaid class needs no payment (pay later: funds suites)',
    path: (w) => `/parent/classes/${w.a.consumptionId}/pay`,
  },
  'POST /parent/classes/:id/confirm': {
    rule: 'parent_record',
    path: (w) => `/parent/classes/${w.a.consumptionId}/confirm`,
  },
  'POST /parent/classes/:id/dispute': {
    rule: 'parent_record',
    path: (w) => `/parent/classes/${w.a.consumptionId}/dispute`,
    form: () => ({ reason: '矩阵测试' }),
  },

  'GET /institution/orders': { rule: 'institution', path: () => '/institution/orders' },
  'GET /institution/orders/:id': {
    rule: 'institution_record',
    path: (w) => `/institution/orders/${w.a.orderId}`,
  },
  'GET /institution/attendance': {
    rule: 'institution',
    path: (w) => `/institution/attendance?course=${w.a.saleCourseId}&classNo=2`,
  },
  'POST /institution/attendance': {
    rule: (a) =>
      ['institution_owner', 'institution_staff'].includes(a)
        ? 'ok'
        : RULES.institution(a) === 'ok'
          ? 'refused'
          : RULES.institution(a),
    label: "side B's institution names A's contract in the body: refused, nothing recorded",
    path: () => '/institution/attendance',
    form: (w) => ({
      'course': String(w.a.saleCourseId),
      'classNo': '2',
      'heldOn': w.a.class2HeldOn,
      'contracts[]': String(w.a.contractId),
    }),
  },
  'GET /institution/refunds': { rule: 'institution', path: () => '/institution/refunds' },
  'POST /institution/refunds/:id/decide': {
    rule: 'owner_record',
    path: (w) => `/institution/refunds/${w.a.refundId}/decide`,
    form: () => ({ decision: 'decline', reason: '矩阵测试' }),
  },

  'GET /manage/funds': { rule: 'bureaus', path: () => '/manage/funds' },
  'GET /manage/funds/institutions/:id': {
    rule: 'institution_view',
    path: (w) => `/manage/funds/institutions/${w.a.institutionId}`,
  },
  'GET /manage/funds/orders/:id': {
    rule: 'institution_view',
    path: (w) => `/manage/funds/orders/${w.a.orderId}`,
  },
  'POST /manage/funds/institutions/:id/refund-all': {
    rule: 'institution_decide',
    path: (w) => `/manage/funds/institutions/${w.a.institutionId}/refund-all`,
    form: () => ({ reason: '矩阵测试：机构停业' }),
    prepare: removed,
  },
  'GET /manage/funds/anomalies': { rule: 'bureaus', path: () => '/manage/funds/anomalies' },
  'POST /manage/funds/anomalies/:id/close': [
    {
      rule: 'close_yellow',
      label: 'a yellow anomaly',
      path: (w) => `/manage/funds/anomalies/${w.a.anomalyId}/close`,
      form: () => ({ note: '已核实，矩阵测试' }),
    },
    {
      rule: 'close_red',
      label: 'a red anomaly',
      path: (w) => `/manage/funds/anomalies/${w.a.redAnomalyId}/close`,
      form: () => ({ note: '已核实，矩阵测试' }),
    },
  ],

  'POST /manage/funds/instructions/:id/:decision': [
    {
      rule: 'institution_decide',
      label: 'reissue a rejected instruction',
      path: (w) => `/manage/funds/instructions/${w.a.instructionId}/reissue`,
      form: () => ({ note: '银行已解冻，重新下达' }),
      prepare: rejectedInstruction,
    },
    /* Reversing needs the ledger's money in release, which the world's instruction (written straight to the table) does not carry: funds suites. */
    {
      rule: noRecord('bureaus'),
      label: 'an instruction that does not exist',
      path: () => '/manage/funds/instructions/999999999/reverse',
      form: () => ({ note: '撤回指令，资金留存监管账户' }),
    },
  ],

  'GET /bank/accounts': { rule: 'bank', path: () => '/bank/accounts' },
  'GET /bank/instructions': { rule: 'bank', path: () => '/bank/instructions' },
  'GET /bank/anomalies': { rule: 'bank', path: () => '/bank/anomalies' },
  'GET /bank/credentials': { rule: 'bank', path: () => '/bank/credentials' },
  'POST /bank/credentials': {
    rule: 'bank',
    path: () => '/bank/credentials',
    form: () => ({ password: 'correct horse 42' }),
  },

  /* machine endpoints: no cookie opens them; signed requests are in ownership.spec.ts */
  'POST /api/pay/notify/:provider': {
    rule: everyone('refused'),
    label: 'an unsigned callback',
    path: () => '/api/pay/notify/sandbox',
    headers: () => ({ 'content-type': 'application/json' }),
  },
  'GET /api/bank/v1/instructions': {
    rule: everyone('unauthorized'),
    label: 'unsigned',
    path: () => '/api/bank/v1/instructions',
  },
  'POST /api/bank/v1/instructions/:number/reject': {
    rule: everyone('unauthorized'),
    label: 'unsigned',
    path: (w) => `/api/bank/v1/instructions/${w.a.instructionNumber}/reject`,
  },
  'POST /api/bank/v1/movements': {
    rule: everyone('unauthorized'),
    label: 'unsigned',
    path: () => '/api/bank/v1/movements',
  },

  /* complaints and reviews */
  'GET /complaints/new': { rule: 'anyone', path: () => '/complaints/new' },
  'POST /complaints/code': {
    rule: 'anyone',
    path: () => '/complaints/code',
    form: (_, n) => ({ phone: phone(n) }),
  },
  'POST /complaints': {
    rule: everyone('refused'),
    label: 'a wrong SMS code (filing: complaints suites)',
    path: () => '/complaints',
    form: () => ({ ...COMPLAINT_FORM, code: '000000' }),
  },
  'GET /complaints/track': { rule: 'anyone', path: () => '/complaints/track' },
  'POST /complaints/track': [
    {
      rule: 'anyone',
      label: 'the right number and code',
      path: () => '/complaints/track',
      form: (w) => ({ number: w.a.publicComplaintNumber, trackingCode: w.a.publicComplaintCode }),
    },
    {
      rule: everyone('refused'),
      label: "another case's code",
      path: () => '/complaints/track',
      form: (w) => ({ number: w.a.publicComplaintNumber, trackingCode: w.b.publicComplaintCode }),
    },
  ],
  'GET /complaints/institutions': {
    rule: 'anyone',
    path: () => '/complaints/institutions?q=矩阵&region_county=220104',
  },
  'GET /complaints/cases/:number': {
    rule: 'complainant',
    path: (w) => `/complaints/cases/${w.a.parentComplaintNumber}`,
  },
  'POST /complaints/cases/:number/escalate': {
    rule: complainantRefusedByState(),
    label: 'not yet answered',
    path: (w) => `/complaints/cases/${w.a.parentComplaintNumber}/escalate`,
    form: () => ({ reason: '机构未处理' }),
  },
  'POST /complaints/cases/:number/accept': {
    rule: complainantRefusedByState(),
    label: 'not yet answered',
    path: (w) => `/complaints/cases/${w.a.parentComplaintNumber}/accept`,
  },
  'POST /complaints/cases/:number/review': {
    rule: complainantRefusedByState(),
    label: 'not yet answered',
    path: (w) => `/complaints/cases/${w.a.parentComplaintNumber}/review`,
    form: () => ({ reason: '答复不满意' }),
  },
  'POST /complaints/cases/:number/reopen': {
    rule: complainantRefusedByState(),
    label: 'not closed',
    path: (w) => `/complaints/cases/${w.a.parentComplaintNumber}/reopen`,
    form: () => ({ reason: '问题仍在' }),
  },
  'POST /complaints/cases/:number/rate': {
    rule: complainantRefusedByState(),
    label: 'not closed',
    path: (w) => `/complaints/cases/${w.a.parentComplaintNumber}/rate`,
    form: () => ({ rating: '5' }),
  },
  'POST /complaints/cases/:number/withdraw': {
    rule: 'complainant',
    path: (w) => `/complaints/cases/${w.a.parentComplaintNumber}/withdraw`,
  },
  'GET /complaints/attachments/:id': {
    rule: 'evidence',
    label: 'nobody has opened the case with its code here (with it: ownership.spec.ts)',
    path: (w) => `/complaints/attachments/${w.a.attachmentId}`,
  },
  'GET /institutions/:id/reviews': {
    rule: 'anyone',
    path: (w) => `/institutions/${w.a.institutionId}/reviews`,
  },

  'GET /parent/complaints': { rule: 'parent', path: () => '/parent/complaints' },
  'GET /parent/complaints/new': { rule: 'parent', path: () => '/parent/complaints/new' },
  'POST /parent/complaints': [
    { rule: 'parent', path: () => '/parent/complaints', form: () => COMPLAINT_FORM },
    {
      rule: reachedBy('parent'),
      label: "the other parent's order in the body",
      path: () => '/parent/complaints',
      form: (w, _n, own) => ({ ...COMPLAINT_FORM, orderId: String(otherThan(w, own).orderId) }),
    },
  ],
  'GET /parent/reviews': { rule: 'parent', path: () => '/parent/reviews' },
  'POST /parent/orders/:id/review': {
    rule: 'parent_record',
    path: (w) => `/parent/orders/${w.a.orderId}/review`,
    form: () => ({ rating: '5', body: '矩阵测试评价' }),
    prepare: (w) => db.from('reviews').whereIn('id', [w.a.reviewId, w.b.reviewId]).delete(),
  },
  'GET /institution/complaints': { rule: 'institution', path: () => '/institution/complaints' },
  'GET /institution/complaints/:id': {
    rule: 'institution_record',
    path: (w) => `/institution/complaints/${w.a.institutionComplaintId}`,
  },
  'POST /institution/complaints/:id/respond': {
    rule: 'institution_record',
    path: (w) => `/institution/complaints/${w.a.institutionComplaintId}/respond`,
    form: () => ({ response: '矩阵测试答复' }),
  },
  'GET /institution/reviews': { rule: 'institution', path: () => '/institution/reviews' },
  'POST /institution/reviews/:id/reply': {
    rule: 'institution_record',
    path: (w) => `/institution/reviews/${w.a.reviewId}/reply`,
    form: () => ({ reply: '感谢' }),
  },
  'GET /manage/complaints': { rule: 'bureaus', path: () => '/manage/complaints?tab=all' },
  'GET /manage/complaints/:id': {
    rule: 'institution_view',
    path: (w) => `/manage/complaints/${w.a.complaintId}`,
  },
  'POST /manage/complaints/:id/accept': {
    rule: 'institution_decide',
    path: (w) => `/manage/complaints/${w.a.complaintId}/accept`,
  },
  'POST /manage/complaints/:id/decline': {
    rule: 'institution_decide',
    path: (w) => `/manage/complaints/${w.a.complaintId}/decline`,
    form: () => ({ reason: '不属于教育部门职责' }),
  },
  'POST /manage/complaints/:id/transfer': {
    rule: 'institution_decide',
    path: (w) => `/manage/complaints/${w.a.complaintId}/transfer`,
    form: () => ({
      to_province: '220000',
      to_city: '220100',
      to_county: '220102',
      reason: '属地不符',
    }),
  },
  'POST /manage/complaints/:id/note': {
    rule: 'institution_decide',
    path: (w) => `/manage/complaints/${w.a.complaintId}/note`,
    form: () => ({ note: '已电话核实' }),
    prepare: complaintIs('accepted'),
  },
  'POST /manage/complaints/:id/reply': {
    rule: 'institution_decide',
    path: (w) => `/manage/complaints/${w.a.complaintId}/reply`,
    form: () => ({ reply: '矩阵测试答复', outcome: 'resolved' }),
    prepare: complaintIs('accepted'),
  },
  'POST /manage/complaints/:id/close': {
    rule: 'institution_decide',
    path: (w) => `/manage/complaints/${w.a.complaintId}/close`,
    prepare: complaintIs('replied'),
  },
  'POST /manage/complaints/:id/reveal': {
    rule: 'institution_decide',
    path: (w) => `/manage/complaints/${w.a.complaintId}/reveal`,
  },
  'GET /manage/reviews': { rule: 'bureaus', path: () => '/manage/reviews' },
  'POST /manage/reviews/:id/hide': {
    rule: 'moderate',
    path: (w) => `/manage/reviews/${w.a.reviewId}/hide`,
    form: () => ({ reason: '矩阵测试' }),
  },

  /* reports */
  'GET /manage/reports/plugins/:plugin/:report': {
    rule: 'jilin_report',
    path: () => '/manage/reports/plugins/jilin/online_screening',
  },
  'GET /manage/reports/plugins/:plugin/:report/export': {
    rule: 'jilin_report',
    path: () => '/manage/reports/plugins/jilin/online_screening/export',
  },
  'GET /manage/reports': { rule: 'institution_view', path: () => '/manage/reports?region=220104' },
  'POST /manage/reports/exports': {
    rule: 'institution_view',
    path: () => '/manage/reports/exports',
    form: () => ({ region: '220104', table: 'complaints:regions' }),
  },
  'GET /manage/reports/exports/:id': {
    rule: 'own_export',
    path: (w) => `/manage/reports/exports/${w.a.exportId}`,
    prepare: runningExport,
  },
  'GET /manage/reports/exports/:id/download': {
    rule: 'own_export',
    path: (w) => `/manage/reports/exports/${w.a.exportId}/download`,
  },
  'GET /institution/statistics': { rule: 'institution', path: () => '/institution/statistics' },
  'GET /institution/statistics/export': {
    rule: 'institution',
    path: () => '/institution/statistics/export',
  },
  /* credit: administrative penalties and the public credit page */
  'GET /institutions/:id/credit': {
    rule: 'anyone',
    path: (w) => `/institutions/${w.a.institutionId}/credit`,
  },
  'GET /manage/credit/penalties': { rule: 'bureaus', path: () => '/manage/credit/penalties' },
  'GET /manage/credit/penalties/new': {
    rule: 'penalize',
    path: (w) => `/manage/credit/penalties/new?institution=${w.a.institutionId}`,
  },
  'POST /manage/credit/penalties': {
    rule: 'penalize',
    path: () => '/manage/credit/penalties',
    form: (w, n) => ({
      institutionId: String(w.a.institutionId),
      kind: 'warning',
      documentNumber: `矩阵罚决字〔2026〕第 ${n} 号`,
      decidedOn: '2026-01-05',
      facts: '未按规定公示收费项目和标准。',
      legalBasis: '《校外培训行政处罚暂行办法》第二十条',
      publishUntil: '2026-07-05',
    }),
  },
  'GET /institution/credit': { rule: 'institution', path: () => '/institution/credit' },
  'POST /institution/credit/objections': {
    rule: 'owner_record',
    path: () => '/institution/credit/objections',
    form: (w) => ({
      institutionId: String(w.a.institutionId),
      reason: '投诉已认定不属实，请核减相应扣分。',
    }),
  },
  'GET /manage/credit/objections': { rule: 'bureaus', path: () => '/manage/credit/objections' },
  'POST /manage/credit/objections/:id/answer': {
    rule: 'penalize',
    prepare: async (w) => {
      const [row] = await db
        .table('credit_objections')
        .insert({
          institution_id: w.a.institutionId,
          region_code: '220104',
          province_code: '220000',
          city_code: '220100',
          county_code: '220104',
          reason: '投诉已认定不属实，请核减相应扣分。',
          filed_by_id: 0,
        })
        .returning('id')
      creditObjectionId = Number(row.id)
    },
    path: () => `/manage/credit/objections/${creditObjectionId}/answer`,
    form: () => ({ outcome: 'dismissed', answer: '扣分依据充分，异议不成立。' }),
  },
  'GET /manage/credit/draws/new': { rule: 'managers', path: () => '/manage/credit/draws/new' },
  'POST /manage/credit/draws': {
    rule: 'draw_spot_check',
    path: () => '/manage/credit/draws',
    prepare: (w) =>
      db.rawQuery(
        `INSERT INTO credit_scores (institution_id, region_code, province_code, city_code, county_code, score, grade, factors, computed_at)
         VALUES (?, '220104', '220000', '220100', '220104', 960, 'B', '[]', now()) ON CONFLICT DO NOTHING`,
        [w.a.institutionId]
      ),
    form: () => ({ regionCode: '220104', sampleSize: '1' }),
  },
  'GET /manage/credit/draws/:id': {
    rule: 'spot_check_record',
    prepare: async (w) => {
      const [row] = await db
        .table('credit_draws')
        .insert({
          region_code: '220104',
          province_code: '220000',
          city_code: '220100',
          county_code: '220104',
          seed: '0123456789abcdef',
          population: 1,
          sample_size: 1,
          drawn: JSON.stringify([{ institutionId: w.a.institutionId, grade: 'B' }]),
          weights: JSON.stringify({ A: 1, B: 2, C: 4, D: 8, E: 16 }),
          created_by_id: 0,
        })
        .returning('id')
      creditDrawId = Number(row.id)
    },
    path: () => `/manage/credit/draws/${creditDrawId}`,
  },
  /* credit: risk warnings (the institution's own, the bureaus' board) */
  'GET /institution/risk': { rule: 'institution', path: () => '/institution/risk' },
  'GET /institution/risk/:id': {
    rule: 'institution_record',
    prepare: openRiskWarning,
    path: () => `/institution/risk/${riskWarningId}`,
  },
  'POST /institution/risk/:id/answer': {
    rule: 'institution_record',
    prepare: openRiskWarning,
    path: () => `/institution/risk/${riskWarningId}/answer`,
    form: () => ({ answer: '续证申请已提交，附受理回执。' }),
  },
  'GET /manage/risk': { rule: 'bureaus', path: () => '/manage/risk' },
  'GET /manage/risk/warnings/:id': {
    rule: 'institution_view',
    prepare: openRiskWarning,
    path: () => `/manage/risk/warnings/${riskWarningId}`,
  },
  'POST /manage/risk/warnings/:id/lift': {
    rule: 'moderate',
    prepare: openRiskWarning,
    path: () => `/manage/risk/warnings/${riskWarningId}/lift`,
    form: () => ({ note: '已核实续证材料，准予解除。' }),
  },
  /* students: the school register (side A's school in 朝阳区, inserted by each cell's `prepare`) */
  'GET /manage/schools': { rule: 'bureaus', path: () => '/manage/schools' },
  'GET /manage/schools/create': { rule: schoolKeepers, path: () => '/manage/schools/create' },
  'POST /manage/schools': {
    rule: schoolKeepers,
    path: () => '/manage/schools',
    form: (_, n, own) => ({
      'name': `矩阵学校${n}`,
      'code': schoolCode(n),
      'stages[]': 'primary',
      'regionCode': own.region,
    }),
  },
  'GET /manage/schools/import': { rule: schoolKeepers, path: () => '/manage/schools/import' },
  'GET /manage/schools/import/template': {
    rule: schoolKeepers,
    path: () => '/manage/schools/import/template',
  },
  'POST /manage/schools/import': {
    rule: (a) => (schoolKeepers(a) === 'ok' ? 'refused' : schoolKeepers(a)),
    label: 'reached (no spreadsheet); imports: students suites',
    path: () => '/manage/schools/import',
    form: (_, __, own) => ({ regionCode: own.region }),
  },
  'GET /manage/schools/:id': {
    rule: 'institution_view',
    prepare: matrixSchool,
    path: () => `/manage/schools/${schoolId}`,
  },
  'GET /manage/schools/:id/edit': {
    rule: keepsSchoolA,
    prepare: matrixSchool,
    path: () => `/manage/schools/${schoolId}/edit`,
  },
  'PUT /manage/schools/:id': {
    rule: keepsSchoolA,
    prepare: matrixSchool,
    path: () => `/manage/schools/${schoolId}`,
    form: () => ({
      'name': '矩阵学校（改）',
      'code': schoolIdCode,
      'stages[]': 'junior',
      'regionCode': '220104',
    }),
  },
  'GET /manage/schools/:id/close': {
    rule: keepsSchoolA,
    prepare: matrixSchool,
    path: () => `/manage/schools/${schoolId}/close`,
  },
  'POST /manage/schools/:id/close': {
    rule: keepsSchoolA,
    prepare: matrixSchool,
    path: () => `/manage/schools/${schoolId}/close`,
    form: () => ({ reason: '矩阵测试撤销' }),
  },
  'POST /manage/schools/:id/operators': {
    rule: schoolCountyA,
    prepare: matrixSchool,
    path: () => `/manage/schools/${schoolId}/operators`,
    form: (_, n) => ({ displayName: '矩阵老师', phone: `136${String(n).padStart(8, '0')}` }),
  },
  'POST /manage/schools/:id/operators/:accountId/disable': {
    rule: schoolCountyA,
    prepare: async (w) => {
      await matrixSchool()
      schoolOperatorId = (
        await createTestAccount({
          role: 'school_operator',
          regionCode: w.a.region,
          orgType: 'school',
          orgId: schoolId,
        })
      ).id
    },
    path: () => `/manage/schools/${schoolId}/operators/${schoolOperatorId}/disable`,
    form: () => ({ reason: '矩阵测试停用' }),
  },
  /* afterschool: calls for providers (side A's call in 朝阳区, inserted by each cell's `prepare`) */
  'GET /manage/afterschool/calls': { rule: 'bureaus', path: () => '/manage/afterschool/calls' },
  'GET /manage/afterschool/calls/new': {
    rule: schoolKeepers,
    path: () => '/manage/afterschool/calls/new',
  },
  'POST /manage/afterschool/calls': {
    rule: schoolKeepers,
    prepare: matrixSchools,
    path: () => '/manage/afterschool/calls',
    form: (_, n, own) => ({
      'title': `矩阵课后服务征集${n}`,
      'schoolYear': '2027',
      'categories[]': ['arts'],
      'schoolIds[]': [String(own.region === '220104' ? schoolId : otherSchoolId)],
      'maxPriceYuan': '80',
      'opensOn': '2027-06-01',
      'closesOn': '2027-06-30',
    }),
  },
  'GET /manage/afterschool/calls/:id': {
    rule: 'institution_view',
    prepare: matrixCall,
    path: () => `/manage/afterschool/calls/${callId}`,
  },
  'POST /manage/afterschool/calls/:id/applications/:applicationId/decision': {
    rule: schoolCountyA,
    prepare: (w) => matrixCall(w, { closed: true }),
    path: () => `/manage/afterschool/calls/${callId}/applications/${applicationId}/decision`,
    form: () => ({ decision: 'excluded', reason: '矩阵测试排除' }),
  },
  'POST /manage/afterschool/calls/:id/publish': {
    rule: (a) => (schoolCountyA(a) === 'ok' ? 'refused' : schoolCountyA(a)),
    label: 'reached (still open); publishing: afterschool suites',
    prepare: matrixCall,
    path: () => `/manage/afterschool/calls/${callId}/publish`,
    form: () => ({ confirmed: 'yes' }),
  },
  'GET /institution/afterschool': { rule: 'institution', path: () => '/institution/afterschool' },
  'GET /institution/afterschool/calls/:id': {
    rule: 'institution_record',
    prepare: matrixCall,
    path: () => `/institution/afterschool/calls/${callId}`,
  },
  'POST /institution/afterschool/calls/:id/application': {
    rule: 'owner_record',
    prepare: matrixCall,
    path: () => `/institution/afterschool/calls/${callId}/application`,
    form: (w) => ({
      'offers[0][name]': '矩阵国画',
      'offers[0][category]': 'arts',
      'offers[0][grades][]': ['p3'],
      'offers[0][priceYuan]': '60',
      'offers[0][classSize]': '20',
      'offers[0][teacherIds][]': [String(w.a.staffId)],
    }),
  },
  /* afterschool: the school terminal (side A's school on a published list, its operator attached) */
  'GET /manage/afterschool/calls/:id/choices': {
    rule: 'institution_view',
    prepare: (w) => matrixSchoolDesk(w, 'chosen'),
    path: () => `/manage/afterschool/calls/${callId}/choices`,
  },
  'GET /school/afterschool': {
    rule: schoolOperatorOnly,
    prepare: (w) => matrixSchoolDesk(w, 'chosen'),
    path: () => '/school/afterschool',
  },
  'GET /school/afterschool/calls/:id': {
    rule: schoolOperatorOnly,
    prepare: (w) => matrixSchoolDesk(w, 'listed'),
    path: () => `/school/afterschool/calls/${callId}`,
  },
  'GET /school/afterschool/entries/:applicationId/choose': {
    rule: schoolOperatorOnly,
    prepare: (w) => matrixSchoolDesk(w, 'listed'),
    path: () => `/school/afterschool/entries/${applicationId}/choose?offer=0`,
  },
  'POST /school/afterschool/entries/:applicationId/choose': {
    rule: schoolOperatorOnly,
    prepare: (w) => matrixSchoolDesk(w, 'listed'),
    path: () => `/school/afterschool/entries/${applicationId}/choose`,
    form: () => ({
      'offerIndex': '0',
      'weekday': '2',
      'startsAt': '15:30',
      'endsAt': '17:00',
      'grades[]': ['p3'],
      'capacity': '20',
    }),
  },
  'POST /school/afterschool/choices/:id/end': {
    rule: schoolOperatorOnly,
    prepare: (w) => matrixSchoolDesk(w, 'chosen'),
    path: () => `/school/afterschool/choices/${choiceId}/end`,
    form: () => ({ confirmed: 'yes' }),
  },
  'GET /school/afterschool/entries/:applicationId/agreement': {
    rule: schoolOperatorOnly,
    prepare: (w) => matrixSchoolDesk(w, 'chosen'),
    path: () => `/school/afterschool/entries/${applicationId}/agreement`,
  },
  'POST /school/afterschool/entries/:applicationId/agreement': {
    rule: schoolOperatorOnly,
    prepare: (w) => matrixSchoolDesk(w, 'chosen'),
    path: () => `/school/afterschool/entries/${applicationId}/agreement`,
    form: () => ({
      offerIndex: '0',
      number: '矩阵课服协议 1 号',
      signedOn: matrixDay(-100),
      termStartsOn: matrixDay(-90),
      termEndsOn: matrixDay(5),
    }),
  },
  'GET /school/afterschool/agreements/:id/evaluation': {
    rule: schoolOperatorOnly,
    prepare: (w) => matrixSchoolDesk(w, 'signed'),
    path: () => `/school/afterschool/agreements/${agreementId}/evaluation`,
  },
  'POST /school/afterschool/agreements/:id/evaluation': {
    rule: schoolOperatorOnly,
    prepare: (w) => matrixSchoolDesk(w, 'signed'),
    path: () => `/school/afterschool/agreements/${agreementId}/evaluation`,
    form: () => ({ quality: '4', safety: '5', punctuality: '4', comment: '矩阵评价' }),
  },
}

/* The school register's cells: side A's school, its code and operator, made in each cell's savepoint. */
let schoolId = 0
let schoolIdCode = ''
let schoolOperatorId = 0
function schoolCode(n: number) {
  return `98${String(n).padStart(8, '0')}`
}
async function matrixSchool() {
  const school = await createTestSchool({ regionCode: '220104', name: '矩阵学校' })
  schoolId = school.id
  schoolIdCode = school.code
}
/** Who registers schools: the counties, and a city for the schools it runs in its counties. */
function schoolKeepers(a: ActorName): Expected {
  if (a === 'guest') return 'login'
  return ['county_in_scope', 'county_other', 'city_in_scope'].includes(a) ? 'ok' : 'forbidden'
}
/** Side A's school: a bureau outside 朝阳区 gets 404; of those who see it, its county and city keep it. */
function keepsSchoolA(a: ActorName): Expected {
  if (RULES.institution_view(a) !== 'ok') return RULES.institution_view(a)
  return ['county_in_scope', 'city_in_scope'].includes(a) ? 'ok' : 'forbidden'
}
/** Its operator accounts: opened and stopped by the school's own county only. */
function schoolCountyA(a: ActorName): Expected {
  if (RULES.institution_view(a) !== 'ok') return RULES.institution_view(a)
  return a === 'county_in_scope' ? 'ok' : 'forbidden'
}

/** A case action its complainant may not take yet (refused by the case's state); anyone else: 404. */
function complainantRefusedByState(): Rule {
  return (a) => (a === 'parent' ? 'refused' : 'not_found')
}

/** An id that names no record: 404 to those the route lets in. */
function noRecord(rule: RuleName): Rule {
  return (a) => (RULES[rule](a) === 'ok' ? 'not_found' : RULES[rule](a))
}

/** A mismatched pair of ids is refused even to those who may see both records. */
function notFoundForAll(): Pick<Case, 'rule'> {
  return {
    rule: (a) => (RULES.institution_view(a) === 'ok' ? 'not_found' : RULES.institution_view(a)),
  }
}

/** Every case of the table, flattened, with a title. */
export function cases(): { route: string; title: string; c: Case }[] {
  return Object.entries(ROUTES).flatMap(([route, value]) =>
    (Array.isArray(value) ? value : [value]).map((c) => ({
      route,
      title: c.label ? `${route} (${c.label})` : route,
      c,
    }))
  )
}

/* The after-school cells: side A's open call for 朝阳区 and side A's application to it. */
let otherSchoolId = 0
let callId = 0
let applicationId = 0
async function matrixSchools() {
  await matrixSchool()
  otherSchoolId = (await createTestSchool({ regionCode: '220102', name: '矩阵南关学校' })).id
}
async function matrixCall(w: World, options: { closed?: boolean } = {}) {
  await matrixSchool()
  const today = new Date()
  const day = 86_400_000
  const [call] = await db
    .table('afterschool_calls')
    .insert({
      title: '矩阵课后服务征集',
      school_year: 2027,
      region_code: '220104',
      province_code: '220000',
      city_code: '220100',
      county_code: '220104',
      categories: ['arts'],
      school_ids: [schoolId],
      max_price_per_class_fen: 8000,
      opens_on: new Date(today.getTime() - day * 20),
      /* Decisions are taken after the close; applications while it is open. */
      closes_on: new Date(today.getTime() + (options.closed ? -day * 2 : day * 10)),
      status: 'open',
      created_by: 0,
      created_at: today,
      updated_at: today,
    })
    .returning('id')
  callId = Number(call.id)
  const [application] = await db
    .table('afterschool_applications')
    .insert({
      call_id: callId,
      institution_id: w.a.institutionId,
      submitted_by: 0,
      offers: JSON.stringify([]),
      eligible: false,
      checks: JSON.stringify([]),
      created_at: today,
      updated_at: today,
    })
    .returning('id')
  applicationId = Number(application.id)
}

/*
| The school terminal's cells: side A's institution ranked first on a
| published list naming side A's school, the matrix's school operator
| attached to that school (in the cell's savepoint), and as far as the
| cell needs: a choice, then an agreement whose term ends in five days.
*/
let choiceId = 0
let agreementId = 0
const matrixDay = (n: number) => new Date(Date.now() + 86_400_000 * n).toISOString().slice(0, 10)
/** Only a school's operator, for its own school. */
function schoolOperatorOnly(a: ActorName): Expected {
  return a === 'guest' ? 'login' : a === 'school_operator' ? 'ok' : 'forbidden'
}
async function matrixSchoolDesk(w: World, stage: 'listed' | 'chosen' | 'signed') {
  await matrixCall(w)
  await db
    .from('users')
    .where('id', w.actors.school_operator!.id)
    .update({ org_type: 'school', org_id: schoolId })
  await db
    .from('afterschool_calls')
    .where('id', callId)
    .update({ status: 'published', published_at: new Date(), published_by: 0 })
  await db
    .from('afterschool_applications')
    .where('id', applicationId)
    .update({
      offers: JSON.stringify([
        {
          name: '矩阵国画',
          category: 'arts',
          grades: ['p3', 'p4'],
          pricePerClassFen: 6000,
          classSize: 25,
          teacherIds: [w.a.staffId],
        },
      ]),
      eligible: true,
      decision: 'included',
      rank: 1,
      rank_factors: JSON.stringify({ grade: 'B', score: 960, platformPoints: -40 }),
    })
  if (stage === 'listed') return
  const now = new Date()
  const [choice] = await db
    .table('afterschool_choices')
    .insert({
      school_id: schoolId,
      call_id: callId,
      application_id: applicationId,
      offer_index: 0,
      offer_name: '矩阵国画',
      weekday: 3,
      starts_at: '15:30',
      ends_at: '17:00',
      grades: ['p3'],
      capacity: 20,
      status: 'chosen',
      created_by: w.actors.school_operator!.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
  choiceId = Number(choice.id)
  if (stage === 'chosen') return
  const [agreement] = await db
    .table('afterschool_agreements')
    .insert({
      school_id: schoolId,
      call_id: callId,
      application_id: applicationId,
      offer_index: 0,
      number: '矩阵课服协议 0 号',
      signed_on: matrixDay(-100),
      term_starts_on: matrixDay(-90),
      term_ends_on: matrixDay(5),
      price_per_class_fen: 6000,
      created_by: w.actors.school_operator!.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
  agreementId = Number(agreement.id)
}
