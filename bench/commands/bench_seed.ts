import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
| Fills an empty, migrated database with generated national-scale data
| (bench/seed.ts): every region, institutions spread by population, staff,
| courses, contracts, orders with their payments, classes, releases and
| refunds as balanced ledger transactions, complaints, inspections. Prints
| the time of each phase, the rows written and the ledger check.
|
|   node ace bench:seed --scale=smoke|province|national [--province=220000] [--force] [--seed=N]
|                       [--vacuum] [--no-check] [--seal-workers=2]
*/
export default class BenchSeedCommand extends BaseCommand {
  static override commandName = 'bench:seed'
  static override description =
    'Generate benchmark data (smoke, one province, or the whole country) into an empty database'
  static override options: CommandOptions = { startApp: true }

  @flags.string({
    description:
      'smoke (every county, a few thousand orders), province (1/30 of national, one province) or national',
    default: 'smoke',
  })
  declare scale: string

  @flags.string({ description: 'Province code of the province scale', default: '220000' })
  declare province: string

  @flags.number({
    description: 'Seed of the generator: the same seed gives the same data',
    default: 20261123,
  })
  declare seed: number

  @flags.boolean({
    description: 'Empty the generated tables first instead of refusing a database that has data',
  })
  declare force: boolean

  @flags.boolean({ description: 'VACUUM (ANALYZE) at the end instead of ANALYZE' })
  declare vacuum: boolean

  @flags.boolean({
    description: 'Prove the ledger invariants at the end',
    default: true,
    showNegatedVariantInHelp: true,
  })
  declare check: boolean

  @flags.number({
    description: 'Worker threads sealing personal data (0: seal in the main thread)',
    default: 2,
  })
  declare sealWorkers: number

  override async run() {
    if (!['smoke', 'province', 'national'].includes(this.scale)) {
      this.logger.error(`--scale must be smoke, province or national (got "${this.scale}")`)
      this.exitCode = 1
      return
    }
    const { seed, NotEmptyError } = await import('../seed.js')
    let report
    try {
      report = await seed({
        scale: this.scale as 'smoke' | 'province' | 'national',
        province: this.province,
        seed: this.seed,
        force: this.force,
        vacuum: this.vacuum,
        check: this.check,
        sealWorkers: this.sealWorkers,
        log: (line) => this.logger.info(line),
      })
    } catch (error) {
      if (error instanceof NotEmptyError) {
        this.logger.error(error.message)
        this.exitCode = 1
        return
      }
      throw error
    }
    const table = this.ui.table()
    table.head(['phase', 'seconds'])
    for (const p of report.phases) table.row([p.phase, p.seconds.toFixed(1)])
    table.row(['total', report.generationSeconds.toFixed(1)])
    table.render()
    const rows = this.ui.table()
    rows.head(['table', 'rows'])
    for (const [name, n] of Object.entries(report.rows).sort())
      rows.row([name, n.toLocaleString('en-US')])
    rows.render()
    for (const [name, byStatus] of Object.entries(report.statuses)) {
      this.logger.info(
        `${name} by status: ${Object.entries(byStatus)
          .map(([s, n]) => `${s} ${n.toLocaleString('en-US')}`)
          .join(', ')}`
      )
    }
    this.logger.info(
      `Every generated account signs in with the password ${report.password} (bureaus: admin_<region code>; parents and institutions: their phone). Summary in .data/bench-seed.json`
    )
    if (report.ledger) {
      if (report.ledger.clean)
        this.logger.success(`Ledger invariants hold (checked in ${report.ledger.seconds} s)`)
      else {
        this.logger.error(`Ledger problems:\n${JSON.stringify(report.ledger.problems, null, 2)}`)
        this.exitCode = 1
      }
    }
  }
}
