/*
| Benchmark support (`npm run bench`): an admin account of a given level
| and region whose password the benchmark chooses, so it can sign in
| through the real form. Refused unless BENCH_ROUTES is set: a real
| deployment never has accounts with a password set by a script.
*/
import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import env from '#start/env'
import { sealPhone } from '#kernel/shared/personal_data'
import User from '../models/user.js'
import type { AdminLevel } from '../roles.js'
import { lineageOf } from '../services/region_scope.js'

export interface BenchAdminInput {
  /** Lower-case sign-in name, e.g. bench_county. */
  username: string
  adminLevel: Exclude<AdminLevel, 'subunit'>
  regionCode: string
  password: string
  /** A mainland mobile number no other account uses. */
  phone: string
}

export class ProvisionBenchAdmin {
  async handle(input: BenchAdminInput): Promise<{ id: number; signIn: string }> {
    if (!env.get('BENCH_ROUTES'))
      throw new Error('Benchmark accounts exist only when BENCH_ROUTES is set')
    const lineage = lineageOf(input.regionCode)
    const phone = sealPhone(input.phone)
    const user = await User.updateOrCreate(
      { username: input.username },
      {
        role: 'admin',
        adminLevel: input.adminLevel,
        regionCode: lineage.regionCode,
        provinceCode: lineage.provinceCode,
        cityCode: lineage.cityCode,
        countyCode: lineage.countyCode,
        unitName: `压测账号（${input.adminLevel}）`,
        displayName: '压测账号',
        phoneCipher: phone.cipher,
        phoneIndex: phone.index,
        phoneMasked: phone.masked,
        password: await hash.make(input.password),
        passwordSetAt: DateTime.now(),
        status: 'active',
      }
    )
    return { id: user.id, signIn: input.username }
  }
}
