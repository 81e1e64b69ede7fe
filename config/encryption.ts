import env from '#start/env'
import { defineConfig, drivers } from '@adonisjs/core/encryption'

/*
| Personal data (ID and phone numbers) is encrypted with AES-256-GCM.
| New keys go first in `keys`; older keys stay to decrypt existing rows.
*/
export default defineConfig({
  default: 'app',
  list: {
    app: drivers.aes256gcm({
      id: 'app',
      keys: [env.get('APP_KEY')],
    }),
  },
})
