/*
| Demo accounts: one per role and admin level, in Jilin (where the
| reference plugin applies) and Hebei (where national defaults apply).
| Passwords are random for each installation; the demo launcher prints
| them and keeps them in .data/demo-accounts.txt. Never run in production.
*/
import { randomInt } from 'node:crypto'
import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import hash from '@adonisjs/core/services/hash'
import { sealPhone } from '#kernel/shared/personal_data'
import User from './models/user.js'
import type { AdminLevel, Role } from './roles.js'
import { lineageOf } from './services/region_scope.js'

export interface DemoAccount {
  id: number
  signIn: string
  password: string
  role: Role
  adminLevel: AdminLevel | null
  unitName: string | null
  displayName: string
  regionCode: string | null
}

type Spec = Omit<DemoAccount, 'id' | 'password' | 'signIn'> & { username?: string; phone: string }

const SPECS: Spec[] = [
  { username: 'moe_admin', phone: '13900000101', role: 'admin', adminLevel: 'ministry', regionCode: '000000', unitName: '教育部校外教育培训监管司', displayName: '刘建国' },
  { username: 'jl_admin', phone: '13900000102', role: 'admin', adminLevel: 'province', regionCode: '220000', unitName: '吉林省教育厅', displayName: '赵文静' },
  { username: 'cc_admin', phone: '13900000103', role: 'admin', adminLevel: 'city', regionCode: '220100', unitName: '长春市教育局', displayName: '孙海涛' },
  { username: 'ccy_admin', phone: '13900000104', role: 'admin', adminLevel: 'county', regionCode: '220104', unitName: '长春市朝阳区教育局', displayName: '李晓梅' },
  { username: 'ccy_sub', phone: '13900000105', role: 'admin', adminLevel: 'subunit', regionCode: '220104', unitName: '朝阳区南湖街道教育办公室', displayName: '周立新' },
  { username: 'hb_admin', phone: '13900000106', role: 'admin', adminLevel: 'province', regionCode: '130000', unitName: '河北省教育厅', displayName: '马志强' },
  { username: 'sjz_admin', phone: '13900000107', role: 'admin', adminLevel: 'city', regionCode: '130100', unitName: '石家庄市教育局', displayName: '郭丽娜' },
  { username: 'sjz_ca_admin', phone: '13900000108', role: 'admin', adminLevel: 'county', regionCode: '130102', unitName: '石家庄市长安区教育局', displayName: '韩东升' },
  { username: 'ccy_school', phone: '13900000109', role: 'school_operator', adminLevel: null, regionCode: '220104', unitName: '长春市朝阳区解放大路小学', displayName: '吴春燕' },
  { username: 'cc_bank', phone: '13900000110', role: 'bank_operator', adminLevel: null, regionCode: '220100', unitName: '中国建设银行长春朝阳支行', displayName: '冯国华' },
  { phone: '13900000201', role: 'parent', adminLevel: null, regionCode: null, unitName: null, displayName: '王丽' },
  { phone: '13900000202', role: 'institution_owner', adminLevel: null, regionCode: '220104', unitName: '长春启明星艺术培训学校', displayName: '陈明' },
  { phone: '13900000203', role: 'institution_staff', adminLevel: null, regionCode: '220104', unitName: '长春启明星艺术培训学校', displayName: '杨帆' },
]

function demoPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz'
  const pick = (set: string) => set[randomInt(set.length)]
  const body = Array.from({ length: 8 }, () => pick(letters + '23456789')).join('')
  return `${pick(letters)}${body}${pick('23456789')}`
}

/** Creates (or re-keys) the demo accounts and returns their sign-in names and fresh passwords. */
export async function seedIdentityDemo(): Promise<DemoAccount[]> {
  if (app.inProduction) throw new Error('Demo accounts are never created in production')
  const accounts: DemoAccount[] = []
  for (const spec of SPECS) {
    const phone = sealPhone(spec.phone)
    const lineage = spec.regionCode ? lineageOf(spec.regionCode) : null
    const password = demoPassword()
    const values = {
      role: spec.role,
      adminLevel: spec.adminLevel,
      regionCode: lineage?.regionCode ?? null,
      provinceCode: lineage?.provinceCode ?? null,
      cityCode: lineage?.cityCode ?? null,
      countyCode: lineage?.countyCode ?? null,
      unitName: spec.unitName,
      displayName: spec.displayName,
      username: spec.username ?? null,
      phoneCipher: phone.cipher,
      phoneIndex: phone.index,
      phoneMasked: phone.masked,
      password: await hash.make(password),
      passwordSetAt: DateTime.now(),
      status: 'active' as const,
    }
    const user = await User.updateOrCreate({ phoneIndex: phone.index }, values)
    accounts.push({ id: user.id, signIn: spec.username ?? spec.phone, password, ...spec })
  }
  return accounts
}

export async function demoAccountsExist(): Promise<boolean> {
  return !!(await User.findBy('username', 'moe_admin'))
}
