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
import User from '../models/user.js'
import type { AdminLevel, Role } from '../roles.js'
import { lineageOf } from '../services/region_scope.js'

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
  {
    username: 'moe_admin',
    phone: '13900000101',
    role: 'admin',
    adminLevel: 'ministry',
    regionCode: '000000',
    unitName: '教育部校外教育培训监管司',
    displayName: '刘建国',
  },
  {
    username: 'jl_admin',
    phone: '13900000102',
    role: 'admin',
    adminLevel: 'province',
    regionCode: '220000',
    unitName: '吉林省教育厅',
    displayName: '赵文静',
  },
  {
    username: 'cc_admin',
    phone: '13900000103',
    role: 'admin',
    adminLevel: 'city',
    regionCode: '220100',
    unitName: '长春市教育局',
    displayName: '孙海涛',
  },
  {
    username: 'ccy_admin',
    phone: '13900000104',
    role: 'admin',
    adminLevel: 'county',
    regionCode: '220104',
    unitName: '长春市朝阳区教育局',
    displayName: '李晓梅',
  },
  {
    username: 'ccy_sub',
    phone: '13900000105',
    role: 'admin',
    adminLevel: 'subunit',
    regionCode: '220104',
    unitName: '朝阳区南湖街道教育办公室',
    displayName: '周立新',
  },
  {
    username: 'hb_admin',
    phone: '13900000106',
    role: 'admin',
    adminLevel: 'province',
    regionCode: '130000',
    unitName: '河北省教育厅',
    displayName: '马志强',
  },
  {
    username: 'sjz_admin',
    phone: '13900000107',
    role: 'admin',
    adminLevel: 'city',
    regionCode: '130100',
    unitName: '石家庄市教育局',
    displayName: '郭丽娜',
  },
  {
    username: 'sjz_ca_admin',
    phone: '13900000108',
    role: 'admin',
    adminLevel: 'county',
    regionCode: '130102',
    unitName: '石家庄市长安区教育局',
    displayName: '韩东升',
  },
  {
    username: 'ccy_school',
    phone: '13900000109',
    role: 'school_operator',
    adminLevel: null,
    regionCode: '220104',
    unitName: '长春市朝阳区解放大路小学',
    displayName: '吴春燕',
  },
  {
    username: 'cc_bank',
    phone: '13900000110',
    role: 'bank_operator',
    adminLevel: null,
    regionCode: '220100',
    unitName: '中国建设银行长春分行',
    displayName: '冯国华',
  },
  {
    phone: '13900000201',
    role: 'parent',
    adminLevel: null,
    regionCode: null,
    unitName: null,
    displayName: '王丽',
  },
  {
    phone: '13900000202',
    role: 'institution_owner',
    adminLevel: null,
    regionCode: '220104',
    unitName: '长春启明星艺术培训学校',
    displayName: '陈明',
  },
  {
    phone: '13900000203',
    role: 'institution_staff',
    adminLevel: null,
    regionCode: '220104',
    unitName: '长春启明星艺术培训学校',
    displayName: '杨帆',
  },
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

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段'
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽'

/** A Chinese name made up from common characters (never a real person's). */
export function demoName(n: number): string {
  const given =
    GIVEN.charAt((n * 7) % GIVEN.length) + (n % 3 ? GIVEN.charAt((n * 13 + 5) % GIVEN.length) : '')
  return SURNAMES[(n * 31) % SURNAMES.length] + given
}

/**
 * More demo parents, so orders and refunds come from many families. Their
 * passwords are random and not printed: they exist for the data, while
 * 王丽 (13900000201) is the parent to sign in as.
 */
export async function seedDemoParents(
  count: number,
  regionCodes: string[]
): Promise<{ id: number; password: string; displayName: string }[]> {
  if (app.inProduction) throw new Error('Demo accounts are never created in production')
  const parents = []
  for (let i = 0; i < count; i++) {
    const phone = sealPhone(`1390000${String(300 + i).padStart(4, '0')}`)
    const lineage = lineageOf(regionCodes[i % regionCodes.length]!)
    const password = demoPassword()
    const displayName = demoName(i + 11)
    const user = await User.updateOrCreate(
      { phoneIndex: phone.index },
      {
        role: 'parent',
        adminLevel: null,
        regionCode: lineage.regionCode,
        provinceCode: lineage.provinceCode,
        cityCode: lineage.cityCode,
        countyCode: lineage.countyCode,
        unitName: null,
        displayName,
        username: null,
        phoneCipher: phone.cipher,
        phoneIndex: phone.index,
        phoneMasked: phone.masked,
        password: await hash.make(password),
        passwordSetAt: DateTime.now(),
        status: 'active' as const,
      }
    )
    parents.push({ id: user.id, password, displayName })
  }
  return parents
}
