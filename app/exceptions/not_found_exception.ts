import { Exception } from '@adonisjs/core/exceptions'

/** A record that does not exist, or that the person may not know exists: the 404 page, never a redirect. */
export class NotFoundException extends Exception {
  static override status = 404
  static override code = 'E_NOT_FOUND'
  static override message = 'Not found'
}
