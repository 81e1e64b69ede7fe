import type { HttpContext } from '@adonisjs/core/http'
import { DomainError } from '#kernel/exceptions/domain_error'
import { labelledMessages } from '#kernel/shared/validation_messages'
import { type CheckedUpload, checkUpload } from '#kernel/shared/uploads'

/** Validation messages that name complaint fields by their labels. */
export const complaintMessages = (ctx: HttpContext) =>
  labelledMessages(ctx.i18n, 'complaints.fields')

export const idParam = (value: unknown) => {
  const n = Number(value)
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

export const MAX_ATTACHMENTS = 5
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024

/** Evidence files: at most five PDFs or photos of 5 MB each, judged by their content. */
export async function readAttachments(ctx: HttpContext): Promise<CheckedUpload[]> {
  const files = ctx.request.files('attachments', { size: '5mb' }).filter((f) => f.clientName)
  if (files.length > MAX_ATTACHMENTS)
    throw new DomainError(
      'complaints.errors.too_many_files',
      { max: MAX_ATTACHMENTS },
      { field: 'attachments' }
    )
  const checked: CheckedUpload[] = []
  for (const file of files) {
    const upload = await checkUpload(file, {
      maxBytes: ATTACHMENT_MAX_BYTES,
      types: ['pdf', 'jpg', 'png'],
    })
    if ('problem' in upload)
      throw new DomainError(
        `complaints.errors.file_${upload.problem}`,
        { name: file.clientName },
        { field: 'attachments' }
      )
    checked.push(upload)
  }
  return checked
}
