/* Factories and helpers other modules' tests may use (`#testing/students`). */
export {}
