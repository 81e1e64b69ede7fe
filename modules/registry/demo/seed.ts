/* Replaced below by the demo data generator. */
export async function seedRegistryDemo(): Promise<{ institutions: number }> {
  return { institutions: 0 }
}
