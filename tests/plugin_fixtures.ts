/*
| The seed fixtures of the plugin test kit (#plugin_sdk/testing `seed`),
| wired to the modules' own test builders: a plugin's test may not import
| a module, so the test set-up lends it their builders.
*/
import { provideSeedFixture } from '#plugin_sdk/testing'
import { createFiledInstitution } from '#testing/registry'

export function provideSeedFixtures() {
  provideSeedFixture('institution', async (input) => {
    const institution = await createFiledInstitution(input)
    return { id: institution.id }
  })
}
