import { configApp } from '@adonisjs/eslint-config'

// The AdonisJS application preset (Prettier included, so a mis-formatted
// TypeScript file is also a lint error), with two deliberate departures.
export default configApp(
  {
    name: 'Xiaowai ignores',
    ignores: ['build/**', 'tmp/**', 'storage/**', '.data/**', 'bench/tmp/**'],
  },
  {
    name: 'Xiaowai rules',
    rules: {
      // `(await query.first())?.n` reads an aggregate in one line; the rule
      // would turn each of the ~440 such reads into a one-use variable.
      '@unicorn/no-await-expression-member': 'off',
      // The preset's names, plus a leading underscore for a value taken out
      // of an object only to be discarded (`const { id: _id, ...rest } = row`).
      '@typescript-eslint/naming-convention': [
        'error',
        {
          selector: 'variable',
          format: ['camelCase', 'UPPER_CASE', 'PascalCase'],
          leadingUnderscore: 'allow',
        },
        { selector: 'typeLike', format: ['PascalCase'] },
        { selector: 'class', format: ['PascalCase'] },
        {
          selector: 'interface',
          format: ['PascalCase'],
          custom: { regex: '^I[A-Z]', match: false },
        },
      ],
    },
  }
)
