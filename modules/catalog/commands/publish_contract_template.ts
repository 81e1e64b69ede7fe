import { readFile } from 'node:fs/promises'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
| Publishes a new version of the standard contract. The file is the whole
| template (see contracts/gf_2021_2604.ts for its shape); `--print` writes
| the current one to start from. Signed contracts keep their version.
*/
export default class PublishContractTemplateCommand extends BaseCommand {
  static override commandName = 'contract-template:publish'
  static override description =
    'Publish a new version of the standard contract template (JSON file), or print the current one'
  static override options: CommandOptions = { startApp: true }

  @args.string({ description: 'JSON file with the new template', required: false })
  declare file?: string

  @flags.string({ description: 'What changed, kept with the version' })
  declare note?: string

  @flags.boolean({ description: 'Print the current template as JSON and exit' })
  declare print: boolean

  override async run() {
    const { currentTemplate, publishTemplate, UnknownPlaceholders } =
      await import('../services/templates.js')
    if (this.print || !this.file) {
      const current = await currentTemplate()
      this.logger.info(`Current: ${current.code} version ${current.version}`)
      console.log(JSON.stringify(current.body, null, 2))
      return
    }
    if (!this.note) {
      this.logger.error('Say what changed with --note')
      this.exitCode = 1
      return
    }
    try {
      const published = await publishTemplate(
        JSON.parse(await readFile(this.file, 'utf8')),
        this.note
      )
      this.logger.success(
        `Published ${published.code} version ${published.version}; contracts signed from now on use it`
      )
    } catch (error) {
      this.logger.error(
        error instanceof UnknownPlaceholders || error instanceof SyntaxError
          ? error.message
          : String(error)
      )
      this.exitCode = 1
    }
  }
}
