import { test } from '@japa/runner'
import { INSPECTION_WEIGHTS, weightedDraw } from '../../score/weighted_draw.js'

const GRADES = ['A', 'B', 'C', 'D', 'E'] as const
/* 10,000 institutions, 2,000 of each grade. */
const population = Array.from({ length: 10_000 }, (_, i) => ({
  institutionId: i + 1,
  grade: GRADES[i % 5]!,
}))
const gradeOf = new Map(population.map((p) => [p.institutionId, p.grade]))
const tally = (ids: number[]) => {
  const out = { A: 0, B: 0, C: 0, D: 0, E: 0 }
  for (const id of ids) out[gradeOf.get(id)!] += 1
  return out
}

test.group('Inspection draw weighted by credit grade', () => {
  test('over a fixed seed, E is drawn most and A least, near the weights', ({ assert }) => {
    const drawn = weightedDraw(population, 1000, 'c0ffee0123456789')
    assert.lengthOf(drawn, 1000)
    assert.lengthOf(new Set(drawn), 1000, 'no institution twice')
    const t = tally(drawn)
    assert.isAbove(t.E, t.D)
    assert.isAbove(t.D, t.C)
    assert.isAbove(t.C, t.B)
    assert.isAbove(t.B, t.A)
    /* With 10% drawn, shares follow the weights 1:2:4:8:16 of 31 closely (within 4 points). */
    const total = Object.values(INSPECTION_WEIGHTS).reduce((a, b) => a + b, 0)
    for (const g of GRADES)
      assert.approximately(t[g] / 1000, INSPECTION_WEIGHTS[g] / total, 0.04, `grade ${g}: ${t[g]}`)
  })

  test('the same seed replays the same draw; another seed draws otherwise', ({ assert }) => {
    const first = weightedDraw(population, 50, 'seed-a')
    assert.deepEqual(weightedDraw([...population].reverse(), 50, 'seed-a'), first)
    assert.notDeepEqual(weightedDraw(population, 50, 'seed-b'), first)
  })

  test('a sample larger than the population draws everyone once', ({ assert }) => {
    const few = population.slice(0, 7)
    assert.sameMembers(weightedDraw(few, 50, 'x'), [1, 2, 3, 4, 5, 6, 7])
    assert.deepEqual(weightedDraw(few, 0, 'x'), [])
  })
})
