import { BaseSchema } from '@adonisjs/lucid/schema'
import { QueueSchemaService } from '@adonisjs/queue'

/* Jobs and schedules for @adonisjs/queue's database adapter (QUEUE_DRIVER=database). */
export default class extends BaseSchema {
  override async up() {
    const schema = new QueueSchemaService(this.db.getWriteClient())
    await schema.createJobsTable('queue_jobs')
    await schema.createSchedulesTable()
  }

  override async down() {
    const schema = new QueueSchemaService(this.db.getWriteClient())
    await schema.dropSchedulesTable()
    await schema.dropJobsTable('queue_jobs')
  }
}
