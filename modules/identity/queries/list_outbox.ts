import Notification from '../models/notification.js'

/** Messages the platform sent, newest first (development outbox). */
export class ListOutbox {
  async handle(page = 1) {
    return Notification.query().orderBy('id', 'desc').paginate(Math.max(1, page), 30)
  }
}
