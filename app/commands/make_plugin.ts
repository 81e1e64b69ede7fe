import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import { scaffoldPlugin } from '../ace/scaffold.js'

export default class MakePlugin extends BaseCommand {
  static override commandName = 'make:plugin'
  static override description = 'Create a provincial plugin in plugins/<id>'

  @args.string({ description: 'Plugin id in snake_case, e.g. "hebei"' })
  declare id: string

  @flags.array({ description: 'Province codes the plugin governs, e.g. 130000', alias: 'r' })
  declare regions: string[]

  override async run() {
    await scaffoldPlugin(this.app.appRoot, this.id, this.regions ?? [])
    this.logger.success(
      `Created plugins/${this.id}. Enable it by adding "${this.id}" to PLUGINS in .env`
    )
  }
}
