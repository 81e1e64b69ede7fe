import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import { scaffoldModule } from '../ace/scaffold.js'

export default class MakeModule extends BaseCommand {
  static override commandName = 'make:module'
  static override description =
    'Create a module in modules/<name> and wire its provider, routes and test suites'

  @args.string({ description: 'Module name in snake_case, e.g. "afterschool"' })
  declare name: string

  @flags.array({ description: 'Modules this one may use (its module.json dependsOn)', alias: 'd' })
  declare dependsOn: string[]

  override async run() {
    await scaffoldModule(this.app.appRoot, this.name, this.dependsOn ?? [])
    this.logger.success(
      `Created modules/${this.name}; provider, routes and suites added to adonisrc.ts`
    )
  }
}
