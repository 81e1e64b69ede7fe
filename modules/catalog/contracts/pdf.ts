/*
| The signed contract as a PDF (A4, Noto Sans SC cut down to the
| characters used and embedded, so every reader shows the same Chinese
| glyphs). The PDF is made once, at signing, and its bytes are stored: a
| download is always the very file whose hash was recorded. Headings are
| drawn filled and stroked, so one embedded weight serves the whole page.
*/
import {
  PDFDocument,
  type PDFFont,
  type PDFPage,
  TextRenderingMode,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineWidth,
  setStrokingRgbColor,
  setTextRenderingMode,
} from 'pdf-lib'
import fontkit from '@pdf-lib/fontkit'
import { cjkSubset } from '#kernel/shared/fonts'
import type { RenderedContract } from './template.js'

const A4 = { width: 595.28, height: 841.89 }
const MARGIN = { x: 56, top: 64, bottom: 64 }
const INK = rgb(0.12, 0.14, 0.16)
const GREY = rgb(0.43, 0.47, 0.51)
const RULE = rgb(0.8, 0.82, 0.85)
/* fontkit applies the font's localized forms (locl) for a script it guesses, and in the cut-down font those substitutes are other glyphs: digits beside '*' or Latin letters came out as wrong characters. */
const PLAIN_LAYOUT = { locl: false }

/** Splits text into lines no wider than `width`, breaking between any two characters (Chinese has no spaces). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const char of text) {
    if (char === '\n') {
      lines.push(line)
      line = ''
      continue
    }
    if (line && font.widthOfTextAtSize(line + char, size) > width) {
      lines.push(line)
      line = char.trim() ? char : ''
    } else {
      line += char
    }
  }
  if (line || !lines.length) lines.push(line)
  return lines
}

class Writer {
  page!: PDFPage
  y = 0
  readonly width = A4.width - 2 * MARGIN.x

  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont
  ) {
    this.newPage()
  }

  newPage() {
    this.page = this.doc.addPage([A4.width, A4.height])
    this.y = A4.height - MARGIN.top
  }

  ensure(height: number) {
    if (this.y - height < MARGIN.bottom) this.newPage()
  }

  text(
    text: string,
    options: {
      size?: number
      bold?: boolean
      color?: typeof INK
      indent?: number
      center?: boolean
      gap?: number
    } = {}
  ) {
    const size = options.size ?? 10.5
    const font = this.regular
    const indent = options.indent ?? 0
    const leading = size * 1.6
    for (const line of wrapText(text, font, size, this.width - indent)) {
      this.ensure(leading)
      const x = options.center
        ? (A4.width - font.widthOfTextAtSize(line, size)) / 2
        : MARGIN.x + indent
      if (options.bold)
        this.page.pushOperators(
          pushGraphicsState(),
          setTextRenderingMode(TextRenderingMode.FillAndOutline),
          setLineWidth(size / 40),
          setStrokingRgbColor(0.12, 0.14, 0.16)
        )
      this.page.drawText(line, { x, y: this.y - size, size, font, color: options.color ?? INK })
      if (options.bold) this.page.pushOperators(popGraphicsState())
      this.y -= leading
    }
    this.y -= options.gap ?? 0
  }

  rows(rows: [string, string][], labelWidth: number) {
    for (const [label, value] of rows) {
      const lines = wrapText(value, this.regular, 10.5, this.width - labelWidth)
      this.ensure(lines.length * 16.8)
      this.page.drawText(label, {
        x: MARGIN.x,
        y: this.y - 10.5,
        size: 10.5,
        font: this.regular,
        color: GREY,
      })
      for (const line of lines) {
        this.page.drawText(line, {
          x: MARGIN.x + labelWidth,
          y: this.y - 10.5,
          size: 10.5,
          font: this.regular,
          color: INK,
        })
        this.y -= 16.8
      }
    }
    this.y -= 6
  }

  rule() {
    this.ensure(12)
    this.page.drawLine({
      start: { x: MARGIN.x, y: this.y - 4 },
      end: { x: A4.width - MARGIN.x, y: this.y - 4 },
      thickness: 0.6,
      color: RULE,
    })
    this.y -= 12
  }
}

export async function contractPdf(
  contract: RenderedContract,
  contentSha256: string
): Promise<Buffer> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(fontkit)
  const regular = await doc.embedFont(await cjkSubset(textOf(contract, contentSha256)), {
    subset: false,
    features: PLAIN_LAYOUT,
  })
  doc.setTitle(`${contract.title} ${contract.signature?.number ?? ''}`.trim())
  doc.setSubject(`SHA-256 ${contentSha256}`)
  doc.setProducer('Xiaowai off-campus training platform')
  doc.setLanguage('zh-CN')

  const w = new Writer(doc, regular)
  w.text(contract.title, { size: 18, bold: true, center: true, gap: 4 })
  w.text(`（合同范本 ${contract.templateCode} 第 ${contract.templateVersion} 版）`, {
    size: 9,
    color: GREY,
    center: true,
    gap: 6,
  })
  if (contract.signature) {
    w.text(`合同编号：${contract.signature.number}    签订时间：${contract.signature.signedAt}`, {
      size: 9.5,
      color: GREY,
      gap: 2,
    })
  }
  w.text(contract.basis, { size: 9, color: GREY, gap: 8 })
  w.rule()
  w.text('甲方（学员方）', { size: 12, bold: true, gap: 2 })
  w.rows(contract.partyA, 110)
  w.text('乙方（培训机构）', { size: 12, bold: true, gap: 2 })
  w.rows(contract.partyB, 110)
  w.rule()
  for (const section of contract.sections) {
    w.ensure(40)
    w.text(section.heading, { size: 12, bold: true, gap: 2 })
    for (const clause of section.clauses) w.text(clause, { indent: 12, gap: 2 })
    w.y -= 6
  }
  if (contract.signature) {
    w.rule()
    w.text('签署', { size: 12, bold: true, gap: 2 })
    w.rows(
      [
        ['甲方签署', `${contract.signature.signer}（${contract.signature.method}）`],
        ['乙方', '按平台标准格式合同在平台上架课程，视为同意本合同全部条款'],
        ['签订时间', contract.signature.signedAt],
      ],
      110
    )
  }
  w.newPage()
  w.text('附件：课程表', { size: 12, bold: true, gap: 4 })
  for (const [number, date, weekday, time] of contract.timetable) {
    w.ensure(16)
    const y = w.y - 10
    for (const [x, text] of [
      [0, `第 ${number} 课时`],
      [90, date],
      [190, weekday],
      [250, time],
    ] as const) {
      w.page.drawText(text, { x: MARGIN.x + x, y, size: 10, font: regular, color: INK })
    }
    w.y -= 16
  }

  const pages = doc.getPages()
  pages.forEach((page, i) => {
    const footer = `第 ${i + 1} 页 / 共 ${pages.length} 页    合同内容 SHA-256：${contentSha256}`
    page.drawText(footer, { x: MARGIN.x, y: 32, size: 7, font: regular, color: GREY })
  })
  return Buffer.from(await doc.save())
}

/* Every character the PDF will draw, so the embedded font has each glyph. */
function textOf(contract: RenderedContract, contentSha256: string): string {
  const fixed =
    '甲方（学员方）乙方（培训机构）签署按平台标准格式合同在平台上架课程，视为同意本合同全部条款签订时间附件：课程表第页共课时合同内容编号范本版 /：-0123456789SHA'
  return [fixed, contentSha256, JSON.stringify(contract)].join('')
}
