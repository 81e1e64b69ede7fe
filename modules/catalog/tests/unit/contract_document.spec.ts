import { test } from '@japa/runner'
import fontkit from '@pdf-lib/fontkit'
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { TEMPLATE_V1 } from '../../contracts/gf_2021_2604.js'
import { CONTRACT_FACT_KEYS } from '../../contracts/facts.js'
import {
  type RenderedContract,
  TemplateFieldMissing,
  canonicalJson,
  fill,
  placeholdersOf,
  render,
  sha256Of,
} from '../../contracts/template.js'
import { contractPdf } from '../../contracts/pdf.js'

const facts = Object.fromEntries(CONTRACT_FACT_KEYS.map((k) => [k, `«${k}»`]))
const v1 = { code: 'GF-2021-2604', version: 1, body: TEMPLATE_V1 }
const allText = (c: RenderedContract) =>
  [
    ...c.partyA.flat(),
    ...c.partyB.flat(),
    ...c.sections.flatMap((s) => [s.heading, ...s.clauses]),
  ].join('\n')

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    disableFontFace: true,
  }).promise
  let text = ''
  for (let i = 1; i <= doc.numPages; i++)
    text += (await (await doc.getPage(i)).getTextContent()).items.map((t: any) => t.str).join('')
  return text
}

/** The font programs embedded in a PDF, opened with fontkit. */
async function embeddedFonts(bytes: Buffer) {
  const doc = await PDFDocument.load(bytes)
  const fonts = []
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (
      !(object instanceof PDFDict) ||
      object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')
    )
      continue
    const ref = object.get(PDFName.of('FontFile2'))
    const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : null
    if (stream instanceof PDFRawStream)
      fonts.push(fontkit.create(Buffer.from(decodePDFRawStream(stream).decode())))
  }
  return fonts
}

test.group('Standard contract template (GF-2021-2604 model)', () => {
  test('every variable field is one the platform fills', ({ assert }) => {
    const unknown = [...placeholdersOf(TEMPLATE_V1)].filter((p) => !CONTRACT_FACT_KEYS.includes(p))
    assert.deepEqual(unknown, [])
  })

  test('covers the fields of the national model text', ({ assert }) => {
    const c = render(v1, facts, [])
    const partyA = c.partyA.map(([label]) => label).join()
    const partyB = c.partyB.map(([label]) => label).join()
    for (const label of [
      '办学许可证编号',
      '办学许可证有效期至',
      '审批机关',
      'ICP备案号',
      '统一社会信用代码',
    ])
      assert.include(partyB, label)
    for (const label of ['学员身份证号', '就读学校', '年级', '监护人'])
      assert.include(partyA, label)
    const text = allText(c)
    for (const field of [
      'kindLabel',
      'deliveryLabel',
      'courseName',
      'classCount',
      'minutesPerClass',
      'scheduleLabel',
      'startDate',
      'endDate',
      'teachingModeLabel',
      'capacity',
      'minClassSize',
      'namedTeacherLabel',
      'paymentModeLabel',
      'escrowModelLabel',
      'refundWithinDays',
      'disputeLabel',
    ]) {
      assert.include(text, `«${field}»`, field)
    }
    assert.include(text, '培训贷款')
    assert.deepEqual(
      c.sections.map((s) => s.heading.split(' ')[0]),
      ['第一条', '第二条', '第三条', '第四条', '第五条', '第六条', '第七条', '第八条']
    )
  })

  test('a placeholder without a value is an error, never an empty blank in a signed contract', ({
    assert,
  }) => {
    assert.throws(
      () => fill('学员：{{studentName}}，学校：{{studentSchool}}', { studentName: '王小明' }),
      TemplateFieldMissing as any
    )
    assert.equal(fill('学员：{{ studentName }}', { studentName: '王小明' }), '学员：王小明')
  })

  test('a contract hashes the same whatever order its keys come back in', ({ assert }) => {
    const c = render(v1, facts, [['1', '2027-03-06', '周六', '09:00—10:00']])
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(c).reverse())))
    assert.equal(canonicalJson(reordered), canonicalJson(c))
    assert.equal(sha256Of(reordered), sha256Of(c))
    assert.notEqual(sha256Of({ ...c, title: c.title + ' ' }), sha256Of(c))
    assert.match(sha256Of(c), /^[0-9a-f]{64}$/)
  })
})

test.group('Signed contract PDF', () => {
  const contract: RenderedContract = {
    ...render(
      v1,
      {
        ...facts,
        courseName: '少儿美术启蒙班',
        institutionName: '长春启明星艺术培训学校',
        studentName: '王小明',
        studentIdMasked: '220**************X',
        creditCode: '52220104MJ0000082B',
      },
      [['1', '2027-03-06', '周六', '09:00—10:00']]
    ),
    signature: {
      number: 'XW2027030600000001',
      signedAt: '2027-03-01 10:00:00',
      method: '平台账号密码确认身份后电子签署',
      signer: '王丽',
    },
  }

  test('carries the Chinese text of the contract, its number and its content hash', async ({
    assert,
  }) => {
    const hash = sha256Of(contract)
    const text = (await pdfText(await contractPdf(contract, hash))).replace(/\s+/g, '')
    /* Digits next to other characters once came out as other glyphs (the font's contextual alternates): the masked ID and the credit code catch that. */
    for (const part of [
      '中小学生校外培训服务合同',
      '少儿美术启蒙班',
      '长春启明星艺术培训学校',
      '王小明',
      '第五条退费',
      '220**************X',
      '52220104MJ0000082B',
      '2027-03-06',
      '09:00—10:00',
      'XW2027030600000001',
      hash,
    ]) {
      assert.include(text, part.replace(/\s+/g, ''))
    }
  })

  test('embeds a font that has a glyph for every character it prints', async ({ assert }) => {
    const bytes = await contractPdf(contract, sha256Of(contract))
    const fonts = await embeddedFonts(bytes)
    assert.lengthOf(fonts, 1)
    const drawable = (ch: string) =>
      fonts[0]!.hasGlyphForCodePoint(ch.codePointAt(0)!) &&
      fonts[0]!.glyphForCodePoint(ch.codePointAt(0)!).path.bbox.width > 0
    const missing = [...new Set(allText(contract) + contract.signature!.number)].filter(
      (ch) => ch.trim() && !drawable(ch)
    )
    assert.deepEqual(missing, [])
    /* A subset, not the 10 MB font. */
    assert.isBelow(bytes.length, 400_000)
  })
})
