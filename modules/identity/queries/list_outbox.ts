import DevSms from '../models/dev_sms.js'

/** Texts the development channel delivered, newest first (/dev/outbox). */
export class ListOutbox {
  async handle(page = 1) {
    return DevSms.query().orderBy('id', 'desc').paginate(Math.max(1, page), 30)
  }
}
