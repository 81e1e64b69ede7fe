import SupervisingBank from '../models/supervising_bank.js'

export interface SupervisingBankRow {
  id: number
  name: string
  regionCode: string
}

/** Every registered supervising bank, by name (the filing form's select and the management list). */
export async function supervisingBanks(): Promise<SupervisingBankRow[]> {
  const rows = await SupervisingBank.query().orderBy('name').orderBy('id')
  return rows.map((b) => ({ id: b.id, name: b.name, regionCode: b.regionCode }))
}

/** Whether a bank of this exact name is registered: the only banks a filing may name. */
export async function isSupervisingBank(name: string): Promise<boolean> {
  return !!(await SupervisingBank.query().where('name', name.trim()).select('id').first())
}
