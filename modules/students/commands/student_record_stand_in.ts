import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/*
| Runs the local stand-in of the student-record service (学籍核验,
| children/student_record/stand_in.ts) for development: it checks the
| platform's signed requests with the shared secret the platform uses and
| answers from a register holding the demo children.
*/
export default class StudentRecordStandInCommand extends BaseCommand {
  static override commandName = 'students:record-stand-in'
  static override description = 'Run the student-record service stand-in on localhost'
  static override options: CommandOptions = { startApp: true, staysAlive: true }

  override async run() {
    const { startStudentRecordStandIn } = await import('../children/student_record/stand_in.js')
    const { studentRecordSettings } = await import('../children/student_record/service.js')
    const { demoStudentRecords } = await import('../children/demo.js')
    const settings = studentRecordSettings()
    const url = new URL(settings.url)
    const standIn = await startStudentRecordStandIn({
      apps: { [settings.appId]: settings.secret },
      records: await demoStudentRecords(),
      port: Number(url.port),
      host: url.hostname,
      log: (line) => this.logger.info(`student record: ${line}`),
    })
    this.logger.success(`Student-record stand-in on ${standIn.url}`)
    const stop = async () => {
      await standIn.close()
      await this.terminate()
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
}
