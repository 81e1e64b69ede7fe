/* The school register's views (`students_schools::…`) and its place in the management terminal. */
export async function bootSchools() {
  const edge = (await import('edge.js')).default
  edge.mount('students_schools', new URL('./views/', import.meta.url))
}
