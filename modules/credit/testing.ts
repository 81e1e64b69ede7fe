/* Factories and helpers other modules' tests may use (`#testing/credit`). */
export {}
