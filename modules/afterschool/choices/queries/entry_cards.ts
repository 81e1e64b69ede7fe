/*
| What a school compares on a published list (issue 17, item 5): each
| entry's institution, credit grade, teachers (and whether they hold a
| teacher's certificate) and parents' reviews, composed from the owning
| modules' public APIs. Lists are a few dozen entries, so teachers and
| reviews are asked per institution.
*/
import { institutionRating } from '#modules/complaints'
import { creditGrades } from '#modules/credit'
import { institutionSummaries, teachersOf } from '#modules/registry'
import type AfterschoolApplication from '../../calls/models/afterschool_application.js'

export interface EntryCard {
  institutionName: string
  grade: string | null
  score: number | null
  /** Teachers named by any of the entry's projects, by id. */
  teachers: Map<number, { name: string; certified: boolean }>
  rating: { average: number | null; count: number }
}

export async function entryCards(
  entries: AfterschoolApplication[]
): Promise<Map<number, EntryCard>> {
  const ids = entries.map((e) => e.institutionId)
  const [institutions, grades] = await Promise.all([institutionSummaries(ids), creditGrades(ids)])
  const cards = new Map<number, EntryCard>()
  for (const e of entries) {
    const named = [...new Set(e.offers.flatMap((o) => o.teacherIds))]
    const [teachers, rating] = await Promise.all([
      teachersOf(e.institutionId, named),
      institutionRating(e.institutionId),
    ])
    const grade = grades.get(e.institutionId)
    cards.set(e.id, {
      institutionName: institutions.get(e.institutionId)?.name ?? `#${e.institutionId}`,
      grade: grade?.grade ?? null,
      score: grade?.score ?? null,
      teachers: new Map(
        teachers.map((t) => [t.id, { name: t.name, certified: !!t.certificateNumber }])
      ),
      rating,
    })
  }
  return cards
}
