/*
| The five parts of the filing (2018 manual: 基本情况、办学资质、办学情况、
| 中小学学科类培训情况、办学条件) and their fields. Together they cover every
| category of Art. 11 of the 2025 measures: licence and legal person
| (qualifications), venues with hygiene and fire safety (operations), party
| building, training materials and staff (operations, conditions), courses
| summary (academic, conditions), fund-supervision account and payment
| channels (operations).
|
| One definition drives the wizard form, its validation, the review page
| and the Excel import template. Labels come from registry.fields.<name>.
*/

export const SECTIONS = ['basic', 'qualifications', 'operations', 'academic', 'conditions'] as const
export type Section = (typeof SECTIONS)[number]

export type FieldType =
  | 'text'
  | 'textarea'
  | 'date'
  | 'number'
  | 'select'
  | 'checkboxes'
  | 'phone'
  | 'id_number'
  | 'credit_code'
  | 'county'
  /** A supervising bank from the bureaus' register (never free text). */
  | 'bank'
  | 'document'
  | 'rows'

/** When a field is required: always, or when other values say so. */
export type Requirement = boolean | ((values: FilingValues) => boolean)

export interface FieldDef {
  name: string
  type: FieldType
  required?: Requirement
  /** In a row: required when a sibling field has a value (a leased venue needs its lease end). */
  requiredWhen?: [field: string, value: string]
  options?: readonly string[]
  /** Key fact: after approval it changes only through a change request (Art. 12). */
  key?: boolean
  /** Personal data: stored encrypted, shown masked. */
  personal?: boolean
  /** Column in the Excel import template. */
  importable?: boolean
  maxLength?: number
  /** For `rows`: the fields of each row, and how many rows are needed. */
  rows?: FieldDef[]
  minRows?: Requirement
  /** Rows needed when `minRows` applies (default 1). */
  minCount?: number
  /** Literal label (plugin fields); otherwise registry.fields.<name>. */
  label?: string | { 'zh-CN': string; 'en'?: string }
  /** Shown only when this returns true (e.g. online-only fields). */
  shown?: (values: FilingValues) => boolean
}

/** Every part's values, so a rule in one part can look at another (delivery is in `basic`). */
export type FilingValues = Record<string, any>

export const CATEGORIES = ['academic', 'sports', 'arts', 'science_tech', 'other'] as const
export const SUBJECTS = [
  'chinese',
  'maths',
  'english',
  'physics',
  'chemistry',
  'biology',
  'politics',
  'history',
  'geography',
  'other',
] as const
export const STAGES = ['preschool', 'primary', 'junior', 'senior'] as const
export const DOCUMENT_KINDS = [
  'licence',
  'legal_cert',
  'tenure',
  'fire_safety',
  'hygiene',
  'party',
  'materials',
  'staff_photo',
  'staff_consent',
  'staff_id',
  'staff_no_crime',
  'rectification',
  'change_evidence',
] as const

const online = (v: FilingValues) => v.delivery === 'online'
const offline = (v: FilingValues) => v.delivery !== 'online'
const licensed = (v: FilingValues) => v.qualificationType !== 'unlicensed'
const academic = (v: FilingValues) =>
  Array.isArray(v.categories) && v.categories.includes('academic')

export const FIELDS: Record<Section, FieldDef[]> = {
  basic: [
    { name: 'name', type: 'text', required: true, key: true, importable: true, maxLength: 128 },
    { name: 'creditCode', type: 'credit_code', required: true, importable: true },
    {
      name: 'nature',
      type: 'select',
      options: ['for_profit', 'non_profit'],
      required: true,
      importable: true,
    },
    {
      name: 'delivery',
      type: 'select',
      options: ['offline', 'online'],
      required: true,
      importable: true,
    },
    { name: 'regionCode', type: 'county', required: true, key: true, importable: true },
    { name: 'address', type: 'text', required: true, key: true, importable: true, maxLength: 255 },
    {
      name: 'legalRepName',
      type: 'text',
      required: true,
      key: true,
      importable: true,
      maxLength: 64,
    },
    /* Who answers for the institution is a key fact: swapping the person behind the name needs the bureau too (review finding). */
    {
      name: 'legalRepIdNumber',
      type: 'id_number',
      required: true,
      personal: true,
      key: true,
      importable: true,
    },
    { name: 'contactName', type: 'text', required: true, importable: true, maxLength: 64 },
    { name: 'contactPhone', type: 'phone', required: true, personal: true, importable: true },
    { name: 'email', type: 'text', maxLength: 128, importable: true },
    {
      name: 'website',
      type: 'text',
      required: online,
      shown: online,
      maxLength: 255,
      importable: true,
    },
    {
      name: 'icpNumber',
      type: 'text',
      required: online,
      shown: online,
      maxLength: 64,
      importable: true,
    },
  ],
  qualifications: [
    {
      name: 'qualificationType',
      type: 'select',
      options: ['offline_licence', 'online_licence', 'unlicensed'],
      required: true,
      importable: true,
    },
    {
      name: 'licenceNumber',
      type: 'text',
      required: licensed,
      shown: licensed,
      key: true,
      importable: true,
      maxLength: 64,
    },
    {
      name: 'licenceAuthority',
      type: 'text',
      required: licensed,
      shown: licensed,
      importable: true,
      maxLength: 128,
    },
    {
      name: 'licenceValidFrom',
      type: 'date',
      required: licensed,
      shown: licensed,
      importable: true,
    },
    {
      name: 'licenceValidTo',
      type: 'date',
      required: licensed,
      shown: licensed,
      key: true,
      importable: true,
    },
    { name: 'licenceDocument', type: 'document', required: licensed, shown: licensed },
    {
      name: 'legalEntityType',
      type: 'select',
      options: ['enterprise', 'private_non_enterprise', 'public_institution'],
      required: true,
      importable: true,
    },
    { name: 'legalCertNumber', type: 'text', required: true, importable: true, maxLength: 64 },
    { name: 'legalCertAuthority', type: 'text', required: true, importable: true, maxLength: 128 },
    { name: 'legalCertDocument', type: 'document', required: true },
  ],
  operations: [
    {
      name: 'venues',
      type: 'rows',
      /* Venues carry the fire-safety and hygiene papers the bureau checked. */
      key: true,
      minRows: offline,
      shown: offline,
      rows: [
        { name: 'address', type: 'text', required: true, maxLength: 255 },
        { name: 'areaSqm', type: 'number', required: true },
        { name: 'tenure', type: 'select', options: ['owned', 'leased'], required: true },
        { name: 'leaseEndsOn', type: 'date', requiredWhen: ['tenure', 'leased'] },
        { name: 'tenureDocument', type: 'document', required: true },
        { name: 'fireSafetyDocument', type: 'document', required: true },
        { name: 'hygieneDocument', type: 'document', required: true },
      ],
    },
    {
      name: 'platformName',
      type: 'text',
      required: online,
      shown: online,
      maxLength: 128,
      importable: true,
    },
    /* Adding a category (academic above all) changes what the bureau approved. */
    {
      name: 'categories',
      type: 'checkboxes',
      options: CATEGORIES,
      required: true,
      key: true,
      importable: true,
    },
    /* What "other" means is a category in substance: it changes with review like the categories. */
    {
      name: 'otherCategory',
      type: 'text',
      required: (v) => Array.isArray(v.categories) && v.categories.includes('other'),
      key: true,
      maxLength: 128,
      importable: true,
    },
    {
      name: 'partyOrganization',
      type: 'select',
      options: ['established', 'preparing', 'none'],
      required: true,
      importable: true,
    },
    { name: 'partyDescription', type: 'textarea', maxLength: 1000, importable: true },
    {
      name: 'materialsPolicy',
      type: 'textarea',
      required: true,
      maxLength: 2000,
      importable: true,
    },
    /* Where parents' prepaid fees go: key facts, or a direct edit would misdirect the money (review finding 2). */
    {
      name: 'supervisingBank',
      type: 'bank',
      required: true,
      key: true,
      maxLength: 128,
      importable: true,
    },
    {
      name: 'supervisedAccount',
      type: 'text',
      required: true,
      key: true,
      maxLength: 40,
      importable: true,
    },
    {
      name: 'escrowModel',
      type: 'select',
      options: ['bank_custody', 'risk_deposit'],
      required: true,
      key: true,
      importable: true,
    },
    {
      name: 'paymentChannels',
      type: 'checkboxes',
      options: ['wechat', 'alipay', 'bank_card', 'unionpay'],
      required: true,
      importable: true,
    },
    {
      name: 'serviceChannels',
      type: 'rows',
      /* At least two public channels for complaints and questions (Art. 16; Jilin attachment 1). */
      minRows: () => true,
      minCount: 2,
      rows: [
        {
          name: 'kind',
          type: 'select',
          options: ['phone', 'email', 'wechat', 'website', 'app'],
          required: true,
        },
        { name: 'value', type: 'text', required: true, maxLength: 128 },
        { name: 'location', type: 'text', required: true, maxLength: 255 },
      ],
    },
  ],
  academic: [
    { name: 'subjects', type: 'checkboxes', options: SUBJECTS, required: academic },
    { name: 'stages', type: 'checkboxes', options: STAGES, required: academic },
    { name: 'academicTeacherCount', type: 'number', required: academic },
    { name: 'qualifiedTeacherCount', type: 'number', required: academic },
    { name: 'classSizeMax', type: 'number', required: academic },
    { name: 'feeStandard', type: 'textarea', required: academic, maxLength: 2000 },
  ],
  conditions: [
    { name: 'teachingStaffCount', type: 'number', required: true, importable: true },
    { name: 'researchStaffCount', type: 'number', required: true, importable: true },
    { name: 'otherStaffCount', type: 'number', required: true, importable: true },
    { name: 'totalAreaSqm', type: 'number', required: offline, shown: offline, importable: true },
    { name: 'classroomCount', type: 'number', required: offline, shown: offline, importable: true },
    { name: 'maxStudents', type: 'number', required: true, importable: true },
    {
      name: 'safetyFacilities',
      type: 'textarea',
      required: offline,
      shown: offline,
      maxLength: 2000,
      importable: true,
    },
    { name: 'courseSummary', type: 'textarea', required: true, maxLength: 2000, importable: true },
  ],
}

/** The academic part may be skipped when the institution offers no academic training. */
export function isSkippable(section: Section, values: FilingValues): boolean {
  return section === 'academic' && !academic(values)
}

export function isRequired(requirement: Requirement | undefined, values: FilingValues): boolean {
  return typeof requirement === 'function' ? requirement(values) : !!requirement
}

export function isShown(field: FieldDef, values: FilingValues): boolean {
  return field.shown ? field.shown(values) : true
}
