import vine from '@vinejs/vine'

const regionCode = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{6}$/)

/** "导出 Excel" on a dashboard table: which region and which table. */
export const reportExportValidator = vine.create({
  region: regionCode(),
  table: vine.string().trim().maxLength(32),
})
