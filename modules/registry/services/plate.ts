/*
| The compliance code plate (合规码牌, Art. 7): a printable card with the
| institution's name, codes and a QR code. The QR opens /verify/<id> with a
| signature, so a forged or altered plate shows as invalid, and the page
| always shows the live status (a black-listed or removed institution gets
| a warning whatever the printed plate says).
*/
import env from '#start/env'
import QRCode from 'qrcode'
import { DateTime } from 'luxon'
import { Resvg } from '@resvg/resvg-js'
import { PDFDocument } from 'pdf-lib'
import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import { CJK_FONTS, CJK_FONT_FAMILY } from '#kernel/shared/fonts'
import { regionTree } from '#modules/identity'
import type Institution from '../models/institution.js'

export function verificationUrl(institution: Pick<Institution, 'id'>): string {
  return new URL(
    signedUrlFor('public.verify', { id: institution.id }, { purpose: 'plate' }),
    env.get('APP_URL')
  ).toString()
}

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)

/* Long names wrap at about 13 characters a line. */
function wrap(text: string, width: number): string[] {
  const chars = [...text]
  const lines: string[] = []
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''))
  return lines.slice(0, 3)
}

export async function plateSvg(institution: Institution): Promise<string> {
  const url = verificationUrl(institution)
  const qr = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  const qrInner = qr.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')
  const qrSize = Number(/viewBox="0 0 (\d+)/.exec(qr)?.[1] ?? 33)
  const nameLines = wrap(institution.name, 13)
  const facts: [string, string][] = [
    ['统一社会信用代码', institution.creditCode ?? '—'],
    ['办学许可证', institution.licenceNumber ?? '—'],
    ['所在地区', regionTree.fullName(institution.regionCode)],
    ['码牌生成日期', DateTime.now().setZone('Asia/Shanghai').toISODate()!],
  ]
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1120" viewBox="0 0 800 1120" font-family="${CJK_FONT_FAMILY}">
  <rect width="800" height="1120" fill="#ffffff"/>
  <rect x="16" y="16" width="768" height="1088" rx="24" fill="none" stroke="#0b4ea2" stroke-width="8"/>
  <rect x="16" y="16" width="768" height="150" rx="24" fill="#0b4ea2"/>
  <rect x="16" y="120" width="768" height="46" fill="#0b4ea2"/>
  <rect x="16" y="160" width="768" height="8" fill="#c8161d"/>
  <text x="400" y="86" text-anchor="middle" font-size="52" font-weight="700" fill="#ffffff">校外培训机构合规码牌</text>
  <text x="400" y="136" text-anchor="middle" font-size="24" fill="#ffffff">全国校外教育培训监管与服务综合平台</text>
  ${nameLines.map((line, i) => `<text x="400" y="${250 + i * 56}" text-anchor="middle" font-size="46" font-weight="700" fill="#1f2328">${escapeXml(line)}</text>`).join('\n  ')}
  <g transform="translate(200 ${300 + nameLines.length * 56}) scale(${400 / qrSize})">${qrInner}</g>
  <text x="400" y="${740 + nameLines.length * 56}" text-anchor="middle" font-size="28" fill="#0b4ea2">请使用手机扫码，核验机构实时状态</text>
  ${facts.map(([k, v], i) => `<text x="80" y="${830 + nameLines.length * 40 + i * 44}" font-size="24" fill="#6e7781">${k}</text><text x="330" y="${830 + nameLines.length * 40 + i * 44}" font-size="24" fill="#1f2328">${escapeXml(v)}</text>`).join('\n  ')}
</svg>`
}

export async function platePng(institution: Institution): Promise<Buffer> {
  const resvg = new Resvg(await plateSvg(institution), {
    font: {
      fontFiles: [CJK_FONTS.regular, CJK_FONTS.bold],
      loadSystemFonts: false,
      defaultFontFamily: CJK_FONT_FAMILY,
    },
    fitTo: { mode: 'width', value: 1600 },
  })
  return Buffer.from(resvg.render().asPng())
}

/** An A5 page holding the plate image at print resolution. */
export async function platePdf(institution: Institution): Promise<Buffer> {
  const pdf = await PDFDocument.create()
  pdf.setTitle(`${institution.name} 合规码牌`)
  pdf.setProducer('全国校外教育培训监管与服务综合平台')
  const image = await pdf.embedPng(await platePng(institution))
  const page = pdf.addPage([419.53, 595.28])
  const scale = Math.min(419.53 / image.width, 595.28 / image.height)
  const w = image.width * scale
  const h = image.height * scale
  page.drawImage(image, { x: (419.53 - w) / 2, y: (595.28 - h) / 2, width: w, height: h })
  return Buffer.from(await pdf.save())
}
