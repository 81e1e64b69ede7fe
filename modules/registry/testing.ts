/*
| Test helpers other modules' tests may use (`#testing/registry`).
*/
import { randomInt } from 'node:crypto'
import { DateTime } from 'luxon'
import { withCheckChar } from '#kernel/shared/credit_code'
import { lineageOf } from '#modules/identity'
import Institution from './models/institution.js'
import FilingSection from './models/filing_section.js'
import Staff from './models/staff.js'
import { sealIdNumber } from '#kernel/shared/personal_data'
import { RecomputeListStatus } from './actions/recompute_list_status.js'
import { applyApprovedValues } from './actions/review_filing.js'
import { SECTIONS, type Section } from './filing/fields.js'
import SupervisingBank from './models/supervising_bank.js'

/** The bank the test filings name; like every bank a filing names, it must be in the register. */
export const TEST_BANK = '中国建设银行长春朝阳支行'

/** Puts banks in the register of supervising banks (idempotent). */
export async function registerSupervisingBanks(...names: string[]) {
  for (const name of names.length ? names : [TEST_BANK])
    await SupervisingBank.firstOrCreate(
      { name },
      { name, regionCode: '220100', registeredById: null }
    )
}

/** The smallest file that passes the PDF check. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
)
/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c63f8cf00000301010018dd8db00000000049454e44ae426082',
  'hex'
)

let counter = 0
/** A valid, unique unified social credit code. */
export function creditCode(): string {
  counter += 1
  const body = `52220104MJ${String(Date.now() % 1e4).padStart(4, '0')}${String(counter % 1000).padStart(3, '0')}`
  return withCheckChar(body.slice(0, 17))
}

/** A valid resident ID number (checksum included) for a made-up person. */
export function residentId(seq = Math.floor(Math.random() * 900) + 100): string {
  const first17 = `22010419900101${String(seq).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0)
  return first17 + '10X98765432'[sum % 11]
}

export function filingFields(
  regionCode: string,
  overrides: Record<string, any> = {}
): Record<Section, Record<string, any>> {
  const [province, city] = [`${regionCode.slice(0, 2)}0000`, lineageOf(regionCode).cityCode]
  return {
    basic: {
      name: '长春启明星艺术培训学校',
      creditCode: creditCode(),
      nature: 'for_profit',
      delivery: 'offline',
      regionCode_province: province,
      regionCode_city: city ?? '',
      regionCode_county: regionCode,
      address: '吉林省长春市朝阳区解放大路 100 号',
      legalRepName: '陈明',
      legalRepIdNumber: residentId(11),
      contactName: '陈明',
      contactPhone: '13900000202',
      ...overrides.basic,
    },
    qualifications: {
      qualificationType: 'offline_licence',
      licenceNumber: '教民 122010470000123 号',
      licenceAuthority: '长春市朝阳区教育局',
      licenceValidFrom: '2024-01-01',
      licenceValidTo: DateTime.now().plus({ years: 2 }).toISODate(),
      legalEntityType: 'enterprise',
      legalCertNumber: '220104000123456',
      legalCertAuthority: '长春市朝阳区市场监督管理局',
      ...overrides.qualifications,
    },
    operations: {
      venues: [
        {
          address: '解放大路 100 号 3 楼',
          areaSqm: '320',
          tenure: 'leased',
          leaseEndsOn: '2029-12-31',
        },
      ],
      categories: ['arts'],
      partyOrganization: 'preparing',
      materialsPolicy: '自编教材经教研组审核后报区教育局备案。',
      supervisingBank: TEST_BANK,
      /* Each institution has its own supervised account at the bank. */
      supervisedAccount: `2205016100${String(randomInt(0, 10_000_000_000)).padStart(10, '0')}`,
      escrowModel: 'bank_custody',
      paymentChannels: ['wechat', 'alipay'],
      serviceChannels: [
        { kind: 'phone', value: '0431-88880000', location: '官网首页底部' },
        { kind: 'email', value: 'service@example.cn', location: '官网“联系我们”' },
      ],
      ...overrides.operations,
    },
    academic: { ...overrides.academic },
    conditions: {
      teachingStaffCount: '12',
      researchStaffCount: '2',
      otherStaffCount: '3',
      totalAreaSqm: '320',
      classroomCount: '6',
      maxStudents: '80',
      safetyFacilities: '消防器材齐全，每学期组织疏散演练。',
      courseSummary: '少儿美术、书法、舞蹈等非学科类课程。',
      ...overrides.conditions,
    },
  }
}

export interface FiledInstitutionOptions {
  regionCode?: string
  name?: string
  delivery?: 'offline' | 'online'
  licenceValidTo?: string
  qualificationType?: string
  categories?: string[]
  /** Registered on the way; TEST_BANK by default. */
  supervisingBank?: string
}

/** An approved institution written straight to the tables (for tests of later steps). */
export async function createFiledInstitution(
  options: FiledInstitutionOptions = {}
): Promise<Institution> {
  const regionCode = options.regionCode ?? '220104'
  const lineage = lineageOf(regionCode)
  const fields = filingFields(regionCode)
  const values: Record<string, any> = {
    ...fields.basic,
    ...fields.qualifications,
    ...fields.operations,
    ...fields.conditions,
    regionCode,
    name: options.name ?? `测试培训学校${++counter}`,
    delivery: options.delivery ?? 'offline',
    categories: options.categories ?? ['arts'],
    qualificationType: options.qualificationType ?? 'offline_licence',
    licenceValidTo: options.licenceValidTo ?? fields.qualifications.licenceValidTo,
    supervisingBank: options.supervisingBank ?? TEST_BANK,
  }
  await registerSupervisingBanks(values.supervisingBank)
  const institution = await Institution.create({
    name: values.name,
    creditCode: values.creditCode,
    delivery: values.delivery,
    regionCode,
    provinceCode: lineage.provinceCode!,
    cityCode: lineage.cityCode,
    countyCode: lineage.countyCode,
    filingStatus: 'approved',
    approvedAt: DateTime.now(),
    source: 'self',
  })
  for (const section of SECTIONS) {
    await FilingSection.create({
      institutionId: institution.id,
      section,
      data: section === 'academic' ? {} : values,
      sealed: {},
      complete: true,
      skipped: section === 'academic',
    })
  }
  applyApprovedValues(institution, values)
  await institution.save()
  await new RecomputeListStatus().handle(institution.id)
  await institution.refresh()
  return institution
}

/** A hired teacher of an institution. */
export async function createStaffMember(
  institutionId: number,
  name = '李老师',
  idNumber = residentId()
) {
  const sealed = sealIdNumber(idNumber)
  return Staff.create({
    institutionId,
    name,
    idNumberCipher: sealed.cipher,
    idNumberIndex: sealed.index,
    idNumberMasked: sealed.masked,
    role: 'teaching',
    subjects: [],
    teachesAcademic: false,
    certificateNumber: '20232200000001',
    declaresNotServingTeacher: true,
    status: 'hired',
    checkResult: 'passed',
    checkedAt: DateTime.now(),
  })
}
