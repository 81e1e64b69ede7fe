import db from '@adonisjs/lucid/services/db'
import drive from '@adonisjs/drive/services/main'
import { createTestAccount } from '#testing/identity'
import { TINY_PNG, createFiledInstitution, createStaffMember, residentId } from '#testing/registry'
import type { CourseDraft } from '../../course/draft.js'
import { courseDraft, createCourse } from '../../testing.js'

export interface World {
  institution: Awaited<ReturnType<typeof createFiledInstitution>>
  teacher: Awaited<ReturnType<typeof createStaffMember>>
  owner: Awaited<ReturnType<typeof createTestAccount>>
}

/** A filed, white-listed institution with one admitted teacher and its owner's account. */
export async function world(
  options: { regionCode?: string; delivery?: 'offline' | 'online'; categories?: string[] } = {}
): Promise<World> {
  const regionCode = options.regionCode ?? '220104'
  const institution = await createFiledInstitution({
    regionCode,
    delivery: options.delivery ?? 'offline',
    categories: options.categories ?? ['arts', 'academic'],
  })
  const teacher = await createStaffMember(
    institution.id,
    '李老师',
    residentId(Math.floor(Math.random() * 900) + 100)
  )
  const owner = await createTestAccount({
    role: 'institution_owner',
    regionCode,
    orgType: 'institution',
    orgId: institution.id,
  })
  return { institution, teacher, owner }
}

/** Gives a teacher a photo on file (Jilin shows it on course pages). */
export async function withPhoto(staffId: number, institutionId: number) {
  const key = `tests/photo-${staffId}-${Date.now()}.png`
  await drive.use().put(key, TINY_PNG)
  const [doc] = await db
    .table('registry_documents')
    .insert({
      institution_id: institutionId,
      kind: 'staff_photo',
      storage_key: key,
      original_name: 'p.png',
      mime_type: 'image/png',
      size_bytes: TINY_PNG.length,
      sha256: 'x',
      created_at: new Date(),
    })
    .returning('id')
  await db.from('staff').where('id', staffId).update({ photo_document_id: doc.id })
}

export async function courseOnSale(w: World, overrides: Partial<CourseDraft> = {}) {
  return createCourse(
    w.institution.id,
    courseDraft({ teacherIds: [w.teacher.id], ...overrides }),
    'on_sale'
  )
}

/** Rows of a table that match (always scoped: other suites may have committed rows of their own). */
export const count = async (table: string, where: Record<string, unknown>) =>
  Number((await db.from(table).where(where).count('* as n'))[0].n)
