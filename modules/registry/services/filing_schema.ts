/*
| Builds the VineJS schema for one part of the filing from the field
| definitions, resolving which fields are required from what the person
| has entered so far (a leased venue needs its lease end date, an online
| institution its ICP number, and so on).
*/
import vine from '@vinejs/vine'
import type { PluginField } from '#plugin_sdk'
import { isValidResidentId } from '#kernel/shared/personal_data'
import { isValidCreditCode } from '#kernel/shared/credit_code'
import { regionTree } from '#modules/identity'
import { localIsoDate } from '#kernel/shared/dates'
import { type FieldDef, type FilingValues, isRequired, isShown } from '../filing/fields.js'
import { isSupervisingBank } from '../queries/supervising_banks.js'

const residentId = vine.createRule((value, _, field) => {
  if (typeof value === 'string' && !isValidResidentId(value))
    field.report('身份证号码无效', 'idNumber', field)
})

const creditCode = vine.createRule((value, _, field) => {
  if (typeof value === 'string' && !isValidCreditCode(value))
    field.report('统一社会信用代码无效', 'creditCode', field)
})

/* Offline institutions belong to a county-level unit (or a city without counties, such as Dongguan). */
const countyLevel = vine.createRule((value, _, field) => {
  const region = typeof value === 'string' ? regionTree.get(value) : undefined
  if (!region || region.level < 2 || regionTree.children(region.code).length > 0) {
    field.report('请选择区县', 'county', field)
  }
})

/* Only a bank of the bureaus' register may be filed: typed names made phantom banks (review finding 2). */
const registeredBank = vine.createRule(
  async (value, _, field) => {
    if (typeof value === 'string' && !(await isSupervisingBank(value)))
      field.report('请从登记的监管银行中选择', 'supervisingBank', field)
  },
  { isAsync: true }
)

function scalar(def: FieldDef): any {
  switch (def.type) {
    case 'text':
      return vine
        .string()
        .trim()
        .maxLength(def.maxLength ?? 255)
    case 'textarea':
      return vine
        .string()
        .trim()
        .maxLength(def.maxLength ?? 2000)
    case 'date':
      return vine.date({ formats: ['YYYY-MM-DD'] }).transform(localIsoDate)
    case 'number':
      return vine.number().min(0).max(10_000_000)
    case 'select':
      return vine.enum(def.options ?? [])
    case 'checkboxes':
      return vine.array(vine.enum(def.options ?? [])).distinct()
    case 'phone':
      return vine
        .string()
        .trim()
        .regex(/^(\+?86)?[\s-]*(1[3-9]\d{9}|0\d{2,3}[\s-]?\d{7,8})$/)
        .transform((v) => v.replace(/[\s-]/g, '').replace(/^\+?86/, ''))
    case 'id_number':
      return vine.string().trim().toUpperCase().use(residentId())
    case 'credit_code':
      return vine.string().trim().toUpperCase().use(creditCode())
    case 'county':
      return vine.string().trim().use(countyLevel())
    case 'bank':
      return vine
        .string()
        .trim()
        .maxLength(def.maxLength ?? 128)
        .use(registeredBank())
    case 'document':
      return vine.number().positive().withoutDecimals()
    case 'rows':
      throw new Error('rows are built by rowsSchema')
  }
}

function fieldSchema(def: FieldDef, values: FilingValues): any {
  if (def.type === 'rows') return rowsSchema(def, values)
  const base = scalar(def)
  return isRequired(def.required, values) ? base : base.optional()
}

function rowFieldSchema(def: FieldDef): any {
  const base = scalar(def)
  if (def.requiredWhen)
    return base.optional().requiredWhen(def.requiredWhen[0], '=', def.requiredWhen[1])
  return def.required === true ? base : base.optional()
}

function rowsSchema(def: FieldDef, values: FilingValues) {
  const element = vine.object(Object.fromEntries(def.rows!.map((r) => [r.name, rowFieldSchema(r)])))
  const list = vine.array(element).maxLength(20)
  return isRequired(def.minRows, values) ? list.minLength(def.minCount ?? 1) : list.optional()
}

export function pluginFieldSchema(field: PluginField): any {
  let base: any
  switch (field.type) {
    case 'number':
      base = vine.number().min(0)
      break
    case 'date':
      base = vine.date({ formats: ['YYYY-MM-DD'] }).transform(localIsoDate)
      break
    case 'select':
      base = vine.enum((field.options ?? []).map((o) => o.value))
      break
    default:
      base = vine
        .string()
        .trim()
        .maxLength(field.maxLength ?? 255)
  }
  return field.required ? base : base.optional()
}

export function sectionSchema(defs: FieldDef[], values: FilingValues, extra: PluginField[]) {
  const shape: Record<string, any> = {}
  for (const def of defs) {
    if (!isShown(def, values)) continue
    /* Personal values already on file may be left blank to keep them. */
    if (def.personal && values[`${def.name}__kept`]) {
      shape[def.name] = scalar(def).optional()
      continue
    }
    shape[def.name] = fieldSchema(def, values)
  }
  if (extra.length) {
    shape.extra = vine.object(Object.fromEntries(extra.map((f) => [f.name, pluginFieldSchema(f)])))
  }
  return vine.object(shape)
}
