import db from '@adonisjs/lucid/services/db'

/*
| Reference data loaded by data migrations (the region tree, later the
| holiday calendar) survives between tests; everything else is emptied.
*/
const KEEP = new Set(['adonis_schema', 'adonis_schema_versions', 'regions'])

/** Empties every table except reference data. For tests that need real, committed transactions. */
export async function truncateAll() {
  const { rows } = await db.rawQuery(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)
  const tables = rows
    .map((r: { tablename: string }) => r.tablename)
    .filter((t: string) => !KEEP.has(t))
  if (tables.length)
    await db.rawQuery(
      `TRUNCATE ${tables.map((t: string) => `"${t}"`).join(', ')} RESTART IDENTITY CASCADE`
    )
}
