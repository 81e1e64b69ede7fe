import { configApp } from '@adonisjs/eslint-config'

// The AdonisJS application preset (Prettier included, so a mis-formatted
// TypeScript file is also a lint error). Fixtures that plant boundary
// violations on purpose are still linted: they must stay valid TypeScript.
export default configApp({
  name: 'Xiaowai ignores',
  ignores: ['build/**', 'tmp/**', 'storage/**', '.data/**', 'bench/tmp/**'],
})
