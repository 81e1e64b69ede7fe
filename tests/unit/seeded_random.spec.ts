import { test } from '@japa/runner'
import { seededRandom } from '#tests/helpers/seeded_random'

test.group('Seeded randomness for tests', () => {
  test('one seed gives one sequence in [0, 1); another seed another', ({ assert }) => {
    const draw = (seed: number) => {
      const random = seededRandom(seed)
      return Array.from({ length: 1000 }, () => random())
    }
    assert.deepEqual(draw(42), draw(42))
    assert.notDeepEqual(draw(42), draw(43))
    const values = draw(7)
    assert.isTrue(values.every((v) => v >= 0 && v < 1))
    /* Spread over the range, not stuck: every tenth of it is drawn. */
    assert.lengthOf(new Set(values.map((v) => Math.floor(v * 10))), 10)
  })
})
