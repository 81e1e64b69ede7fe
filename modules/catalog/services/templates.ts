/*
| Contract template versions. Version 1 ships with the platform; a later
| version is published (never edited: a trigger forbids it) and applies
| to contracts signed from then on; signed contracts keep theirs.
*/
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import vine from '@vinejs/vine'
import ContractTemplate from '../models/contract_template.js'
import { TEMPLATE_CODE, TEMPLATE_V1 } from '../contracts/gf_2021_2604.js'
import { type TemplateBody, placeholdersOf, sha256Of } from '../contracts/template.js'
import { CONTRACT_FACT_KEYS } from '../contracts/facts.js'

export class UnknownPlaceholders extends Error {
  constructor(readonly names: string[]) {
    super(`The template uses placeholders the platform does not fill: ${names.join(', ')}`)
  }
}

export async function currentTemplate(): Promise<ContractTemplate> {
  const latest = await ContractTemplate.query()
    .where('code', TEMPLATE_CODE)
    .orderBy('version', 'desc')
    .first()
  if (latest) return latest
  await db
    .table('contract_templates')
    .insert({
      code: TEMPLATE_CODE,
      version: 1,
      title: TEMPLATE_V1.title,
      body: JSON.stringify(TEMPLATE_V1),
      body_sha256: sha256Of(TEMPLATE_V1),
      change_note: '首版',
      published_at: new Date(),
    })
    .onConflict(['code', 'version'])
    .ignore()
  return ContractTemplate.query()
    .where('code', TEMPLATE_CODE)
    .orderBy('version', 'desc')
    .firstOrFail()
}

const pair = () => vine.array(vine.string().trim().minLength(1)).fixedLength(2)
const templateSchema = vine.create({
  title: vine.string().trim().minLength(2).maxLength(128),
  basis: vine.string().trim().maxLength(500),
  partyA: vine.array(pair()).minLength(1),
  partyB: vine.array(pair()).minLength(1),
  sections: vine
    .array(
      vine.object({
        heading: vine.string().trim().minLength(1),
        clauses: vine.array(vine.string().trim().minLength(1)).minLength(1),
      })
    )
    .minLength(1),
})

/** Publishes the next version. Every placeholder must be one the platform fills. */
export async function publishTemplate(
  input: unknown,
  changeNote: string
): Promise<ContractTemplate> {
  const body = (await templateSchema.validate(input)) as TemplateBody
  const unknown = [...placeholdersOf(body)].filter((p) => !CONTRACT_FACT_KEYS.includes(p))
  if (unknown.length) throw new UnknownPlaceholders(unknown)
  const previous = await currentTemplate()
  return db.transaction(async (trx) => {
    await trx.rawQuery('SELECT pg_advisory_xact_lock(hashtext(?))', [
      `contract_template:${TEMPLATE_CODE}`,
    ])
    const last = await ContractTemplate.query({ client: trx })
      .where('code', TEMPLATE_CODE)
      .orderBy('version', 'desc')
      .first()
    return ContractTemplate.create(
      {
        code: TEMPLATE_CODE,
        version: (last ?? previous).version + 1,
        title: body.title,
        body,
        bodySha256: sha256Of(body),
        changeNote,
        publishedAt: DateTime.now(),
      },
      { client: trx }
    )
  })
}
