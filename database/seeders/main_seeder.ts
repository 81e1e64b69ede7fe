import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import app from '@adonisjs/core/services/app'
import { BaseSeeder } from '@adonisjs/lucid/seeders'
import {
  type DemoAccount,
  demoAccountsExist,
  seedDemoParents,
  seedIdentityDemo,
} from '#modules/identity/demo'
import { seedRegistryDemo } from '#modules/registry/demo'
import { seedSchoolsDemo, seedStudentsDemo } from '#modules/students/demo'
import { seedCatalogDemo } from '#modules/catalog/demo'
import { seedFundsDemo } from '#modules/funds/demo'
import { seedComplaintsDemo } from '#modules/complaints/demo'
import { seedStatisticsDemo } from '#modules/statistics/demo'
import { seedCreditDemo } from '#modules/credit/demo'
import { seedAfterschoolDemo } from '#modules/afterschool/demo'

/*
| Demo data for `npm run demo`. Runs once: later starts keep what is in the
| database. Each module seeds its own part through its public API.
*/
export default class MainSeeder extends BaseSeeder {
  static override environment = ['development']

  override async run() {
    const file = app.makePath('.data/demo-accounts.txt')
    if ((await demoAccountsExist()) && existsSync(file)) {
      console.log(readFileSync(file, 'utf8'))
      return
    }
    const accounts = await seedIdentityDemo()
    const byRole = (role: string) => accounts.find((a) => a.role === role)?.id
    const registry = await seedRegistryDemo({
      owner: byRole('institution_owner'),
      staff: byRole('institution_staff'),
    })
    console.log(`Registry demo data: ${registry.institutions} institutions`)
    /* The school register first: the children's profiles name its schools. */
    const schools = await seedSchoolsDemo(byRole('school_operator'))
    console.log(`School register demo data: ${schools.schools} schools`)
    const parent = accounts.find((a) => a.role === 'parent')
    if (parent) {
      const { children } = await seedStudentsDemo({ ...parent, role: 'parent' })
      console.log(`Children demo data: ${children} profiles of the demo parent`)
    }
    const families = await seedDemoParents(48, ['220104', '220102', '220105', '130102', '130104'])
    await seedCatalogDemo(accounts, families)
    const bank = accounts.find((a) => a.role === 'bank_operator')
    await seedFundsDemo({
      bankOperatorId: bank?.id,
      bankName: bank?.unitName ?? undefined,
      parentId: byRole('parent'),
    })
    const complaints = await seedComplaintsDemo(accounts, families)
    console.log(
      `Complaints demo data: ${complaints.complaints} complaints, ${complaints.reviews} reviews`
    )
    /* Credit grades first: an after-school list is compared and ranked by them. */
    const credit = await seedCreditDemo()
    console.log(
      `Credit demo data: ${credit.institutions} institutions scored, ${credit.warnings} risk warnings raised`
    )
    const afterschool = await seedAfterschoolDemo({
      countyAdminId: accounts.find(
        (a) => a.role === 'admin' && a.regionCode === '220104' && a.adminLevel === 'county'
      )?.id,
      schoolOperatorId: byRole('school_operator'),
      institutionOwnerId: byRole('institution_owner'),
    })
    console.log(
      `After-school demo data: ${afterschool.applied} applicants, ${afterschool.listed} listed, ${afterschool.chosen} chosen by 解放大路小学`
    )
    const statistics = await seedStatisticsDemo()
    console.log(`Statistics demo data: ${statistics.rows} rollup rows`)
    const text = formatAccounts(accounts)
    mkdirSync(app.makePath('.data'), { recursive: true })
    writeFileSync(file, text, { mode: 0o600 })
    console.log(text)
  }
}

function formatAccounts(accounts: DemoAccount[]): string {
  const lines = accounts.map((a) => {
    const who = [a.unitName, a.displayName].filter(Boolean).join(' ')
    const role = a.adminLevel ? `admin/${a.adminLevel}` : a.role
    return `  ${a.signIn.padEnd(14)} ${a.password.padEnd(12)} ${role.padEnd(20)} ${who}`
  })
  return [
    'Demo accounts (sign in at http://localhost:3333/login; passwords are random for this installation):',
    `  ${'sign-in'.padEnd(14)} ${'password'.padEnd(12)} ${'role'.padEnd(20)} unit / name`,
    ...lines,
    '',
  ].join('\n')
}
