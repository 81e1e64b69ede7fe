import env from '#start/env'

/*
| Provincial plugins live in plugins/<id>/plugin.ts. Only the ids listed
| here are loaded; a listed plugin that is broken or built for another
| platform version stops start-up with a message naming it.
*/
const listed = env.get('PLUGINS', 'jilin')

export default {
  enabled: listed
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean),
}
