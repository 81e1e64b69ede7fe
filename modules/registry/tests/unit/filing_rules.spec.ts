import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import { isValidCreditCode, withCheckChar } from '#kernel/shared/credit_code'
import { FIELDS, isSkippable } from '../../filing/fields.js'
import { sectionSchema } from '../../services/filing_schema.js'
import { KEY_FIELDS } from '../../services/filing.js'
import { addRow, removeRow } from '../../services/filing_rows.js'
import { creditCode } from '../../testing.js'

const validate = async (
  section: keyof typeof FIELDS,
  values: Record<string, any>,
  context: Record<string, any> = {}
) => {
  try {
    await vine
      .create(sectionSchema(FIELDS[section], { ...context, ...values }, []))
      .validate(values)
    return []
  } catch (error: any) {
    return error.messages.map((m: any) => `${m.field}:${m.rule}`)
  }
}

test.group('Filing rules', () => {
  test('unified social credit codes are checked against GB 32100', ({ assert }) => {
    assert.isTrue(isValidCreditCode('91350100M000100Y43'))
    assert.isFalse(isValidCreditCode('91350100M000100Y44'))
    assert.isFalse(isValidCreditCode('91350100M000100Y4'))
    assert.isTrue(isValidCreditCode(withCheckChar('52220104MJ0000001')))
    assert.isTrue(isValidCreditCode(creditCode()))
  })

  test('licence fields are required only for licensed institutions', async ({ assert }) => {
    const licensed = await validate('qualifications', {
      qualificationType: 'offline_licence',
      legalEntityType: 'enterprise',
      legalCertNumber: 'x',
      legalCertAuthority: 'y',
      legalCertDocument: 1,
    })
    assert.includeMembers(licensed, [
      'licenceNumber:required',
      'licenceValidTo:required',
      'licenceDocument:required',
    ])
    const unlicensed = await validate('qualifications', {
      qualificationType: 'unlicensed',
      legalEntityType: 'enterprise',
      legalCertNumber: 'x',
      legalCertAuthority: 'y',
      legalCertDocument: 1,
    })
    assert.deepEqual(unlicensed, [])
  })

  test('online institutions need a website and ICP number, offline ones venues', async ({
    assert,
  }) => {
    assert.includeMembers(await validate('basic', { delivery: 'online' }), [
      'website:required',
      'icpNumber:required',
    ])
    assert.notInclude(await validate('basic', { delivery: 'offline' }), 'website:required')
    assert.include(
      await validate('operations', { venues: [] }, { delivery: 'offline' }),
      'venues:array.minLength'
    )
    assert.notInclude(await validate('operations', {}, { delivery: 'online' }), 'venues:required')
  })

  test('the academic part is skippable only without academic training', ({ assert }) => {
    assert.isTrue(isSkippable('academic', { categories: ['arts'] }))
    assert.isFalse(isSkippable('academic', { categories: ['arts', 'academic'] }))
    assert.isFalse(isSkippable('basic', {}))
  })

  test('key facts are the ones Art. 12 names, the person behind the legal representative, and those that direct the money', ({
    assert,
  }) => {
    assert.sameMembers(KEY_FIELDS, [
      'name',
      'regionCode',
      'address',
      'legalRepName',
      'legalRepIdNumber',
      'licenceNumber',
      'licenceValidTo',
      'supervisingBank',
      'supervisedAccount',
      'escrowModel',
      'venues',
      'categories',
      'otherCategory',
    ])
  })

  test('rows are added and removed without losing the others', ({ assert }) => {
    const fields = { venues: [{ address: 'a' }, { address: 'b' }] }
    assert.deepEqual(addRow(fields, 'add:venues')!.venues, [{ address: 'a' }, { address: 'b' }, {}])
    assert.deepEqual(removeRow(fields, 'remove:venues:0')!.venues, [{ address: 'b' }])
    assert.isNull(addRow(fields, 'add:users'))
  })
})
