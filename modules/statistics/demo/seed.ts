/*
| Demo statistics: the rollups of whatever the other modules' demo seeders
| wrote, so the dashboards show figures at once instead of after the first
| 15-minute refresh. Runs after every counting module has seeded.
*/
import app from '@adonisjs/core/services/app'
import { refreshRollups } from '../services/rollups.js'

export async function seedStatisticsDemo() {
  if (app.inProduction) throw new Error('Demo data is never created in production')
  return refreshRollups()
}
