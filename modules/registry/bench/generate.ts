/*
| Benchmark data for the registry: institutions placed by the plan (ids
| and counties come from it), their five-part filings and review history,
| staff with the admission check, the prohibited-persons list, a year of
| inspections and rectification cases, list changes and public notices.
|
| Each institution gets a fate (rates below); its inspection findings,
| licence and staff follow from the fate, and its list status is then
| classified from those facts by `registry.list.classify`, the same rule
| (and the same provincial plugins) the platform applies, so status and
| reasons always agree with the records behind them.
|
| Rates (share of institutions):
|   filing approved and white 79.5% · grey (rectifying within the deadline) 6%
|   black: deadline missed 1.8%, serious safety hazard 0.8%, licence expired 0.6%, banned staff hired 0.3%
|   filing not approved: draft 3.5%, submitted 3.5%, returned 2% · removed after approval 2%
|   categories: academic 7.5% (a quarter of them also non-academic); the rest arts 38%,
|   sports 28%, science & tech 16%, other 10.5%, 15% with a second category; online 1.5%
|   (not in Jilin, whose plugin wants teacher photos this generator does not make)
|   inspections: 35% of approved institutions inspected in the year (a quarter twice),
|   30% of those with a finding since closed; 3% with an inspection planned
|   staff: 2–7 teachers, 0–1 researcher, 0–1 other per approved institution; 5% left, 1% blocked by the check
|
| Personal data (ID numbers, phones) is sealed by the application's
| encryption. Documents (licence scans, staff papers) are not generated:
| document fields stay empty and no file is stored.
*/
import { type BulkSession, Rng, type CopyValue, pgArray } from '#bench/lib/bulk_load'
import { maskIdNumber, maskPhone, withResidentIdCheckDigit } from '#kernel/shared/personal_data'
import { withCheckChar } from '#kernel/shared/credit_code'
import { toRegionCode } from '#kernel/shared/region_code'
import { lineageOf, regionTree } from '#modules/identity'
import { benchPhone, personName } from '#modules/identity/bench'
import { classifyList } from '../extension_points.js'
import type { ListFacts, OpenFinding } from '../services/list_rules.js'
import { SECTIONS, type Section } from '../filing/fields.js'
import {
  ACCEPTANCE_OPINIONS,
  BANKS,
  BANK_WEIGHTS,
  BRANDS,
  BUILDINGS,
  FINDING_TEXT,
  INSPECTION_PURPOSES,
  MATERIALS_POLICY,
  RECTIFICATION_REPORTS,
  REMOVAL_REASONS,
  ROADS,
  SAFETY_FACILITIES,
  SUFFIXES,
  TRADE_WORDS,
} from './vocabulary.js'

export interface RegistryPlan {
  /** Institution ids per county-level region: a contiguous range each, in order. */
  institutions: { regionCode: string; firstId: number; count: number }[]
  /** The snapshot moment (ISO) and its Beijing date. */
  now: string
  today: string
  seed: number
}

export interface BenchTeacher {
  id: number
  name: string
  academic: boolean
  subject: string | null
  certificateNumber: string | null
}

/** What the modules after the registry need to know of a generated institution (its contract party facts). */
export interface BenchInstitution {
  id: number
  name: string
  regionCode: string
  provinceCode: string
  cityCode: string | null
  countyCode: string | null
  delivery: 'offline' | 'online'
  categories: string[]
  filingStatus: 'draft' | 'submitted' | 'returned' | 'approved'
  listStatus: 'none' | 'white' | 'grey' | 'black'
  removed: boolean
  approvedAt: string | null
  creditCode: string
  address: string
  licenceNumber: string
  licenceAuthority: string
  licenceValidTo: string
  icpNumber: string | null
  platformName: string | null
  supervisingBank: string
  supervisedAccount: string
  escrowModel: 'bank_custody' | 'risk_deposit'
  serviceChannels: { kind: string; value: string; location: string }[]
  venue: string | null
  /** Admitted teachers (hired, check passed). */
  teachers: BenchTeacher[]
}

export interface GeneratedRegistry {
  counts: Record<string, number>
  institutions: BenchInstitution[]
}

type Fate =
  | 'white'
  | 'grey'
  | 'black_deadline'
  | 'black_hazard'
  | 'black_licence'
  | 'black_staff'
  | 'draft'
  | 'submitted'
  | 'returned'
  | 'removed'
const FATES: Record<Fate, number> = {
  white: 0.795,
  grey: 0.06,
  black_deadline: 0.018,
  black_hazard: 0.008,
  black_licence: 0.006,
  black_staff: 0.003,
  draft: 0.035,
  submitted: 0.035,
  returned: 0.02,
  removed: 0.02,
}
const PRIMARY_CATEGORY = {
  arts: 0.38,
  sports: 0.28,
  science_tech: 0.16,
  other: 0.105,
  academic: 0.075,
}
const SUBJECTS = ['chinese', 'maths', 'english', 'physics', 'chemistry', 'biology'] as const
const MINOR_ITEMS = [
  'licence_display',
  'fees',
  'advertising',
  'materials',
  'staff_qualification',
  'schedule',
  'venue',
  'contract',
  'other',
] as const
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

const DAY = 86_400_000
const beijingDate = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)

const TABLES = [
  'institutions',
  'filing_sections',
  'filing_reviews',
  'staff',
  'staff_checks',
  'prohibited_persons',
  'inspections',
  'inspection_findings',
  'list_changes',
  'public_notices',
  'institution_names',
  'change_requests',
] as const

const COLUMNS = {
  institutions: [
    'id',
    'name',
    'credit_code',
    'delivery',
    'nature',
    'region_code',
    'province_code',
    'city_code',
    'county_code',
    'address',
    'legal_rep_name',
    'categories',
    'qualification_type',
    'licence_number',
    'licence_valid_to',
    'service_channels',
    'filing_status',
    'approved_at',
    'list_status',
    'list_reasons',
    'list_changed_at',
    'removed_at',
    'removal_reason',
    'source',
    'created_at',
    'updated_at',
  ],
  filing_sections: [
    'institution_id',
    'section',
    'data',
    'sealed',
    'complete',
    'skipped',
    'updated_at',
  ],
  filing_reviews: [
    'institution_id',
    'snapshot',
    'submitted_at',
    'decision',
    'reasons',
    'comment',
    'decided_at',
  ],
  staff: [
    'id',
    'institution_id',
    'name',
    'id_number_cipher',
    'id_number_index',
    'id_number_masked',
    'role',
    'subjects',
    'teaches_academic',
    'certificate_number',
    'declares_not_serving_teacher',
    'status',
    'check_result',
    'checked_at',
    'created_at',
    'updated_at',
  ],
  staff_checks: ['staff_id', 'result', 'trigger', 'checked_at'],
  prohibited_persons: [
    'name',
    'id_number_cipher',
    'id_number_index',
    'id_number_masked',
    'reason',
    'source',
    'region_code',
    'created_at',
  ],
  inspections: [
    'id',
    'institution_id',
    'province_code',
    'city_code',
    'county_code',
    'planned_on',
    'purpose',
    'status',
    'planned_by_unit',
    'recorded_at',
    'created_at',
  ],
  inspection_findings: [
    'inspection_id',
    'institution_id',
    'province_code',
    'city_code',
    'county_code',
    'item',
    'severity',
    'description',
    'status',
    'deadline',
    'rectification_report',
    'reported_at',
    'acceptance_opinion',
    'closed_at',
    'created_at',
    'updated_at',
  ],
  list_changes: ['institution_id', 'from_status', 'to_status', 'reasons', 'source', 'changed_at'],
  public_notices: [
    'kind',
    'institution_id',
    'province_code',
    'city_code',
    'county_code',
    'title',
    'body',
    'published_by_unit',
    'published_at',
  ],
  institution_names: ['institution_id', 'name', 'used_from', 'used_until'],
  change_requests: [
    'institution_id',
    'changes',
    'reason',
    'status',
    'decision_comment',
    'decided_at',
    'created_at',
  ],
} as const

function residentId(
  rng: Rng,
  region: string,
  fromYear: number,
  toYear: number,
  sex: 'male' | 'female'
): string {
  const birth = `${rng.int(fromYear, toYear)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`
  const seq = rng.int(0, 99) * 10 + (sex === 'male' ? rng.int(0, 4) * 2 + 1 : rng.int(0, 4) * 2)
  return withResidentIdCheckDigit(`${region}${birth}${String(seq).padStart(3, '0')}`)
}

function creditCode(id: number, county: string, nonProfit: boolean): string {
  let code = ''
  for (let n = id * 7_919 + 13, i = 0; i < 7; i++, n = Math.floor(n / 31))
    code = CREDIT_ALPHABET[n % 31] + code
  return withCheckChar(`${nonProfit ? '52' : '91'}${county}MA${code}`)
}

const bureau = (code: string) => {
  const region = regionTree.get(code)!
  const city = region.cityCode && region.level === 3 ? regionTree.get(region.cityCode)!.name : ''
  return `${city}${region.name}教育局`
}

/** Writes every registry table for the plan's institutions in one transaction. */
export async function generateRegistry(
  session: BulkSession,
  plan: RegistryPlan
): Promise<GeneratedRegistry> {
  const rng = new Rng(plan.seed ^ 0x2e)
  const now = Date.parse(plan.now)
  const today = plan.today
  const usedNames = new Set<string>()
  const institutions: BenchInstitution[] = []
  let rows: Record<(typeof TABLES)[number], CopyValue[][]> = Object.fromEntries(
    TABLES.map((t) => [t, []])
  ) as any
  const counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]))
  /*
  | Personal values wait in their rows as plain text until their batch is
  | sealed in the workers; a batch of a few thousand institutions is then
  | sealed and written while the next one is being made.
  */
  let toSeal: Record<
    'id_number' | 'phone',
    { value: string; apply: (cipher: string, index: string, masked: string) => void }[]
  > = { id_number: [], phone: [] }
  const sealLater = (
    kind: 'id_number' | 'phone',
    value: string,
    apply: (cipher: string, index: string, masked: string) => void
  ) => toSeal[kind].push({ value, apply })
  let writing: Promise<void> = Promise.resolve()
  let queued = 0
  const flush = async () => {
    const batch = rows
    const seals = toSeal
    rows = Object.fromEntries(TABLES.map((t) => [t, []])) as any
    toSeal = { id_number: [], phone: [] }
    const sealed = Promise.all(
      (['id_number', 'phone'] as const).map(async (kind) => {
        const done = await session.seal(
          kind,
          seals[kind].map((x) => x.value)
        )
        seals[kind].forEach((x, i) => x.apply(done.ciphers[i]!, done.indexes[i]!, done.masked[i]!))
      })
    )
    sealed.catch(() => {})
    queued++
    writing = writing.then(async () => {
      await sealed
      for (const table of TABLES)
        if (batch[table].length)
          counts[table]! += await session.copy(table, COLUMNS[table], batch[table])
      queued--
    })
    if (queued > 2) await writing
  }
  const [starts] = await session.query<{
    staff_id: string
    inspection_id: string
  }>(
    'SELECT coalesce((SELECT max(id) FROM staff), 0) + 1 AS staff_id, coalesce((SELECT max(id) FROM inspections), 0) + 1 AS inspection_id'
  )
  let staffId = Number(starts!.staff_id)
  let inspectionId = Number(starts!.inspection_id)
  const total = plan.institutions.reduce((n, l) => n + l.count, 0)

  /* The prohibited-persons list: about one entry per 60 institutions; a few of them later turn up as staff. */
  const prohibited: { name: string; idNumber: string; sex: 'male' | 'female' }[] = []
  for (let i = 0; i < Math.max(20, Math.round(total / 60)); i++) {
    const region = plan.institutions[rng.int(0, plan.institutions.length - 1)]!.regionCode
    const sex = rng.chance(0.8) ? 'male' : 'female'
    const person = {
      name: personName(rng, sex),
      idNumber: residentId(rng, region, 1955, 1964, sex),
      sex,
    } as const
    prohibited.push(person)
    const row: CopyValue[] = [
      person.name,
      null,
      null,
      null,
      rng.weighted({
        sexual_offence: 3,
        violence: 2,
        drugs: 2,
        other_crime: 2,
        professional_ban: 1,
      }),
      '人民法院刑事判决书',
      region.slice(0, 2) + '0000',
      new Date(now - rng.int(30, 1500) * DAY),
    ]
    sealLater('id_number', person.idNumber, (cipher, index, masked) =>
      row.splice(1, 3, cipher, index, masked)
    )
    rows.prohibited_persons.push(row)
  }

  /* Every bank a filing names is in the register of supervising banks, as the filing form requires. */
  const bankRegions = new Map<string, string>()
  await session.withoutIndexes(TABLES, async () => {
    for (const leaf of plan.institutions) {
      if (rows.institutions.length >= 5000) await flush()
      const lineage = lineageOf(leaf.regionCode)
      const cityName = regionTree
        .get(lineage.cityCode ?? lineage.provinceCode!)!
        .name.replace(/(市|地区|自治州|盟)$/, '')
        .slice(0, 4)
      const countyName = regionTree.get(leaf.regionCode)!.name
      const fullName = regionTree.fullName(leaf.regionCode).replace(/ \/ /g, '')
      for (let id = leaf.firstId; id < leaf.firstId + leaf.count; id++) {
        const fate = rng.weighted(FATES)
        const primary = rng.weighted(PRIMARY_CATEGORY)
        const categories =
          primary === 'academic'
            ? rng.chance(0.25)
              ? ['academic', rng.pick(['arts', 'science_tech', 'other'])]
              : ['academic']
            : rng.chance(0.15)
              ? [
                  primary,
                  rng.pick(
                    ['arts', 'sports', 'science_tech', 'other'].filter((c) => c !== primary)
                  ),
                ]
              : [primary]
        const online = rng.chance(0.015) && lineage.provinceCode !== '220000'
        const trade = rng.pick(TRADE_WORDS[primary]!)
        let name = `${cityName}${rng.pick(BRANDS)}${trade}${rng.pick(SUFFIXES)}`
        if (usedNames.has(name))
          name = `${cityName}${countyName.slice(0, 2)}${rng.pick(BRANDS)}${trade}${rng.pick(SUFFIXES)}`
        for (let n = 2; usedNames.has(name); n++) name = name.replace(/(培训.*)$/, `第${n}$1`)
        usedNames.add(name)
        const nonProfit = rng.chance(0.2)
        const code = creditCode(id, leaf.regionCode, nonProfit)
        const approved = !['draft', 'submitted', 'returned'].includes(fate)
        const approvedAt = approved
          ? now - rng.int(20, 1400) * DAY - rng.int(0, 86_399) * 1000
          : null
        const createdAt = (approvedAt ?? now - rng.int(1, 60) * DAY) - rng.int(5, 60) * DAY
        const legalRep = personName(rng, rng.chance(0.55) ? 'male' : 'female')
        const repSex = rng.chance(0.5) ? 'male' : 'female'
        const address = `${fullName}${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.pick(BUILDINGS)}`
        const licenceFrom = beijingDate((approvedAt ?? createdAt) - rng.int(10, 300) * DAY)
        const licenceTo =
          fate === 'black_licence'
            ? beijingDate(now - rng.int(5, 200) * DAY)
            : beijingDate(now + rng.int(60, 1800) * DAY)
        const licenceNumber = `教民${leaf.regionCode}${String(70_000_000 + id).padStart(9, '0')}号`
        const licenceAuthority = bureau(leaf.regionCode)
        const bank = `${BANKS[weightedIndex(rng, BANK_WEIGHTS)]}${cityName}分行`
        if (!bankRegions.has(bank)) bankRegions.set(bank, lineage.cityCode ?? lineage.provinceCode!)
        const supervisedAccount = `${rng.int(1000, 9999)}${String(id).padStart(9, '0')}${rng.int(100, 999)}`
        const escrowModel = rng.chance(0.85) ? 'bank_custody' : 'risk_deposit'
        const serviceChannels = [
          {
            kind: 'phone',
            value: `0${rng.int(10, 999)}-${rng.int(80_000_000, 89_999_999)}`,
            location: '官网首页底部“联系我们”',
          },
          {
            kind: 'wechat',
            value: `${name.slice(0, 10)}服务号`,
            location: '微信公众号菜单“投诉建议”',
          },
        ]
        const venue = online ? null : `${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.pick(BUILDINGS)}`
        const teaching = rng.int(2, 7)
        const research = rng.chance(0.3) ? 1 : 0
        const other = rng.chance(0.5) ? 1 : 0
        const repId = residentId(rng, leaf.regionCode, 1965, 1995, repSex)
        const contact = benchPhone(10_000_000 + id)
        const idNumber = { masked: maskIdNumber(repId) }
        const phone = { masked: maskPhone(contact) }
        const sealedPart: Record<string, { cipher: string; index: string }> = {}
        sealLater(
          'id_number',
          repId,
          (cipher, index) => (sealedPart.legalRepIdNumber = { cipher, index })
        )
        sealLater(
          'phone',
          contact,
          (cipher, index) => (sealedPart.contactPhone = { cipher, index })
        )
        const sections: Record<Section, Record<string, unknown>> = {
          basic: {
            name,
            creditCode: code,
            nature: nonProfit ? 'non_profit' : 'for_profit',
            delivery: online ? 'online' : 'offline',
            regionCode: leaf.regionCode,
            address,
            legalRepName: legalRep,
            legalRepIdNumber: idNumber.masked,
            contactName: legalRep,
            contactPhone: phone.masked,
            ...(online
              ? {
                  website: `https://www.xw${id}.example.cn`,
                  icpNumber: `${regionTree.get(lineage.provinceCode!)!.name.slice(0, 1)}ICP备${20_240_000 + id}号`,
                }
              : {}),
          },
          qualifications: {
            qualificationType: online ? 'online_licence' : 'offline_licence',
            licenceNumber,
            licenceAuthority,
            licenceValidFrom: licenceFrom,
            licenceValidTo: licenceTo,
            legalEntityType: nonProfit ? 'private_non_enterprise' : 'enterprise',
            legalCertNumber: code,
            legalCertAuthority: `${countyName}${nonProfit ? '民政局' : '市场监督管理局'}`,
          },
          operations: {
            ...(online
              ? { platformName: `${name.slice(0, 8)}在线学习平台` }
              : {
                  venues: [
                    {
                      address: venue,
                      areaSqm: rng.int(120, 1500),
                      tenure: rng.chance(0.7) ? 'leased' : 'owned',
                      leaseEndsOn: beijingDate(now + rng.int(200, 1500) * DAY),
                    },
                  ],
                }),
            categories,
            ...(categories.includes('other')
              ? { otherCategory: rng.pick(['围棋', '研学实践', '口才表达']) }
              : {}),
            partyOrganization: rng.weighted({ established: 0.3, preparing: 0.2, none: 0.5 }),
            materialsPolicy: MATERIALS_POLICY,
            supervisingBank: bank,
            supervisedAccount,
            escrowModel,
            paymentChannels: ['wechat', 'alipay'],
            serviceChannels,
          },
          academic: categories.includes('academic')
            ? {
                subjects: [rng.pick(SUBJECTS)],
                stages: ['primary', 'junior'],
                academicTeacherCount: teaching,
                qualifiedTeacherCount: teaching,
                classSizeMax: rng.pick([12, 20, 30]),
                feeStandard: '按课时收费，每课时 45–60 元，一次收费不超过 3 个月。',
              }
            : {},
          conditions: {
            teachingStaffCount: teaching,
            researchStaffCount: research,
            otherStaffCount: other,
            ...(online
              ? {}
              : {
                  totalAreaSqm: rng.int(120, 1500),
                  classroomCount: rng.int(2, 20),
                  safetyFacilities: SAFETY_FACILITIES,
                }),
            maxStudents: rng.int(30, 400),
            courseSummary: `开设${TRADE_WORDS[primary]!.slice(0, 3).join('、')}等课程。`,
          },
        }
        const filingStatus = approved ? 'approved' : (fate as 'draft' | 'submitted' | 'returned')
        for (const section of SECTIONS) {
          const complete = fate !== 'draft' || section === 'basic' || section === 'qualifications'
          const skipped = section === 'academic' && !categories.includes('academic')
          rows.filing_sections.push([
            id,
            section,
            sections[section],
            section === 'basic' ? sealedPart : {},
            complete && !skipped,
            skipped,
            new Date(approvedAt ?? createdAt + DAY),
          ])
        }
        if (fate !== 'draft') {
          const submitted = (approvedAt ?? now - rng.int(1, 12) * DAY) - rng.int(1, 6) * DAY
          if (approved && rng.chance(0.1))
            rows.filing_reviews.push([
              id,
              sections,
              new Date(submitted - 20 * DAY),
              'returned',
              { operations: '监管账户开户证明未上传，请补充。' },
              null,
              new Date(submitted - 15 * DAY),
            ])
          if (approved)
            rows.filing_reviews.push([
              id,
              sections,
              new Date(submitted),
              'approved',
              {},
              '材料齐全，予以备案。',
              new Date(approvedAt!),
            ])
          else if (fate === 'returned')
            rows.filing_reviews.push([
              id,
              sections,
              new Date(submitted),
              'returned',
              { qualifications: '办学许可证有效期填写有误，请核对后重新提交。' },
              null,
              new Date(submitted + 2 * DAY),
            ])
          else rows.filing_reviews.push([id, sections, new Date(submitted), null, {}, null, null])
        }

        /* Staff, with the admission check. */
        const teachers: BenchTeacher[] = []
        let bannedHired = 0
        if (approved) {
          const roles = [
            ...Array(teaching).fill('teaching'),
            ...Array(research).fill('research'),
            ...Array(other).fill('other'),
          ] as ('teaching' | 'research' | 'other')[]
          const bannedAt = fate === 'black_staff' ? rng.int(0, roles.length - 1) : -1
          for (const [s, role] of roles.entries()) {
            const sex = rng.chance(0.65) ? 'female' : 'male'
            const banned = s === bannedAt
            const academic =
              role === 'teaching' &&
              categories.includes('academic') &&
              (categories.length === 1 || s % 2 === 0)
            const subject = academic ? rng.pick(SUBJECTS) : null
            const hiredAt = approvedAt! - rng.int(1, 20) * DAY + rng.int(0, 600) * DAY
            const left = !banned && rng.chance(0.05)
            const blocked = !banned && !left && rng.chance(0.01)
            const result = banned
              ? 'prohibited'
              : blocked
                ? rng.pick([
                    'prohibited',
                    'serving_teacher',
                    'no_qualification',
                    'missing_documents',
                  ])
                : 'passed'
            /* Anyone the check finds on the list is one of the list's people. */
            const person =
              result === 'prohibited'
                ? prohibited[rng.int(0, prohibited.length - 1)]!
                : {
                    name: personName(rng, sex),
                    idNumber: residentId(rng, leaf.regionCode, 1968, 2002, sex),
                  }
            const status = banned ? 'hired' : left ? 'left' : blocked ? 'blocked' : 'hired'
            const certificate =
              role === 'teaching' && (academic || rng.chance(0.4))
                ? `${rng.int(2008, 2024)}${leaf.regionCode.slice(0, 2)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`
                : null
            const checkedAt = new Date(Math.min(hiredAt, now - DAY))
            const staffRow: CopyValue[] = [
              staffId,
              id,
              person.name,
              null,
              null,
              null,
              role,
              subject ? pgArray([subject]) : '{}',
              academic,
              certificate,
              true,
              status,
              result,
              checkedAt,
              checkedAt,
              checkedAt,
            ]
            sealLater('id_number', person.idNumber, (cipher, index, masked) =>
              staffRow.splice(3, 3, cipher, index, masked)
            )
            rows.staff.push(staffRow)
            rows.staff_checks.push([staffId, banned ? 'passed' : result, 'hire', checkedAt])
            /* The periodic re-check (and the one that found a banned person already hired). */
            if (banned || rng.chance(0.3))
              rows.staff_checks.push([
                staffId,
                result,
                'recheck',
                new Date(now - rng.int(1, 90) * DAY),
              ])
            if (banned) bannedHired++
            if (status === 'hired' && result === 'passed' && role === 'teaching')
              teachers.push({
                id: staffId,
                name: person.name,
                academic,
                subject,
                certificateNumber: certificate,
              })
            staffId++
          }
        }

        /* Inspections and the rectification ledger. */
        const openFindings: (OpenFinding & { status: 'open' | 'reported' })[] = []
        let blackSince: number | null = null
        let greySince: number | null = null
        if (approved) {
          const inspect = (
            plannedOn: number,
            findings: {
              item: string
              severity: 'minor' | 'serious'
              status: 'open' | 'reported' | 'closed'
              deadline: string
            }[]
          ) => {
            const recordedAt = plannedOn + rng.int(0, 3) * DAY + 10 * 3_600_000
            rows.inspections.push([
              inspectionId,
              id,
              lineage.provinceCode,
              lineage.cityCode,
              lineage.countyCode,
              beijingDate(plannedOn),
              rng.pick(INSPECTION_PURPOSES),
              'recorded',
              licenceAuthority,
              new Date(recordedAt),
              new Date(plannedOn - rng.int(3, 20) * DAY),
            ])
            for (const f of findings) {
              const reportedAt =
                f.status !== 'open' ? new Date(recordedAt + rng.int(3, 20) * DAY) : null
              const closedAt =
                f.status === 'closed' ? new Date(recordedAt + rng.int(21, 40) * DAY) : null
              rows.inspection_findings.push([
                inspectionId,
                id,
                lineage.provinceCode,
                lineage.cityCode,
                lineage.countyCode,
                f.item,
                f.severity,
                rng.pick(FINDING_TEXT[f.item]!),
                f.status,
                f.deadline,
                reportedAt ? rng.pick(RECTIFICATION_REPORTS) : null,
                reportedAt,
                closedAt ? rng.pick(ACCEPTANCE_OPINIONS) : null,
                closedAt,
                new Date(recordedAt),
                closedAt ?? reportedAt ?? new Date(recordedAt),
              ])
              if (f.status !== 'closed')
                openFindings.push({
                  item: f.item,
                  severity: f.severity,
                  deadline: f.deadline,
                  status: f.status,
                })
            }
            inspectionId++
            return recordedAt
          }
          const since = Math.max(approvedAt!, now - 330 * DAY)
          if (fate === 'grey') {
            const at = now - rng.int(5, 40) * DAY
            greySince = inspect(
              at,
              Array.from({ length: rng.int(1, 2) }, () => ({
                item: rng.pick(MINOR_ITEMS),
                severity: 'minor' as const,
                status: rng.chance(0.6) ? ('open' as const) : ('reported' as const),
                deadline: beijingDate(now + rng.int(3, 45) * DAY),
              }))
            )
          } else if (fate === 'black_deadline') {
            const at = now - rng.int(50, 200) * DAY
            inspect(at, [
              {
                item: rng.pick(MINOR_ITEMS),
                severity: 'minor',
                status: 'open',
                deadline: beijingDate(at + 30 * DAY),
              },
            ])
            blackSince = at + 31 * DAY
          } else if (fate === 'black_hazard') {
            blackSince = inspect(now - rng.int(3, 120) * DAY, [
              {
                item: 'safety_hazard',
                severity: 'serious',
                status: 'open',
                deadline: beijingDate(now + rng.int(5, 30) * DAY),
              },
            ])
          } else if (rng.chance(0.35) && since < now - 10 * DAY) {
            const visits = rng.chance(0.25) ? 2 : 1
            for (let v = 0; v < visits; v++) {
              const at = since + rng.next() * (now - 10 * DAY - since)
              inspect(
                at,
                rng.chance(0.3)
                  ? [
                      {
                        item: rng.pick(MINOR_ITEMS),
                        severity: 'minor',
                        status: 'closed',
                        deadline: beijingDate(at + 30 * DAY),
                      },
                    ]
                  : []
              )
            }
          }
          if (fate === 'black_licence') blackSince = Date.parse(`${licenceTo}T16:00:00Z`)
          if (fate === 'black_staff') blackSince = now - rng.int(1, 90) * DAY
          if (fate !== 'removed' && rng.chance(0.03)) {
            rows.inspections.push([
              inspectionId++,
              id,
              lineage.provinceCode,
              lineage.cityCode,
              lineage.countyCode,
              beijingDate(now + rng.int(1, 30) * DAY),
              rng.pick(INSPECTION_PURPOSES),
              'planned',
              licenceAuthority,
              null,
              new Date(now - rng.int(1, 10) * DAY),
            ])
          }
        }

        /* The list status, classified from these facts by the platform's own rule. */
        const removedAt = fate === 'removed' ? now - rng.int(10, 300) * DAY : null
        const facts: ListFacts = {
          today,
          filingApproved: approved,
          removed: removedAt !== null,
          qualificationType: online ? 'online_licence' : 'offline_licence',
          licenceValidTo: licenceTo,
          openFindings: openFindings.map(({ item, severity, deadline }) => ({
            item,
            severity,
            deadline,
          })),
          bannedStaffHired: bannedHired,
        }
        const classified = await classifyList.resolve(toRegionCode(leaf.regionCode), facts)
        const changedAt =
          classified.status === 'black'
            ? (blackSince ?? now - DAY)
            : classified.status === 'grey'
              ? (greySince ?? now - DAY)
              : approvedAt
        if (approved) {
          rows.list_changes.push([
            id,
            'none',
            'white',
            [{ code: 'compliant' }],
            'rules',
            new Date(approvedAt!),
          ])
          if (classified.status !== 'white')
            rows.list_changes.push([
              id,
              'white',
              classified.status,
              classified.reasons,
              'rules',
              new Date(changedAt!),
            ])
          if (classified.status === 'black') {
            rows.public_notices.push([
              'blacklist',
              id,
              lineage.provinceCode,
              lineage.cityCode,
              lineage.countyCode,
              `${name}列入黑名单`,
              `${name}（统一社会信用代码 ${code}）因存在违规情形，列入校外培训机构黑名单。请家长谨慎选择。`,
              null,
              new Date(changedAt!),
            ])
          }
        }
        if (removedAt) {
          const reason = rng.pick(REMOVAL_REASONS)
          rows.public_notices.push([
            'removal',
            id,
            lineage.provinceCode,
            lineage.cityCode,
            lineage.countyCode,
            `${name}从平台撤除`,
            `${name}（统一社会信用代码 ${code}）${reason}，自即日起从全国校外教育培训监管与服务综合平台撤除。`,
            licenceAuthority,
            new Date(removedAt),
          ])
        }
        /* Renamed institutions keep their old names; a few have a key-fact change waiting for the bureau. */
        if (approved && rng.chance(0.01)) {
          const renamedOn = now - rng.int(30, 600) * DAY
          const oldName = `${cityName}${rng.pick(BRANDS)}${trade}${rng.pick(SUFFIXES)}`
          rows.institution_names.push([
            id,
            oldName,
            beijingDate(approvedAt!),
            beijingDate(renamedOn),
          ])
          rows.public_notices.push([
            'name_change',
            id,
            lineage.provinceCode,
            lineage.cityCode,
            lineage.countyCode,
            `${oldName}更名为${name}`,
            `经属地教育行政部门核准，${oldName}自${beijingDate(renamedOn)}起更名为${name}。`,
            licenceAuthority,
            new Date(renamedOn),
          ])
          rows.change_requests.push([
            id,
            { name: { from: oldName, to: name } },
            '机构品牌调整，申请变更名称。',
            'approved',
            '同意变更。',
            new Date(renamedOn),
            new Date(renamedOn - 7 * DAY),
          ])
        } else if (approved && !removedAt && rng.chance(0.005)) {
          rows.change_requests.push([
            id,
            { address: { from: address, to: `${fullName}${rng.pick(ROADS)}${rng.int(1, 999)}号` } },
            '原址租约到期，迁至新址办学。',
            'pending',
            null,
            null,
            new Date(now - rng.int(1, 10) * DAY),
          ])
        }

        rows.institutions.push([
          id,
          name,
          code,
          online ? 'online' : 'offline',
          nonProfit ? 'non_profit' : 'for_profit',
          leaf.regionCode,
          lineage.provinceCode,
          lineage.cityCode,
          lineage.countyCode,
          address,
          legalRep,
          pgArray(categories),
          online ? 'online_licence' : 'offline_licence',
          licenceNumber,
          licenceTo,
          serviceChannels,
          filingStatus,
          approvedAt ? new Date(approvedAt) : null,
          classified.status,
          classified.reasons,
          changedAt ? new Date(changedAt) : null,
          removedAt ? new Date(removedAt) : null,
          removedAt ? rng.pick(REMOVAL_REASONS) : null,
          id % 7 === 0 ? 'import' : 'self',
          new Date(createdAt),
          new Date(removedAt ?? changedAt ?? createdAt),
        ])
        institutions.push({
          id,
          name,
          regionCode: leaf.regionCode,
          provinceCode: lineage.provinceCode!,
          cityCode: lineage.cityCode,
          countyCode: lineage.countyCode,
          delivery: online ? 'online' : 'offline',
          categories,
          filingStatus,
          listStatus: classified.status,
          removed: removedAt !== null,
          approvedAt: approvedAt ? new Date(approvedAt).toISOString() : null,
          creditCode: code,
          address,
          licenceNumber,
          licenceAuthority,
          licenceValidTo: licenceTo,
          icpNumber: (sections.basic.icpNumber as string) ?? null,
          platformName: (sections.operations.platformName as string) ?? null,
          supervisingBank: bank,
          supervisedAccount,
          escrowModel,
          serviceChannels,
          venue,
          teachers,
        })
      }
    }

    await flush()
    await writing
  })
  /* The head offices too: the benchmark's batch import names '中国工商银行'. */
  for (const head of BANKS) if (!bankRegions.has(head)) bankRegions.set(head, '110000')
  const banks = [...bankRegions]
  counts.supervising_banks = await session.exec(
    `INSERT INTO supervising_banks (name, region_code, created_at) SELECT unnest($1::text[]), unnest($2::text[]), now() ON CONFLICT (name) DO NOTHING`,
    [banks.map(([name]) => name), banks.map(([, region]) => region)]
  )
  await session.syncSequence('institutions')
  await session.syncSequence('staff')
  await session.syncSequence('inspections')
  return { counts, institutions }
}

function weightedIndex(rng: Rng, weights: readonly number[]): number {
  let r = rng.next() * weights.reduce((a, b) => a + b, 0)
  for (const [i, weight] of weights.entries()) if ((r -= weight) < 0) return i
  return weights.length - 1
}

/** Empties this module's tables (`bench:seed --force`); the modules that depend on it are emptied first. */
export async function wipeRegistry(session: BulkSession) {
  await session.exec(
    `TRUNCATE ${['supervising_banks', 'institutions', 'filing_sections', 'filing_reviews', 'registry_documents', 'staff', 'staff_checks', 'prohibited_persons', 'change_requests', 'institution_names', 'inspections', 'inspection_findings', 'list_changes', 'public_notices', 'import_batches'].join(', ')} RESTART IDENTITY CASCADE`
  )
}
