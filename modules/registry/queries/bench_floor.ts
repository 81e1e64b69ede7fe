/*
| The benchmark's stack floor (`npm run bench`): the cheapest page the
| stack can serve that still reads the database and renders Edge. It reads
| 20 institutions by primary key (a random window of ids), nothing else.
*/
import Institution from '../models/institution.js'

let highestId: number | null = null

export async function floorRows(): Promise<Institution[]> {
  if (highestId === null) {
    const row = await Institution.query().max('id as highest').first()
    highestId = Number(row?.$extras.highest ?? 0)
  }
  const start = 1 + Math.floor(Math.random() * Math.max(1, highestId - 19))
  const ids = Array.from({ length: 20 }, (_, i) => start + i)
  return Institution.query()
    .select('id', 'name', 'region_code', 'list_status')
    .whereIn('id', ids)
    .orderBy('id')
}
