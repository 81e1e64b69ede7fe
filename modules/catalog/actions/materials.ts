import { randomUUID } from 'node:crypto'
import drive from '@adonisjs/drive/services/main'
import db from '@adonisjs/lucid/services/db'
import type { MultipartFile } from '@adonisjs/core/bodyparser'
import { DomainError } from '#kernel/exceptions/domain_error'
import { checkUpload } from '#kernel/shared/uploads'
import { type CurrentUser, recordAudit } from '#modules/identity'
import type Course from '../models/course.js'
import Material from '../models/material.js'
import SpotCheckItem from '../models/spot_check_item.js'

export const MATERIAL_MAX_BYTES = 20 * 1024 * 1024

export interface MaterialInput {
  title: string
  source: 'self_compiled' | 'published'
  publisher?: string | null
  file: MultipartFile
}

/** Institutions upload the materials each course uses (Art. 11); bureaus spot-check them. */
export class UploadMaterial {
  async handle(actor: CurrentUser, course: Course, input: MaterialInput): Promise<Material> {
    const upload = await checkUpload(input.file, { maxBytes: MATERIAL_MAX_BYTES, types: ['pdf'] })
    if ('problem' in upload)
      throw new DomainError(`catalog.materials.${upload.problem}`, {}, { field: 'file' })
    const key = `catalog/materials/${course.institutionId}/${randomUUID()}.pdf`
    await drive.use().put(key, upload.bytes)
    try {
      return await db.transaction(async (trx) => {
        const material = await Material.create(
          {
            courseId: course.id,
            institutionId: course.institutionId,
            title: input.title,
            source: input.source,
            publisher: input.source === 'published' ? (input.publisher ?? null) : null,
            storageKey: key,
            originalName: upload.clientName,
            mimeType: upload.mimeType,
            sizeBytes: upload.bytes.length,
            sha256: upload.sha256,
            checkStatus: 'unchecked',
            uploadedById: actor.id,
          },
          { client: trx }
        )
        await recordAudit(
          {
            action: 'catalog.material_uploaded',
            actor,
            subjectType: 'material',
            subjectId: material.id,
          },
          trx
        )
        return material
      })
    } catch (error) {
      /* Rolled back: no material row refers to the file. */
      await drive
        .use()
        .delete(key)
        .catch(() => {})
      throw error
    }
  }
}

export class RemoveMaterial {
  /** A material drawn for a spot check is evidence and stays. */
  async handle(actor: CurrentUser, material: Material) {
    const sampled = await SpotCheckItem.query().where('materialId', material.id).first()
    if (sampled) throw new DomainError('catalog.materials.in_spot_check')
    await db.transaction(async (trx) => {
      await material.useTransaction(trx).delete()
      await recordAudit(
        {
          action: 'catalog.material_removed',
          actor,
          subjectType: 'material',
          subjectId: material.id,
          summary: material.title,
        },
        trx
      )
    })
    /* The file goes only once its row and the audit entry are committed. */
    await drive
      .use()
      .delete(material.storageKey)
      .catch(() => {})
  }
}

export async function readMaterial(material: Material): Promise<Buffer> {
  return Buffer.from(await drive.use().getBytes(material.storageKey))
}
