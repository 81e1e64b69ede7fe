/*
| Demo data for the registry: a few hundred institutions over five
| provinces in every list status, with filings, staff, inspections,
| rectification cases, a removal and the notices they produced. Written
| through the registry's own actions where the rules matter (list status,
| notices), directly where it is only data. Never run in production.
*/
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import { withCheckChar } from '#kernel/shared/credit_code'
import { lineageOf, regionTree, attachOrganization } from '#modules/identity'
import Institution from '../models/institution.js'
import FilingSection from '../models/filing_section.js'
import FilingReview from '../models/filing_review.js'
import Finding from '../models/finding.js'
import Inspection from '../models/inspection.js'
import ProhibitedPerson from '../models/prohibited_person.js'
import { applyApprovedValues } from '../actions/review_filing.js'
import { RecomputeListStatus } from '../actions/recompute_list_status.js'
import { RemoveInstitution } from '../actions/remove_institution.js'
import { RegisterSupervisingBank } from '../actions/register_supervising_bank.js'
import { sealIdNumber, sealPhone } from '#kernel/shared/personal_data'
import Staff from '../models/staff.js'
import { SECTIONS } from '../filing/fields.js'
import { BRANDS, CATEGORY_WORDS, GIVEN, STREETS, SUFFIXES, SURNAMES, random } from './names.js'
import { demoPhoto } from './photo.js'

const COUNTIES = [
  '220102',
  '220103',
  '220104',
  '220105',
  '220106',
  '220112',
  '220202',
  '220203',
  '130102',
  '130104',
  '130105',
  '130108',
  '110105',
  '110108',
  '110114',
  '440303',
  '440304',
  '440305',
  '420102',
  '420106',
]
const TOTAL = 300

type Fate =
  | 'white'
  | 'grey'
  | 'black_deadline'
  | 'black_hazard'
  | 'submitted'
  | 'returned'
  | 'draft'
  | 'removed'
const FATES: [Fate, number][] = [
  ['white', 0.64],
  ['grey', 0.1],
  ['black_deadline', 0.05],
  ['black_hazard', 0.03],
  ['submitted', 0.07],
  ['returned', 0.05],
  ['draft', 0.04],
  ['removed', 0.02],
]

function fateFor(r: number): Fate {
  let acc = 0
  for (const [fate, share] of FATES) if ((acc += share) > r) return fate
  return 'white'
}

function residentId(rng: ReturnType<typeof random>, region: string): string {
  const birth = `${rng.int(1965, 2000)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`
  const first17 = `${region}${birth}${String(rng.int(0, 999)).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0)
  return first17 + '10X98765432'[sum % 11]
}

export async function seedRegistryDemo(
  ownerAccounts: { owner?: number; staff?: number } = {}
): Promise<{ institutions: number }> {
  if (app.inProduction) throw new Error('Demo data is never created in production')
  if (await Institution.query().first()) return { institutions: 0 }
  const rng = random(20261123)
  const today = DateTime.now().setZone('Asia/Shanghai').startOf('day')
  const usedNames = new Set<string>()
  const recompute = new RecomputeListStatus()
  /* Filings may name only registered banks: the demo's branches are registered first, through the action. */
  const banks = new Set<string>()
  const bankFor = async (bank: string, cityName: string, county: string) => {
    const name = `${bank}${cityName}分行`
    if (!banks.has(name))
      await new RegisterSupervisingBank().handle(null, {
        name,
        regionCode: lineageOf(county).cityCode ?? county,
      })
    banks.add(name)
    return name
  }

  for (let n = 0; n < TOTAL; n++) {
    const county = n === 0 ? '220104' : rng.pick(COUNTIES)
    const lineage = lineageOf(county)
    const cityName = regionTree
      .get(lineage.cityCode ?? lineage.provinceCode!)!
      .name.replace(/市$/, '')
    const category =
      n === 0
        ? 'arts'
        : rng.pick(['arts', 'arts', 'sports', 'sports', 'science_tech', 'academic', 'other'])
    let name =
      n === 0
        ? '长春启明星艺术培训学校'
        : `${cityName}${rng.pick(BRANDS)}${rng.pick(CATEGORY_WORDS[category]!)}${rng.pick(SUFFIXES)}`
    while (usedNames.has(name))
      name = `${name.replace(/(培训.*)$/, '')}${rng.int(2, 9)}号${name.match(/(培训.*)$/)![1]}`
    usedNames.add(name)
    const fate: Fate = n === 0 ? 'white' : fateFor(rng.next())
    const online = n > 0 && n % 41 === 0
    const legalRep = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`
    const code = withCheckChar(
      `5${rng.pick(['2', '9'])}${county}MJ${String(100000 + n).slice(1)}${rng.int(10, 99)}`.slice(
        0,
        17
      )
    )
    const validTo = today.plus({ months: rng.int(8, 48) }).toISODate()!
    const values: Record<string, any> = {
      name,
      creditCode: code,
      nature: rng.next() < 0.8 ? 'for_profit' : 'non_profit',
      delivery: online ? 'online' : 'offline',
      regionCode: county,
      address: `${regionTree.fullName(county).replace(/ \/ /g, '')}${rng.pick(STREETS)}${rng.int(1, 899)}号`,
      legalRepName: legalRep,
      contactName: legalRep,
      ...(online
        ? {
            website: `https://www.xw${n}.example.cn`,
            icpNumber: `${regionTree.get(lineage.provinceCode!)!.name.slice(0, 1)}ICP备${20240000 + n}号`,
          }
        : {}),
      qualificationType: online ? 'online_licence' : 'offline_licence',
      licenceNumber: `教民${county}${String(70000000 + n).padStart(9, '0')}号`,
      licenceAuthority: `${regionTree.get(county)!.name}教育局`,
      licenceValidFrom: today.minus({ years: rng.int(1, 4) }).toISODate(),
      licenceValidTo: validTo,
      legalEntityType: rng.next() < 0.8 ? 'enterprise' : 'private_non_enterprise',
      legalCertNumber: `${county}${String(600000 + n)}`,
      legalCertAuthority: `${regionTree.get(county)!.name}市场监督管理局`,
      categories:
        category === 'academic'
          ? ['academic']
          : rng.next() < 0.2
            ? [category, 'arts'].filter((v, i, a) => a.indexOf(v) === i)
            : [category],
      partyOrganization: rng.pick(['established', 'preparing', 'none']),
      materialsPolicy: '自编教材经教研组审核后报属地教育行政部门备案，外购教材选用正规出版物。',
      supervisingBank: await bankFor(
        rng.pick(['中国建设银行', '中国工商银行', '中国农业银行', '中国银行', '交通银行']),
        cityName,
        county
      ),
      supervisedAccount: `${rng.int(1000, 9999)}${String(n).padStart(6, '0')}${rng.int(100000, 999999)}`,
      escrowModel: rng.next() < 0.85 ? 'bank_custody' : 'risk_deposit',
      paymentChannels: ['wechat', 'alipay'],
      serviceChannels: [
        {
          kind: 'phone',
          value: `0${rng.int(10, 999)}-${rng.int(80000000, 89999999)}`,
          location: '官网首页底部“联系我们”',
        },
        {
          kind: 'wechat',
          value: `${name.slice(0, 8)}服务号`,
          location: '微信公众号菜单“投诉建议”',
        },
      ],
      venues: online
        ? []
        : [
            {
              address: `${rng.pick(STREETS)}${rng.int(1, 899)}号`,
              areaSqm: rng.int(120, 1500),
              tenure: rng.next() < 0.7 ? 'leased' : 'owned',
              leaseEndsOn: today.plus({ years: 3 }).toISODate(),
            },
          ],
      teachingStaffCount: rng.int(3, 40),
      researchStaffCount: rng.int(0, 5),
      otherStaffCount: rng.int(1, 10),
      totalAreaSqm: rng.int(120, 1500),
      classroomCount: rng.int(2, 20),
      maxStudents: rng.int(30, 400),
      safetyFacilities: '消防器材齐全，安全出口标识清晰，每学期组织应急疏散演练。',
      courseSummary: `开设${CATEGORY_WORDS[category]!.slice(0, 3).join('、')}等课程。`,
    }
    const approved = ['white', 'grey', 'black_deadline', 'black_hazard', 'removed'].includes(fate)
    const institution = await Institution.create({
      name,
      creditCode: code,
      delivery: values.delivery,
      regionCode: county,
      provinceCode: lineage.provinceCode!,
      cityCode: lineage.cityCode,
      countyCode: lineage.countyCode,
      filingStatus: approved ? 'approved' : (fate as 'draft' | 'submitted' | 'returned'),
      approvedAt: approved ? DateTime.now().minus({ days: rng.int(30, 700) }) : null,
      source: n % 7 === 0 ? 'import' : 'self',
    })
    const idNumber = sealIdNumber(residentId(rng, county))
    const phone = sealPhone(`139${String(rng.int(10000000, 99999999))}`)
    for (const section of SECTIONS) {
      const complete = fate !== 'draft' || section === 'basic' || section === 'qualifications'
      await FilingSection.create({
        institutionId: institution.id,
        section,
        data:
          section === 'academic'
            ? {}
            : { ...values, legalRepIdNumber: idNumber.masked, contactPhone: phone.masked },
        sealed:
          section === 'basic'
            ? {
                legalRepIdNumber: { cipher: idNumber.cipher, index: idNumber.index },
                contactPhone: { cipher: phone.cipher, index: phone.index },
              }
            : {},
        complete,
        skipped: section === 'academic',
      })
    }
    if (fate === 'submitted' || fate === 'returned') {
      await FilingReview.create({
        institutionId: institution.id,
        snapshot: Object.fromEntries(SECTIONS.map((s) => [s, s === 'academic' ? {} : values])),
        submittedAt: DateTime.now().minus({ days: rng.int(1, 10) }),
        ...(fate === 'returned'
          ? {
              decision: 'returned' as const,
              reasons: { operations: '监管账户开户证明未上传，请补充。' },
              decidedAt: DateTime.now().minus({ days: 1 }),
            }
          : {}),
      })
    }
    if (!approved) continue

    applyApprovedValues(institution, values)
    await institution.save()
    for (let s = 0; s < rng.int(2, 6); s++) {
      const sealed = sealIdNumber(residentId(rng, county))
      const teacherName = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`
      /* Online institutions show teachers' photos on course pages (吉教联〔2019〕75号 二（二）1③). */
      const photo = online && s > 0 ? await demoPhoto(institution.id, teacherName) : null
      await Staff.create({
        photoDocumentId: photo,
        institutionId: institution.id,
        name: teacherName,
        idNumberCipher: sealed.cipher,
        idNumberIndex: sealed.index,
        idNumberMasked: sealed.masked,
        role: s === 0 ? 'research' : 'teaching',
        subjects: [],
        teachesAcademic: category === 'academic',
        certificateNumber: `${rng.int(2010, 2024)}${county}${String(rng.int(0, 99999)).padStart(5, '0')}`,
        declaresNotServingTeacher: true,
        status: 'hired',
        checkResult: 'passed',
        checkedAt: DateTime.now().minus({ days: rng.int(1, 300) }),
      })
    }
    if (
      fate === 'grey' ||
      fate === 'black_deadline' ||
      fate === 'black_hazard' ||
      rng.next() < 0.15
    ) {
      const inspection = await Inspection.create({
        institutionId: institution.id,
        provinceCode: lineage.provinceCode!,
        cityCode: lineage.cityCode,
        countyCode: lineage.countyCode,
        plannedOn: today.minus({ days: rng.int(10, 60) }),
        purpose: rng.pick([
          '秋季开学校外培训专项排查',
          '消防安全专项检查',
          '预收费监管专项检查',
          '日常巡查',
        ]),
        status: 'recorded',
        plannedByUnit: `${regionTree.get(county)!.name}教育局`,
        recordedAt: DateTime.now().minus({ days: 5 }),
      })
      const item =
        fate === 'black_hazard'
          ? 'safety_hazard'
          : rng.pick(['fees', 'advertising', 'licence_display', 'contract', 'schedule'])
      const closed = !['grey', 'black_deadline', 'black_hazard'].includes(fate)
      await Finding.create({
        inspectionId: inspection.id,
        institutionId: institution.id,
        provinceCode: lineage.provinceCode!,
        cityCode: lineage.cityCode,
        countyCode: lineage.countyCode,
        item,
        severity: fate === 'black_hazard' ? 'serious' : 'minor',
        description: {
          safety_hazard: '安全出口被杂物堵塞，灭火器过期',
          fees: '一次性收取超过 3 个月的培训费用',
          advertising: '招生宣传中承诺提分效果',
          licence_display: '未在显著位置公示办学许可证和收费标准',
          contract: '未使用示范合同文本',
          schedule: '培训结束时间晚于 20:30',
        }[item]!,
        status: closed ? 'closed' : fate === 'grey' && rng.next() < 0.4 ? 'reported' : 'open',
        deadline:
          fate === 'black_deadline'
            ? today.minus({ days: rng.int(1, 20) })
            : today.plus({ days: rng.int(5, 30) }),
        rectificationReport: closed ? '已按要求整改，整改材料已上传。' : null,
        acceptanceOpinion: closed ? '经现场核查，整改到位，同意销号。' : null,
        closedAt: closed ? DateTime.now().minus({ days: 2 }) : null,
      })
    }
    await recompute.handle(institution.id)
    if (fate === 'removed') {
      await new RemoveInstitution().handle(
        {
          id: 0,
          role: 'admin',
          displayName: '系统',
          unitName: `${regionTree.get(county)!.name}教育局`,
        } as any,
        institution,
        '已停止办学，经属地教育行政部门核实',
        true
      )
    }
  }

  for (const [name, reason] of [
    ['韩某某', 'sexual_offence'],
    ['郑某', 'violence'],
    ['冯某某', 'professional_ban'],
  ] as const) {
    const sealed = sealIdNumber(residentId(rng, '220104'))
    await ProhibitedPerson.create({
      name,
      idNumberCipher: sealed.cipher,
      idNumberIndex: sealed.index,
      idNumberMasked: sealed.masked,
      reason,
      source: '人民法院刑事判决书',
      regionCode: '220000',
    })
  }

  const first = await Institution.query().orderBy('id').firstOrFail()
  if (ownerAccounts.owner) await attachOrganization(ownerAccounts.owner, 'institution', first.id)
  if (ownerAccounts.staff) await attachOrganization(ownerAccounts.staff, 'institution', first.id)
  return { institutions: TOTAL }
}
