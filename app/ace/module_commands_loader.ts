/*
| Ace loader for commands that modules ship in modules/<name>/commands/.
| Like plugins, module commands are found by folder, not imported by the
| kernel, so the kernel stays free of module code.
*/
import { existsSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { FsLoader } from '@adonisjs/core/ace'
import type { CommandMetaData } from '@adonisjs/core/types/ace'

const modulesRoot = new URL('../../modules/', import.meta.url)

const loaders = existsSync(modulesRoot)
  ? readdirSync(modulesRoot, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => fileURLToPath(new URL(`${entry.name}/commands/`, modulesRoot)))
      .filter((dir) => existsSync(dir))
      .map((dir) => new FsLoader<any>(dir))
  : []

const owners = new Map<string, FsLoader<any>>()

export async function getMetaData(): Promise<CommandMetaData[]> {
  const all: CommandMetaData[] = []
  for (const loader of loaders) {
    for (const meta of await loader.getMetaData()) {
      owners.set(meta.commandName, loader)
      all.push(meta)
    }
  }
  return all
}

export async function getCommand(meta: CommandMetaData) {
  if (!owners.size) await getMetaData()
  return owners.get(meta.commandName)?.getCommand(meta) ?? null
}
