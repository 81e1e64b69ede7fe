import { STAGES, type Stage } from '#kernel/shared/school_grades'

/*
| How a register's 学段 column names the stages, as counties type them:
| "小学;初中", "小学、初中", "幼儿园，小学".
*/
const WORDS: Record<string, Stage> = {
  学前: 'preschool',
  学前教育: 'preschool',
  幼儿园: 'preschool',
  小学: 'primary',
  初中: 'junior',
  初级中学: 'junior',
  高中: 'senior',
  高级中学: 'senior',
  普通高中: 'senior',
}

export const STAGE_SEPARATORS = /[;；、,，/\s]+/

/** The stages a cell names, in the vocabulary's order, and the words it does not know. */
export function parseStages(cell: string): { stages: Stage[]; unknown: string[] } {
  const words = cell.split(STAGE_SEPARATORS).filter(Boolean)
  const unknown = words.filter((w) => !(w in WORDS))
  const named = new Set(words.map((w) => WORDS[w]).filter(Boolean))
  return { stages: STAGES.filter((s) => named.has(s)), unknown }
}
