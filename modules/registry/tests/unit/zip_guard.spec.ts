import { test } from '@japa/runner'
import ExcelJS from 'exceljs'
import { MAX_RATIO, SpreadsheetRefused, assertSafeZip } from '../../services/zip_guard.js'
import { bombZip } from '../functional/zip_bombs.js'

const reasonOf = (bytes: Buffer) => {
  try {
    assertSafeZip(bytes)
    return 'safe'
  } catch (error) {
    if (error instanceof SpreadsheetRefused) return error.reason
    throw error
  }
}

test.group('Zip guard for spreadsheets', () => {
  test('a workbook written by ExcelJS passes', async ({ assert }) => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('机构信息')
    for (let i = 0; i < 2000; i++)
      sheet.addRow([`培训学校${i}`, '52220104MJ0000000X', '长春市朝阳区红旗街 1 号'])
    assert.equal(reasonOf(Buffer.from(await book.xlsx.writeBuffer())), 'safe')
  })

  test('bytes that are not a zip are refused', ({ assert }) => {
    assert.equal(reasonOf(Buffer.from('姓名,身份证号\n张某,1\n')), 'not_zip')
    assert.equal(reasonOf(Buffer.alloc(0)), 'not_zip')
  })

  test('too much in total, too dense, or a lying directory is refused', ({ assert }) => {
    assert.equal(reasonOf(bombZip({ realBytes: 51 * 1024 * 1024 })), 'too_large')
    assert.equal(reasonOf(bombZip({ realBytes: 4 * 1024 * 1024 })), 'ratio')
    assert.equal(reasonOf(bombZip({ realBytes: 4 * 1024 * 1024, declaredBytes: 1000 })), 'damaged')
    /* Small entries may compress far better than the ratio: they cannot hurt. */
    assert.equal(reasonOf(bombZip({ realBytes: 512 * 1024 })), 'safe')
    assert.isAbove(MAX_RATIO, 20)
  })
})
