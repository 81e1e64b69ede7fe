import { createHash, randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import { Resvg } from '@resvg/resvg-js'
import { CJK_FONTS, CJK_FONT_FAMILY } from '#kernel/shared/fonts'
import RegistryDocument from '../models/document.js'

/** A plain portrait card with the teacher's surname, standing in for a photo in demo data. */
export async function demoPhoto(institutionId: number, name: string): Promise<number> {
  const hue = createHash('md5').update(name).digest()[0]! * 1.4
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="320" viewBox="0 0 240 320">
  <rect width="240" height="320" fill="hsl(${hue} 45% 88%)"/>
  <circle cx="120" cy="120" r="62" fill="hsl(${hue} 35% 70%)"/>
  <rect x="40" y="196" width="160" height="124" rx="70" fill="hsl(${hue} 35% 70%)"/>
  <text x="120" y="142" text-anchor="middle" font-size="64" font-family="${CJK_FONT_FAMILY}" fill="#ffffff">${[...name][0]}</text>
</svg>`
  const png = new Resvg(svg, {
    font: {
      fontFiles: [CJK_FONTS.regular],
      loadSystemFonts: false,
      defaultFontFamily: CJK_FONT_FAMILY,
    },
  })
    .render()
    .asPng()
  const key = `registry/${institutionId}/staff_photo/${randomUUID()}.png`
  await drive.use().put(key, png)
  const document = await RegistryDocument.create({
    institutionId,
    kind: 'staff_photo',
    storageKey: key,
    originalName: `${name}.png`,
    mimeType: 'image/png',
    sizeBytes: png.length,
    sha256: createHash('sha256').update(png).digest('hex'),
    uploadedById: null,
  })
  return document.id
}
