import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
| Runs the sandbox payment provider and supervising bank (sandbox/server.ts)
| for the demo: parents pay on its cashier page, it calls back the platform,
| settles money into supervised accounts and executes the platform's
| instructions as each bank in the database would.
*/
export default class FundsSandboxCommand extends BaseCommand {
  static override commandName = 'funds:sandbox'
  static override description = 'Run the sandbox payment provider and supervising bank on localhost'
  static override options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.number({ description: 'Probability (0–1) that a callback is sent twice', default: 0.2 })
  declare duplicateRate: number

  override async run() {
    const env = (await import('#start/env')).default
    const { startSandbox } = await import('../sandbox/server.js')
    const { sandboxSettings } = await import('../channels/setup.js')
    const { bankCredentials } = await import('../services/supervised_accounts.js')
    const settings = sandboxSettings()
    const url = new URL(settings.url)
    const sandbox = await startSandbox({
      port: Number(url.port),
      host: url.hostname,
      merchants: { [settings.merchantId]: settings.secret },
      duplicateRate: this.duplicateRate,
      delayMs: [200, 1500],
      bank: { platformUrl: env.get('APP_URL'), credentials: bankCredentials, pollMs: 3000 },
      log: (line) => this.logger.info(line),
    })
    this.logger.success(`Sandbox payment provider and bank on ${sandbox.url}`)
    const stop = async () => {
      await sandbox.close()
      await this.terminate()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
}
