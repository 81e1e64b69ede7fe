/*
| Ace loader for the benchmark commands in bench/commands/ (bench:seed),
| registered in adonisrc.ts like the module commands loader.
*/
import { fileURLToPath } from 'node:url'
import { FsLoader } from '@adonisjs/core/ace'
import type { CommandMetaData } from '@adonisjs/core/types/ace'

const loader = new FsLoader<any>(fileURLToPath(new URL('./commands/', import.meta.url)))

let loaded: Promise<CommandMetaData[]> | null = null

export function getMetaData(): Promise<CommandMetaData[]> {
  return (loaded ??= loader.getMetaData())
}

export async function getCommand(meta: CommandMetaData) {
  await getMetaData()
  return loader.getCommand(meta)
}
